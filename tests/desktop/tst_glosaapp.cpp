#include "testclient.h"
#include "testpdf.h"
#include "testserver.h"

#include "anchoring.h"
#include "chatlink.h"
#include "document.h"
#include "loadeddocument.h"
#include "outbox.h"
#include "pagecache.h"
#include "validation.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

// The real `glosa` binary: it prints its version, and opened on a file (a path or a file: URL)
// it joins that file's page on the server it is given (or on the node of a cluster it can
// reach), where another client sees it arrive; opened on a link to a thread, it joins the link's
// server and page and shows the thread.
class tst_GlosaApp : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        return env;
    }

    // Publishes a short text document on `page` as another user.
    static bool publish(const TestServer &server, const QString &page, const QString &title)
    {
        TestClient author;
        if (!author.open(server.url()) || author.join(QString()).isEmpty())
            return false;
        author.send({{"type"_L1, "publish-document"_L1},
                     {"broadcastId"_L1, TestClient::uuid()},
                     {"document"_L1, QJsonObject{{"page"_L1, page},
                                                 {"title"_L1, title},
                                                 {"format"_L1, "text"_L1},
                                                 {"content"_L1, "The quick brown fox.\n"_L1}}}});
        return !author.next(u"document-published"_s).isEmpty();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void version()
    {
        QProcess glosa;
        glosa.setProcessEnvironment(environment());
        glosa.start(QStringLiteral(GLOSA_APP_BINARY), {u"--version"_s});
        QVERIFY(glosa.waitForFinished(10000));
        QCOMPARE(glosa.exitCode(), 0);
        QCOMPARE(glosa.readAllStandardOutput().trimmed(), "Glosa " GLOSA_VERSION);
    }

    void joinsTheFilesPage_data()
    {
        QTest::addColumn<bool>("asUrl");
        QTest::newRow("path") << false;
        // As desktops pass it through the %u of the desktop entry.
        QTest::newRow("file URL") << true;
    }

    void joinsTheFilesPage()
    {
        QFETCH(bool, asUrl);
        TestServer server;
        QVERIFY(server.start());
        const QString content = u"# Notes\n\nSome words worth discussing.\n"_s;
        QFile file(m_home.filePath(u"notes.md"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content.toUtf8());
        file.close();

        TestClient watcher;
        QVERIFY(watcher.open(server.url()));
        const QString page = u"file/"_s + Glosa::Document::sha256Of(content);
        QCOMPARE(watcher.join(page).value("viewers"_L1).toInt(), 1);

        QProcess glosa;
        glosa.setProcessEnvironment(environment());
        glosa.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        glosa.start(QStringLiteral(GLOSA_APP_BINARY),
                    {asUrl ? QUrl::fromLocalFile(file.fileName()).toString() : file.fileName(),
                     u"--server"_s, server.url().toString()});
        QVERIFY(glosa.waitForStarted(10000));
        QCOMPARE(watcher.next(u"presence"_s, 20000).value("viewers"_L1).toInt(), 2);
        glosa.terminate();
        QVERIFY(glosa.waitForFinished(10000));
        QCOMPARE(watcher.next(u"presence"_s, 10000).value("viewers"_L1).toInt(), 1);
    }

    // A link to a thread, made for a chat another client started on a published document, is
    // all a new Glosa is given: it takes the link's server, opens the page and shows the
    // thread, as its log says.
    void opensALinkToAThread()
    {
        TestServer server;
        QVERIFY(server.start());
        const QString page = u"notes/linked"_s;
        QVERIFY(publish(server, page, u"Linked notes"_s));
        TestClient watcher;
        QVERIFY(watcher.open(server.url()));
        QCOMPARE(watcher.join(page).value("viewers"_L1).toInt(), 1);
        const QString chatId = TestClient::uuid();
        watcher.send(TestClient::newChat(chatId, TestClient::uuid()));
        QVERIFY(!watcher.next(u"new-text-chat"_s).isEmpty());
        const Glosa::ChatLink link{server.url(), u"local"_s, page, chatId};

        QProcess glosa;
        QProcessEnvironment env = environment();
        env.insert(u"QT_LOGGING_RULES"_s, u"glosa.ui.info=true"_s);
        glosa.setProcessEnvironment(env);
        glosa.start(QStringLiteral(GLOSA_APP_BINARY), {link.toString()});
        QVERIFY(glosa.waitForStarted(10000));
        QCOMPARE(viewersAfter(watcher, 1, 2), 2);
        QByteArray log;
        const QByteArray shown =
            "showing thread \"" + chatId.toLatin1() + "\" of page \"" + page.toLatin1() + '"';
        QTRY_VERIFY2_WITH_TIMEOUT((log += glosa.readAllStandardError()).contains(shown),
                                  log.constData(), 20000);
        QVERIFY2(!log.contains("is not on page"), log.constData());
        glosa.terminate();
        QVERIFY(glosa.waitForFinished(10000));
    }

    // Someone on the page mentions the user of a running Glosa: it tells its user, as its log
    // says (the desktop notification itself goes to the session's notification server).
    void isToldOfAMention()
    {
        TestServer server;
        QVERIFY(server.start());
        const QString page = u"notes/mentions"_s;
        QVERIFY(publish(server, page, u"Mention notes"_s));
        TestClient watcher;
        QVERIFY(watcher.open(server.url()));
        const QJsonObject welcome = watcher.join(page);
        const QString watcherId = welcome.value("user"_L1).toObject().value("id"_L1).toString();
        const QString chatId = TestClient::uuid();
        watcher.send(TestClient::newChat(chatId, TestClient::uuid()));
        QVERIFY(!watcher.next(u"new-text-chat"_s).isEmpty());

        QProcess glosa;
        QProcessEnvironment env = environment();
        env.insert(u"QT_LOGGING_RULES"_s, u"glosa.ui.info=true"_s);
        glosa.setProcessEnvironment(env);
        glosa.start(QStringLiteral(GLOSA_APP_BINARY),
                    {Glosa::ChatLink{server.url(), u"local"_s, page, chatId}.toString()});
        QVERIFY(glosa.waitForStarted(10000));
        // Who the other Glosa's user is, from the page's presence.
        QJsonObject user;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QJsonObject presence = watcher.next(u"presence"_s, 500);
                for (const QJsonValue &v : presence.value("users"_L1).toArray()) {
                    if (v.toObject().value("id"_L1).toString() != watcherId)
                        user = v.toObject();
                }
                return !user.isEmpty();
            }(),
            20000);
        const QString name = user.value("name"_L1).toString();
        QByteArray log;
        QTRY_VERIFY2_WITH_TIMEOUT((log += glosa.readAllStandardError()).contains("showing thread"),
                                  log.constData(), 20000);

        // A new thread, elsewhere than the one the link shows.
        const QString mentioning = TestClient::uuid();
        QJsonObject op =
            TestClient::newChat(mentioning, TestClient::uuid(), u"Over to you, @"_s + name);
        QJsonObject chat = op.value("chat"_L1).toObject();
        QJsonObject comment = chat.value("comment"_L1).toObject();
        comment.insert("mentions"_L1, QJsonArray{user});
        chat.insert("comment"_L1, comment);
        op.insert("chat"_L1, chat);
        watcher.send(op);
        QVERIFY(!watcher.next(u"new-text-chat"_s).isEmpty());
        const QByteArray told =
            "mentioned by \"" +
            welcome.value("user"_L1).toObject().value("name"_L1).toString().toUtf8() +
            "\" in thread \"" + mentioning.toLatin1() + "\" of page \"" + page.toLatin1() + '"';
        QTRY_VERIFY2_WITH_TIMEOUT((log += glosa.readAllStandardError()).contains(told),
                                  log.constData(), 20000);
        glosa.terminate();
        QVERIFY(glosa.waitForFinished(10000));
    }

    // A link that is not one is said so, and Glosa opens as it would without it.
    void saysWhatIsWrongWithALink()
    {
        QProcess glosa;
        QProcessEnvironment env = environment();
        env.insert(u"QT_LOGGING_RULES"_s, u"glosa.ui.warning=true"_s);
        glosa.setProcessEnvironment(env);
        glosa.start(QStringLiteral(GLOSA_APP_BINARY),
                    {u"glosa://127.0.0.1:1/local/doc/x?chat=NOT-A-UUID&scheme=ws"_s, u"--server"_s,
                     u"ws://127.0.0.1:1/v1/ws"_s});
        QVERIFY(glosa.waitForStarted(10000));
        QByteArray log;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (log += glosa.readAllStandardError()).contains("The link's thread id is not valid."),
            log.constData(), 20000);
        glosa.terminate();
        QVERIFY(glosa.waitForFinished(10000));
    }

    // Two Glosas, each on its own copy of one PDF, meet on its page: a thread one of them wrote
    // while offline (kept in its outbox) reaches the server when it starts, with its sheet, and
    // the other one has it too.
    void twoGlosasOnOnePdf()
    {
        TestServer server;
        QVERIFY(server.start());
        const QByteArray pdf = Glosa::TestPdf::numbered(4);
        const QString page = u"file/"_s + Glosa::Document::sha256Of(pdf);
        QTemporaryDir homes;
        const auto home = [&](const QString &who) -> QString { return homes.filePath(who); };
        for (const QString &who : {u"ana"_s, u"bo"_s}) {
            QVERIFY(QDir().mkpath(home(who)));
            QFile copy(home(who) + u"/paper.pdf"_s);
            QVERIFY(copy.open(QIODevice::WriteOnly));
            copy.write(pdf);
        }

        // What each Glosa keeps for the page, where it keeps it.
        const auto fileOf = [&](const QString &who, const QString &path) -> QString {
            const QString appData =
                QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
            return home(who) + u"/data/Glosa/Glosa"_s + path.mid(appData.size());
        };
        Glosa::Outbox outbox(
            fileOf(u"ana"_s, Glosa::Outbox::pathFor(server.url(), u"local"_s, page)));
        Glosa::NewChatOp op;
        op.broadcastId = Glosa::Validation::newUuid();
        op.chatId = Glosa::Validation::newUuid();
        op.commentId = Glosa::Validation::newUuid();
        op.text = u"Written on the train"_s;
        Glosa::LoadedDocument::Failure failure;
        Glosa::Document d;
        d.format = u"pdf"_s;
        d.sha256 = Glosa::Document::sha256Of(pdf);
        const QString text = Glosa::LoadedDocument::fromPdf(d, pdf, {}, &failure)->plainText;
        const QString quote = Glosa::TestPdf::numberedLine(2, 0);
        const int at = int(text.indexOf(quote));
        op.anchor = Glosa::Anchoring::anchorFor(text, at, at + int(quote.size()));
        op.anchor.sheet = 2;
        outbox.append(op);

        TestClient watcher;
        QVERIFY(watcher.open(server.url()));
        QCOMPARE(watcher.join(page).value("viewers"_L1).toInt(), 1);
        const auto launch = [&](QProcess &glosa, const QString &who) {
            QProcessEnvironment env = environment();
            env.insert(u"XDG_CONFIG_HOME"_s, home(who) + u"/config"_s);
            env.insert(u"XDG_DATA_HOME"_s, home(who) + u"/data"_s);
            glosa.setProcessEnvironment(env);
            glosa.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            glosa.start(QStringLiteral(GLOSA_APP_BINARY),
                        {home(who) + u"/paper.pdf"_s, u"--server"_s, server.url().toString()});
            return glosa.waitForStarted(10000);
        };
        QProcess bo;
        QVERIFY(launch(bo, u"bo"_s));
        QCOMPARE(viewersAfter(watcher, 1, 2), 2);
        QProcess ana;
        QVERIFY(launch(ana, u"ana"_s));
        const QJsonObject chat =
            watcher.next(u"new-text-chat"_s, 20000).value("chat"_L1).toObject();
        QCOMPARE(chat.value("id"_L1).toString(), op.chatId);
        QCOMPARE(chat.value("anchor"_L1).toObject().value("sheet"_L1).toInt(), 2);

        // Each of them keeps the page as the server has it, the thread included.
        for (const QString &who : {u"ana"_s, u"bo"_s}) {
            const Glosa::PageCache cache(
                fileOf(who, Glosa::PageCache::pathFor(server.url(), u"local"_s, page)));
            const auto hasChat = [&] {
                const std::optional<Glosa::PageCache::State> state = cache.load();
                return state && state->snapshot.chats.size() == 1 &&
                       state->snapshot.chats.first().id == op.chatId &&
                       state->snapshot.chats.first().anchor.sheet == 2;
            };
            QTRY_VERIFY_WITH_TIMEOUT(hasChat(), 20000);
        }
        for (QProcess *glosa : {&ana, &bo}) {
            glosa->terminate();
            QVERIFY(glosa->waitForFinished(10000));
        }
    }

    // `--server` given twice names the nodes of one cluster: the first cannot be reached, and
    // Glosa joins the page on the second.
    void severalServersOnTheCommandLine()
    {
        TestServer server;
        QVERIFY(server.start());
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QUrl closed(u"ws://127.0.0.1:%1/v1/ws"_s.arg(probe.serverPort()));
        probe.close();
        const QString content = u"Notes served by a cluster.\n"_s;
        QFile file(m_home.filePath(u"cluster.txt"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content.toUtf8());
        file.close();

        TestClient watcher;
        QVERIFY(watcher.open(server.url()));
        const QString page = u"file/"_s + Glosa::Document::sha256Of(content);
        QCOMPARE(watcher.join(page).value("viewers"_L1).toInt(), 1);

        QProcess glosa;
        glosa.setProcessEnvironment(environment());
        glosa.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        glosa.start(QStringLiteral(GLOSA_APP_BINARY),
                    {file.fileName(), u"--server"_s, closed.toString(), u"--server"_s,
                     server.url().toString()});
        QVERIFY(glosa.waitForStarted(10000));
        QCOMPARE(watcher.next(u"presence"_s, 20000).value("viewers"_L1).toInt(), 2);
        glosa.terminate();
        QVERIFY(glosa.waitForFinished(10000));
    }

    // A server that is not a ws:// or wss:// URL stops Glosa with a message that names it.
    void wrongServerIsNamed()
    {
        QProcess glosa;
        glosa.setProcessEnvironment(environment());
        glosa.start(QStringLiteral(GLOSA_APP_BINARY),
                    {u"--server"_s, u"ws://a.example.org/v1/ws"_s, u"--server"_s,
                     u"http://b.example.org/v1/ws"_s});
        QVERIFY(glosa.waitForFinished(10000));
        QCOMPARE(glosa.exitCode(), 2);
        QVERIFY(glosa.readAllStandardError().contains("http://b.example.org/v1/ws"));
    }

    // With no server configured, the first Glosa hosts this computer's server; when it quits,
    // the second takes over on the same port and data, and its window is back within seconds.
    void secondGlosaTakesOverHosting()
    {
        QTemporaryDir home;
        QProcessEnvironment env = environment();
        env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        const QUrl url(u"ws://127.0.0.1:%1/v1/ws"_s.arg(port));
        const QString content = u"Shared notes, hosted by whoever is first.\n"_s;
        QFile file(home.filePath(u"notes.txt"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content.toUtf8());
        file.close();
        const QString page = u"file/"_s + Glosa::Document::sha256Of(content);
        const QStringList arguments{file.fileName(), u"--local-port"_s, QString::number(port)};
        const auto launch = [&](QProcess &glosa) {
            glosa.setProcessEnvironment(env);
            glosa.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            glosa.start(QStringLiteral(GLOSA_APP_BINARY), arguments);
            return glosa.waitForStarted(10000);
        };

        QProcess first;
        QVERIFY(launch(first));
        TestClient watcher;
        QTRY_VERIFY_WITH_TIMEOUT(watcher.open(url), 20000);
        const QJsonObject welcome = watcher.join(page);
        QCOMPARE(viewersAfter(watcher, welcome.value("viewers"_L1).toInt(), 2), 2);
        const QString chatId = TestClient::uuid();
        watcher.send(TestClient::newChat(chatId, TestClient::uuid()));
        QVERIFY(!watcher.next(u"new-text-chat"_s).isEmpty());

        QProcess second;
        QVERIFY(launch(second));
        first.terminate();
        QVERIFY(first.waitForFinished(10000));
        QCOMPARE(first.exitCode(), 0);
        QCOMPARE(watcher.waitClosed(), 1001);

        // The second serves now, the same data on the same port, and its window is there.
        TestClient after;
        QTRY_VERIFY_WITH_TIMEOUT(after.open(url), 10000);
        const QJsonObject again = after.join(page);
        QCOMPARE(again.value("epoch"_L1), welcome.value("epoch"_L1));
        QCOMPARE(again.value("seq"_L1).toInteger(), 1);
        QCOMPARE(viewersAfter(after, again.value("viewers"_L1).toInt(), 2), 2);
        second.terminate();
        QVERIFY(second.waitForFinished(10000));
    }

private:
    // The page's viewer count once it reaches `wanted`, or as it stands after 20 s.
    static int viewersAfter(TestClient &client, int viewers, int wanted)
    {
        QElapsedTimer clock;
        clock.start();
        while (viewers != wanted && clock.elapsed() < 20000 && client.isConnected()) {
            const QJsonObject presence = client.next(u"presence"_s, 1000);
            if (!presence.isEmpty())
                viewers = presence.value("viewers"_L1).toInt();
        }
        return viewers;
    }
};

QTEST_MAIN(tst_GlosaApp)
#include "tst_glosaapp.moc"
