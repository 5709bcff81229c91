#include "sqlitecheckpointer.h"

#include "sqlitestore.h"
#include "storagelogging.h"

#include <QDeadlineTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Glosa {

SqliteCheckpointer::SqliteCheckpointer(QString path, int intervalMs)
    : m_path(std::move(path))
    , m_intervalMs(intervalMs)
{}

SqliteCheckpointer::~SqliteCheckpointer()
{
    stop();
}

void SqliteCheckpointer::start()
{
    Q_ASSERT(!m_thread);
    m_stopping = false;
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(u"glosa-checkpoint"_s);
    m_thread->start();
}

void SqliteCheckpointer::stop()
{
    if (!m_thread)
        return;
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeOne();
    }
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void SqliteCheckpointer::run()
{
    const QString name = SqliteStore::newConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_path);
        if (!db.open()) {
            qCWarning(lcStore) << "checkpoints: cannot open" << m_path << db.lastError().text();
        } else {
            QSqlQuery q(db);
            q.exec(u"PRAGMA busy_timeout=1000"_s);
            for (bool last = false; !last;) {
                {
                    QMutexLocker lock(&m_mutex);
                    if (!m_stopping)
                        m_wake.wait(&m_mutex, QDeadlineTimer(m_intervalMs));
                    last = m_stopping;
                }
                if (!q.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s))
                    qCWarning(lcStore) << "checkpoint failed:" << q.lastError().text();
                q.finish();
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace Glosa
