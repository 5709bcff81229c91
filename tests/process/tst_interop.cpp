// The contract holds for a client that shares no code with Glosa: interop.py, on Debian's
// python3-websockets, against the real binary.

#include "serverprocess.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Debian's interpreter, where python3-websockets lives; `python3` on PATH may be another one.
constexpr auto Python = "/usr/bin/python3"_L1;

} // namespace

class tst_Interop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pythonWebsocketsClient();

private:
    QTemporaryDir m_dir;
};

void tst_Interop::initTestCase()
{
    if (!QFile::exists(Python))
        QSKIP("/usr/bin/python3 is not installed");
    QProcess probe;
    probe.start(Python, {u"-c"_s, u"import websockets"_s});
    QVERIFY(probe.waitForFinished(30000));
    if (probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
        QSKIP("python3-websockets is not installed for /usr/bin/python3");
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(QStringLiteral(GLOSA_INTEROP_SCRIPT)));
}

void tst_Interop::pythonWebsocketsClient()
{
    ServerProcess server;
    QVERIFY2(server.startOn(m_dir.filePath(u"data"_s)), qPrintable(server.failure()));

    QProcess script;
    script.setProgram(Python);
    script.setArguments({QStringLiteral(GLOSA_INTEROP_SCRIPT), server.url().toString()});
    script.start();
    QVERIFY2(script.waitForStarted(), qPrintable(script.errorString()));
    const bool finished =
        QTest::qWaitFor([&] { return script.state() == QProcess::NotRunning; }, 45000);
    if (!finished)
        script.kill();
    script.waitForFinished();
    const QString output =
        QString::fromUtf8(script.readAllStandardOutput() + script.readAllStandardError());
    const QString report = u"interop.py:\n%1\nglosa-server stderr:\n%2"_s.arg(
        output, QString::fromUtf8(server.standardError()));
    QVERIFY2(finished, qPrintable(u"interop.py did not finish\n"_s + report));
    QVERIFY2(script.exitStatus() == QProcess::NormalExit && script.exitCode() == 0,
             qPrintable(report));
    QVERIFY2(output.contains("refusals: ok"_L1), qPrintable(report));
}

QTEST_GUILESS_MAIN(tst_Interop)
#include "tst_interop.moc"
