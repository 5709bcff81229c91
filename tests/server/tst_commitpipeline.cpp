#include "servertestmain.h"
#include "testclient.h"
#include "testserver.h"

#include "hub.h"
#include "page.h"
#include "sqlitestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using Glosa::Page;
using Glosa::SqliteStore;
using Glosa::Store;

namespace {

constexpr auto PageName = "shared/page"_L1;

} // namespace

// A page whose store another server node writes to as well: a real in-process server on a
// SQLite file, and beside it, as the other node, a store of the test's own on the same file
// with a Page that applies the other node's operations. The server's pages catch up with what
// the other node stored, when told so and when a write of theirs is left out as stale, and then
// take the operation again against the page as it stands.
class tst_CommitPipeline : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<SqliteStore> m_other;

    // The other node's page as the store holds it now.
    std::unique_ptr<Page> otherPage()
    {
        QString error;
        std::optional<Store::PageState> state = m_other->findPage(u"local"_s, PageName, &error);
        if (!state)
            return nullptr;
        return std::make_unique<Page>(u"local"_s, PageName, Glosa::PageLimits{}, std::move(*state),
                                      std::nullopt);
    }

    // The other node stores a new chat of its own user; returns its event.
    QByteArray storeElsewhere(const QString &chatId, const QString &commentId)
    {
        auto page = otherPage();
        if (!page)
            return {};
        Glosa::ProtocolError error;
        const Glosa::User bo{u"u-bo"_s, u"Bo"_s, Glosa::User::Role::Member};
        std::optional<Store::Write> write = page->apply(Glosa::NewChatOp{TestClient::uuid(),
                                                                         chatId,
                                                                         {0, 5, u"Glosa"_s, {}, {}},
                                                                         commentId,
                                                                         u"from the other node"_s},
                                                        bo, 1700000000000, &error);
        QSet<qint64> stale;
        QString storeError;
        if (!write || !m_other->commit({*write}, &stale, &storeError) || !stale.isEmpty())
            return {};
        return write->event;
    }

    // Tells every hub of the server that the store holds the page up to `head`.
    void wake(qint64 head)
    {
        auto page = otherPage();
        QVERIFY(page);
        const QList<std::pair<qint64, qint64>> heads{{page->id(), head}};
        for (Glosa::Hub *hub : m_server->server()->hubs())
            QMetaObject::invokeMethod(hub, [hub, heads] { hub->storeMoved(heads); });
    }

    std::unique_ptr<TestClient> joined()
    {
        auto client = std::make_unique<TestClient>();
        if (!client->open(m_server->url()) || client->join(PageName).isEmpty())
            return nullptr;
        return client;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        m_other = std::make_unique<SqliteStore>(m_server->dataDir() + u"/glosa.sqlite3"_s);
        QString error;
        QVERIFY2(m_other->open(&error), qPrintable(error));
    }

    void cleanup()
    {
        m_other.reset();
        m_server.reset();
    }

    // Told that the store moved on, the page reads what it missed and sends it to its viewers.
    void wakeUpBringsTheOtherNodesEvents()
    {
        auto ana = joined();
        QVERIFY(ana);
        const QByteArray first = storeElsewhere(TestClient::uuid(), TestClient::uuid());
        const QByteArray second = storeElsewhere(TestClient::uuid(), TestClient::uuid());
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        wake(2);
        const QJsonObject one = ana->next(u"new-text-chat"_s);
        const QJsonObject two = ana->next(u"new-text-chat"_s);
        QCOMPARE(one.value("seq"_L1).toInteger(), 1);
        QCOMPARE(two.value("seq"_L1).toInteger(), 2);
        QCOMPARE(two, QJsonDocument::fromJson(second).object());
        // The page goes on from there.
        ana->send(TestClient::newChat(TestClient::uuid(), TestClient::uuid()));
        QCOMPARE(ana->next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 3);
        // A wake-up for what the page has is nothing.
        wake(3);
        QCOMPARE(ana->settle(), 0);
    }

    // A write the store leaves out because the other node wrote first: the viewers get the
    // other node's event, then the operation, taken again, with the next seq.
    void staleWriteIsTakenAgainAfterTheOtherNodes()
    {
        auto ana = joined();
        QVERIFY(ana);
        QVERIFY(!storeElsewhere(TestClient::uuid(), TestClient::uuid()).isEmpty());
        // No wake-up: the page here still thinks the head is 0.
        const QJsonObject op = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
        ana->send(op);
        const QJsonObject theirs = ana->next(u"new-text-chat"_s);
        const QJsonObject mine = ana->next(u"new-text-chat"_s);
        QCOMPARE(theirs.value("seq"_L1).toInteger(), 1);
        QVERIFY(theirs.value("broadcastId"_L1) != op.value("broadcastId"_L1));
        QCOMPARE(mine.value("seq"_L1).toInteger(), 2);
        QCOMPARE(mine.value("broadcastId"_L1), op.value("broadcastId"_L1));
        for (const QJsonObject &frame : ana->pending())
            QVERIFY2(frame.value("type"_L1) != "error"_L1,
                     qPrintable(frame.value("message"_L1).toString()));
        // What the server stored is one history.
        auto page = otherPage();
        QCOMPARE(page->head(), 2);
        QCOMPARE(page->chats().size(), 2);
    }

    // Taken again, an operation is checked against the page as the other node left it.
    void operationTakenAgainIsCheckedAgain()
    {
        auto ana = joined();
        QVERIFY(ana);
        const QString chatId = TestClient::uuid();
        QVERIFY(!storeElsewhere(chatId, TestClient::uuid()).isEmpty());
        const QJsonObject op = TestClient::newChat(chatId, TestClient::uuid());
        ana->send(op);
        QCOMPARE(ana->next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 1);
        const QJsonObject error = ana->next(u"error"_s);
        QCOMPARE(error.value("code"_L1).toString(), u"conflict"_s);
        QCOMPARE(error.value("broadcastId"_L1), op.value("broadcastId"_L1));
        QCOMPARE(otherPage()->head(), 1);
    }

    // Several operations of a page in flight when it goes stale are all taken again, in their
    // order, and a client that joins meanwhile gets the page as stored.
    void everyWriteInFlightIsTakenAgainInOrder()
    {
        auto ana = joined();
        QVERIFY(ana);
        QVERIFY(!storeElsewhere(TestClient::uuid(), TestClient::uuid()).isEmpty());
        QStringList sent;
        for (int i = 0; i < 20; ++i) {
            const QJsonObject op = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
            sent.append(op.value("broadcastId"_L1).toString());
            ana->send(op);
        }
        auto late = joined();
        QVERIFY(late);
        QCOMPARE(ana->next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 1);
        for (int i = 0; i < sent.size(); ++i) {
            const QJsonObject event = ana->next(u"new-text-chat"_s);
            QCOMPARE(event.value("seq"_L1).toInteger(), i + 2);
            QCOMPARE(event.value("broadcastId"_L1).toString(), sent.at(i));
        }
        QCOMPARE(otherPage()->head(), 21);
        // The late joiner's welcome and what followed it add up to the whole page.
        QTRY_COMPARE(
            late->pending().isEmpty() ? 0 : late->pending().last().value("seq"_L1).toInteger(), 21);
    }
};

GLOSA_SERVER_TEST_MAIN(tst_CommitPipeline)
#include "tst_commitpipeline.moc"
