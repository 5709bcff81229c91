#include "postgresstore.h"
#include "serverconfig.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Glosa::ServerConfig;

class tst_ServerConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        const ServerConfig config;
        QCOMPARE(config.listenPort, 8765);
        QCOMPARE(config.adminPort, 8766);
        QCOMPARE(config.listenAddress, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(config.tenants.size(), 1);
        QCOMPARE(config.tenants.first().id, u"local"_s);
        QVERIFY(config.tenants.first().anonymous);
        QCOMPARE(config.limits.opsPerSecond, 20.0);
        QCOMPARE(config.limits.burst, 60);
        QCOMPARE(config.limits.sendQueueBytes, 8 * 1024 * 1024);
        QCOMPARE(config.limits.frameBytes, 64 * 1024);
        QCOMPARE(config.batchMs, 20);
        QCOMPARE(config.pingIntervalMs, 30000);
        const Glosa::PageLimits page = config.tenants.first().pageLimits;
        QCOMPARE(page.chats, 10000);
        QCOMPARE(page.commentsPerChat, 1000);
        QCOMPARE(page.bytes, 64 * 1024 * 1024);
    }

    // A tenant sets the limits of its pages, each one on its own; the others keep the defaults.
    void pageLimitsPerTenant()
    {
        ServerConfig config;
        QString error;
        QVERIFY2(config.loadJson(R"({"tenants":[
            {"id":"small","anonymous":true,"pageLimits":{"chats":5,"bytes":4096}},
            {"id":"plain","anonymous":true}],"limits":{"pingIntervalMs":1500}})",
                                 &error),
                 qPrintable(error));
        QCOMPARE(config.tenants.at(0).pageLimits, (Glosa::PageLimits{5, 1000, 4096}));
        QCOMPARE(config.tenants.at(1).pageLimits, Glosa::PageLimits());
        QCOMPARE(config.pingIntervalMs, 1500);
    }

    // The store the nodes of a cluster share, named in the file they share.
    void store()
    {
        ServerConfig config;
        QString error;
        QVERIFY(config.store.isEmpty());
        QVERIFY2(config.loadJson("{\"store\":\"postgresql://glosa:pw@10.0.0.2/glosa\"}", &error),
                 qPrintable(error));
        QCOMPARE(config.store, u"postgresql://glosa:pw@10.0.0.2/glosa"_s);
        QVERIFY(Glosa::PostgresStore::isUrl(u"postgres://db/glosa"_s));
        QVERIFY(!Glosa::PostgresStore::isUrl(u"/var/lib/glosa"_s));
    }

    void validFile()
    {
        ServerConfig config;
        QString error;
        QVERIFY2(config.loadJson(R"({"tenants":[{"id":"acme","secret":"s3","anonymous":false},
            {"id":"open","anonymous":true}],"limits":{"opsPerSecond":5,"burst":10}})",
                                 &error),
                 qPrintable(error));
        QCOMPARE(config.tenants.size(), 2);
        QCOMPARE(config.tenants.at(0), (Glosa::TenantConfig{u"acme"_s, "s3", false, {}}));
        QCOMPARE(config.tenants.at(1), (Glosa::TenantConfig{u"open"_s, {}, true, {}}));
        QCOMPARE(config.limits.opsPerSecond, 5.0);
        QCOMPARE(config.limits.burst, 10);
        QCOMPARE(config.limits.sendQueueBytes, 8 * 1024 * 1024);
    }

    void invalidFile_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("fault");
        QTest::newRow("not JSON") << "{tenants:"_ba << u"not valid JSON"_s;
        QTest::newRow("store not PostgreSQL")
            << "{\"store\":\"sqlite:///var/lib/glosa.db\"}"_ba << u"store"_s;
        QTest::newRow("store not string") << R"({"store":5432})"_ba << u"store"_s;
        QTest::newRow("array") << "[]"_ba << u"must be a JSON object"_s;
        QTest::newRow("tenants not array")
            << R"({"tenants":{}})"_ba << u"tenants must be an array"_s;
        QTest::newRow("tenant without id")
            << R"({"tenants":[{"secret":"x"}]})"_ba << u"tenants[0]"_s;
        QTest::newRow("nobody could connect")
            << R"({"tenants":[{"id":"a"}]})"_ba << u"nobody could connect"_s;
        QTest::newRow("duplicate")
            << R"({"tenants":[{"id":"a","anonymous":true},{"id":"a","anonymous":true}]})"_ba
            << u"twice"_s;
        QTest::newRow("secret not string")
            << R"({"tenants":[{"id":"a","secret":5}]})"_ba << u"secret must be a string"_s;
        QTest::newRow("burst below one") << R"({"limits":{"burst":0.5}})"_ba << u"limits.burst"_s;
        QTest::newRow("burst beyond range")
            << R"({"limits":{"burst":1e10}})"_ba << u"limits.burst"_s;
        QTest::newRow("queue below one")
            << R"({"limits":{"sendQueueBytes":0.5}})"_ba << u"limits.sendQueueBytes"_s;
        QTest::newRow("queue beyond range")
            << R"({"limits":{"sendQueueBytes":1e30}})"_ba << u"limits.sendQueueBytes"_s;
        QTest::newRow("frame below one")
            << R"({"limits":{"frameBytes":0.5}})"_ba << u"limits.frameBytes"_s;
        QTest::newRow("negative limit") << R"({"limits":{"burst":-1}})"_ba << u"limits.burst"_s;
        QTest::newRow("limit not number")
            << R"({"limits":{"opsPerSecond":"fast"}})"_ba << u"limits.opsPerSecond"_s;
        QTest::newRow("frame over 1 MiB")
            << R"({"limits":{"frameBytes":2000000}})"_ba << u"frameBytes"_s;
        QTest::newRow("ping too often")
            << R"({"limits":{"pingIntervalMs":10}})"_ba << u"limits.pingIntervalMs"_s;
        QTest::newRow("page limits not object")
            << R"({"tenants":[{"id":"a","anonymous":true,"pageLimits":5}]})"_ba
            << u"tenants[0].pageLimits must be an object"_s;
        QTest::newRow("no chats per page")
            << R"({"tenants":[{"id":"a","anonymous":true,"pageLimits":{"chats":0}}]})"_ba
            << u"tenants[0].pageLimits.chats"_s;
        QTest::newRow("comments per chat not number")
            << R"({"tenants":[{"id":"a","anonymous":true,"pageLimits":{"commentsPerChat":"x"}}]})"_ba
            << u"tenants[0].pageLimits.commentsPerChat"_s;
        QTest::newRow("page bytes too small")
            << R"({"tenants":[{"id":"a","anonymous":true},{"id":"b","anonymous":true,"pageLimits":{"bytes":10}}]})"_ba
            << u"tenants[1].pageLimits.bytes"_s;
    }

    void invalidFile()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, fault);
        ServerConfig config;
        const ServerConfig before = config;
        QString error;
        QVERIFY(!config.loadJson(json, &error));
        QVERIFY2(error.contains(fault), qPrintable(error));
        QCOMPARE(config.tenants, before.tenants);
        QCOMPARE(config.limits, before.limits);
        QCOMPARE(config.pingIntervalMs, before.pingIntervalMs);
    }

    void fileErrorsNameTheFile()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(u"missing.json"_s);
        ServerConfig config;
        QString error;
        QVERIFY(!config.loadFile(missing, &error));
        QVERIFY(error.startsWith(missing));
        QFile bad(dir.filePath(u"bad.json"_s));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{]");
        bad.close();
        QVERIFY(!config.loadFile(bad.fileName(), &error));
        QVERIFY(error.startsWith(bad.fileName()));
    }

    void hostPort_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("ipv4") << u"127.0.0.1:8765"_s << true << u"127.0.0.1"_s << 8765;
        QTest::newRow("any port") << u"0.0.0.0:0"_s << true << u"0.0.0.0"_s << 0;
        QTest::newRow("ipv6") << u"[::1]:9000"_s << true << u"::1"_s << 9000;
        QTest::newRow("localhost") << u"localhost:1"_s << true << u"127.0.0.1"_s << 1;
        QTest::newRow("no port") << u"127.0.0.1"_s << false << QString() << 0;
        QTest::newRow("port too big") << u"127.0.0.1:70000"_s << false << QString() << 0;
        QTest::newRow("not a number") << u"127.0.0.1:http"_s << false << QString() << 0;
        QTest::newRow("host name") << u"example.org:80"_s << false << QString() << 0;
        QTest::newRow("empty host") << u":80"_s << false << QString() << 0;
    }

    void hostPort()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, host);
        QFETCH(int, port);
        QHostAddress address;
        quint16 parsedPort = 0;
        QString error;
        QCOMPARE(ServerConfig::parseHostPort(text, &address, &parsedPort, &error), valid);
        if (valid) {
            QCOMPARE(address, QHostAddress(host));
            QCOMPARE(int(parsedPort), port);
        } else {
            QVERIFY(error.contains(text) || error.contains(u"IP address"_s));
        }
    }
};

QTEST_GUILESS_MAIN(tst_ServerConfig)
#include "tst_serverconfig.moc"
