#include "chatlink.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Glosa;

Q_DECLARE_METATYPE(Glosa::ChatLink)
Q_DECLARE_METATYPE(Glosa::ChatLink::Fault)

namespace Glosa {

char *toString(const std::optional<ChatLink> &link)
{
    if (!link)
        return qstrdup("no link");
    return QTest::toString(u"server %1, tenant “%2”, page “%3”, chat %4"_s.arg(
        link->server.toString(), link->tenant, link->page, link->chatId));
}

} // namespace Glosa

namespace {

const QString Chat = u"0b7e3c1a-5f2d-4c6e-9a8b-1d2c3e4f5a6b"_s;
const QString Sha = u"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"_s;

ChatLink link(const QString &server, const QString &tenant, const QString &page,
              const QString &chat = Chat)
{
    return {QUrl(server), tenant, page, chat};
}

} // namespace

// A link to a chat as a glosa: URL, made and read back, and every way a link can be wrong.
class tst_ChatLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void written_data()
    {
        QTest::addColumn<ChatLink>("link");
        QTest::addColumn<QString>("text");
        QTest::newRow("wss, default port and path")
            << link(u"wss://glosa.example.org/v1/ws"_s, u"acme"_s, u"handbook/intro"_s)
            << u"glosa://glosa.example.org/acme/handbook/intro?chat="_s + Chat;
        QTest::newRow("ws, the embedded server")
            << link(u"ws://127.0.0.1:8765/v1/ws"_s, u"local"_s, u"file/"_s + Sha)
            << u"glosa://127.0.0.1:8765/local/file/%1?chat=%2&scheme=ws"_s.arg(Sha, Chat);
        QTest::newRow("IPv6") << link(u"ws://[::1]:9000/v1/ws"_s, u"local"_s, u"doc/x"_s)
                              << u"glosa://[::1]:9000/local/doc/x?chat=%1&scheme=ws"_s.arg(Chat);
        QTest::newRow("another path")
            << link(u"wss://example.org:8443/glosa/v1/ws"_s, u"acme"_s, u"p"_s)
            << u"glosa://example.org:8443/acme/p?chat=%1&path=/glosa/v1/ws"_s.arg(Chat);
        QTest::newRow("odd page")
            << link(u"wss://example.org/v1/ws"_s, u"a/b c"_s, u"x y/?#%+&/./../über"_s)
            << u"glosa://example.org/a%2Fb%20c/x%20y/%3F%23%25%2B%26/%2E/%2E%2E/%C3%BCber?chat="_s +
                   Chat;
    }

    void written()
    {
        QFETCH(ChatLink, link);
        QFETCH(QString, text);
        QVERIFY(link.isValid());
        QCOMPARE(link.toString(), text);
        QCOMPARE(ChatLink::parse(text), std::optional(link));
    }

    void roundTrips_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("page");
        const QStringList servers{u"ws://127.0.0.1:8765/v1/ws"_s,
                                  u"wss://glosa.example.org/v1/ws"_s,
                                  u"wss://glosa.example.org:443/v1/ws"_s,
                                  u"ws://[::1]:8765/v1/ws"_s,
                                  u"wss://[2001:db8::7]/v1/ws"_s,
                                  u"wss://example.org/under/a%20proxy/v1/ws"_s,
                                  u"ws://localhost:1/v1/ws"_s};
        const QStringList pages{u"file/"_s + Sha,
                                u"doc/"_s + Sha,
                                u"handbook/intro"_s,
                                u"/leading"_s,
                                u"trailing/"_s,
                                u"a//b"_s,
                                u"/"_s,
                                u"."_s,
                                u".."_s,
                                u"..."_s,
                                u"a/./../b"_s,
                                u"%41%2F%"_s,
                                u"? # & = + ; , : @ ! $ ' ( ) * [ ]"_s,
                                u"straße/日本語/\U0001F600"_s,
                                u"tab\there\nnewline"_s,
                                QString(512, u'x'),
                                QString(256, u'/')};
        for (const QString &server : servers) {
            for (qsizetype i = 0; i < pages.size(); ++i)
                QTest::addRow("%s %lld", qPrintable(server), qlonglong(i))
                    << server << u"acme"_s << pages.at(i);
        }
        QTest::newRow("odd tenant") << servers.first() << u"t/?#% é"_s << u"p"_s;
        QTest::newRow("long tenant") << servers.first() << QString(100, u't') << u"p"_s;
    }

    void roundTrips()
    {
        QFETCH(QString, server);
        QFETCH(QString, tenant);
        QFETCH(QString, page);
        const ChatLink original = link(server, tenant, page);
        QCOMPARE(original.fault(), ChatLink::Fault::None);
        const QString text = original.toString();
        QVERIFY(text.startsWith(u"glosa://"_s));
        QCOMPARE(ChatLink::parse(text), std::optional(original));
        // As a QUrl, and as the bytes a desktop passes on.
        const QUrl url = original.toUrl();
        QVERIFY2(url.isValid(), qPrintable(url.errorString()));
        QCOMPARE(url.scheme(), u"glosa"_s);
        QCOMPARE(ChatLink::parse(url.toString()), std::optional(original));
        QCOMPARE(ChatLink::parse(QString::fromLatin1(url.toEncoded())), std::optional(original));
        // White space around a pasted link does not matter.
        QCOMPARE(ChatLink::parse(u"  "_s + text + u"\n"_s), std::optional(original));
    }

    void readsWhatOthersWrite()
    {
        // Upper-case scheme and host, unknown parameters and a fragment are fine; the default
        // scheme is wss and the default path /v1/ws.
        const std::optional<ChatLink> read = ChatLink::parse(
            u"GLOSA://Glosa.Example.ORG/acme/doc%2Fx?extra=1&chat=%1#c"_s.arg(Chat));
        QVERIFY(read);
        QCOMPARE(read->server, QUrl(u"wss://glosa.example.org/v1/ws"_s));
        QCOMPARE(read->tenant, u"acme"_s);
        QCOMPARE(read->page, u"doc/x"_s);
        QCOMPARE(read->chatId, Chat);
        const std::optional<ChatLink> plain =
            ChatLink::parse(u"glosa://h:81/t/p?scheme=ws&chat=%1&path=/a%2Fb"_s.arg(Chat));
        QVERIFY(plain);
        QCOMPARE(plain->server, QUrl(u"ws://h:81/a/b"_s));
    }

    void rejected_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<ChatLink::Fault>("fault");
        using F = ChatLink::Fault;
        const QString c = u"?chat="_s + Chat;
        QTest::newRow("empty") << QString() << F::NotALink;
        QTest::newRow("https") << u"https://example.org/acme/p"_s + c << F::NotALink;
        QTest::newRow("ws") << u"ws://example.org/acme/p"_s + c << F::NotALink;
        QTest::newRow("words") << u"see glosa://example.org/acme/p"_s + c << F::NotALink;
        QTest::newRow("scheme only") << u"glosa:"_s << F::NoServer;
        QTest::newRow("no host") << u"glosa:///acme/p"_s + c << F::NoServer;
        QTest::newRow("no authority") << u"glosa:acme/p"_s + c << F::NoServer;
        QTest::newRow("port too large") << u"glosa://h:99999/acme/p"_s + c << F::Malformed;
        QTest::newRow("port not a number") << u"glosa://h:x/acme/p"_s + c << F::Malformed;
        QTest::newRow("space in host") << u"glosa://a b/acme/p"_s + c << F::Malformed;
        QTest::newRow("bad IPv6") << u"glosa://[::g]/acme/p"_s + c << F::Malformed;
        QTest::newRow("user info") << u"glosa://ana@h/acme/p"_s + c << F::BadServer;
        QTest::newRow("http scheme")
            << u"glosa://h/acme/p"_s + c + u"&scheme=http"_s << F::BadServer;
        QTest::newRow("two schemes")
            << u"glosa://h/acme/p"_s + c + u"&scheme=ws&scheme=wss"_s << F::BadServer;
        QTest::newRow("relative path")
            << u"glosa://h/acme/p"_s + c + u"&path=v1/ws"_s << F::BadServer;
        QTest::newRow("no path") << u"glosa://h"_s + c << F::NoTenant;
        QTest::newRow("root") << u"glosa://h/"_s + c << F::NoTenant;
        QTest::newRow("empty tenant") << u"glosa://h//p"_s + c << F::NoTenant;
        QTest::newRow("no page") << u"glosa://h/acme"_s + c << F::NoPage;
        QTest::newRow("empty page") << u"glosa://h/acme/"_s + c << F::NoPage;
        QTest::newRow("long page") << u"glosa://h/acme/"_s + QString(513, u'p') + c << F::TooLong;
        QTest::newRow("long tenant")
            << u"glosa://h/"_s + QString(101, u't') + u"/p"_s + c << F::TooLong;
        QTest::newRow("no chat") << u"glosa://h/acme/p"_s << F::NoChat;
        QTest::newRow("empty chat") << u"glosa://h/acme/p?chat="_s << F::NoChat;
        QTest::newRow("chat in upper case")
            << u"glosa://h/acme/p?chat="_s + Chat.toUpper() << F::BadChat;
        QTest::newRow("chat in braces") << u"glosa://h/acme/p?chat={%1}"_s.arg(Chat) << F::BadChat;
        QTest::newRow("chat too short")
            << u"glosa://h/acme/p?chat="_s + Chat.chopped(1) << F::BadChat;
        QTest::newRow("chat not hex")
            << u"glosa://h/acme/p?chat="_s + Chat.chopped(1) + u'g' << F::BadChat;
        QTest::newRow("two chats") << u"glosa://h/acme/p"_s + c + u"&chat="_s + Chat << F::BadChat;
    }

    void rejected()
    {
        QFETCH(QString, text);
        QFETCH(ChatLink::Fault, fault);
        ChatLink::Fault why = ChatLink::Fault::None;
        QVERIFY(!ChatLink::parse(text, &why));
        QCOMPARE(why, fault);
        QVERIFY(!ChatLink::describe(why).isEmpty());
    }

    void partsThatMakeNoLink_data()
    {
        QTest::addColumn<ChatLink>("link");
        QTest::addColumn<ChatLink::Fault>("fault");
        using F = ChatLink::Fault;
        const QString ws = u"ws://h:1/v1/ws"_s;
        QTest::newRow("no server") << link({}, u"t"_s, u"p"_s) << F::NoServer;
        QTest::newRow("http server") << link(u"http://h/v1/ws"_s, u"t"_s, u"p"_s) << F::BadServer;
        QTest::newRow("server with query")
            << link(u"ws://h/v1/ws?x=1"_s, u"t"_s, u"p"_s) << F::BadServer;
        QTest::newRow("server with user")
            << link(u"ws://ana@h/v1/ws"_s, u"t"_s, u"p"_s) << F::BadServer;
        QTest::newRow("no tenant") << link(ws, {}, u"p"_s) << F::NoTenant;
        QTest::newRow("no page") << link(ws, u"t"_s, {}) << F::NoPage;
        QTest::newRow("long page") << link(ws, u"t"_s, QString(513, u'p')) << F::TooLong;
        QTest::newRow("no chat") << link(ws, u"t"_s, u"p"_s, {}) << F::NoChat;
        QTest::newRow("bad chat") << link(ws, u"t"_s, u"p"_s, u"chat"_s) << F::BadChat;
    }

    void partsThatMakeNoLink()
    {
        QFETCH(ChatLink, link);
        QFETCH(ChatLink::Fault, fault);
        QCOMPARE(link.fault(), fault);
        QVERIFY(!link.isValid());
        QVERIFY(link.toString().isEmpty());
        QVERIFY(link.toUrl().isEmpty());
    }

    void recognisesLinkText()
    {
        QVERIFY(ChatLink::isLinkText(u"glosa://h/t/p?chat=x"_s));
        QVERIFY(ChatLink::isLinkText(u"  GLOSA:whatever"_s));
        QVERIFY(!ChatLink::isLinkText(u"glosax://h"_s));
        QVERIFY(!ChatLink::isLinkText(u"/home/ana/glosa:notes.md"_s));
        QVERIFY(!ChatLink::isLinkText({}));
    }
};

QTEST_APPLESS_MAIN(tst_ChatLink)
#include "tst_chatlink.moc"
