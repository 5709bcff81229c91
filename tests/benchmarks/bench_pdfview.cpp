#include "anchorindex.h"
#include "benchevents.h"
#include "loadeddocument.h"
#include "pagesession.h"
#include "pdftextreader.h"
#include "pdfview.h"
#include "sheetarea.h"
#include "testpdf.h"

#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Glosa;

namespace {

// The process's resident memory now and at its peak, in MiB, as Linux counts it.
std::pair<double, double> residentMiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return {0, 0};
    double now = 0;
    double peak = 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        const auto kib = [&line] { return line.mid(6).trimmed().split(' ').first().toDouble(); };
        if (line.startsWith("VmRSS:"))
            now = kib() / 1024;
        else if (line.startsWith("VmHWM:"))
            peak = kib() / 1024;
    }
    return {now, peak};
}

// Runs the event loop until every sheet on screen is rendered, then paints the screen.
void waitRendered(PdfView &view)
{
    while (!view.sheetArea()->isRendered())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    view.viewport()->repaint();
}

} // namespace

// A 500-page PDF of text with 1000 chats on it, opened as the app opens it: the first screen,
// the text layer read meanwhile, and scrolling through all of it a screen at a time.
class bench_PdfView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void fiveHundredSheets()
    {
        constexpr int Sheets = 500;
        constexpr int Lines = 26; // as many as a sheet of TestPdf holds
        QElapsedTimer timer;
        timer.start();
        QList<QStringList> sheets;
        for (int sheet = 0; sheet < Sheets; ++sheet) {
            QStringList lines;
            for (int line = 0; line < Lines; ++line)
                lines.append(TestPdf::numberedLine(sheet, line));
            sheets.append(lines);
        }
        const QByteArray bytes = TestPdf::make(sheets);
        const qint64 made = timer.elapsed();

        Document d;
        d.title = u"Long"_s;
        d.format = u"pdf"_s;
        d.sha256 = Document::sha256Of(bytes);
        d.page = u"bench/"_s + d.sha256;
        // As the app opens it: the text layer is read on a thread of its own once the PDF shows.
        timer.restart();
        LoadedDocument::Failure failure;
        std::optional<LoadedDocument> loaded = LoadedDocument::fromPdf(
            d, bytes, QString(), &failure, LoadedDocument::PdfTextLayer::Later);
        const qint64 loadedMs = timer.elapsed();
        QVERIFY2(loaded, qPrintable(failure.message));

        // Chats on passages all through it, as a page that has been discussed for a while.
        const LoadedDocument withText = *LoadedDocument::fromPdf(d, bytes, QString(), &failure);
        SyncClient::Options options;
        options.urls = {QUrl(u"ws://127.0.0.1:9/v1/ws"_s)};
        options.page = d.page;
        options.watchNetwork = false;
        PageSession session(options);
        for (const ServerMessage &event : benchmarkEvents(1000, 1000, withText.plainText))
            Q_EMIT session.client()->eventReceived(event);
        AnchorIndex index(&session, QString());
        index.awaitText();
        QCOMPARE(session.chats().size(), 1000);

        PdfView view;
        view.resize(1000, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        PdfTextReader reader;
        QSignalSpy read(&reader, &PdfTextReader::finished);
        timer.restart();
        view.setDocument(*loaded, &session, &index);
        reader.read(bytes, QString());
        const qint64 opened = timer.elapsed();
        view.viewport()->repaint();
        const qint64 firstPaint = timer.elapsed();
        waitRendered(view);
        const qint64 firstScreen = timer.elapsed() + loadedMs;
        QVERIFY(read.wait(60000));
        const qint64 textLayer = timer.elapsed();
        loaded->setPdfText(read.first().first().value<PdfText>());
        QCOMPARE(loaded->pdfText, withText.pdfText);
        view.setTextLayer(loaded->pdfText);
        index.setText(loaded->plainText);
        view.viewport()->repaint();

        // A screen at a time to the end, each one rendered and painted before the next.
        QScrollBar *scroll = view.sheetArea()->verticalScrollBar();
        QList<double> steps;
        QElapsedTimer step;
        timer.restart();
        while (scroll->value() < scroll->maximum()) {
            step.start();
            scroll->setValue(scroll->value() + view.viewport()->height());
            waitRendered(view);
            steps.append(step.nsecsElapsed() / 1e6);
        }
        const qint64 scrolled = timer.elapsed();
        QCOMPARE(view.currentSheet(), Sheets - 1);
        double sum = 0;
        for (const double ms : std::as_const(steps))
            sum += ms;
        QList<double> sorted = steps;
        std::sort(sorted.begin(), sorted.end());

        // Zooming in on the last screen.
        timer.restart();
        view.setZoom(2);
        waitRendered(view);
        const qint64 zoomed = timer.elapsed();
        const auto [rss, peakRss] = residentMiB();

        std::printf("PDF of %d pages x %d lines made: %lld ms, %.1f MiB\n", Sheets, Lines,
                    qlonglong(made), bytes.size() / 1048576.0);
        std::printf("open (LoadedDocument::fromPdf, text layer later): %lld ms; setDocument: %lld "
                    "ms; first screen painted (white pages): %lld ms; from open to the first "
                    "screen rendered and painted: %lld ms (target under 1000 ms)\n",
                    qlonglong(loadedMs), qlonglong(opened), qlonglong(firstPaint),
                    qlonglong(firstScreen));
        std::printf("text layer read on its thread meanwhile (PdfTextReader): %lld ms, %lld "
                    "characters; 1000 chats highlighted once it is in\n",
                    qlonglong(textLayer), qlonglong(loaded->plainText.size()));
        std::printf("scrolling a screen at a time through %d pages: %lld screens in %lld ms, "
                    "mean %.1f ms, median %.1f ms, worst %.1f ms a screen\n",
                    Sheets, qlonglong(steps.size()), qlonglong(scrolled), sum / steps.size(),
                    sorted.at(sorted.size() / 2), sorted.last());
        std::printf("zoom to 200%%: %lld ms until rendered\n", qlonglong(zoomed));
        std::printf("image cache: %.1f MiB now, %.1f MiB at most; resident memory %.0f MiB, "
                    "%.0f MiB at most\n",
                    view.sheetArea()->cacheBytes() / 1048576.0,
                    view.sheetArea()->peakCacheBytes() / 1048576.0, rss, peakRss);
    }
};

QTEST_MAIN(bench_PdfView)
#include "bench_pdfview.moc"
