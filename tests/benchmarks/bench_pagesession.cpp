#include "benchevents.h"
#include "chatmodel.h"
#include "pagesession.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;

// Applies 10 000 events to a PageSession and its ChatModel, as the SyncClient hands them over
// (the network is left out: this measures the client's own cost). Target: under 200 ms.
class bench_PageSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void tenThousandEvents()
    {
        Glosa::SyncClient::Options options;
        options.urls = {QUrl(u"ws://127.0.0.1:9/v1/ws"_s)};
        options.page = u"bench"_s;
        options.watchNetwork = false;
        Glosa::PageSession session(options);
        Glosa::ChatModel model(&session);
        const QList<Glosa::ServerMessage> events =
            benchmarkEvents(2000, 10000, QString(1000000, u'x'));

        QElapsedTimer timer;
        timer.start();
        for (const Glosa::ServerMessage &event : events)
            Q_EMIT session.client()->eventReceived(event);
        const qint64 ns = timer.nsecsElapsed();
        std::printf("apply %lld events to PageSession+ChatModel: %.1f ms (%.2f us/event; target < "
                    "200 ms)\n",
                    qlonglong(events.size()), ns / 1e6, ns / 1e3 / events.size());
        QCOMPARE(model.rowCount(), 2000);
    }
};

QTEST_GUILESS_MAIN(bench_PageSession)
#include "bench_pagesession.moc"
