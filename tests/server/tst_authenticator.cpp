#include "authenticator.h"
#include "jwt.h"
#include "protocollimits.h"

#include <QDateTime>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using Glosa::Authenticator;
using Glosa::User;

class tst_Authenticator : public QObject
{
    Q_OBJECT

private:
    const Authenticator m_auth{{{u"acme"_s, "secret", false, {}},
                                {u"open"_s, {}, true, {}},
                                {u"both"_s, "both-secret", true, {}}}};
    const qint64 m_now = QDateTime::currentSecsSinceEpoch();

    Authenticator::Result check(const QString &tenant, const std::optional<QString> &token) const
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
        // An empty token is a malformed one, not the absence of a token.
        QCOMPARE(check(u"open"_s, QString()).closeCode, 4401);
        QCOMPARE(check(u"both"_s, u""_s).closeCode, 4401);
        QCOMPARE(check(u"both"_s, u""_s).error.code, u"unauthorized"_s);
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

    void credentialKeepsTheAnonymousUser()
    {
        Glosa::Hello hello;
        hello.tenant = u"open"_s;
        const User first = m_auth.authenticate(hello, m_now).user;
        const QString credential = m_auth.credentialFor(u"open"_s, first);
        QVERIFY(!credential.isEmpty());
        QVERIFY(credential.size() <= Glosa::Limits::CredentialMax);

        hello.credential = credential;
        Authenticator::Result again = m_auth.authenticate(hello, m_now);
        QVERIFY(again.error.isNull());
        QCOMPARE(again.user, first);

        // A new name sticks: the next credential carries it.
        hello.name = u"Marta"_s;
        again = m_auth.authenticate(hello, m_now);
        QCOMPARE(again.user.id, first.id);
        QCOMPARE(again.user.name, u"Marta"_s);
        hello.credential = m_auth.credentialFor(u"open"_s, again.user);
        hello.name.clear();
        QCOMPARE(m_auth.authenticate(hello, m_now).user, again.user);

        // The key outlives the object that holds it: a server restarted on it knows the user.
        const QByteArray key = Authenticator::newCredentialKey();
        const Authenticator before({{u"open"_s, {}, true, {}}}, key);
        const Authenticator after({{u"open"_s, {}, true, {}}}, key);
        hello.credential = before.credentialFor(u"open"_s, first);
        QCOMPARE(after.authenticate(hello, m_now).user, first);
        // Another server's key does not.
        QCOMPARE(Authenticator({{u"open"_s, {}, true, {}}}).authenticate(hello, m_now).closeCode,
                 4401);

        // The longest name fits within the limit.
        User longest = first;
        longest.name = QString(Glosa::Limits::NameMax, QChar(0x4e2d));
        hello.credential = m_auth.credentialFor(u"open"_s, longest);
        QVERIFY(hello.credential->size() <= Glosa::Limits::CredentialMax);
        QCOMPARE(m_auth.authenticate(hello, m_now).user, longest);

        // Only anonymous users have one.
        QVERIFY(
            m_auth.credentialFor(u"acme"_s, User{u"u1"_s, u"Ana"_s, User::Role::Member}).isEmpty());
    }

    void refusedCredentials_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("credential");
        Glosa::Hello hello;
        hello.tenant = u"open"_s;
        const User user = m_auth.authenticate(hello, m_now).user;
        const QString good = m_auth.credentialFor(u"open"_s, user);
        QString flipped = good;
        flipped[4] = flipped[4] == u'A' ? u'B' : u'A';
        QString otherSignature = good;
        otherSignature.chop(2);
        otherSignature += good.endsWith(u"AA"_s) ? u"BB"_s : u"AA"_s;
        QTest::newRow("another tenant's") << u"both"_s << good;
        QTest::newRow("tampered payload") << u"open"_s << flipped;
        QTest::newRow("tampered signature") << u"open"_s << otherSignature;
        QTest::newRow("no signature") << u"open"_s << good.left(good.lastIndexOf(u'.'));
        QTest::newRow("garbage") << u"open"_s << u"not a credential"_s;
        QTest::newRow("empty") << u"open"_s << QString();
        QTest::newRow("too long") << u"open"_s
                                  << good + QString(Glosa::Limits::CredentialMax, u'A');
        QTest::newRow("tenant without anonymous users") << u"acme"_s << good;
    }

    void refusedCredentials()
    {
        QFETCH(QString, tenant);
        QFETCH(QString, credential);
        Glosa::Hello hello;
        hello.tenant = tenant;
        hello.credential = credential;
        const Authenticator::Result r = m_auth.authenticate(hello, m_now);
        QCOMPARE(r.closeCode, 4401);
        QCOMPARE(r.error.code, u"unauthorized"_s);
    }

    void tokenCannotNameAnAnonymousUser()
    {
        const Authenticator::Result r = check(u"acme"_s, sign({{"tid"_L1, "acme"_L1},
                                                               {"sub"_L1, "anon:1rmip0oercpx9"_L1},
                                                               {"exp"_L1, m_now + 60}}));
        QCOMPARE(r.closeCode, 4401);
    }
};

QTEST_GUILESS_MAIN(tst_Authenticator)
#include "tst_authenticator.moc"
