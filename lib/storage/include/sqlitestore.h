#pragma once

#include "store.h"

#include <QHash>
#include <QSqlQuery>
#include <QString>

namespace Glosa {

// Store on one SQLite file through Qt Sql, in WAL mode with synchronous=FULL; the schema is
// versioned with PRAGMA user_version and migrated forward on open.
class SqliteStore : public Store
{
public:
    explicit SqliteStore(QString path);
    ~SqliteStore() override;

    static constexpr int SchemaVersion = 4;

    QString path() const { return m_path; }
    // A Qt Sql connection name no other connection of the process uses.
    static QString newConnectionName();

    bool open(QString *error) override;
    void close() override;
    std::optional<PageState> loadPage(const QString &tenant, const QString &page,
                                      QString *error) override;
    std::optional<PageState> findPage(const QString &tenant, const QString &page,
                                      QString *error) override;
    QByteArray findBroadcast(qint64 pageId, const QString &broadcastId, QString *error) override;
    QList<QByteArray> eventsAfter(qint64 pageId, qint64 since, int limit) override;
    bool commit(const QList<Write> &writes, QSet<qint64> *stale, QString *error) override;
    std::optional<Document> document(const QString &tenant, const QString &page) override;
    QList<Document> documents(const QString &tenant) override;
    QString documentPublisher(const QString &tenant, const QString &page) override;
    bool saveDocument(const QString &tenant, const Document &document, const QString &publisher,
                      QString *error) override;
    qint64 contentSize(const QString &tenant, const QString &sha256, QString *error) override;
    QByteArray contentPiece(const QString &tenant, const QString &sha256, int piece,
                            QString *error) override;
    bool saveContent(const QString &tenant, const QString &sha256, const QList<QByteArray> &pieces,
                     QString *error) override;

private:
    bool exec(QSqlQuery &query, QString *error);
    std::optional<PageState> load(const QString &tenant, const QString &page, bool create,
                                  QString *error);
    // A statement of the hot paths, prepared once per connection.
    QSqlQuery &statement(const QString &sql);
    bool migrate(QString *error);
    bool moveCommentsOutOfChats(QString *error);

    QString m_path;
    QString m_connection;
    QHash<QString, QSqlQuery> m_statements;
};

} // namespace Glosa
