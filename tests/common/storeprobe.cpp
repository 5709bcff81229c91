#include "storeprobe.h"

#include <QDebug>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

StoreProbe::StoreProbe(const QString &path)
{
    static int counter = 0;
    m_connection = u"store-probe-%1"_s.arg(++counter);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(path);
    if (!db.open())
        qWarning() << "cannot open" << path << db.lastError().text();
    QSqlQuery(db).exec(u"PRAGMA busy_timeout=5000"_s);
}

StoreProbe::~StoreProbe()
{
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
}

bool StoreProbe::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (q.exec(sql))
        return true;
    qWarning() << sql << q.lastError().text();
    return false;
}

bool StoreProbe::trap(const QString &broadcastId, bool fail)
{
    // Triggers take no WITH clause: the work is a join of a small table with itself.
    return exec(u"CREATE TABLE IF NOT EXISTS slow (x INTEGER)"_s) &&
           exec(u"INSERT INTO slow WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL"
                " SELECT x + 1 FROM c WHERE x < 200) SELECT x FROM c"
                " WHERE (SELECT count(*) FROM slow) = 0"_s) &&
           exec(u"CREATE TRIGGER \"trap-%1\" BEFORE INSERT ON events"
                " WHEN NEW.broadcast_id = '%1' BEGIN"
                " SELECT count(*) FROM slow a, slow b, slow c WHERE a.x + b.x + c.x > 0; %2"
                " END"_s.arg(broadcastId, fail ? u"SELECT RAISE(ABORT, 'trapped');"_s : QString()));
}

bool StoreProbe::writerBusy()
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.exec(u"PRAGMA busy_timeout=0"_s);
    const bool busy = !q.exec(u"BEGIN IMMEDIATE"_s);
    if (!busy)
        q.exec(u"ROLLBACK"_s);
    q.exec(u"PRAGMA busy_timeout=5000"_s);
    return busy;
}

QStringList StoreProbe::broadcasts(qint64 pageId)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT broadcast_id FROM events WHERE page_id = ? ORDER BY seq"_s);
    q.addBindValue(pageId);
    QStringList ids;
    if (!q.exec())
        qWarning() << q.lastError().text();
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

QStringList StoreProbe::broadcasts(const QString &tenant, const QString &page)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT id FROM pages WHERE tenant = ? AND page = ?"_s);
    q.addBindValue(tenant);
    q.addBindValue(page);
    if (!q.exec() || !q.next())
        return {};
    return broadcasts(q.value(0).toLongLong());
}
