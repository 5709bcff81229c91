#pragma once

#include <QString>
#include <QStringList>

// A connection of the test's own to a server's SQLite file, to look at what is stored and to set
// traps in it: real SQLite triggers that make the commit of one event slow, or make it fail.
class StoreProbe
{
public:
    explicit StoreProbe(const QString &path);
    ~StoreProbe();

    StoreProbe(const StoreProbe &) = delete;
    StoreProbe &operator=(const StoreProbe &) = delete;

    bool exec(const QString &sql);
    // A commit that writes the event of `broadcastId` works for a while (about half a second),
    // then, when `fail`, fails with an error that names the trap.
    bool trap(const QString &broadcastId, bool fail);
    // Whether a writer holds the file's write lock now.
    bool writerBusy();
    // The broadcastIds of the stored events of a page, by seq.
    QStringList broadcasts(qint64 pageId);
    QStringList broadcasts(const QString &tenant, const QString &page);

private:
    QString m_connection;
};
