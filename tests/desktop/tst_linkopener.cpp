#include "chatlink.h"
#include "linkopener.h"

#include <QHostAddress>
#include <QNetworkInterface>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Glosa;

namespace {

const QString Chat = u"0b7e3c1a-5f2d-4c6e-9a8b-1d2c3e4f5a6b"_s;

ChatLink link(const QString &server, const QString &tenant = u"local"_s)
{
    return {QUrl(server), tenant, u"doc/x"_s, Chat};
}

// An address of this computer's that is not loopback, if it has one.
QString lanAddress()
{
    const QList<QHostAddress> all = QNetworkInterface::allAddresses();
    for (const QHostAddress &a : all) {
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback())
            return a.toString();
    }
    return {};
}

// Settings saved for a team's server, with a token.
AppContext::Settings teamSettings()
{
    AppContext::Settings saved;
    saved.servers = {QUrl(u"wss://a.example.org/v1/ws"_s)};
    saved.tenant = u"acme"_s;
    saved.token = u"secret"_s;
    saved.tokenFile = u"/home/ana/token"_s;
    return saved;
}

} // namespace

// Which server a link is for, and what a Glosa started on a link runs with. Opening links in a
// window is tested with the window (tst_mainwindow).
class tst_LinkOpener : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isServerOf_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QStringList>("urls");
        QTest::addColumn<bool>("embedded");
        QTest::addColumn<bool>("expected");
        const QStringList local{u"ws://127.0.0.1:8765/v1/ws"_s};
        const QStringList team{u"wss://glosa.example.org/v1/ws"_s};
        QTest::newRow("the same") << local.first() << local << false << true;
        QTest::newRow("localhost") << u"ws://localhost:8765/v1/ws"_s << local << false << true;
        QTest::newRow("IPv6 loopback") << u"ws://[::1]:8765/v1/ws"_s << local << false << true;
        QTest::newRow("another port") << u"ws://127.0.0.1:8766/v1/ws"_s << local << true << false;
        QTest::newRow("wss for ws") << u"wss://127.0.0.1:8765/v1/ws"_s << local << true << false;
        QTest::newRow("default port and case")
            << u"wss://Glosa.Example.org:443/v1/ws"_s << team << false << true;
        QTest::newRow("default path") << u"wss://glosa.example.org"_s << team << false << true;
        QTest::newRow("another path")
            << u"wss://glosa.example.org/other/v1/ws"_s << team << false << false;
        QTest::newRow("another host") << u"wss://example.org/v1/ws"_s << team << false << false;
        QTest::newRow("a node of the cluster")
            << u"wss://b.example.org/v1/ws"_s
            << QStringList{u"wss://a.example.org/v1/ws"_s, u"wss://b.example.org/v1/ws"_s} << false
            << true;
        QTest::newRow("a host elsewhere, embedded")
            << u"ws://192.0.2.1:8765/v1/ws"_s << local << true << false;
        if (const QString lan = lanAddress(); !lan.isEmpty()) {
            // A link made while this computer's server was shared on the network.
            const QString shared = u"ws://%1:8765/v1/ws"_s.arg(lan);
            QTest::newRow("shared, embedded") << shared << local << true << true;
            QTest::newRow("shared, not embedded") << shared << local << false << false;
        }
    }

    void isServerOf()
    {
        QFETCH(QString, server);
        QFETCH(QStringList, urls);
        QFETCH(bool, embedded);
        QFETCH(bool, expected);
        QList<QUrl> list;
        for (const QString &url : std::as_const(urls))
            list.append(QUrl(url));
        QCOMPARE(LinkOpener::isServerOf(QUrl(server), list, embedded), expected);
    }

    void linkOfThisComputersServerKeepsTheSettings()
    {
        AppContext::Settings saved;
        saved.token = u"t"_s;
        const AppContext::Settings s =
            LinkOpener::settingsFor(link(u"ws://localhost:8765/v1/ws"_s), saved, saved, {});
        QVERIFY(s.servers.isEmpty());
        QCOMPARE(s.tenant, u"local"_s);
        QCOMPARE(s.token, u"t"_s);
        // On another port it is another server.
        const AppContext::Settings other =
            LinkOpener::settingsFor(link(u"ws://localhost:9000/v1/ws"_s), saved, saved, {});
        QCOMPARE(other.servers, QList<QUrl>{QUrl(u"ws://localhost:9000/v1/ws"_s)});
        QVERIFY(other.token.isEmpty());
    }

    void linkOfAnotherServerTakesItsServerWithoutTheToken()
    {
        const AppContext::Settings saved = teamSettings();
        const ChatLink elsewhere = link(u"wss://b.example.org/v1/ws"_s, u"beta"_s);
        AppContext::Settings s = LinkOpener::settingsFor(elsewhere, saved, saved, {});
        QCOMPARE(s.servers, QList<QUrl>{elsewhere.server});
        QCOMPARE(s.tenant, u"beta"_s);
        QVERIFY(s.token.isEmpty());
        QVERIFY(s.tokenFile.isEmpty());

        // The same server and tenant: the token is theirs.
        s = LinkOpener::settingsFor(link(u"wss://a.example.org:443/v1/ws"_s, u"acme"_s), saved,
                                    saved, {});
        QCOMPARE(s.servers, saved.servers);
        QCOMPARE(s.token, u"secret"_s);
        QCOMPARE(s.tokenFile, saved.tokenFile);
        // The same server, another tenant: a token names its tenant, and is not sent.
        s = LinkOpener::settingsFor(link(u"wss://a.example.org/v1/ws"_s, u"beta"_s), saved, saved,
                                    {});
        QCOMPARE(s.tenant, u"beta"_s);
        QVERIFY(s.token.isEmpty());
    }

    void commandLineWins()
    {
        const AppContext::Settings saved = teamSettings();
        const ChatLink elsewhere = link(u"wss://b.example.org/v1/ws"_s, u"beta"_s);
        // A new Glosa started for a link has its server and tenant on its command line: the
        // saved token is not sent there either.
        AppContext::Settings given = saved;
        given.servers = {elsewhere.server};
        given.tenant = elsewhere.tenant;
        AppContext::Settings s = LinkOpener::settingsFor(elsewhere, given, saved, {true, true});
        QCOMPARE(s.servers, given.servers);
        QVERIFY(s.token.isEmpty());
        // --server and --tenant stay as given, and so does --token-file.
        given = saved;
        given.tokenFile = u"/tmp/token"_s;
        s = LinkOpener::settingsFor(elsewhere, given, saved, {true, true, true});
        QCOMPARE(s.servers, saved.servers);
        QCOMPARE(s.tenant, u"acme"_s);
        QCOMPARE(s.tokenFile, u"/tmp/token"_s);
        QCOMPARE(s.token, u"secret"_s);
        s = LinkOpener::settingsFor(elsewhere, given, saved, {false, false, true});
        QCOMPARE(s.servers, QList<QUrl>{elsewhere.server});
        QCOMPARE(s.tokenFile, u"/tmp/token"_s);
        QVERIFY(s.token.isEmpty());
    }
};

QTEST_APPLESS_MAIN(tst_LinkOpener)
#include "tst_linkopener.moc"
