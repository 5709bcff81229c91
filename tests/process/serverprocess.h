#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

// The real glosa-server binary in a child process: started with a command line, its two
// `listening …` and `admin …` lines read from stdout, its stderr kept for failure messages.
class ServerProcess : public QObject
{
    Q_OBJECT
public:
    explicit ServerProcess(QObject *parent = nullptr);
    ~ServerProcess() override;

    static constexpr int Timeout = 10000;

    static QString binary();

    // Starts the binary and waits for both lines; false when it exits or stays silent instead
    // (the reason is in failure()).
    bool start(const QStringList &arguments);
    // The usual loopback command line: free ports, data in `dataDir`, plus `extra`.
    bool startOn(const QString &dataDir, const QStringList &extra = {});

    // Starts the binary with these limits of open files (a hard limit of 0: unchanged).
    void setOpenFilesLimit(int soft, int hard = 0)
    {
        m_openFilesSoftLimit = soft;
        m_openFilesHardLimit = hard;
    }

    // Sends `signal` (SIGTERM, SIGINT, SIGKILL) to the process.
    void signal(int signal);
    // Waits for the process to end; false on timeout.
    bool waitForExit(int timeout = Timeout);

    QUrl url() const { return m_url; }
    QUrl adminUrl() const { return m_adminUrl; }
    QProcess &process() { return m_process; }
    QByteArray standardOutput() const { return m_stdout; }
    QByteArray standardError() const { return m_stderr; }
    // A figure of the process's /proc/PID/status in KiB ("VmRSS", "VmHWM"), or -1.
    qint64 statusKiB(const QByteArray &field) const;
    // What went wrong in start(), with the process's stderr.
    QString failure() const { return m_failure; }

    // Runs the binary to its end and returns how.
    struct Outcome
    {
        bool finished = false;
        QProcess::ExitStatus status = QProcess::CrashExit;
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Outcome run(const QStringList &arguments, int timeout = Timeout);

private:
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QUrl m_url;
    QUrl m_adminUrl;
    QString m_failure;
    int m_openFilesSoftLimit = 0;
    int m_openFilesHardLimit = 0;
};

// A minimal HTTP/1.1 client over QTcpSocket for the admin endpoint and handshake checks.
struct HttpReply
{
    int status = 0; // 0: no answer
    QByteArray head;
    QByteArray body;
};
HttpReply httpRequest(const QString &host, quint16 port, const QByteArray &request,
                      int timeout = ServerProcess::Timeout);
HttpReply httpGet(const QUrl &base, const QByteArray &path, const QByteArray &method = "GET");
