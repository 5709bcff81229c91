#include "codec.h"
#include "postgreslistener.h"
#include "postgresserver.h"
#include "postgresstore.h"
#include "protocollimits.h"
#include "storetestdata.h"
#include "validation.h"

#include <QMutex>
#include <QSignalSpy>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <numeric>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using Glosa::PostgresListener;
using Glosa::PostgresStore;
using Glosa::Store;

namespace {

using StoreTestData::chat;
using StoreTestData::write;

// A port of 127.0.0.1 nothing listens on.
int closedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

const QString channel = QString::fromLatin1(PostgresStore::NotifyChannel);

constexpr qint64 Piece = Glosa::Limits::ContentPieceBytes;
// Names of contents: the sha256 the server checked them against.
const QString Sha1 = QString(64, u'a');
const QString Sha2 = QString(64, u'b');

} // namespace

class tst_PostgresStore : public QObject
{
    Q_OBJECT

private:
    PostgresServer m_server;
    const QString m_database = u"glosa"_s;

    QString url() const { return m_server.url(m_database); }
    // The first value `sql` reads from the test function's database.
    QString value(const QString &sql, const QString &database = {})
    {
        QString result;
        QString error;
        if (!m_server.execute(sql, database.isEmpty() ? m_database : database, &result, &error))
            qWarning("%s", qPrintable(error));
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    // Each test function starts on an empty database: a new schema costs little, where a new
    // database would be written and flushed whole.
    void init()
    {
        QString error;
        QVERIFY2(m_server.execute(u"DROP SCHEMA public CASCADE;"
                                  " CREATE SCHEMA public AUTHORIZATION glosa"_s,
                                  m_database, nullptr, &error),
                 qPrintable(error));
    }

    void urls()
    {
        QVERIFY(PostgresStore::isUrl(u"postgresql://db.example/glosa"_s));
        QVERIFY(PostgresStore::isUrl(u"postgres://db.example"_s));
        QVERIFY(!PostgresStore::isUrl(u"/var/lib/glosa/glosa.sqlite3"_s));
        QVERIFY(!PostgresStore::isUrl(u"host=db.example dbname=glosa"_s));

        QCOMPARE(PostgresStore::redacted(u"postgresql://ana:s3cret@db:5432/glosa"_s),
                 u"postgresql://ana@db:5432/glosa"_s);
        QCOMPARE(PostgresStore::redacted(u"postgres://ana@db/glosa"_s),
                 u"postgres://ana@db/glosa"_s);
        QCOMPARE(PostgresStore::redacted(u"postgresql://ana:p:w@a,b:5433/glosa"_s),
                 u"postgresql://ana@a,b:5433/glosa"_s);
        QCOMPARE(
            PostgresStore::redacted(u"postgresql://db/glosa?password=s3cret&sslmode=require"_s),
            u"postgresql://db/glosa?sslmode=require"_s);
        QCOMPARE(PostgresStore::redacted(u"postgresql://db/glosa?password=s3cret"_s),
                 u"postgresql://db/glosa"_s);
        QCOMPARE(PostgresStore::redacted(u"host=db password='s3 cr\\'et' dbname=glosa"_s),
                 u"host=db dbname=glosa"_s);

        QCOMPARE(PostgresStore::parseNotification("12:57 40:3"),
                 (QList<std::pair<qint64, qint64>>{{12, 57}, {40, 3}}));
        QCOMPARE(PostgresStore::parseNotification("x 7:1 :2 8:"),
                 (QList<std::pair<qint64, qint64>>{{7, 1}}));
    }

    void createsAVersionedSchema()
    {
        QString error;
        {
            PostgresStore store(url());
            QVERIFY2(store.open(&error), qPrintable(error));
        }
        QCOMPARE(value(u"SELECT version FROM glosa_schema"_s),
                 QString::number(PostgresStore::SchemaVersion));
        // The presence tables are UNLOGGED, the rest is durable.
        QCOMPARE(
            value(
                u"SELECT string_agg(relname || ':' || relpersistence::text, ' ' ORDER BY relname)"
                " FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace::oid"_s),
            u"chats:p comments:p content_pieces:p contents:p documents:p events:p glosa_schema:p "
            u"nodes:u pages:p presence:u server_keys:p"_s);
        // The store runs as a role that is no superuser.
        QCOMPARE(value(u"SELECT rolsuper FROM pg_roles WHERE rolname = 'glosa'"_s), u"f"_s);
        {
            PostgresStore again(url());
            QVERIFY2(again.open(&error), qPrintable(error));
        }
        QCOMPARE(value(u"SELECT count(*) FROM glosa_schema"_s), u"1"_s);
    }

    // Nodes that start together on a new database migrate it once, and all open.
    void nodesStartingTogetherMigrateOnce()
    {
        const QString target = url();
        QMutex mutex;
        QStringList errors;
        std::vector<std::thread> nodes;
        for (int i = 0; i < 4; ++i) {
            nodes.emplace_back([&] {
                PostgresStore store(target);
                QString error;
                if (!store.open(&error)) {
                    QMutexLocker lock(&mutex);
                    errors.append(error);
                }
            });
        }
        for (std::thread &node : nodes)
            node.join();
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QCOMPARE(value(u"SELECT string_agg(version::text, ',') FROM glosa_schema"_s),
                 QString::number(PostgresStore::SchemaVersion));
    }

    void refusesANewerSchema()
    {
        QString error;
        {
            PostgresStore store(url());
            QVERIFY2(store.open(&error), qPrintable(error));
        }
        QVERIFY(m_server.execute(u"UPDATE glosa_schema SET version = 99"_s, m_database));
        PostgresStore store(url());
        QVERIFY(!store.open(&error));
        QVERIFY2(error.contains(u"newer"_s) && error.contains(PostgresStore::redacted(url())),
                 qPrintable(error));
        QVERIFY2(!error.contains(QLatin1StringView(PostgresServer::Password)), qPrintable(error));
        QCOMPARE(value(u"SELECT version FROM glosa_schema"_s), u"99"_s);
    }

    void pagesKeepTheirEpochAndState()
    {
        QString error;
        QString epoch;
        {
            PostgresStore store(url());
            QVERIFY2(store.open(&error), qPrintable(error));
            const auto page = store.loadPage(u"acme"_s, u"p"_s, &error);
            QVERIFY2(page, qPrintable(error));
            QCOMPARE(page->record.head, 0);
            epoch = page->record.epoch;
            QVERIFY(!epoch.isEmpty());
            QVERIFY(epoch.size() <= 64);
            const qint64 id = page->record.id;
            QSet<qint64> stale;
            QVERIFY2(store.commit({write(id, 1, chat(u"c1"_s, u"m1"_s)),
                                   write(id, 2, chat(u"c2"_s, u"m2"_s)),
                                   write(id, 3, chat(u"c2"_s, u"m2"_s), true)},
                                  &stale, &error),
                     qPrintable(error));
            QVERIFY(stale.isEmpty());
            // Another tenant's page of the same name is another page.
            const auto other = store.loadPage(u"local"_s, u"p"_s, &error);
            QVERIFY(other && other->record.id != id && other->record.epoch != epoch);
        }
        PostgresStore store(url());
        QVERIFY2(store.open(&error), qPrintable(error));
        const auto page = store.loadPage(u"acme"_s, u"p"_s, &error);
        QVERIFY(page);
        QCOMPARE(page->record.epoch, epoch);
        QCOMPARE(page->record.head, 3);
        QCOMPARE(page->chats.size(), 1);
        QCOMPARE(page->chats.first(), chat(u"c1"_s, u"m1"_s));
        // Ids of the deleted chat stay reserved.
        QCOMPARE(page->usedIds, (QSet<QString>{u"c1"_s, u"m1"_s, u"c2"_s, u"m2"_s}));
        QCOMPARE(page->bytes, qint64(3 * QByteArray("event-1").size()));
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
        PostgresStore store(url());
        QVERIFY2(store.open(&error), qPrintable(error));
        QVERIFY(!store.findPage(u"acme"_s, u"p"_s, &error));
        QVERIFY(error.isEmpty());
        QCOMPARE(value(u"SELECT count(*) FROM pages"_s), u"0"_s);
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
        PostgresStore store(url());
        QVERIFY2(store.open(&error), qPrintable(error));
        const qint64 id = store.loadPage(u"acme"_s, u"p"_s, &error)->record.id;
        QSet<qint64> stale;
        QVERIFY(store.commit({write(id, 1, chat(u"c1"_s, u"m1"_s))}, &stale, &error));
        // The second write reuses seq 1: the whole group fails.
        QVERIFY(!store.commit(
            {write(id, 2, chat(u"c2"_s, u"m2"_s)), write(id, 1, chat(u"c3"_s, u"m3"_s))}, &stale,
            &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(stale.isEmpty());
        const auto page = store.loadPage(u"acme"_s, u"p"_s, &error);
        QCOMPARE(page->record.head, 1);
        QCOMPARE(page->chats.size(), 1);
        QCOMPARE(store.eventsAfter(id, 0, 10).size(), 1);
        // A broadcastId the page already has fails the group too.
        Store::Write again = write(id, 2, chat(u"c2"_s, u"m2"_s));
        again.broadcastId = write(id, 1, {}).broadcastId;
        error.clear();
        QVERIFY(!store.commit({again}, &stale, &error));
        QVERIFY2(error.contains(u"events_broadcast"_s), qPrintable(error));
        // The failed transaction leaves nothing behind that would fail the next commit.
        error.clear();
        QVERIFY2(store.commit({write(id, 2, chat(u"c2"_s, u"m2"_s))}, &stale, &error),
                 qPrintable(error));
        QVERIFY(stale.isEmpty());
        QCOMPARE(store.loadPage(u"acme"_s, u"p"_s, &error)->record.head, 2);
    }

    // Writes that do not follow their page's stored head are left out, and the rest of the
    // group is stored.
    void writesBehindTheStoredHeadAreStale()
    {
        QString error;
        PostgresStore store(url());
        QVERIFY2(store.open(&error), qPrintable(error));
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

    // Several writes of one group to one chat and comment: the chat and the comment are stored
    // as the last write leaves them, the comment at the place it was first given.
    void aGroupWritesAChatSeveralTimes()
    {
        QString error;
        PostgresStore store(url());
        QVERIFY2(store.open(&error), qPrintable(error));
        const qint64 id = store.loadPage(u"acme"_s, u"p"_s, &error)->record.id;
        Glosa::Chat c = chat(u"c1"_s, u"m1"_s);
        QList<Store::Write> writes{write(id, 1, c)};
        c.resolved = true;
        c.comments.first().text = u"edited"_s;
        c.comments.first().editedAt = 7;
        writes.append(write(id, 2, c));
        writes.last().commentPosition = 5;
        Glosa::Chat reply = c;
        reply.comments = {Glosa::Comment{u"m2"_s, c.author, u"reply"_s, 3, std::nullopt, false}};
        writes.append(write(id, 3, reply));
        writes.last().commentPosition = 1;
        QSet<qint64> stale;
        QVERIFY2(store.commit(writes, &stale, &error), qPrintable(error));
        const auto page = store.loadPage(u"acme"_s, u"p"_s, &error);
        QCOMPARE(page->record.head, 3);
        QCOMPARE(page->chats.size(), 1);
        QVERIFY(page->chats.first().resolved);
        QCOMPARE(page->chats.first().comments.size(), 2);
        QCOMPARE(page->chats.first().comments.at(0).text, u"edited"_s);
        QCOMPARE(page->chats.first().comments.at(0).editedAt, 7);
        QCOMPARE(page->chats.first().comments.at(1).text, u"reply"_s);
        QCOMPARE(value(u"SELECT string_agg(comment_id || '@' || position, ' ' ORDER BY position)"
                       " FROM comments"_s),
                 u"m1@0 m2@1"_s);
    }

    void documents()
    {
        QString error;
        PostgresStore store(url());
        QVERIFY2(store.open(&error), qPrintable(error));
        Glosa::Document doc{u"doc/1"_s, u"Zeta"_s, u"text"_s, u"body"_s, u"abc"_s, 5};
        QVERIFY(store.saveDocument(u"acme"_s, doc, u"u1"_s, &error));
        QVERIFY(store.saveDocument(u"acme"_s,
                                   {u"doc/2"_s, u"Alpha"_s, u"markdown"_s, u"# A"_s, u"def"_s, 6},
                                   u"u2"_s, &error));
        // Listed by title as SQLite orders it, by code point: "Zeta" before "alpha".
        QVERIFY(store.saveDocument(
            u"acme"_s, {u"doc/3"_s, u"alpha"_s, u"text"_s, u"a"_s, u"ghi"_s, 7}, u"u2"_s, &error));
        QCOMPARE(store.document(u"acme"_s, u"doc/1"_s), doc);
        QCOMPARE(store.documentPublisher(u"acme"_s, u"doc/1"_s), u"u1"_s);
        QCOMPARE(store.documentPublisher(u"acme"_s, u"doc/2"_s), u"u2"_s);
        QVERIFY(store.documentPublisher(u"local"_s, u"doc/1"_s).isEmpty());
        QVERIFY(!store.document(u"local"_s, u"doc/1"_s));
        const QList<Glosa::Document> list = store.documents(u"acme"_s);
        QCOMPARE(list.size(), 3);
        QCOMPARE(list.at(0).title, u"Alpha"_s);
        QCOMPARE(list.at(1).title, u"Zeta"_s);
        QCOMPARE(list.at(2).title, u"alpha"_s);
        QCOMPARE(list.first().sha256, u"def"_s);
        QCOMPARE(list.first().updatedAt, 6);
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
            PostgresStore store(url());
            QVERIFY2(store.open(&error), qPrintable(error));
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
            QCOMPARE(value(u"SELECT count(*) FROM content_pieces"_s), u"3"_s);

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
        // Kept across reopening, and by every node.
        PostgresStore store(url());
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(store.contentSize(u"acme"_s, Sha1, &error), 2 * Piece + 3);
        QCOMPARE(store.contentPiece(u"acme"_s, Sha1, 1, &error), pieces.at(1));
        QCOMPARE(store.contentPiece(u"local"_s, Sha1, 0, &error), "mine"_ba);
    }

    // A content is stored whole or not at all; nodes storing the same content at once keep one
    // of theirs, whole.
    void contentsAreStoredWhole()
    {
        QString error;
        PostgresStore a(url()), b(url());
        QVERIFY2(a.open(&error), qPrintable(error));
        QVERIFY2(b.open(&error), qPrintable(error));
        QVERIFY(m_server.execute(
            u"CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            " IF NEW.piece = 1 THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$;"
            " CREATE TRIGGER refuse BEFORE INSERT ON content_pieces FOR EACH ROW"
            " EXECUTE FUNCTION refuse()"_s,
            m_database));
        QVERIFY(!a.saveContent(u"acme"_s, Sha1, {"one"_ba, "two"_ba, "three"_ba}, &error));
        QVERIFY2(error.contains(u"disk full"_s), qPrintable(error));
        error.clear();
        QCOMPARE(a.contentSize(u"acme"_s, Sha1, &error), -1);
        QVERIFY(a.contentPiece(u"acme"_s, Sha1, 0, &error).isEmpty());
        QVERIFY(error.isEmpty());
        QCOMPARE(value(u"SELECT count(*) FROM content_pieces"_s), u"0"_s);
        QVERIFY(m_server.execute(u"DROP TRIGGER refuse ON content_pieces"_s, m_database));

        // Two nodes, the same sha256, different bytes (of which one would not match it).
        const QList<QByteArray> ours{QByteArray(Piece, '1'), QByteArray(Piece, '1'), "1"_ba};
        const QList<QByteArray> theirs{QByteArray(Piece, '2'), "22"_ba};
        for (int round = 0; round < 5; ++round) {
            const QString sha = QString(63, u'c') + QString::number(round);
            std::atomic<int> stored{0};
            std::thread first([&] { stored += a.saveContent(u"acme"_s, sha, ours, nullptr); });
            std::thread second([&] { stored += b.saveContent(u"acme"_s, sha, theirs, nullptr); });
            first.join();
            second.join();
            QCOMPARE(stored.load(), 2);
            const qint64 size = a.contentSize(u"acme"_s, sha, &error);
            const QList<QByteArray> &kept = size == 2 * Piece + 1 ? ours : theirs;
            QCOMPARE(size, qint64(std::accumulate(kept.begin(), kept.end(), qsizetype(0),
                                                  [](qsizetype n, const QByteArray &piece) {
                                                      return n + piece.size();
                                                  })));
            for (int i = 0; i < kept.size(); ++i)
                QCOMPARE(b.contentPiece(u"acme"_s, sha, i, &error), kept.at(i));
            QVERIFY(b.contentPiece(u"acme"_s, sha, int(kept.size()), &error).isEmpty());
        }
    }

    // A PDF's document has the size of its content, which the document row does not hold.
    void pdfDocumentsHaveTheirContentsSize()
    {
        QString error;
        PostgresStore store(url());
        QVERIFY2(store.open(&error), qPrintable(error));
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

    // A database of schema 1, from before the bytes of PDFs, is migrated: its pages, chats and
    // documents stay, and contents can be stored.
    void migratesToContents()
    {
        QCOMPARE(PostgresStore::SchemaVersion, 2);
        QString error;
        const Glosa::Document doc{u"p"_s, u"Old"_s, u"text"_s, u"body"_s, u"abc"_s, 1};
        {
            PostgresStore store(url());
            QVERIFY2(store.open(&error), qPrintable(error));
            const qint64 id = store.loadPage(u"acme"_s, u"p"_s, &error)->record.id;
            QSet<qint64> stale;
            QVERIFY(store.commit({write(id, 1, chat(u"c1"_s, u"m1"_s))}, &stale, &error));
            QVERIFY(store.saveDocument(u"acme"_s, doc, u"u1"_s, &error));
        }
        // What this store writes, without the tables schema 2 added: a database of schema 1.
        QVERIFY(m_server.execute(u"DROP TABLE content_pieces, contents;"
                                 " UPDATE glosa_schema SET version = 1"_s,
                                 m_database));

        PostgresStore store(url());
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(value(u"SELECT version FROM glosa_schema"_s), u"2"_s);
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

    // Two nodes on one page: the one that commits second, from the same head, has its writes
    // left out, and nothing of them is stored; it goes on from the head it reads.
    void twoNodesOnOnePage()
    {
        QString error;
        PostgresStore a(url());
        PostgresStore b(url());
        QVERIFY2(a.open(&error) && b.open(&error), qPrintable(error));
        const auto onA = a.loadPage(u"acme"_s, u"p"_s, &error);
        const auto onB = b.loadPage(u"acme"_s, u"p"_s, &error);
        QVERIFY(onA && onB);
        QCOMPARE(onB->record.id, onA->record.id);
        QCOMPARE(onB->record.epoch, onA->record.epoch);
        const qint64 id = onA->record.id;
        QSet<qint64> stale;
        QVERIFY2(
            a.commit({write(id, 1, chat(u"c1"_s, u"m1"_s)), write(id, 2, chat(u"c2"_s, u"m2"_s))},
                     &stale, &error),
            qPrintable(error));
        QVERIFY(stale.isEmpty());
        Store::Write lost = write(id, 1, chat(u"c3"_s, u"m3"_s));
        lost.broadcastId = Glosa::Validation::newUuid();
        lost.event = "lost";
        QVERIFY2(b.commit({lost}, &stale, &error), qPrintable(error));
        QCOMPARE(stale, QSet<qint64>{id});
        QVERIFY(b.findBroadcast(id, lost.broadcastId, &error).isEmpty());
        QVERIFY(error.isEmpty());
        const auto caughtUp = b.loadPage(u"acme"_s, u"p"_s, &error);
        QCOMPARE(caughtUp->record.head, 2);
        QCOMPARE(caughtUp->usedIds, (QSet<QString>{u"c1"_s, u"m1"_s, u"c2"_s, u"m2"_s}));
        QCOMPARE(b.eventsAfter(id, 0, 10), (QList<QByteArray>{"event-1", "event-2"}));
        QCOMPARE(value(u"SELECT count(*) FROM events WHERE body = 'lost'"_s), u"0"_s);

        stale.clear();
        QVERIFY2(b.commit({write(id, 3, chat(u"c3"_s, u"m3"_s))}, &stale, &error),
                 qPrintable(error));
        QVERIFY(stale.isEmpty());
        QCOMPARE(a.loadPage(u"acme"_s, u"p"_s, &error)->record.head, 3);
    }

    // Two nodes that keep committing to the same two pages, listed in opposite orders, never
    // deadlock: every commit either stores a page's writes or finds them stale, and each page's
    // history has no gap.
    void nodesTakingTheSamePagesDoNotDeadlock()
    {
        QString error;
        qint64 ids[2];
        {
            PostgresStore store(url());
            QVERIFY2(store.open(&error), qPrintable(error));
            ids[0] = store.loadPage(u"acme"_s, u"a"_s, &error)->record.id;
            ids[1] = store.loadPage(u"acme"_s, u"b"_s, &error)->record.id;
        }
        const QString target = url();
        QMutex mutex;
        QStringList errors;
        std::atomic<int> stored[2] = {0, 0};
        const auto node = [&](bool reversed) {
            PostgresStore store(target);
            QString failure;
            if (!store.open(&failure)) {
                QMutexLocker lock(&mutex);
                errors.append(failure);
                return;
            }
            for (int round = 0; round < 40; ++round) {
                QList<Store::Write> writes;
                for (int i : {0, 1}) {
                    const auto page = store.findPage(u"acme"_s, i == 0 ? u"a"_s : u"b"_s, &failure);
                    if (!page)
                        break;
                    Store::Write w = write(ids[i], page->record.head + 1,
                                           chat(Glosa::Validation::newUuid(), u"m"_s));
                    w.broadcastId = Glosa::Validation::newUuid();
                    writes.append(w);
                }
                if (reversed)
                    std::reverse(writes.begin(), writes.end());
                QSet<qint64> stale;
                if (writes.size() != 2 || !store.commit(writes, &stale, &failure)) {
                    QMutexLocker lock(&mutex);
                    errors.append(failure);
                    return;
                }
                for (int i : {0, 1}) {
                    if (!stale.contains(ids[i]))
                        ++stored[i];
                }
            }
        };
        std::thread first(node, false);
        std::thread second(node, true);
        first.join();
        second.join();
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        PostgresStore store(url());
        QVERIFY2(store.open(&error), qPrintable(error));
        for (int i : {0, 1}) {
            const auto page = store.findPage(u"acme"_s, i == 0 ? u"a"_s : u"b"_s, &error);
            // Each stale write of one node follows a stored one of the other.
            QVERIFY(stored[i] >= 40);
            QCOMPARE(page->record.head, qint64(stored[i].load()));
            QCOMPARE(page->broadcastIds.size(), qsizetype(stored[i].load()));
            QCOMPARE(
                value(u"SELECT max(seq) = count(*) FROM events WHERE page_id = %1"_s.arg(ids[i])),
                u"t"_s);
        }
    }

    // A commit sends one notification, in its transaction, naming each page it changed and
    // its new head; a commit whose writes are all stale sends none.
    void aCommitNotifiesItsPagesAndHeads()
    {
        PostgresListener listener(url(), {channel});
        QSignalSpy connected(&listener, &PostgresListener::connectedChanged);
        QSignalSpy notified(&listener, &PostgresListener::notified);
        listener.start();
        QTRY_COMPARE(connected.size(), 1);
        QCOMPARE(connected.first().first().toBool(), true);
        QVERIFY(listener.isConnected());

        QString error;
        PostgresStore store(url());
        QVERIFY2(store.open(&error), qPrintable(error));
        const qint64 a = store.loadPage(u"acme"_s, u"a"_s, &error)->record.id;
        const qint64 b = store.loadPage(u"acme"_s, u"b"_s, &error)->record.id;
        QVERIFY(a < b);
        QSet<qint64> stale;
        QVERIFY2(
            store.commit({write(b, 1, chat(u"c1"_s, u"m1"_s)), write(a, 1, chat(u"c2"_s, u"m2"_s)),
                          write(a, 2, chat(u"c3"_s, u"m3"_s))},
                         &stale, &error),
            qPrintable(error));
        QTRY_COMPARE(notified.size(), 1);
        QCOMPARE(notified.first().at(0).toString(), channel);
        const QByteArray payload = notified.first().at(1).toByteArray();
        QCOMPARE(payload, QByteArray(QByteArray::number(a) + ":2 " + QByteArray::number(b) + ":1"));
        QCOMPARE(PostgresStore::parseNotification(payload),
                 (QList<std::pair<qint64, qint64>>{{a, 2}, {b, 1}}));

        QVERIFY(store.commit({write(a, 1, chat(u"c4"_s, u"m4"_s))}, &stale, &error));
        QCOMPARE(stale, QSet<qint64>{a});
        QVERIFY(store.commit({write(b, 2, chat(u"c5"_s, u"m5"_s))}, &stale, &error));
        // Notifications come in commit order: the first commit sent one, the stale one none.
        QTRY_COMPARE(notified.size(), 2);
        QCOMPARE(notified.at(1).at(1).toByteArray(), QByteArray(QByteArray::number(b) + ":2"));
    }

    // A commit to more pages than one payload can name sends several notifications of whole
    // pairs, each within the limit, that name every page once.
    void aLongListIsSplitOverNotifications()
    {
        QString error;
        PostgresStore store(url());
        QVERIFY2(store.open(&error), qPrintable(error));
        QVERIFY(m_server.execute(u"INSERT INTO pages (tenant, page, epoch) SELECT 'acme', 'p' || g,"
                                 " gen_random_uuid()::text FROM generate_series(1, 1500) g"_s,
                                 m_database));
        QList<qint64> ids;
        const QStringList list =
            value(u"SELECT string_agg(id::text, ',' ORDER BY id) FROM pages"_s).split(u',');
        for (const QString &id : list)
            ids.append(id.toLongLong());
        QCOMPARE(ids.size(), 1500);

        PostgresListener listener(url(), {channel});
        QSignalSpy connected(&listener, &PostgresListener::connectedChanged);
        QSignalSpy notified(&listener, &PostgresListener::notified);
        listener.start();
        QTRY_COMPARE(connected.size(), 1);

        QList<Store::Write> writes;
        for (auto it = ids.crbegin(); it != ids.crend(); ++it)
            writes.append(write(*it, 1, chat(u"c1"_s, u"m1"_s)));
        QSet<qint64> stale;
        QVERIFY2(store.commit(writes, &stale, &error), qPrintable(error));
        const auto received = [&] {
            QList<std::pair<qint64, qint64>> heads;
            for (const QList<QVariant> &arguments : std::as_const(notified))
                heads += PostgresStore::parseNotification(arguments.at(1).toByteArray());
            return heads;
        };
        QTRY_COMPARE(received().size(), ids.size());
        QVERIFY(notified.size() >= 2);
        for (const QList<QVariant> &arguments : std::as_const(notified)) {
            const QByteArray payload = arguments.at(1).toByteArray();
            QVERIFY(payload.size() <= PostgresStore::NotifyPayloadBytes);
            QCOMPARE(PostgresStore::parseNotification(payload).size(), payload.count(' ') + 1);
        }
        QList<std::pair<qint64, qint64>> expected;
        for (qint64 id : std::as_const(ids))
            expected.append({id, 1});
        QCOMPARE(received(), expected);
    }

    // Presence over nodes: who each node has viewing a page, counted once per user over the
    // other nodes whose lease runs; every change notifies the node and its pages, and a node
    // whose lease ran out leaves with its viewers.
    // Every node gets the key the first one proposed, and keeps it across restarts.
    void nodesShareOneCredentialKey()
    {
        QString error;
        PostgresStore first(url()), second(url());
        QVERIFY2(first.open(&error) && second.open(&error), qPrintable(error));
        const QByteArray kept = first.credentialKey("first proposal", &error);
        QCOMPARE(kept, "first proposal"_ba);
        QCOMPARE(second.credentialKey("second proposal", &error), kept);
        first.close();
        QVERIFY2(first.open(&error), qPrintable(error));
        QCOMPARE(first.credentialKey("third proposal", &error), kept);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void presenceOverNodes()
    {
        QString error;
        PostgresStore a(url());
        PostgresStore b(url());
        QVERIFY2(a.open(&error) && b.open(&error), qPrintable(error));
        const qint64 p = a.loadPage(u"acme"_s, u"p"_s, &error)->record.id;
        const qint64 q = a.loadPage(u"acme"_s, u"q"_s, &error)->record.id;
        QVERIFY2(a.renewLease(u"node-a"_s, 30000, &error), qPrintable(error));
        QVERIFY2(b.renewLease(u"node-b"_s, 30000, &error), qPrintable(error));

        PostgresListener listener(url(), {QString::fromLatin1(PostgresStore::PresenceChannel)});
        QSignalSpy connected(&listener, &PostgresListener::connectedChanged);
        QSignalSpy notified(&listener, &PostgresListener::notified);
        listener.start();
        QTRY_COMPARE(connected.size(), 1);

        const Glosa::Author ana{u"u1"_s, u"Ana"_s};
        const Glosa::Author bob{u"u2"_s, u"Bob"_s};
        QVERIFY2(a.setPresence(u"node-a"_s, {{p, {bob, ana, ana}}, {q, {ana}}}, &error),
                 qPrintable(error));
        QTRY_COMPARE(notified.size(), 1);
        const auto moved =
            PostgresStore::parsePresenceNotification(notified.first().at(1).toByteArray());
        QCOMPARE(moved.node, u"node-a"_s);
        QCOMPARE(moved.pageIds, (QList<qint64>{p, q}));
        QCOMPARE(b.presence(p, u"node-b"_s, &error), (QList<Glosa::Author>{ana, bob}));
        QVERIFY(a.presence(p, u"node-a"_s, &error).isEmpty());
        QCOMPARE(value(u"SELECT connections FROM presence WHERE user_id = 'u1' AND page = 'p'"_s),
                 u"2"_s);
        QVERIFY2(b.setPresence(u"node-b"_s, {{p, {ana}}}, &error), qPrintable(error));
        QCOMPARE(a.presence(p, u"node-a"_s, &error), (QList<Glosa::Author>{ana}));
        QTRY_COMPARE(notified.size(), 2);
        QCOMPARE(notified.last().at(1).toByteArray(),
                 QByteArray("node-b " + QByteArray::number(p)));

        // Nobody any more on p through node a; q stays.
        QVERIFY(a.setPresence(u"node-a"_s, {{p, {}}}, &error));
        QVERIFY(b.presence(p, u"node-b"_s, &error).isEmpty());
        QCOMPARE(b.presence(q, u"node-b"_s, &error), (QList<Glosa::Author>{ana}));
        QTRY_COMPARE(notified.size(), 3);

        // A node whose lease ran out counts no more, and the next renewal removes it.
        QVERIFY(m_server.execute(u"UPDATE nodes SET lease_until = now() - interval '1 second'"
                                 " WHERE node_id = 'node-a'"_s,
                                 m_database));
        QVERIFY(b.presence(q, u"node-b"_s, &error).isEmpty());
        QVERIFY2(b.renewLease(u"node-b"_s, 30000, &error), qPrintable(error));
        QTRY_COMPARE(notified.size(), 4);
        const auto gone =
            PostgresStore::parsePresenceNotification(notified.last().at(1).toByteArray());
        QCOMPARE(gone.node, u"node-a"_s);
        QCOMPARE(gone.pageIds, QList<qint64>{q});
        QCOMPARE(value(u"SELECT string_agg(node_id, ' ') FROM presence"_s), u"node-b"_s);
        QCOMPARE(value(u"SELECT string_agg(node_id, ' ') FROM nodes"_s), u"node-b"_s);

        // A node leaving renews its lease for no time: it goes at once with its viewers.
        QVERIFY(b.renewLease(u"node-b"_s, 0, &error));
        QTRY_COMPARE(notified.size(), 5);
        QCOMPARE(PostgresStore::parsePresenceNotification(notified.last().at(1).toByteArray()).node,
                 u"node-b"_s);
        QCOMPARE(value(u"SELECT count(*) FROM presence"_s), u"0"_s);
    }

    // A page's epoch names the database's history: the same across reopening, another one for
    // a new database holding the same pages, as a restore into another database makes.
    void theEpochNamesTheDatabase()
    {
        QString error;
        QString epoch;
        qint64 id = 0;
        {
            PostgresStore store(url());
            QVERIFY2(store.open(&error), qPrintable(error));
            const auto page = store.loadPage(u"acme"_s, u"p"_s, &error);
            epoch = page->record.epoch;
            id = page->record.id;
            QSet<qint64> stale;
            QVERIFY(store.commit({write(id, 1, chat(u"c1"_s, u"m1"_s))}, &stale, &error));
            // An ordinary role reads the cluster's identity: its system identifier and its
            // timeline (1 for a new cluster), then the database.
            const QString system = value(u"SELECT system_identifier FROM pg_control_system()"_s);
            QVERIFY(!system.isEmpty());
            QVERIFY2(store.identity().startsWith(system + u"/1/"_s), qPrintable(store.identity()));
        }
        {
            PostgresStore store(url());
            QVERIFY2(store.open(&error), qPrintable(error));
            QCOMPARE(store.loadPage(u"acme"_s, u"p"_s, &error)->record.epoch, epoch);
            QCOMPARE(store.findPage(u"acme"_s, u"p"_s, &error)->record.epoch, epoch);
        }
        const QString copy = u"glosa_copy"_s;
        QVERIFY2(m_server.createDatabase(copy, m_database, &error), qPrintable(error));
        QCOMPARE(value(u"SELECT epoch FROM pages"_s, copy), value(u"SELECT epoch FROM pages"_s));
        PostgresStore store(m_server.url(copy));
        QVERIFY2(store.open(&error), qPrintable(error));
        const auto page = store.loadPage(u"acme"_s, u"p"_s, &error);
        QCOMPARE(page->record.id, id);
        QCOMPARE(page->record.head, 1);
        QCOMPARE(page->chats.size(), 1);
        QVERIFY(page->record.epoch != epoch);
        QVERIFY(page->record.epoch.size() <= 64);
    }

    void anUnreachableDatabaseIsNamedWithoutItsPassword()
    {
        const int port = closedPort();
        const QString unreachable =
            u"postgresql://glosa:s3cret-word@127.0.0.1:%1/glosa?connect_timeout=5"_s.arg(port);
        PostgresStore store(unreachable);
        QString error;
        QVERIFY(!store.open(&error));
        QVERIFY2(error.startsWith(u"cannot connect to postgresql://glosa@127.0.0.1:%1/glosa?"
                                  u"connect_timeout=5: "_s.arg(port)),
                 qPrintable(error));
        QVERIFY2(error.contains(u"refused"_s), qPrintable(error));
        QVERIFY2(!error.contains(u"s3cret"_s), qPrintable(error));

        // A wrong password is refused, and not repeated either.
        PostgresStore wrong(
            url().replace(QLatin1StringView(PostgresServer::Password), u"not-the-password"_s));
        QVERIFY(!wrong.open(&error));
        QVERIFY2(error.contains(u"password authentication failed"_s), qPrintable(error));
        QVERIFY2(!error.contains(u"not-the-password"_s), qPrintable(error));
        QVERIFY2(error.contains(u"postgresql://glosa@127.0.0.1:"_s), qPrintable(error));
    }

    // What a commit acknowledged survives a crash of the database, and the store connects
    // again by itself; the epoch stays.
    void committedWritesSurviveACrash()
    {
        QString error;
        PostgresStore store(url());
        QVERIFY2(store.open(&error), qPrintable(error));
        const auto page = store.loadPage(u"acme"_s, u"p"_s, &error);
        const qint64 id = page->record.id;
        QSet<qint64> stale;
        QVERIFY(store.commit(
            {write(id, 1, chat(u"c1"_s, u"m1"_s)), write(id, 2, chat(u"c2"_s, u"m2"_s))}, &stale,
            &error));
        m_server.kill();
        QVERIFY(!m_server.isRunning());
        QVERIFY(!store.commit({write(id, 3, chat(u"c3"_s, u"m3"_s))}, &stale, &error));
        QVERIFY2(error.contains(u"cannot connect"_s), qPrintable(error));
        QVERIFY2(m_server.restart(&error), qPrintable(error));

        const auto after = store.loadPage(u"acme"_s, u"p"_s, &error);
        QVERIFY2(after, qPrintable(error));
        QCOMPARE(after->record.head, 2);
        QCOMPARE(after->record.epoch, page->record.epoch);
        QCOMPARE(after->chats.size(), 2);
        QVERIFY2(store.commit({write(id, 3, chat(u"c3"_s, u"m3"_s))}, &stale, &error),
                 qPrintable(error));
        QVERIFY(stale.isEmpty());
        QCOMPARE(store.eventsAfter(id, 0, 10).size(), 3);
    }

    // The listener notices the database going, connects again by itself once it is back, and
    // receives notifications again.
    void theListenerConnectsAgain()
    {
        PostgresListener listener(url(), {channel});
        QSignalSpy connected(&listener, &PostgresListener::connectedChanged);
        QSignalSpy notified(&listener, &PostgresListener::notified);
        listener.start();
        QTRY_COMPARE(connected.size(), 1);

        QString error;
        PostgresStore store(url());
        QVERIFY2(store.open(&error), qPrintable(error));
        const qint64 id = store.loadPage(u"acme"_s, u"p"_s, &error)->record.id;

        QVERIFY2(m_server.restart(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 3, 15000);
        QCOMPARE(connected.at(1).first().toBool(), false);
        QCOMPARE(connected.at(2).first().toBool(), true);
        QVERIFY(listener.isConnected());
        QSet<qint64> stale;
        QVERIFY2(store.commit({write(id, 1, chat(u"c1"_s, u"m1"_s))}, &stale, &error),
                 qPrintable(error));
        QTRY_COMPARE(notified.size(), 1);
        QCOMPARE(notified.first().at(1).toByteArray(), QByteArray(QByteArray::number(id) + ":1"));

        // Down for a while: attempts fail and are repeated until the database is back.
        m_server.stop();
        QTRY_COMPARE(connected.size(), 4);
        QCOMPARE(connected.at(3).first().toBool(), false);
        QTRY_VERIFY2(listener.lastError().contains(u"refused"_s), qPrintable(listener.lastError()));
        QVERIFY(!listener.isConnected());
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 5, 15000);
        QCOMPARE(connected.at(4).first().toBool(), true);
        QVERIFY(store.commit({write(id, 2, chat(u"c2"_s, u"m2"_s))}, &stale, &error));
        QTRY_COMPARE(notified.size(), 2);
        QCOMPARE(notified.at(1).at(1).toByteArray(), QByteArray(QByteArray::number(id) + ":2"));

        listener.stop();
        QCOMPARE(connected.size(), 6);
        QCOMPARE(connected.at(5).first().toBool(), false);
    }
};

QTEST_GUILESS_MAIN(tst_PostgresStore)
#include "tst_postgresstore.moc"
