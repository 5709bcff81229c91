#include "testclient.h"
#include "testserver.h"

#include "document.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

// A free port on loopback, closed again.
quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

} // namespace

// `glosa export`, the real binary without a display, with a home of its own: the threads of a
// file's page as the server has them, as this computer last saw them when the server cannot be
// reached, and its exit codes.
class tst_ExportCommand : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_home;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"QT_QPA_PLATFORM"_s);
        env.remove(u"DISPLAY"_s);
        env.remove(u"WAYLAND_DISPLAY"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, m_home->filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, m_home->filePath(u"data"_s));
        return env;
    }

    Run glosa(const QStringList &arguments) const
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(GLOSA_APP_BINARY), arguments);
        Run run;
        // The test's own server answers while the command runs.
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 30000)) {
            process.kill();
            process.waitForFinished();
            return run;
        }
        run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    QString writeFile(const QString &name, const QString &content) const
    {
        QFile file(m_home->filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content.toUtf8());
        return file.fileName();
    }

    static QString pageOf(const QString &content)
    {
        return u"file/"_s + Glosa::Document::sha256Of(content);
    }

    // A thread started by `client` with a reply, then resolved; returns its id.
    static QString discuss(TestClient &client)
    {
        const QString chatId = TestClient::uuid();
        client.send(TestClient::newChat(chatId, TestClient::uuid(), u"Why *quick*?"_s));
        client.next(u"new-text-chat"_s);
        reply(client, chatId, u"Foxes are."_s);
        client.send(TestClient::update(chatId, {{u"op"_s, u"resolve"_s}, {u"resolved"_s, true}}));
        client.next(u"updated-text-chat"_s);
        return chatId;
    }

    static void reply(TestClient &client, const QString &chatId, const QString &text)
    {
        client.send(TestClient::update(
            chatId,
            {{u"op"_s, u"add-comment"_s},
             {u"comment"_s, QJsonObject{{u"id"_s, TestClient::uuid()}, {u"text"_s, text}}}}));
        client.next(u"updated-text-chat"_s);
    }

    // A file of `content` whose page on `server` `client` joined and discussed (see discuss());
    // its path.
    QString discussedFile(const TestServer &server, TestClient &client, const QString &name,
                          const QString &content, QString *chatId, QString *author = nullptr)
    {
        const QString path = writeFile(name, content);
        if (!client.open(server.url()))
            return {};
        const QJsonObject welcome = client.join(pageOf(content));
        if (author)
            *author = welcome.value("user"_L1).toObject().value("name"_L1).toString();
        *chatId = discuss(client);
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { m_home = std::make_unique<QTemporaryDir>(); }

    // The threads as the server has them, in JSON; then, the server gone, as they were seen.
    void fromTheServerThenOffline()
    {
        TestServer server;
        QVERIFY(server.start());
        const QString content = u"The quick brown fox jumps over the lazy dog.\n"_s;
        TestClient ana;
        QString chatId, name;
        const QString path = discussedFile(server, ana, u"notes.md"_s, content, &chatId, &name);
        QVERIFY(!path.isEmpty());

        const QStringList arguments{u"export"_s, path,          u"--format"_s,
                                    u"json"_s,   u"--server"_s, server.url().toString()};
        const Run live = glosa(arguments);
        QVERIFY2(live.code == 0, live.err.constData());
        QVERIFY2(!live.err.contains("Cannot reach"), live.err.constData());
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(live.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, live.out.constData());
        QCOMPARE(root.value("glosaExport"_L1).toInt(), 1);
        QCOMPARE(root.value("document"_L1).toObject().value("title"_L1).toString(), u"notes"_s);
        QCOMPARE(root.value("document"_L1).toObject().value("page"_L1).toString(), pageOf(content));
        const QJsonArray threads = root.value("threads"_L1).toArray();
        QCOMPARE(threads.size(), 1);
        const QJsonObject thread = threads.first().toObject();
        QCOMPARE(thread.value("id"_L1).toString(), chatId);
        QCOMPARE(thread.value("quote"_L1).toString(), u"quick"_s);
        QCOMPARE(thread.value("resolved"_L1), QJsonValue(true));
        QCOMPARE(thread.value("author"_L1).toObject().value("name"_L1).toString(), name);
        const QJsonArray comments = thread.value("comments"_L1).toArray();
        QCOMPARE(comments.size(), 2);
        QCOMPARE(comments.at(0).toObject().value("text"_L1).toString(), u"Why *quick*?"_s);
        QCOMPARE(comments.at(1).toObject().value("text"_L1).toString(), u"Foxes are."_s);
        QVERIFY(comments.at(1).toObject().value("createdAt"_L1).toString().endsWith(u'Z'));

        // Server gone: what the last export saw, with a warning.
        reply(ana, chatId, u"Later."_s);
        server.stop();
        const Run offline = glosa(arguments);
        QVERIFY2(offline.code == 0, offline.err.constData());
        QVERIFY2(offline.err.contains("Cannot reach the server"), offline.err.constData());
        const QJsonArray seen =
            QJsonDocument::fromJson(offline.out).object().value("threads"_L1).toArray();
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.first().toObject().value("id"_L1).toString(), chatId);
        QCOMPARE(seen.first().toObject().value("comments"_L1).toArray().size(), 2);
    }

    // --output writes the file, in HTML here, and nothing on the standard output.
    void toAFile()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient ana;
        QString chatId;
        const QString path = discussedFile(server, ana, u"print.txt"_s,
                                           u"The quick brown fox, printed.\n"_s, &chatId);
        QVERIFY(!path.isEmpty());

        const QString output = m_home->filePath(u"threads.html"_s);
        const Run run = glosa({u"export"_s, path, u"--format"_s, u"html"_s, u"--output"_s, output,
                               u"--server"_s, server.url().toString()});
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY(run.out.isEmpty());
        QFile file(output);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray html = file.readAll();
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.contains("<blockquote>quick</blockquote>"));
        QVERIFY(html.contains("Foxes are."));
        QVERIFY(html.contains("class=\"thread resolved\""));

        // Markdown is the default.
        const Run md = glosa({u"export"_s, path, u"--server"_s, server.url().toString()});
        QVERIFY2(md.code == 0, md.err.constData());
        QVERIFY2(md.out.contains("> quick\n"), md.out.constData());
        QVERIFY(md.out.contains("Why *quick*?\n"));
    }

    // With no server configured, the command joins the server of the Glosa running on this
    // computer, as a second window would.
    void joinsTheRunningGlosa()
    {
        const quint16 port = freePort();
        QVERIFY(port);
        const QString content = u"Notes on this computer alone.\n"_s;
        const QString path = writeFile(u"alone.md"_s, content);
        QProcess app;
        QProcessEnvironment env = environment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        app.start(QStringLiteral(GLOSA_APP_BINARY),
                  {path, u"--local-port"_s, QString::number(port)});
        QVERIFY(app.waitForStarted(10000));
        TestClient bo;
        QTRY_VERIFY_WITH_TIMEOUT(bo.open(QUrl(u"ws://127.0.0.1:%1/v1/ws"_s.arg(port))), 20000);
        bo.join(pageOf(content));
        const QString chatId = discuss(bo);

        const Run run = glosa({u"export"_s, path, u"--format"_s, u"json"_s, u"--local-port"_s,
                               QString::number(port)});
        app.terminate();
        QVERIFY(app.waitForFinished(10000));
        QVERIFY2(run.code == 0, run.err.constData());
        const QJsonArray threads =
            QJsonDocument::fromJson(run.out).object().value("threads"_L1).toArray();
        QCOMPARE(threads.size(), 1);
        QCOMPARE(threads.first().toObject().value("id"_L1).toString(), chatId);
    }

    // A page this computer has never seen, and a server that cannot be reached: nothing to
    // export, and it says so.
    void nothingKnown()
    {
        const quint16 port = freePort();
        QVERIFY(port);
        const QString path = writeFile(u"new.txt"_s, u"Never opened before.\n"_s);
        const Run run =
            glosa({u"export"_s, path, u"--server"_s, u"ws://127.0.0.1:%1/v1/ws"_s.arg(port)});
        QCOMPARE(run.code, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("Cannot reach the server"), run.err.constData());
        QVERIFY2(run.err.contains("new.txt"), run.err.constData());
    }

    void usage()
    {
        const QString path = writeFile(u"usage.md"_s, u"Some text.\n"_s);
        const Run format = glosa({u"export"_s, path, u"--format"_s, u"docx"_s});
        QCOMPARE(format.code, 2);
        QVERIFY2(format.err.contains("docx"), format.err.constData());
        QCOMPARE(glosa({u"export"_s}).code, 2);
        QCOMPARE(glosa({u"export"_s, path, u"--server"_s, u"http://example.org"_s}).code, 2);
        QCOMPARE(glosa({u"export"_s, path, u"--bogus"_s}).code, 2);

        const Run missing = glosa({u"export"_s, m_home->filePath(u"missing.md"_s)});
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains("missing.md"), missing.err.constData());

        const Run help = glosa({u"export"_s, u"--help"_s});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains("--format"));
        QVERIFY(help.out.contains("--output"));
        QVERIFY(help.out.contains("--server"));
    }

    // The app's own help names the command.
    void appHelpNamesTheCommand()
    {
        QProcess process;
        QProcessEnvironment env = environment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(GLOSA_APP_BINARY), {u"--help"_s});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(
            process.readAllStandardOutput().contains("glosa export FILE [--format md|json|html]"));
    }
};

QTEST_GUILESS_MAIN(tst_ExportCommand)
#include "tst_exportcommand.moc"
