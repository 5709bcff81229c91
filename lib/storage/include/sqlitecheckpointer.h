#pragma once

#include <QMutex>
#include <QString>
#include <QWaitCondition>

class QThread;

namespace Glosa {

// Copies what the write-ahead log holds into an SQLite file, on a thread and a connection of its
// own, every `intervalMs`: small, frequent checkpoints, since a large one slows the commits
// beside it through the disk they share. They are PASSIVE: they neither wait for nor hold up
// the writer and the readers, so a commit does not stop for a checkpoint of its own (the
// writer's automatic checkpoint stays as a backstop and finds little left to copy).
class SqliteCheckpointer
{
public:
    static constexpr int DefaultIntervalMs = 200;

    explicit SqliteCheckpointer(QString path, int intervalMs = DefaultIntervalMs);
    ~SqliteCheckpointer();

    SqliteCheckpointer(const SqliteCheckpointer &) = delete;
    SqliteCheckpointer &operator=(const SqliteCheckpointer &) = delete;

    void start();
    // Runs a last checkpoint and ends the thread.
    void stop();

private:
    void run();

    const QString m_path;
    const int m_intervalMs;
    QThread *m_thread = nullptr;
    QMutex m_mutex;
    QWaitCondition m_wake;
    bool m_stopping = false;
};

} // namespace Glosa
