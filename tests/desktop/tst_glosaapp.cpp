#include "testclient.h"
#include "testserver.h"

#include "document.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The real `glosa` binary: it prints its version, and opened on a file it joins that file's
// page on the server it is given, where another client sees it arrive.
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

    void joinsTheFilesPage()
    {
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
                    {file.fileName(), u"--server"_s, server.url().toString()});
        QVERIFY(glosa.waitForStarted(10000));
        QCOMPARE(watcher.next(u"presence"_s, 20000).value("viewers"_L1).toInt(), 2);
        glosa.terminate();
        QVERIFY(glosa.waitForFinished(10000));
        QCOMPARE(watcher.next(u"presence"_s, 10000).value("viewers"_L1).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_GlosaApp)
#include "tst_glosaapp.moc"
