#include "authenticator.h"
#include "jwt.h"

#include <QDateTime>
#include <QTest>

using namespace Qt::StringLiterals;
using Glosa::Authenticator;
using Glosa::User;

class tst_Authenticator : public QObject
{
    Q_OBJECT

private:
    const Authenticator m_auth{
        {{u"acme"_s, "secret", false}, {u"open"_s, {}, true}, {u"both"_s, "both-secret", true}}};
    const qint64 m_now = QDateTime::currentSecsSinceEpoch();

    Authenticator::Result check(const QString &tenant, const QString &token) const
    {
        Glosa::Hello hello;
        hello.tenant = tenant;
        hello.token = token;
        return m_auth.authenticate(hello, m_now);
    }

    QString sign(const QJsonObject &claims, const QByteArray &secret = "secret") const
    {
        return QString::fromLatin1(Glosa::Jwt::sign(claims, secret));
    }

private Q_SLOTS:
    void tokens_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QJsonObject>("claims");
        QTest::addColumn<int>("closeCode");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("role");
        const qint64 exp = m_now + 60;
        QTest::newRow("full") << u"acme"_s
                              << QJsonObject{{"tid"_L1, "acme"_L1},
                                             {"sub"_L1, "u1"_L1},
                                             {"name"_L1, "Ana"_L1},
                                             {"role"_L1, "viewer"_L1},
                                             {"exp"_L1, exp}}
                              << 0 << u"u1"_s << u"Ana"_s << int(User::Role::Viewer);
        QTest::newRow("defaults") << u"acme"_s
                                  << QJsonObject{{"tid"_L1, "acme"_L1},
                                                 {"sub"_L1, "u2"_L1},
                                                 {"exp"_L1, exp}}
                                  << 0 << u"u2"_s << u"u2"_s << int(User::Role::Member);
        QTest::newRow("token on a mixed tenant")
            << u"both"_s
            << QJsonObject{{"tid"_L1, "both"_L1},
                           {"sub"_L1, "u3"_L1},
                           {"role"_L1, "moderator"_L1},
                           {"exp"_L1, exp}}
            << 0 << u"u3"_s << u"u3"_s << int(User::Role::Moderator);
        QTest::newRow("no sub") << u"acme"_s << QJsonObject{{"tid"_L1, "acme"_L1}, {"exp"_L1, exp}}
                                << 4401 << QString() << QString() << 0;
        QTest::newRow("empty name") << u"acme"_s
                                    << QJsonObject{{"tid"_L1, "acme"_L1},
                                                   {"sub"_L1, "u"_L1},
                                                   {"name"_L1, ""_L1},
                                                   {"exp"_L1, exp}}
                                    << 4401 << QString() << QString() << 0;
        QTest::newRow("no exp") << u"acme"_s
                                << QJsonObject{{"tid"_L1, "acme"_L1}, {"sub"_L1, "u"_L1}} << 4401
                                << QString() << QString() << 0;
        QTest::newRow("expired") << u"acme"_s
                                 << QJsonObject{{"tid"_L1, "acme"_L1},
                                                {"sub"_L1, "u"_L1},
                                                {"exp"_L1, m_now}}
                                 << 4401 << QString() << QString() << 0;
        QTest::newRow("other tid")
            << u"acme"_s << QJsonObject{{"tid"_L1, "both"_L1}, {"sub"_L1, "u"_L1}, {"exp"_L1, exp}}
            << 4401 << QString() << QString() << 0;
        QTest::newRow("no tid") << u"acme"_s << QJsonObject{{"sub"_L1, "u"_L1}, {"exp"_L1, exp}}
                                << 4401 << QString() << QString() << 0;
        QTest::newRow("unknown tenant")
            << u"nope"_s << QJsonObject{{"tid"_L1, "nope"_L1}, {"sub"_L1, "u"_L1}, {"exp"_L1, exp}}
            << 4403 << QString() << QString() << 0;
    }

    void tokens()
    {
        QFETCH(QString, tenant);
        QFETCH(QJsonObject, claims);
        QFETCH(int, closeCode);
        QFETCH(QString, id);
        QFETCH(QString, name);
        QFETCH(int, role);
        const QByteArray secret = tenant == "both"_L1 ? "both-secret" : "secret";
        const Authenticator::Result r = check(tenant, sign(claims, secret));
        QCOMPARE(r.closeCode, closeCode);
        if (closeCode) {
            QCOMPARE(r.error.code, closeCode == 4403 ? u"forbidden"_s : u"unauthorized"_s);
            QVERIFY(!r.error.message.isEmpty());
            return;
        }
        QVERIFY(r.error.isNull());
        QCOMPARE(r.user, (User{id, name, User::Role(role)}));
    }

    void anonymous()
    {
        const Authenticator::Result a = check(u"open"_s, {});
        const Authenticator::Result b = check(u"open"_s, {});
        QVERIFY(a.error.isNull());
        QVERIFY(a.user.id.startsWith(u"anon:"_s));
        QCOMPARE(a.user.role, User::Role::Member);
        QVERIFY(a.user.id != b.user.id);
        QVERIFY(!a.user.name.isEmpty());
        QCOMPARE(check(u"acme"_s, {}).closeCode, 4401);
        QVERIFY(check(u"both"_s, {}).error.isNull());
        // An anonymous user may ask for a name; a token's name rules over it.
        Glosa::Hello named;
        named.tenant = u"both"_s;
        named.name = u"Marta"_s;
        QCOMPARE(m_auth.authenticate(named, m_now).user.name, u"Marta"_s);
        named.token = sign({{"tid"_L1, "both"_L1},
                            {"sub"_L1, "u9"_L1},
                            {"name"_L1, "Nine"_L1},
                            {"exp"_L1, m_now + 60}},
                           "both-secret");
        QCOMPARE(m_auth.authenticate(named, m_now).user.name, u"Nine"_s);
        // A tenant with no secret cannot check a token.
        QCOMPARE(check(u"open"_s,
                       sign({{"tid"_L1, "open"_L1}, {"sub"_L1, "u"_L1}, {"exp"_L1, m_now + 60}}))
                     .closeCode,
                 4401);
    }
};

QTEST_GUILESS_MAIN(tst_Authenticator)
#include "tst_authenticator.moc"
