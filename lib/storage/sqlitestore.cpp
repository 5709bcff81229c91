#include "sqlitestore.h"

#include "codec.h"
#include "storagelogging.h"
#include "validation.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

// Each entry brings the schema from version i to i + 1.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {
        {
            u"CREATE TABLE pages (id INTEGER PRIMARY KEY, tenant TEXT NOT NULL, page TEXT NOT NULL,"
            " epoch TEXT NOT NULL, head INTEGER NOT NULL DEFAULT 0, UNIQUE (tenant, page))"_s,
            u"CREATE TABLE events (page_id INTEGER NOT NULL REFERENCES pages(id), seq INTEGER NOT "
            u"NULL,"
            " broadcast_id TEXT NOT NULL, body BLOB NOT NULL, PRIMARY KEY (page_id, seq))"_s,
            u"CREATE UNIQUE INDEX events_broadcast ON events (page_id, broadcast_id)"_s,
            u"CREATE TABLE chats (page_id INTEGER NOT NULL REFERENCES pages(id), chat_id TEXT NOT "
            u"NULL,"
            " body BLOB NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (page_id, chat_id))"_s,
            u"CREATE TABLE documents (tenant TEXT NOT NULL, page TEXT NOT NULL, title TEXT NOT "
            u"NULL,"
            " format TEXT NOT NULL, content TEXT NOT NULL, sha256 TEXT NOT NULL,"
            " updated_at INTEGER NOT NULL, PRIMARY KEY (tenant, page))"_s,
        },
        {
            // Comments get rows of their own; moveCommentsOutOfChats() then empties the chats'.
            u"CREATE TABLE comments (page_id INTEGER NOT NULL REFERENCES pages(id),"
            " chat_id TEXT NOT NULL, comment_id TEXT NOT NULL, position INTEGER NOT NULL,"
            " body BLOB NOT NULL, PRIMARY KEY (page_id, comment_id))"_s,
            u"CREATE INDEX comments_chat ON comments (page_id, chat_id, position)"_s,
        },
        {
            // Who may publish a new version of a document: its publisher (or a moderator).
            u"ALTER TABLE documents ADD COLUMN publisher TEXT NOT NULL DEFAULT ''"_s,
        },
        {
            // The bytes of PDFs, by tenant and sha256, in pieces.
            u"CREATE TABLE contents (tenant TEXT NOT NULL, sha256 TEXT NOT NULL,"
            " size INTEGER NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (tenant, sha256))"_s,
            u"CREATE TABLE content_pieces (tenant TEXT NOT NULL, sha256 TEXT NOT NULL,"
            " piece INTEGER NOT NULL, bytes BLOB NOT NULL, PRIMARY KEY (tenant, sha256, piece))"_s,
        }};
    return steps;
}

// The size of a document that is a PDF, as a column of a query on documents.
const QLatin1StringView DocumentSize("CASE format WHEN 'pdf' THEN (SELECT size FROM contents c"
                                     " WHERE c.tenant = documents.tenant AND c.sha256 ="
                                     " documents.sha256) ELSE 0 END");

Document documentFrom(const QSqlQuery &q, bool withContent)
{
    Document d;
    d.page = q.value(0).toString();
    d.title = q.value(1).toString();
    d.format = q.value(2).toString();
    d.sha256 = q.value(3).toString();
    d.updatedAt = q.value(4).toLongLong();
    d.size = q.value(5).toLongLong();
    if (withContent)
        d.content = q.value(6).toString();
    return d;
}

} // namespace

SqliteStore::SqliteStore(QString path)
    : m_path(std::move(path))
    , m_connection(newConnectionName())
{}

QString SqliteStore::newConnectionName()
{
    static std::atomic<int> counter{0};
    return u"glosa-store-%1"_s.arg(++counter);
}

SqliteStore::~SqliteStore()
{
    close();
}

bool SqliteStore::exec(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    if (error)
        *error = query.lastError().text();
    qCWarning(lcStore) << "query failed:" << query.lastQuery() << query.lastError().text();
    return false;
}

bool SqliteStore::open(QString *error)
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = u"cannot create the folder %1"_s.arg(info.absolutePath());
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        *error = u"cannot open %1: %2"_s.arg(m_path, db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    for (const QString &pragma :
         {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=FULL"_s, u"PRAGMA foreign_keys=ON"_s,
          u"PRAGMA busy_timeout=5000"_s, u"PRAGMA wal_autocheckpoint=10000"_s,
          u"PRAGMA cache_size=-32768"_s}) {
        if (!q.exec(pragma)) {
            *error = u"%1: %2"_s.arg(m_path, q.lastError().text());
            return false;
        }
    }
    if (!migrate(error)) {
        *error = u"%1: %2"_s.arg(m_path, *error);
        return false;
    }
    qCInfo(lcStore) << "opened" << m_path;
    return true;
}

bool SqliteStore::migrate(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next()) {
        *error = q.lastError().text();
        return false;
    }
    const int version = q.value(0).toInt();
    if (version > SchemaVersion) {
        *error =
            u"the data was written by a newer Glosa (schema %1, this one knows %2)"_s.arg(version)
                .arg(SchemaVersion);
        return false;
    }
    for (int v = version; v < SchemaVersion; ++v) {
        db.transaction();
        for (const QString &statement : migrations().at(v)) {
            if (!q.exec(statement)) {
                *error = q.lastError().text();
                db.rollback();
                return false;
            }
        }
        if (v + 1 == 2 && !moveCommentsOutOfChats(error)) {
            db.rollback();
            return false;
        }
        if (!q.exec(u"PRAGMA user_version=%1"_s.arg(v + 1)) || !db.commit()) {
            *error = q.lastError().text();
            db.rollback();
            return false;
        }
    }
    return true;
}

QSqlQuery &SqliteStore::statement(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        it = m_statements.insert(sql, QSqlQuery(QSqlDatabase::database(m_connection)));
        if (!it->prepare(sql))
            qCWarning(lcStore) << "cannot prepare" << sql << it->lastError().text();
    }
    return *it;
}

bool SqliteStore::moveCommentsOutOfChats(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery chats(db);
    chats.setForwardOnly(true);
    if (!chats.exec(u"SELECT page_id, chat_id, body FROM chats"_s)) {
        *error = chats.lastError().text();
        return false;
    }
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO comments (page_id, chat_id, comment_id, position, body)"
                   " VALUES (?, ?, ?, ?, ?)"_s);
    QSqlQuery update(db);
    update.prepare(u"UPDATE chats SET body = ? WHERE page_id = ? AND chat_id = ?"_s);
    while (chats.next()) {
        QJsonObject chat = QJsonDocument::fromJson(chats.value(2).toByteArray()).object();
        const QJsonArray comments = chat.value("comments"_L1).toArray();
        for (qsizetype i = 0; i < comments.size(); ++i) {
            insert.addBindValue(chats.value(0));
            insert.addBindValue(chats.value(1));
            insert.addBindValue(comments.at(i).toObject().value("id"_L1).toString());
            insert.addBindValue(int(i));
            insert.addBindValue(
                QJsonDocument(comments.at(i).toObject()).toJson(QJsonDocument::Compact));
            if (!exec(insert, error))
                return false;
        }
        chat.insert("comments"_L1, QJsonArray());
        update.addBindValue(QJsonDocument(chat).toJson(QJsonDocument::Compact));
        update.addBindValue(chats.value(0));
        update.addBindValue(chats.value(1));
        if (!exec(update, error))
            return false;
    }
    return true;
}

void SqliteStore::close()
{
    m_statements.clear();
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

std::optional<Store::PageState> SqliteStore::loadPage(const QString &tenant, const QString &page,
                                                      QString *error)
{
    return load(tenant, page, true, error);
}

std::optional<Store::PageState> SqliteStore::findPage(const QString &tenant, const QString &page,
                                                      QString *error)
{
    return load(tenant, page, false, error);
}

std::optional<Store::PageState> SqliteStore::load(const QString &tenant, const QString &page,
                                                  bool create, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    q.prepare(u"SELECT id, epoch, head FROM pages WHERE tenant = ? AND page = ?"_s);
    q.addBindValue(tenant);
    q.addBindValue(page);
    if (!exec(q, error))
        return std::nullopt;
    PageState state;
    if (q.next()) {
        state.record = {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong()};
    } else if (!create) {
        return std::nullopt;
    } else {
        state.record.epoch = Validation::newUuid();
        q.prepare(u"INSERT INTO pages (tenant, page, epoch) VALUES (?, ?, ?)"_s);
        q.addBindValue(tenant);
        q.addBindValue(page);
        q.addBindValue(state.record.epoch);
        if (!exec(q, error))
            return std::nullopt;
        state.record.id = q.lastInsertId().toLongLong();
        return state;
    }

    q.prepare(u"SELECT broadcast_id, length(body) FROM events WHERE page_id = ?"_s);
    q.addBindValue(state.record.id);
    if (!exec(q, error))
        return std::nullopt;
    state.broadcastIds.reserve(state.record.head);
    while (q.next()) {
        state.broadcastIds.append(q.value(0).toString());
        state.bytes += q.value(1).toLongLong();
    }

    QHash<QString, QList<Comment>> comments;
    q.prepare(u"SELECT chat_id, comment_id, body FROM comments WHERE page_id = ?"
              " ORDER BY chat_id, position"_s);
    q.addBindValue(state.record.id);
    if (!exec(q, error))
        return std::nullopt;
    while (q.next()) {
        state.usedIds.insert(q.value(1).toString());
        ProtocolError decodeError;
        const std::optional<Comment> comment = Codec::decodeComment(
            QJsonDocument::fromJson(q.value(2).toByteArray()).object(), &decodeError);
        if (comment)
            comments[q.value(0).toString()].append(*comment);
        else
            qCWarning(lcStore) << "unreadable comment" << q.value(1).toString()
                               << decodeError.message;
    }

    q.prepare(u"SELECT chat_id, body, deleted FROM chats WHERE page_id = ?"_s);
    q.addBindValue(state.record.id);
    if (!exec(q, error))
        return std::nullopt;
    while (q.next()) {
        state.usedIds.insert(q.value(0).toString());
        if (q.value(2).toBool())
            continue;
        ProtocolError decodeError;
        std::optional<Chat> chat = Codec::decodeChat(
            QJsonDocument::fromJson(q.value(1).toByteArray()).object(), &decodeError);
        if (!chat) {
            qCWarning(lcStore) << "unreadable chat" << q.value(0).toString() << decodeError.message;
            continue;
        }
        chat->comments = comments.value(chat->id);
        state.chats.append(*chat);
    }
    return state;
}

QByteArray SqliteStore::findBroadcast(qint64 pageId, const QString &broadcastId, QString *error)
{
    QSqlQuery &q = statement(u"SELECT body FROM events WHERE page_id = ? AND broadcast_id = ?"_s);
    q.addBindValue(pageId);
    q.addBindValue(broadcastId);
    QByteArray body;
    if (exec(q, error) && q.next())
        body = q.value(0).toByteArray();
    q.finish();
    return body;
}

QList<QByteArray> SqliteStore::eventsAfter(qint64 pageId, qint64 since, int limit)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(u"SELECT body FROM events WHERE page_id = ? AND seq > ? ORDER BY seq LIMIT ?"_s);
    q.addBindValue(pageId);
    q.addBindValue(since);
    q.addBindValue(limit);
    QList<QByteArray> events;
    if (exec(q, nullptr)) {
        while (q.next())
            events.append(q.value(0).toByteArray());
    }
    return events;
}

bool SqliteStore::commit(const QList<Write> &writes, QSet<qint64> *stale, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    QSqlQuery &insertEvent =
        statement(u"INSERT INTO events (page_id, seq, broadcast_id, body) VALUES (?, ?, ?, ?)"_s);
    QSqlQuery &upsertChat =
        statement(u"INSERT INTO chats (page_id, chat_id, body, deleted) VALUES (?, ?, ?, ?)"
                  " ON CONFLICT (page_id, chat_id) DO UPDATE SET body = excluded.body,"
                  " deleted = excluded.deleted"_s);
    QSqlQuery &updateHead = statement(u"UPDATE pages SET head = ? WHERE id = ? AND head = ?"_s);
    QSqlQuery &upsertComment =
        statement(u"INSERT INTO comments (page_id, chat_id, comment_id, position, body)"
                  " VALUES (?, ?, ?, ?, ?) ON CONFLICT (page_id, comment_id) DO UPDATE SET"
                  " body = excluded.body"_s);

    // Each statement is bound right before it runs: one that fails leaves no values bound to
    // the next, which would fail every later commit.
    bool ok = true;
    // A page's head moves once per transaction, from the seq before its first write here to
    // its last.
    QHash<qint64, std::pair<qint64, qint64>> heads;
    for (const Write &w : writes) {
        const auto it = heads.find(w.pageId);
        if (it == heads.end())
            heads.insert(w.pageId, {w.seq - 1, w.seq});
        else
            it->second = qMax(it->second, w.seq);
    }
    for (auto it = heads.constBegin(); ok && it != heads.constEnd(); ++it) {
        updateHead.addBindValue(it->second);
        updateHead.addBindValue(it.key());
        updateHead.addBindValue(it->first);
        ok = exec(updateHead, error);
        if (ok && updateHead.numRowsAffected() == 0)
            stale->insert(it.key());
    }
    for (qsizetype i = 0; ok && i < writes.size(); ++i) {
        const Write &w = writes.at(i);
        if (stale->contains(w.pageId))
            continue;
        insertEvent.addBindValue(w.pageId);
        insertEvent.addBindValue(w.seq);
        insertEvent.addBindValue(w.broadcastId);
        insertEvent.addBindValue(w.event);
        if (!exec(insertEvent, error)) {
            ok = false;
            break;
        }
        upsertChat.addBindValue(w.pageId);
        upsertChat.addBindValue(w.chatId);
        upsertChat.addBindValue(w.chatJson);
        upsertChat.addBindValue(w.chatDeleted);
        if (!exec(upsertChat, error)) {
            ok = false;
            break;
        }
        if (w.commentId.isEmpty())
            continue;
        upsertComment.addBindValue(w.pageId);
        upsertComment.addBindValue(w.chatId);
        upsertComment.addBindValue(w.commentId);
        upsertComment.addBindValue(w.commentPosition);
        upsertComment.addBindValue(w.commentJson);
        ok = exec(upsertComment, error);
    }
    if (ok && db.commit())
        return true;
    if (ok)
        *error = db.lastError().text();
    db.rollback();
    stale->clear();
    return false;
}

std::optional<Document> SqliteStore::document(const QString &tenant, const QString &page)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT page, title, format, sha256, updated_at, "_s + DocumentSize +
              u", content FROM documents WHERE tenant = ? AND page = ?"_s);
    q.addBindValue(tenant);
    q.addBindValue(page);
    if (exec(q, nullptr) && q.next())
        return documentFrom(q, true);
    return std::nullopt;
}

QList<Document> SqliteStore::documents(const QString &tenant)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT page, title, format, sha256, updated_at, "_s + DocumentSize +
              u" FROM documents WHERE tenant = ? ORDER BY title, page"_s);
    q.addBindValue(tenant);
    QList<Document> docs;
    if (exec(q, nullptr)) {
        while (q.next())
            docs.append(documentFrom(q, false));
    }
    return docs;
}

QString SqliteStore::documentPublisher(const QString &tenant, const QString &page)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT publisher FROM documents WHERE tenant = ? AND page = ?"_s);
    q.addBindValue(tenant);
    q.addBindValue(page);
    if (exec(q, nullptr) && q.next())
        return q.value(0).toString();
    return {};
}

bool SqliteStore::saveDocument(const QString &tenant, const Document &d, const QString &publisher,
                               QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"INSERT OR REPLACE INTO documents (tenant, page, title, format, content, sha256,"
              " updated_at, publisher) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const QVariant &v : {QVariant(tenant), QVariant(d.page), QVariant(d.title),
                              QVariant(d.format), QVariant(d.content.isNull() ? u""_s : d.content),
                              QVariant(d.sha256), QVariant(d.updatedAt), QVariant(publisher)})
        q.addBindValue(v);
    return exec(q, error);
}

qint64 SqliteStore::contentSize(const QString &tenant, const QString &sha256, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT size FROM contents WHERE tenant = ? AND sha256 = ?"_s);
    q.addBindValue(tenant);
    q.addBindValue(sha256);
    if (!exec(q, error) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QByteArray SqliteStore::contentPiece(const QString &tenant, const QString &sha256, int piece,
                                     QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT bytes FROM content_pieces WHERE tenant = ? AND sha256 = ? AND piece = ?"_s);
    q.addBindValue(tenant);
    q.addBindValue(sha256);
    q.addBindValue(piece);
    if (!exec(q, error) || !q.next())
        return {};
    return q.value(0).toByteArray();
}

bool SqliteStore::saveContent(const QString &tenant, const QString &sha256,
                              const QList<QByteArray> &pieces, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    q.prepare(u"INSERT OR IGNORE INTO contents (tenant, sha256, size, created_at)"
              " VALUES (?, ?, ?, ?)"_s);
    qint64 size = 0;
    for (const QByteArray &piece : pieces)
        size += piece.size();
    for (const QVariant &v : {QVariant(tenant), QVariant(sha256), QVariant(size),
                              QVariant(QDateTime::currentMSecsSinceEpoch())})
        q.addBindValue(v);
    bool ok = exec(q, error);
    // Pieces only for content not stored before.
    if (ok && q.numRowsAffected() == 1) {
        q.prepare(
            u"INSERT INTO content_pieces (tenant, sha256, piece, bytes) VALUES (?, ?, ?, ?)"_s);
        for (int i = 0; ok && i < pieces.size(); ++i) {
            q.addBindValue(tenant);
            q.addBindValue(sha256);
            q.addBindValue(i);
            q.addBindValue(pieces.at(i));
            ok = exec(q, error);
        }
    }
    if (ok && db.commit())
        return true;
    if (ok)
        *error = db.lastError().text();
    db.rollback();
    return false;
}

} // namespace Glosa
