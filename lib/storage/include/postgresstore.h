#pragma once

#include "store.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <utility>

struct pg_conn;

namespace Glosa {

// Store on PostgreSQL through libpq, for several server nodes on one database. The database
// orders each page's events: a commit moves the page's head from the seq before its first write
// to its last, in the transaction that stores the writes, and leaves out the writes of a page
// whose head another node moved meanwhile (see Store::commit()). Pages are locked in ascending
// id order, so two nodes committing to the same pages never deadlock.
//
// Wake-ups: every commit that stores events sends, inside its transaction, one notification on
// the channel NotifyChannel ("glosa_events"). Its payload lists the pages the commit changed
// with their new heads, as `pageId:head` pairs (decimal) separated by single spaces, in
// ascending page id order, e.g. `12:57 40:3`. A list that would pass NotifyPayloadBytes is
// split over several notifications of the same commit, each a list of whole pairs. The events
// themselves never travel in a notification: a node reads them with eventsAfter().
// parseNotification() reads a payload.
//
// Epochs: a page's epoch is its stored UUID combined with the identity of the database read
// when the store connects (the cluster's system identifier, its timeline and the database's
// oid), so a database restored from a backup (new timeline) or replaced by another one (new
// system or database) gives every page a new epoch, while a restart of the same database keeps
// them. (The timeline is the one of the latest checkpoint: a standby just promoted shows its new
// timeline once its first checkpoint is done, so a node that connects in between sees the epochs
// change once more then.) Where the identity cannot be read, the database's oid alone is used.
//
// Presence: each node renews its lease in `nodes` and keeps who it has viewing each page in
// `presence`; a node whose lease ran out is removed, with its viewers, by the next node that
// renews its own. Every change sends, in its transaction, a notification on PresenceChannel
// ("glosa_presence") whose payload is the id of the node whose viewers changed, then the ids of
// the pages concerned, separated by single spaces, e.g. `3f2c…-node 12 40`; a longer list is
// split over several notifications within NotifyPayloadBytes, each starting with the node.
// parsePresenceNotification() reads a payload.
//
// The schema is versioned in the table glosa_schema and migrated forward on open, under a
// transaction-level advisory lock, so nodes that start together migrate once. The presence
// tables (nodes with their leases, presence per node, page and user) are UNLOGGED: they are
// lost with a crash of the database, as the presence they hold is.
//
// Every method runs on the calling thread and may block on the network; a store belongs to one
// thread at a time. When the connection is found broken, the next call connects again (a read
// is tried once more on the new connection, and so is a commit that failed before anything of
// it could have been committed).
class PostgresStore : public Store
{
public:
    explicit PostgresStore(QString url);
    ~PostgresStore() override;

    PostgresStore(const PostgresStore &) = delete;
    PostgresStore &operator=(const PostgresStore &) = delete;

    static constexpr int SchemaVersion = 2;
    static constexpr char NotifyChannel[] = "glosa_events";
    static constexpr char PresenceChannel[] = "glosa_presence";
    static constexpr int NotifyPayloadBytes = 7900;

    // A notification on PresenceChannel: the node whose viewers changed, and of which pages.
    struct PresenceNotification
    {
        QString node;
        QList<qint64> pageIds;
    };

    // Whether `text` is a PostgreSQL connection URL (postgresql:// or postgres://).
    static bool isUrl(const QString &text);
    // `url` without its password, for messages and logs: the password of a URL's user
    // information and a `password` parameter (of a URL's query or of a keyword=value string)
    // are removed.
    static QString redacted(const QString &url);
    // The `pageId:head` pairs of a notification's payload, in its order; malformed pairs are
    // skipped.
    static QList<std::pair<qint64, qint64>> parseNotification(const QByteArray &payload);
    // A payload of PresenceChannel; malformed page ids are skipped.
    static PresenceNotification parsePresenceNotification(const QByteArray &payload);

    // The URL without its password.
    QString redactedUrl() const { return redacted(m_url); }
    // The identity of the database the epochs carry, as read when the store last connected.
    QString identity() const { return m_identity; }

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
    QByteArray credentialKey(const QByteArray &proposed, QString *error) override;
    bool setPresence(const QString &node, const QHash<qint64, QList<Author>> &pages,
                     QString *error) override;
    QList<Author> presence(qint64 pageId, const QString &node, QString *error) override;
    bool renewLease(const QString &node, int leaseMs, QString *error) override;

private:
    struct Params;
    struct Result;
    enum class Outcome { Done, Failed, Retry };

    bool connectToDatabase(QString *error);
    void disconnect();
    bool ensureConnected(QString *error);
    bool connectionLost() const;
    // Runs `attempt` on the connection, connecting first where it is broken, and once more on
    // a new connection where it broke during the attempt.
    bool run(const std::function<bool(QString *)> &attempt, QString *error);
    bool migrate(QString *error);
    bool readIdentity(QString *error);
    bool prepareStatements(QString *error);
    QString epoch(const QString &uuid) const;

    // One statement, with results in binary format: an empty Result, and libpq's message in
    // `error`, when it fails.
    Result exec(const char *sql, const Params &params, QString *error, bool quiet = false);
    Result execPrepared(const char *name, const Params &params, QString *error);
    Result checked(Result result, const char *what, QString *error, bool quiet);
    bool command(const char *sql, QString *error);
    bool sendPrepared(const char *name, const Params &params);
    void rollback();

    std::optional<PageState> load(const QString &tenant, const QString &page, bool create,
                                  QString *error);
    bool loadOnce(const QString &tenant, const QString &page, bool create,
                  std::optional<PageState> *state, QString *error);
    bool readPage(const Params &key, std::optional<PageState> *state, QString *error);
    Outcome commitOnce(const QList<Write> &writes, QSet<qint64> *stale, QString *error);
    // Sends the presence notifications of `node` for `pageIds` (in the open transaction).
    bool notifyPresence(const QString &node, const QList<qint64> &pageIds, QString *error);
    // The next result of the pipeline, with the null result that ends a query's consumed.
    Result pipelineResult();
    // Ends a pipeline that failed: syncs it unless `synced`, reads the `pending` results left,
    // leaves pipeline mode and rolls the transaction back; or drops the connection.
    void abandonPipeline(bool synced, int pending);

    QString m_url;
    pg_conn *m_conn = nullptr;
    bool m_open = false;
    QString m_identity;
    QString m_identityTag;
};

} // namespace Glosa
