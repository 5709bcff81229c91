#include "draftstore.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Glosa;

// The drafts of a page: kept on disk, one per key, shared by the windows on the page.
class tst_DraftStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    SyncClient::Options options(const QString &page) const
    {
        SyncClient::Options o;
        o.page = page;
        o.outboxPath = m_dir.filePath(u"outbox/"_s + page + u".json"_s);
        return o;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // The drafts live in the (test mode) app-data folder, which outlives a run.
    void init()
    {
        for (const QString &page : {u"a"_s, u"b"_s})
            QFile::remove(DraftStore::pathFor(options(page)));
    }

    void draftsOutliveTheStore()
    {
        const Anchor quick{4, 9, u"quick"_s, u"The "_s, u" brown"_s, 2};
        {
            const std::shared_ptr<DraftStore> store = DraftStore::open(options(u"a"_s));
            QSignalSpy changed(store.get(), &DraftStore::draftChanged);
            store->setDraft(DraftStore::replyKey(u"c1"_s), {u"A reply"_s, quick});
            store->setDraft(DraftStore::newChatKey(quick), {u"A chat"_s, quick});
            store->setDraft(DraftStore::replyKey(u"c1"_s), {u"A reply"_s, quick}); // no change
            QCOMPARE(changed.size(), 2);
            // One store per page while anyone holds it.
            QCOMPARE(DraftStore::open(options(u"a"_s)), store);
            QVERIFY(DraftStore::open(options(u"b"_s)) != store);
        }
        const std::shared_ptr<DraftStore> again = DraftStore::open(options(u"a"_s));
        QCOMPARE(again->draft(DraftStore::replyKey(u"c1"_s)),
                 (DraftStore::Draft{u"A reply"_s, quick}));
        QCOMPARE(again->text(DraftStore::newChatKey(quick)), u"A chat"_s);
        QCOMPARE(DraftStore::chatOfReplyKey(DraftStore::replyKey(u"c1"_s)), u"c1"_s);
        QVERIFY(DraftStore::chatOfReplyKey(DraftStore::newChatKey(quick)).isEmpty());
        QVERIFY(DraftStore::open(options(u"b"_s))->keys().isEmpty());

        again->remove(DraftStore::replyKey(u"c1"_s));
        again->flush();
        QCOMPARE(DraftStore(DraftStore::pathFor(options(u"a"_s))).keys(),
                 QStringList{DraftStore::newChatKey(quick)});
    }

    void mergeKeepsBoth()
    {
        DraftStore store({});
        store.merge(u"k"_s, {u"first"_s, {}});
        QCOMPARE(store.text(u"k"_s), u"first"_s);
        store.merge(u"k"_s, {u"first"_s, {}});
        QCOMPARE(store.text(u"k"_s), u"first"_s);
        store.merge(u"k"_s, {u"second"_s, {}});
        QCOMPARE(store.text(u"k"_s), u"first\n\nsecond"_s);
    }

    void inMemoryWhereTheOutboxIs()
    {
        QVERIFY(DraftStore::pathFor(SyncClient::Options{}).isEmpty());
        const auto one = DraftStore::open(SyncClient::Options{});
        one->setDraft(u"k"_s, {u"text"_s, {}});
        QVERIFY(DraftStore::open(SyncClient::Options{})->keys().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_DraftStore)
#include "tst_draftstore.moc"
