#include "codec.h"
#include "protocollimits.h"
#include "sqlitestore.h"
#include "storetestdata.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Glosa::SqliteStore;
using Glosa::Store;

namespace {

using StoreTestData::chat;
using StoreTestData::write;

constexpr qint64 Piece = Glosa::Limits::ContentPieceBytes;
// Names of contents: the sha256 the server checked them against.
const QString Sha1 = QString(64, u'a');
const QString Sha2 = QString(64, u'b');

// Runs `statements` on the database at `path` through a connection of its own.
bool execute(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"side"_s);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &sql : statements) {
            if (ok && !q.exec(sql)) {
                qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
                ok = false;
            }
        }
    }
    QSqlDatabase::removeDatabase(u"side"_s);
    return ok;
}

QVariant pragma(const QString &path, const QString &name)
{
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"probe"_s);
        db.setDatabaseName(path);
        db.open();
        QSqlQuery q(db);
        q.exec(u"PRAGMA "_s + name);
        if (q.next())
            value = q.value(0);
    }
    QSqlDatabase::removeDatabase(u"probe"_s);
    return value;
}

} // namespace

class tst_SqliteStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(u"glosa.sqlite3"_s); }

private Q_SLOTS:
    void init()
    {
        QFile::remove(path());
        QFile::remove(path() + u"-wal"_s);
        QFile::remove(path() + u"-shm"_s);
    }

    void createsAVersionedSchemaInWalMode()
    {
        {
            SqliteStore store(path());
            QString error;
            QVERIFY2(store.open(&error), qPrintable(error));
        }
        QCOMPARE(pragma(path(), u"user_version"_s).toInt(), SqliteStore::SchemaVersion);
        QCOMPARE(pragma(path(), u"journal_mode"_s).toString(), u"wal"_s);
    }

    void refusesANewerSchema()
    {
        {
            SqliteStore store(path());
            QString error;
            QVERIFY(store.open(&error));
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bump"_s);
            db.setDatabaseName(path());
            QVERIFY(db.open());
            QSqlQuery(db).exec(u"PRAGMA user_version=99"_s);
        }
        QSqlDatabase::removeDatabase(u"bump"_s);
        SqliteStore store(path());
        QString error;
        QVERIFY(!store.open(&error));
        QVERIFY2(error.contains(u"newer"_s) && error.contains(path()), qPrintable(error));
    }

    void pagesKeepTheirEpochAndState()
    {
        QString error;
        QString epoch;
        {
            SqliteStore store(path());
            QVERIFY(store.open(&error));
            const auto page = store.loadPage(u"acme"_s, u"p"_s, &error);
            QVERIFY(page);
            QCOMPARE(page->record.head, 0);
            epoch = page->record.epoch;
            QVERIFY(!epoch.isEmpty());
            const qint64 id = page->record.id;
            QSet<qint64> stale;
            QVERIFY(store.commit({write(id, 1, chat(u"c1"_s, u"m1"_s)),
                                  write(id, 2, chat(u"c2"_s, u"m2"_s)),
                                  write(id, 3, chat(u"c2"_s, u"m2"_s), true)},
                                 &stale, &error));
            QVERIFY(stale.isEmpty());
            // Another tenant's page of the same name is another page.
            const auto other = store.loadPage(u"local"_s, u"p"_s, &error);
            QVERIFY(other && other->record.id != id && other->record.epoch != epoch);
        }
        SqliteStore store(path());
        QVERIFY(store.open(&error));
        const auto page = store.loadPage(u"acme"_s, u"p"_s, &error);
        QVERIFY(page);
        QCOMPARE(page->record.epoch, epoch);
        QCOMPARE(page->record.head, 3);
        QCOMPARE(page->chats.size(), 1);
        QCOMPARE(page->chats.first(), chat(u"c1"_s, u"m1"_s));
        // Ids of the deleted chat stay reserved.
        QCOMPARE(page->usedIds, (QSet<QString>{u"c1"_s, u"m1"_s, u"c2"_s, u"m2"_s}));
        QCOMPARE(store.eventsAfter(page->record.id, 1, 10),
                 (QList<QByteArray>{"event-2", "event-3"}));
        QCOMPARE(store.eventsAfter(page->record.id, 0, 2),
                 (QList<QByteArray>{"event-1", "event-2"}));
        QCOMPARE(store.findBroadcast(page->record.id, write(0, 2, {}).broadcastId, &error),
                 "event-2"_ba);
        QStringList broadcastIds = page->broadcastIds;
        broadcastIds.sort();
        QCOMPARE(broadcastIds,
                 (QStringList{write(0, 1, {}).broadcastId, write(0, 2, {}).broadcastId,
                              write(0, 3, {}).broadcastId}));
        QVERIFY(store.findBroadcast(page->record.id, u"nope"_s, &error).isEmpty());
        QVERIFY(error.isEmpty());
    }

    void findPageLeavesANewPageUncreated()
    {
        QString error;
        SqliteStore store(path());
        QVERIFY(store.open(&error));
        QVERIFY(!store.findPage(u"acme"_s, u"p"_s, &error));
        QVERIFY(error.isEmpty());
        const auto created = store.loadPage(u"acme"_s, u"p"_s, &error);
        QVERIFY(created);
        const auto found = store.findPage(u"acme"_s, u"p"_s, &error);
        QVERIFY(found);
        QCOMPARE(found->record.id, created->record.id);
        QCOMPARE(found->record.epoch, created->record.epoch);
    }

    void aFailedCommitStoresNothing()
    {
        QString error;
        SqliteStore store(path());
        QVERIFY(store.open(&error));
        const qint64 id = store.loadPage(u"acme"_s, u"p"_s, &error)->record.id;
        QSet<qint64> stale;
        QVERIFY(store.commit({write(id, 1, chat(u"c1"_s, u"m1"_s))}, &stale, &error));
        // The second write reuses seq 1: the whole group fails.
        QVERIFY(!store.commit(
            {write(id, 2, chat(u"c2"_s, u"m2"_s)), write(id, 1, chat(u"c3"_s, u"m3"_s))}, &stale,
            &error));
        QVERIFY(!error.isEmpty());
        const auto page = store.loadPage(u"acme"_s, u"p"_s, &error);
        QCOMPARE(page->record.head, 1);
        QCOMPARE(page->chats.size(), 1);
        QCOMPARE(store.eventsAfter(id, 0, 10).size(), 1);
        // The failed statement leaves nothing behind that would fail the next commit.
        QVERIFY2(store.commit({write(id, 2, chat(u"c2"_s, u"m2"_s))}, &stale, &error),
                 qPrintable(error));
        QCOMPARE(store.loadPage(u"acme"_s, u"p"_s, &error)->record.head, 2);
    }

    // Writes that do not follow their page's stored head are left out, and the rest of the
    // group is stored.
    void writesBehindTheStoredHeadAreStale()
    {
        QString error;
        SqliteStore store(path());
        QVERIFY(store.open(&error));
        const qint64 a = store.loadPage(u"acme"_s, u"a"_s, &error)->record.id;
        const qint64 b = store.loadPage(u"acme"_s, u"b"_s, &error)->record.id;
        QSet<qint64> stale;
        QVERIFY(store.commit({write(a, 1, chat(u"c1"_s, u"m1"_s))}, &stale, &error));
        // Another writer's seq 1 of page a, and a first write of page b.
        QVERIFY2(
            store.commit({write(a, 1, chat(u"c2"_s, u"m2"_s)), write(b, 1, chat(u"c3"_s, u"m3"_s)),
                          write(a, 2, chat(u"c4"_s, u"m4"_s))},
                         &stale, &error),
            qPrintable(error));
        QCOMPARE(stale, QSet<qint64>{a});
        const auto pageA = store.loadPage(u"acme"_s, u"a"_s, &error);
        QCOMPARE(pageA->record.head, 1);
        QCOMPARE(pageA->usedIds, (QSet<QString>{u"c1"_s, u"m1"_s}));
        QCOMPARE(store.loadPage(u"acme"_s, u"b"_s, &error)->record.head, 1);
        // Writes that follow the head go in.
        stale.clear();
        QVERIFY(store.commit({write(a, 2, chat(u"c2"_s, u"m2"_s))}, &stale, &error));
        QVERIFY(stale.isEmpty());
        QCOMPARE(store.eventsAfter(a, 0, 10), (QList<QByteArray>{"event-1", "event-2"}));
    }

    void documents()
    {
        QString error;
        SqliteStore store(path());
        QVERIFY(store.open(&error));
        Glosa::Document doc{u"doc/1"_s, u"Zeta"_s, u"text"_s, u"body"_s, u"abc"_s, 5};
        QVERIFY(store.saveDocument(u"acme"_s, doc, u"u1"_s, &error));
        QVERIFY(store.saveDocument(u"acme"_s,
                                   {u"doc/2"_s, u"Alpha"_s, u"markdown"_s, u"# A"_s, u"def"_s, 6},
                                   u"u2"_s, &error));
        QCOMPARE(store.document(u"acme"_s, u"doc/1"_s), doc);
        QCOMPARE(store.documentPublisher(u"acme"_s, u"doc/1"_s), u"u1"_s);
        QCOMPARE(store.documentPublisher(u"acme"_s, u"doc/2"_s), u"u2"_s);
        QVERIFY(store.documentPublisher(u"local"_s, u"doc/1"_s).isEmpty());
        QVERIFY(!store.document(u"local"_s, u"doc/1"_s));
        const QList<Glosa::Document> list = store.documents(u"acme"_s);
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.first().title, u"Alpha"_s);
        QVERIFY(list.first().content.isEmpty());
        doc.title = u"Zeta 2"_s;
        QVERIFY(store.saveDocument(u"acme"_s, doc, u"u1"_s, &error));
        QCOMPARE(store.document(u"acme"_s, u"doc/1"_s)->title, u"Zeta 2"_s);
        QVERIFY(store.documents(u"local"_s).isEmpty());
    }

    // The bytes of PDFs, per tenant and sha256, in pieces: every piece as it was given, the
    // first bytes stored under a sha256 kept, nothing where there is none.
    void contents()
    {
        QString error;
        const QList<QByteArray> pieces{QByteArray(Piece, 'a'), QByteArray(Piece, '\0'), "end"_ba};
        {
            SqliteStore store(path());
            QVERIFY(store.open(&error));
            QCOMPARE(store.contentSize(u"acme"_s, Sha1, &error), -1);
            QVERIFY(store.contentPiece(u"acme"_s, Sha1, 0, &error).isEmpty());
            QVERIFY(error.isEmpty());

            QVERIFY2(store.saveContent(u"acme"_s, Sha1, pieces, &error), qPrintable(error));
            QCOMPARE(store.contentSize(u"acme"_s, Sha1, &error), 2 * Piece + 3);
            for (int i = 0; i < pieces.size(); ++i)
                QCOMPARE(store.contentPiece(u"acme"_s, Sha1, i, &error), pieces.at(i));
            QVERIFY(store.contentPiece(u"acme"_s, Sha1, 3, &error).isEmpty());
            QVERIFY(store.contentPiece(u"acme"_s, Sha1, -1, &error).isEmpty());
            QVERIFY(error.isEmpty());

            // Saved again, it stays as it was.
            QVERIFY2(store.saveContent(u"acme"_s, Sha1, pieces, &error), qPrintable(error));
            QVERIFY2(store.saveContent(u"acme"_s, Sha1, {"other"_ba}, &error), qPrintable(error));
            QCOMPARE(store.contentSize(u"acme"_s, Sha1, &error), 2 * Piece + 3);
            QCOMPARE(store.contentPiece(u"acme"_s, Sha1, 0, &error), pieces.at(0));
            QCOMPARE(store.contentPiece(u"acme"_s, Sha1, 2, &error), "end"_ba);

            // Another tenant has none of it, and its own bytes under the same sha256.
            QCOMPARE(store.contentSize(u"local"_s, Sha1, &error), -1);
            QVERIFY(store.contentPiece(u"local"_s, Sha1, 0, &error).isEmpty());
            QVERIFY(store.saveContent(u"local"_s, Sha1, {"mine"_ba}, &error));
            QCOMPARE(store.contentSize(u"local"_s, Sha1, &error), 4);
            QCOMPARE(store.contentPiece(u"local"_s, Sha1, 0, &error), "mine"_ba);
            QCOMPARE(store.contentSize(u"acme"_s, Sha1, &error), 2 * Piece + 3);
            QCOMPARE(store.contentSize(u"acme"_s, Sha2, &error), -1);
            QVERIFY(error.isEmpty());
        }
        // Kept across reopening.
        SqliteStore store(path());
        QVERIFY(store.open(&error));
        QCOMPARE(store.contentSize(u"acme"_s, Sha1, &error), 2 * Piece + 3);
        QCOMPARE(store.contentPiece(u"acme"_s, Sha1, 1, &error), pieces.at(1));
        QCOMPARE(store.contentPiece(u"local"_s, Sha1, 0, &error), "mine"_ba);
    }

    // A content is stored whole or not at all.
    void aContentThatCannotBeStoredWhole()
    {
        QString error;
        SqliteStore store(path());
        QVERIFY(store.open(&error));
        QVERIFY(
            execute(path(), {u"CREATE TRIGGER refuse AFTER INSERT ON content_pieces"
                             " WHEN NEW.piece = 1 BEGIN SELECT RAISE(ABORT, 'disk full'); END"_s}));
        QVERIFY(!store.saveContent(u"acme"_s, Sha1, {"one"_ba, "two"_ba, "three"_ba}, &error));
        QVERIFY2(error.contains(u"disk full"_s), qPrintable(error));
        error.clear();
        QCOMPARE(store.contentSize(u"acme"_s, Sha1, &error), -1);
        QVERIFY(store.contentPiece(u"acme"_s, Sha1, 0, &error).isEmpty());
        QVERIFY(error.isEmpty());
        // Nothing of it is left behind to stand in the way.
        QVERIFY(execute(path(), {u"DROP TRIGGER refuse"_s}));
        QVERIFY2(store.saveContent(u"acme"_s, Sha1, {"one"_ba, "two"_ba, "three"_ba}, &error),
                 qPrintable(error));
        QCOMPARE(store.contentSize(u"acme"_s, Sha1, &error), 11);
        QCOMPARE(store.contentPiece(u"acme"_s, Sha1, 2, &error), "three"_ba);
    }

    // A PDF's document has the size of its content, which the document row does not hold.
    void pdfDocumentsHaveTheirContentsSize()
    {
        QString error;
        SqliteStore store(path());
        QVERIFY(store.open(&error));
        QVERIFY(store.saveContent(u"acme"_s, Sha1, {QByteArray(Piece, 'p'), "df"_ba}, &error));
        const Glosa::Document pdf{u"doc/"_s + Sha1, u"Report"_s, u"pdf"_s, {}, Sha1, 7};
        QVERIFY2(store.saveDocument(u"acme"_s, pdf, u"u1"_s, &error), qPrintable(error));
        QVERIFY(store.saveDocument(
            u"acme"_s, {u"notes"_s, u"Notes"_s, u"text"_s, u"body"_s, Sha2, 8}, u"u1"_s, &error));

        Glosa::Document expected = pdf;
        expected.size = Piece + 2;
        QCOMPARE(store.document(u"acme"_s, pdf.page), expected);
        const QList<Glosa::Document> list = store.documents(u"acme"_s);
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(1), expected);
        QCOMPARE(list.at(0).size, 0);
        QCOMPARE(store.document(u"acme"_s, u"notes"_s)->size, 0);
        QCOMPARE(store.document(u"acme"_s, u"notes"_s)->content, u"body"_s);
    }

    void unwritableFolder()
    {
        SqliteStore store(u"/proc/glosa/nope/glosa.sqlite3"_s);
        QString error;
        QVERIFY(!store.open(&error));
        QVERIFY(error.contains(u"/proc/glosa/nope"_s));
    }

    // A database of schema 1 (comments inside their chat's row) is migrated: every chat keeps
    // its comments, and their ids stay reserved; documents keep their content.
    void migratesCommentsOutOfChats()
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v1"_s);
            db.setDatabaseName(path());
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (
                const QString &sql :
                {u"CREATE TABLE pages (id INTEGER PRIMARY KEY, tenant TEXT NOT NULL, page TEXT NOT "
                 u"NULL,"
                 " epoch TEXT NOT NULL, head INTEGER NOT NULL DEFAULT 0, UNIQUE (tenant, page))"_s,
                 u"CREATE TABLE events (page_id INTEGER NOT NULL, seq INTEGER NOT NULL,"
                 " broadcast_id TEXT NOT NULL, body BLOB NOT NULL, PRIMARY KEY (page_id, seq))"_s,
                 u"CREATE UNIQUE INDEX events_broadcast ON events (page_id, broadcast_id)"_s,
                 u"CREATE TABLE chats (page_id INTEGER NOT NULL, chat_id TEXT NOT NULL,"
                 " body BLOB NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (page_id, chat_id))"_s,
                 u"CREATE TABLE documents (tenant TEXT NOT NULL, page TEXT NOT NULL, title TEXT "
                 u"NOT NULL,"
                 " format TEXT NOT NULL, content TEXT NOT NULL, sha256 TEXT NOT NULL,"
                 " updated_at INTEGER NOT NULL, PRIMARY KEY (tenant, page))"_s,
                 u"INSERT INTO pages (id, tenant, page, epoch, head) VALUES (1, 'acme', 'p', 'e1', 2)"_s,
                 u"INSERT INTO documents VALUES ('acme', 'p', 'Old', 'text', 'body', 'abc', 1)"_s,
                 u"PRAGMA user_version=1"_s})
                QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
            Glosa::Chat live = chat(u"c1"_s, u"m1"_s);
            live.comments.append({u"m3"_s, live.author, u"second"_s, 2, 5, false});
            for (const auto &[c, deleted] :
                 {std::pair{live, 0}, std::pair{chat(u"c2"_s, u"m2"_s), 1}}) {
                q.prepare(
                    u"INSERT INTO chats (page_id, chat_id, body, deleted) VALUES (1, ?, ?, ?)"_s);
                q.addBindValue(c.id);
                q.addBindValue(Glosa::Codec::encode(c));
                q.addBindValue(deleted);
                QVERIFY(q.exec());
            }
        }
        QSqlDatabase::removeDatabase(u"v1"_s);

        QString error;
        SqliteStore store(path());
        QVERIFY2(store.open(&error), qPrintable(error));
        const auto page = store.loadPage(u"acme"_s, u"p"_s, &error);
        QVERIFY(page);
        QCOMPARE(page->record.head, 2);
        QCOMPARE(page->chats.size(), 1);
        QCOMPARE(page->chats.first().comments.size(), 2);
        QCOMPARE(page->chats.first().comments.at(1).text, u"second"_s);
        QCOMPARE(page->chats.first().comments.at(1).editedAt, 5);
        QCOMPARE(page->usedIds, (QSet<QString>{u"c1"_s, u"m1"_s, u"m3"_s, u"c2"_s, u"m2"_s}));
        // A document stored before publishers were recorded has none.
        QCOMPARE(store.document(u"acme"_s, u"p"_s)->title, u"Old"_s);
        QVERIFY(store.documentPublisher(u"acme"_s, u"p"_s).isEmpty());
        store.close();
        QCOMPARE(pragma(path(), u"user_version"_s).toInt(), SqliteStore::SchemaVersion);
    }

    // A database of schema 3, from before the bytes of PDFs, is migrated: its pages, chats and
    // documents stay, and contents can be stored.
    void migratesToContents()
    {
        QCOMPARE(SqliteStore::SchemaVersion, 4);
        QString error;
        const Glosa::Document doc{u"p"_s, u"Old"_s, u"text"_s, u"body"_s, u"abc"_s, 1};
        {
            SqliteStore store(path());
            QVERIFY(store.open(&error));
            const qint64 id = store.loadPage(u"acme"_s, u"p"_s, &error)->record.id;
            QSet<qint64> stale;
            QVERIFY(store.commit({write(id, 1, chat(u"c1"_s, u"m1"_s))}, &stale, &error));
            QVERIFY(store.saveDocument(u"acme"_s, doc, u"u1"_s, &error));
        }
        // What this store writes, without the tables schema 4 added: a database of schema 3.
        QVERIFY(execute(path(), {u"DROP TABLE content_pieces"_s, u"DROP TABLE contents"_s,
                                 u"PRAGMA user_version=3"_s}));
        QCOMPARE(pragma(path(), u"user_version"_s).toInt(), 3);

        SqliteStore store(path());
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(pragma(path(), u"user_version"_s).toInt(), 4);
        const auto page = store.loadPage(u"acme"_s, u"p"_s, &error);
        QVERIFY(page);
        QCOMPARE(page->record.head, 1);
        QCOMPARE(page->chats, QList<Glosa::Chat>{chat(u"c1"_s, u"m1"_s)});
        QCOMPARE(store.eventsAfter(page->record.id, 0, 10), QList<QByteArray>{"event-1"});
        QCOMPARE(store.document(u"acme"_s, u"p"_s), doc);
        QCOMPARE(store.documentPublisher(u"acme"_s, u"p"_s), u"u1"_s);
        QCOMPARE(store.contentSize(u"acme"_s, Sha1, &error), -1);
        QVERIFY2(store.saveContent(u"acme"_s, Sha1, {"%PDF-%%EOF"_ba}, &error), qPrintable(error));
        QCOMPARE(store.contentSize(u"acme"_s, Sha1, &error), 10);
    }
};

QTEST_GUILESS_MAIN(tst_SqliteStore)
#include "tst_sqlitestore.moc"
