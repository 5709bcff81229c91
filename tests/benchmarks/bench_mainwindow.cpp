#include "anchorindex.h"
#include "appcontext.h"
#include "benchevents.h"
#include "chatmodel.h"
#include "documentview.h"
#include "mainwindow.h"

#include <QElapsedTimer>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// About 1 MB of prose.
QString megabyteOfText()
{
    const QString paragraph =
        u"Glosa keeps a team's discussion next to the words it is about. "
        "Threads follow the text when it moves, and everyone sees them live. "_s;
    QString text;
    while (text.size() < 1000000)
        text += paragraph + (text.size() % 7 == 0 ? u"\n\n"_s : QString());
    return text;
}

} // namespace

// A window on a 1 MB document with 2 000 chats: time to first paint (target < 1 s) and the
// cost of one more remote event (target < 5 ms).
class bench_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void largeDocument()
    {
        Glosa::AppContext::Settings settings;
        settings.servers = {QUrl(u"ws://127.0.0.1:9/v1/ws"_s)};
        Glosa::AppContext context(settings);
        QString error;
        QVERIFY(context.start(&error));

        Glosa::Document d;
        d.format = u"text"_s;
        d.content = megabyteOfText();
        d.sha256 = Glosa::Document::sha256Of(d.content);
        d.page = u"bench/"_s + d.sha256;
        d.title = u"Large"_s;
        const QList<Glosa::ServerMessage> events = benchmarkEvents(2000, 2001, d.content);

        QElapsedTimer timer;
        timer.start();
        Glosa::MainWindow window(&context);
        window.openDocument(Glosa::LoadedDocument::fromDocument(d));
        for (qsizetype i = 0; i < 2000; ++i)
            Q_EMIT window.session()->client()->eventReceived(events.at(i));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::processEvents();
        window.documentView()->viewport()->repaint();
        const qint64 firstPaint = timer.elapsed();
        QCOMPARE(window.model()->rowCount(), 2000);
        const int onScreen = window.documentView()->highlightCount();

        timer.restart();
        Q_EMIT window.session()->client()->eventReceived(events.at(2000));
        QApplication::processEvents();
        window.documentView()->viewport()->repaint();
        const qint64 oneEvent = timer.nsecsElapsed();

        // Halfway down, the passages there are highlighted by the time it is painted.
        QScrollBar *scroll = window.documentView()->verticalScrollBar();
        timer.restart();
        scroll->setValue(scroll->maximum() / 2);
        QApplication::processEvents();
        window.documentView()->viewport()->repaint();
        const qint64 scrolled = timer.nsecsElapsed();
        const int halfway = window.documentView()->highlightCount();

        std::printf("1 MB document, 2000 chats: first paint %lld ms (target < 1000 ms), "
                    "%d passages highlighted on and near the screen\n",
                    qlonglong(firstPaint), onScreen);
        std::printf("scrolling halfway down: %.2f ms, %d passages highlighted there\n",
                    scrolled / 1e6, halfway);
        std::printf("one remote event with 2000 chats present: %.2f ms (target < 5 ms)\n",
                    oneEvent / 1e6);

        // A new version with a line inserted at the top: every chat has moved.
        auto *index = window.findChild<Glosa::AnchorIndex *>();
        QVERIFY(index);
        timer.restart();
        index->setText(u"A new first line.\n"_s + d.content);
        const qint64 reanchored = timer.elapsed();
        QCOMPARE(index->summary().orphans, 0);
        std::printf("re-anchoring 2000 chats in a new version of 1 MB: %lld ms\n",
                    qlonglong(reanchored));
    }
};

QTEST_MAIN(bench_MainWindow)
#include "bench_mainwindow.moc"
