#include "testpdf.h"
#include "testserver.h"

#include "anchorindex.h"
#include "anchoring.h"
#include "authorcolor.h"
#include "loadeddocument.h"
#include "pagesession.h"
#include "pdfview.h"
#include "sheetarea.h"
#include "sheetlayout.h"
#include "sheetrenderer.h"

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Glosa;

namespace {

LoadedDocument loadPdf(const QByteArray &bytes, const QString &password = {})
{
    Document d;
    d.title = u"Numbered"_s;
    d.format = u"pdf"_s;
    d.sha256 = Document::sha256Of(bytes);
    d.page = u"file/"_s + d.sha256;
    LoadedDocument::Failure failure;
    const std::optional<LoadedDocument> loaded =
        LoadedDocument::fromPdf(d, bytes, password, &failure);
    if (!loaded)
        qFatal("cannot load the PDF: %s", qPrintable(failure.message));
    return *loaded;
}

// Where a point of a line of TestPdf is: `x` points from the line's left, a little above its
// baseline, on the letters.
QPointF onLine(int line, qreal x = 2)
{
    return {TestPdf::Left + x, TestPdf::Top + line * TestPdf::LineHeight - 4.0};
}

bool anyContains(const QList<QRectF> &rects, QPointF point)
{
    return std::any_of(rects.cbegin(), rects.cend(),
                       [&](const QRectF &r) { return r.contains(point); });
}

// Whether the image has a dark pixel (a glyph) in `rect`.
bool hasDarkPixel(const QImage &image, const QRect &rect)
{
    const QRect inside = rect.intersected(image.rect());
    for (int y = inside.top(); y <= inside.bottom(); ++y) {
        for (int x = inside.left(); x <= inside.right(); ++x) {
            if (qGray(image.pixel(x, y)) < 100)
                return true;
        }
    }
    return false;
}

void sendWheel(QWidget *widget, QPointF position, int delta, Qt::KeyboardModifiers modifiers)
{
    QWheelEvent event(position, widget->mapToGlobal(position), QPoint(), QPoint(0, delta),
                      Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

void drag(QWidget *widget, QPointF from, QPointF to)
{
    QTest::mousePress(widget, Qt::LeftButton, {}, from.toPoint());
    QTest::mouseMove(widget, ((from + to) / 2).toPoint());
    QTest::mouseMove(widget, to.toPoint());
    QTest::mouseRelease(widget, Qt::LeftButton, {}, to.toPoint());
}

} // namespace

// The PDF view over a real page session on a real in-process server.
class tst_PdfView : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<PageSession> m_session;
    std::unique_ptr<AnchorIndex> m_index;
    std::unique_ptr<PdfView> m_view;
    LoadedDocument m_document;

    // A view of `bytes` on their page, shown and live.
    PdfView *open(const QByteArray &bytes, QSize size = {900, 1000}, const QString &password = {})
    {
        m_document = loadPdf(bytes, password);
        SyncClient::Options options;
        options.urls = {m_server->url()};
        options.page = m_document.document.page;
        options.displayName = u"Ana"_s;
        options.watchNetwork = false;
        m_session = std::make_unique<PageSession>(options);
        m_session->client()->start();
        m_index = std::make_unique<AnchorIndex>(m_session.get(), m_document.plainText);
        m_view = std::make_unique<PdfView>();
        m_view->resize(size);
        m_view->setDocument(m_document, m_session.get(), m_index.get());
        m_view->show();
        if (!QTest::qWaitForWindowExposed(m_view.get()))
            return nullptr;
        [&] { QTRY_COMPARE(m_session->client()->state(), SyncClient::State::Live); }();
        return m_view.get();
    }

    const QString &plainText() const { return m_document.plainText; }

    // The offset of the first occurrence of a line of numbered().
    int offsetOf(int sheet, int line) const
    {
        return int(plainText().indexOf(TestPdf::numberedLine(sheet, line)));
    }

    QString startChat(int start, int end)
    {
        Anchor anchor = Anchoring::anchorFor(plainText(), start, end);
        anchor.sheet = m_document.pdfText.sheetAt(start);
        return m_session->startChat(anchor, u"About this"_s);
    }

    // The box of character `index` of `sheet` as Qt PDF reads it, in points.
    QRectF characterBox(int sheet, int index) const
    {
        QByteArray bytes = m_document.pdf;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        QPdfDocument pdf;
        pdf.load(&buffer);
        return pdf.getSelectionAtIndex(sheet, index, 1).boundingRectangle();
    }

    QRect viewportRect() const { return m_view->viewport()->rect(); }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_server->config.batchMs = 0;
        QVERIFY(m_server->start());
    }

    void cleanup()
    {
        m_view.reset();
        m_index.reset();
        m_session.reset();
        m_server.reset();
    }

    void opensFittingTheWidth()
    {
        PdfView *view = open(TestPdf::numbered(5));
        QVERIFY(view);
        QCOMPARE(view->sheetCount(), 5);
        QCOMPARE(view->currentSheet(), 0);
        QCOMPARE(view->findChild<QSpinBox *>(u"pageNumber"_s)->value(), 1);
        QCOMPARE(view->findChild<QLabel *>(u"pageCount"_s)->text(), u"of 5"_s);
        QVERIFY(!view->findChild<QLabel *>(u"scanNotice"_s)->isVisible());
        const qreal width = view->viewportPoint(0, {595, 0}).x() - view->viewportPoint(0, {}).x();
        QVERIFY2(qAbs(width - (view->viewport()->width() - 2 * SheetLayout::Margin)) <= 1,
                 qPrintable(QString::number(width)));
        QVERIFY(view->findChild<QToolButton *>(u"fitWidth"_s)->isChecked());
        // The first sheet's top is at the top, below the margin.
        QCOMPARE(view->viewportPoint(0, {}).y(), qreal(SheetLayout::Margin));
    }

    void rendersTheSheetsOnScreen()
    {
        PdfView *view = open(TestPdf::numbered(5));
        QVERIFY(view);
        QTRY_VERIFY(view->sheetArea()->isRendered());
        const QImage shot = view->viewport()->grab().toImage();
        // The first line of the first sheet is drawn where the PDF puts it, and the sheet is
        // white around it.
        const QRect line = QRectF(view->viewportPoint(0, onLine(0, 0) - QPointF(0, 8)),
                                  view->viewportPoint(0, onLine(0, 300) + QPointF(0, 6)))
                               .toRect();
        QVERIFY(hasDarkPixel(shot, line));
        const QPoint margin = view->viewportPoint(0, {20, 20}).toPoint();
        QCOMPARE(shot.pixelColor(margin), QColor(Qt::white));
        const QRect blank =
            QRectF(view->viewportPoint(0, onLine(10, 0)), view->viewportPoint(0, onLine(12, 300)))
                .toRect();
        QVERIFY(!hasDarkPixel(shot, blank));

        // Scrolled down, the sheets there are rendered in turn.
        view->goToSheet(3);
        QTRY_VERIFY(view->sheetArea()->isRendered());
        const QImage later = view->viewport()->grab().toImage();
        QVERIFY(hasDarkPixel(later, QRectF(view->viewportPoint(3, onLine(0, 0) - QPointF(0, 8)),
                                           view->viewportPoint(3, onLine(0, 300) + QPointF(0, 6)))
                                        .toRect()));
    }

    void dragSelectsAcrossSheets()
    {
        PdfView *view = open(TestPdf::numbered(5));
        QVERIFY(view);
        view->setZoom(0.5);
        view->goToSheet(1);
        const QPointF from = view->viewportPoint(1, onLine(0));
        // Beyond the end of the second line of the third sheet.
        const QPointF to = view->viewportPoint(2, onLine(1, 400));
        QVERIFY(viewportRect().contains(from.toPoint()));
        QVERIFY(viewportRect().contains(to.toPoint()));
        drag(view->viewport(), from, to);

        const std::optional<Anchor> anchor = view->selectionAnchor();
        QVERIFY(anchor);
        const QString expected =
            TestPdf::numberedLine(1, 0) + u"\r\n"_s + TestPdf::numberedLine(1, 1) + u"\r\n"_s +
            TestPdf::numberedLine(1, 2) + QChar(PdfText::Separator) + TestPdf::numberedLine(2, 0) +
            u"\r\n"_s + TestPdf::numberedLine(2, 1);
        QCOMPARE(anchor->exact, expected);
        QCOMPARE(anchor->sheet, 1);
        QCOMPARE(anchor->start, offsetOf(1, 0));
        QCOMPARE(anchor->end, offsetOf(2, 1) + TestPdf::numberedLine(2, 1).size());
        QCOMPARE(plainText().mid(anchor->start, anchor->end - anchor->start), expected);
        QCOMPARE(anchor->prefix, plainText().mid(anchor->start - 32, 32));

        const QString copied = TestPdf::numberedLine(1, 0) + u"\n"_s + TestPdf::numberedLine(1, 1) +
                               u"\n"_s + TestPdf::numberedLine(1, 2) + u"\n\n"_s +
                               TestPdf::numberedLine(2, 0) + u"\n"_s + TestPdf::numberedLine(2, 1);
        QCOMPARE(view->selectedText(), copied);
        QApplication::clipboard()->clear();
        QTest::keyClick(view->sheetArea(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), copied);

        // Dragging upwards selects the same.
        drag(view->viewport(), to, from);
        QCOMPARE(view->selectionAnchor(), anchor);
    }

    void dragSelectsPartOfALine()
    {
        PdfView *view = open(TestPdf::numbered(3));
        QVERIFY(view);
        // From the left half of the "q" of "quick" to the right half of the "n" of "brown".
        const QString line = TestPdf::numberedLine(0, 0);
        const int q = int(line.indexOf(u"quick"_s));
        const int n = int(line.indexOf(u"brown"_s)) + 4;
        const QRectF qBox = characterBox(0, q);
        const QRectF nBox = characterBox(0, n);
        const QPointF from = view->viewportPoint(0, {qBox.left() + 1, qBox.center().y()});
        const QPointF to = view->viewportPoint(0, {nBox.right() - 1, nBox.center().y()});
        drag(view->viewport(), from, to);
        QVERIFY(view->selectionAnchor());
        QCOMPARE(view->selectionAnchor()->exact, u"quick brown"_s);
        QCOMPARE(view->selectionAnchor()->start, q);
        QCOMPARE(view->selectionAnchor()->sheet, 0);
        QCOMPARE(view->selectedText(), u"quick brown"_s);

        // A double click selects the word under it.
        const QRectF f = characterBox(0, int(line.indexOf(u"fox"_s)) + 1);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {},
                           view->viewportPoint(0, f.center()).toPoint());
        QCOMPARE(view->selectedText(), u"fox"_s);

        // A click without a drag selects nothing.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, from.toPoint());
        QVERIFY(!view->selectionAnchor());
        QVERIFY(view->selectedText().isEmpty());
        QVERIFY(!view->commentButton()->isVisible());
    }

    void dragScrollsPastTheEdge()
    {
        PdfView *view = open(TestPdf::numbered(5));
        QVERIFY(view);
        const QPointF from = view->viewportPoint(0, onLine(0));
        const QPoint below(300, view->viewport()->height() + 40);
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, from.toPoint());
        QTest::mouseMove(view->viewport(), (from + QPointF(0, 100)).toPoint());
        QTest::mouseMove(view->viewport(), below);
        // The view scrolls while the mouse is held below it, and the selection follows.
        QTRY_VERIFY(view->viewportPoint(1, {}).y() < view->viewport()->height() / 2);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, below);
        const std::optional<Anchor> anchor = view->selectionAnchor();
        QVERIFY(anchor);
        QCOMPARE(anchor->start, 0);
        QCOMPARE(anchor->sheet, 0);
        QVERIFY(anchor->exact.contains(TestPdf::numberedLine(0, 2) + QChar(PdfText::Separator)));
        // It stopped with the mouse.
        const qreal stopped = view->viewportPoint(1, {}).y();
        QTest::mouseMove(view->viewport(), below);
        QCOMPARE(view->viewportPoint(1, {}).y(), stopped);
    }

    void cursorSaysWhatAPressDoes()
    {
        PdfView *view = open(TestPdf::numbered(3));
        QVERIFY(view);
        QTest::mouseMove(view->viewport(), view->viewportPoint(0, onLine(1, 50)).toPoint());
        QCOMPARE(view->viewport()->cursor().shape(), Qt::IBeamCursor);
        QTest::mouseMove(view->viewport(), view->viewportPoint(0, {300, 500}).toPoint());
        QCOMPARE(view->viewport()->cursor().shape(), Qt::ArrowCursor);
        Anchor whole;
        whole.sheet = 0;
        const QString chatId = m_session->startChat(whole, u"On this page"_s);
        QTRY_COMPARE(view->highlightRects(chatId).size(), 1);
        QTest::mouseMove(view->viewport(), view->highlightRects(chatId).first().center().toPoint());
        QCOMPARE(view->viewport()->cursor().shape(), Qt::PointingHandCursor);
    }

    void opensAnEncryptedPdf()
    {
        PdfView *view = open(TestPdf::encrypted(TestPdf::numbered(2), u"open sesame"_s),
                             {900, 1000}, u"open sesame"_s);
        QVERIFY(view);
        QCOMPARE(view->sheetCount(), 2);
        QTRY_VERIFY(view->sheetArea()->isRendered());
        const QImage shot = view->viewport()->grab().toImage();
        QVERIFY(hasDarkPixel(shot, QRectF(view->viewportPoint(0, onLine(0, 0) - QPointF(0, 8)),
                                          view->viewportPoint(0, onLine(0, 300) + QPointF(0, 6)))
                                       .toRect()));
        drag(view->viewport(), view->viewportPoint(0, onLine(1)),
             view->viewportPoint(0, onLine(1, 400)));
        QCOMPARE(view->selectedText(), TestPdf::numberedLine(0, 1));
    }

    void rendererRendersOnlyWhatIsWanted()
    {
        QByteArray bytes = TestPdf::numbered(40);
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        QPdfDocument pdf;
        pdf.load(&buffer);
        SheetRenderer renderer;
        renderer.setDocument(&pdf);
        QSignalSpy rendered(&renderer, &SheetRenderer::rendered);
        const QSize size(300, 425);
        QList<SheetRenderer::Request> all;
        for (int sheet = 0; sheet < 40; ++sheet)
            all.append({sheet, size});
        // Scrolled through quickly: only the last place is rendered; the sheet being rendered
        // when it changed is dropped.
        renderer.request(all);
        renderer.request({{39, size}, {38, size}});
        QTRY_COMPARE(rendered.size(), 2);
        QCOMPARE(rendered.at(0).at(0).toInt(), 39);
        QCOMPARE(rendered.at(1).at(0).toInt(), 38);
        QVERIFY(!renderer.image(39, size).isNull());
        QCOMPARE(renderer.image(39, size).size(), size);
        for (int sheet = 0; sheet < 38; ++sheet)
            QVERIFY(renderer.image(sheet, size).isNull());
        QCOMPARE(renderer.cacheBytes(), 2 * renderer.image(39, size).sizeInBytes());

        // Bounded in bytes: the least recently used go first; any size of a sheet stands in
        // for the one asked for while it is rendered.
        const qint64 small = renderer.image(39, size).sizeInBytes();
        renderer.setCacheLimit(6 * small);
        for (int sheet = 0; sheet < 7; ++sheet) {
            renderer.request({{sheet, size}});
            QTRY_VERIFY(!renderer.image(sheet, size).isNull());
        }
        QVERIFY(renderer.cacheBytes() <= 6 * small);
        QVERIFY(renderer.image(0, size).isNull());
        QCOMPARE(renderer.anyImage(3).size(), size);
        QVERIFY(renderer.anyImage(0).isNull());
        renderer.request({{3, size * 2}});
        QCOMPARE(renderer.anyImage(3).size(), size);
        QTRY_COMPARE(renderer.anyImage(3).size(), size * 2);
        renderer.setDocument(nullptr);
        QVERIFY(renderer.anyImage(3).isNull());
        QCOMPARE(renderer.cacheBytes(), 0);
    }

    void selectionOffersComment()
    {
        PdfView *view = open(TestPdf::numbered(3));
        QVERIFY(view);
        QSignalSpy requested(view, &PdfView::commentRequested);
        drag(view->viewport(), view->viewportPoint(0, onLine(1)),
             view->viewportPoint(0, onLine(1, 400)));
        const std::optional<Anchor> anchor = view->selectionAnchor();
        QVERIFY(anchor);
        QCOMPARE(anchor->exact, TestPdf::numberedLine(0, 1));

        // The button beside the end of the selection.
        QToolButton *button = view->commentButton();
        QTRY_VERIFY(button->isVisible());
        QVERIFY(button->isEnabled());
        const QPointF end = view->viewportPoint(0, onLine(1, 360));
        QVERIFY(qAbs(button->y() - end.y()) < 40);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).value<Anchor>(), *anchor);

        // The context menu's "Comment…" and "Copy".
        std::unique_ptr<QMenu> menu(view->createContextMenu(end.toPoint()));
        auto *comment = menu->findChild<QAction *>(u"commentAction"_s);
        QVERIFY(comment && comment->isEnabled());
        comment->trigger();
        QCOMPARE(requested.size(), 2);
        QCOMPARE(requested.at(1).at(0).value<Anchor>(), *anchor);
        auto *copy = menu->findChild<QAction *>(u"copyAction"_s);
        QVERIFY(copy && copy->isEnabled());
        QApplication::clipboard()->clear();
        copy->trigger();
        QCOMPARE(QApplication::clipboard()->text(), TestPdf::numberedLine(0, 1));

        // A thread on the whole page is offered too.
        auto *whole = menu->findChild<QAction *>(u"commentOnSheetAction"_s);
        QVERIFY(whole);
        QCOMPARE(whole->text(), u"Comment on Page 1…"_s);
        whole->trigger();
        QCOMPARE(requested.size(), 3);
        const Anchor sheetAnchor = requested.at(2).at(0).value<Anchor>();
        QVERIFY(sheetAnchor.isWholeSheet());
        QCOMPARE(sheetAnchor.sheet, 0);
        QCOMPARE(sheetAnchor.start, 0);
    }

    void highlightsLieOverTheirPassage()
    {
        PdfView *view = open(TestPdf::numbered(5));
        QVERIFY(view);
        view->setZoom(0.5);
        view->goToSheet(1);
        // From the second line of the second sheet to the first line of the third.
        const int start = offsetOf(1, 1);
        const int end = offsetOf(2, 0) + int(TestPdf::numberedLine(2, 0).size());
        const QString chatId = startChat(start, end);
        QTRY_VERIFY(!view->highlightRects(chatId).isEmpty());

        const auto check = [&](qreal zoom) {
            const QList<QRectF> rects = view->highlightRects(chatId);
            // One rectangle a line.
            int onScreen = 0;
            const QList<std::pair<int, int>> passage{{1, 1}, {1, 2}, {2, 0}};
            for (const auto &[sheet, line] : passage) {
                const QPointF point = view->viewportPoint(sheet, onLine(line, 100));
                if (!viewportRect().contains(point.toPoint()))
                    continue;
                ++onScreen;
                QVERIFY2(anyContains(rects, point),
                         qPrintable(u"zoom %1, sheet %2 line %3"_s.arg(zoom).arg(sheet).arg(line)));
                QVERIFY(anyContains(rects, view->viewportPoint(sheet, onLine(line, 5))));
                QVERIFY(anyContains(rects, view->viewportPoint(sheet, onLine(line, 350))));
            }
            QVERIFY(onScreen > 0);
            // Not over the lines around the passage.
            const QList<std::pair<int, int>> around{{1, 0}, {2, 1}};
            for (const auto &[sheet, line] : around)
                QVERIFY(!anyContains(rects, view->viewportPoint(sheet, onLine(line, 100))));
            for (const QRectF &r : rects) {
                const qreal lineHeight = TestPdf::LineHeight * (view->viewportPoint(1, {0, 1}).y() -
                                                                view->viewportPoint(1, {}).y());
                QVERIFY(r.height() < lineHeight);
                QVERIFY(r.height() > lineHeight / 3);
            }
            if (!QTest::currentTestFailed())
                QCOMPARE(rects.size(), onScreen);
        };
        check(0.5);
        QCOMPARE(view->highlightRects(chatId).size(), 3);
        view->setZoom(1.5);
        view->goToSheet(1);
        check(1.5);

        // The open chat is in its author's colour, the selected one stronger, a resolved one grey.
        const auto colorAt = [&] {
            // Just above the letters, in the highlight's margin.
            const QRectF first = view->highlightRects(chatId).first();
            const QPoint at(int(qMax(first.left(), qreal(0)) +
                                qMin(first.right(), qreal(view->viewport()->width()))) /
                                2,
                            int(first.top()) + 1);
            return view->viewport()->grab().toImage().pixelColor(at);
        };
        const QColor open = colorAt();
        const QColor author = AuthorColor::of(m_session->chat(chatId)->author.id);
        const int hues = qAbs(open.hsvHue() - author.hsvHue()) % 360;
        QVERIFY2(open.hsvSaturation() > 30 && qMin(hues, 360 - hues) < 12,
                 qPrintable(open.name() + u" for "_s + author.name()));
        view->setSelectedChat(chatId);
        const QColor selected = colorAt();
        QVERIFY2(selected.hsvSaturation() > open.hsvSaturation(), qPrintable(selected.name()));
        view->setSelectedChat({});
        m_session->setResolved(chatId, true);
        QTRY_VERIFY(colorAt() != open);
        const QColor resolved = colorAt();
        QVERIFY2(qAbs(resolved.red() - resolved.blue()) < 10, qPrintable(resolved.name()));

        // Gone with its chat.
        m_session->deleteChat(chatId);
        QTRY_VERIFY(view->highlightRects(chatId).isEmpty());
    }

    void clickingAHighlightOpensItsChat()
    {
        PdfView *view = open(TestPdf::numbered(3));
        QVERIFY(view);
        QSignalSpy clicked(view, &PdfView::chatClicked);
        const int line = offsetOf(0, 1);
        const QString wide = startChat(line, line + int(TestPdf::numberedLine(0, 1).size()));
        const int quick = line + int(TestPdf::numberedLine(0, 1).indexOf(u"quick brown"_s));
        const QString narrow = startChat(quick, quick + 11);
        QTRY_VERIFY(!view->highlightRects(narrow).isEmpty());

        // Where two overlap, the shorter passage wins.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->highlightRects(narrow).first().center().toPoint());
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.at(0).at(0).toString(), narrow);
        QCOMPARE(view->selectedChat(), narrow);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->viewportPoint(0, onLine(1, 5)).toPoint());
        QCOMPARE(clicked.size(), 2);
        QCOMPARE(clicked.at(1).at(0).toString(), wide);
        QCOMPARE(view->selectedChat(), wide);

        // Outside any passage: nothing.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->viewportPoint(0, onLine(2, 5)).toPoint());
        QCOMPARE(clicked.size(), 2);
        // A drag over a highlight selects text rather than opening it.
        drag(view->viewport(), view->viewportPoint(0, onLine(1, 5)),
             view->viewportPoint(0, onLine(1, 200)));
        QCOMPARE(clicked.size(), 2);
        QVERIFY(view->selectionAnchor());
    }

    void revealsAChatOnTheLastSheet()
    {
        PdfView *view = open(TestPdf::numbered(40));
        QVERIFY(view);
        QSignalSpy current(view, &PdfView::currentSheetChanged);
        const int start = offsetOf(39, 2);
        const QString chatId = startChat(start, start + 20);
        QVERIFY(view->highlightRects(chatId).isEmpty());
        view->revealChat(chatId);
        const QList<QRectF> rects = view->highlightRects(chatId);
        QCOMPARE(rects.size(), 1);
        QVERIFY(QRectF(viewportRect()).contains(rects.first()));
        QCOMPARE(view->currentSheet(), 39);
        QCOMPARE(current.last().at(0).toInt(), 39);
        QCOMPARE(view->findChild<QSpinBox *>(u"pageNumber"_s)->value(), 40);

        // And back to one near the start, at another zoom.
        view->setZoom(2);
        const int early = offsetOf(2, 0) + 10;
        const QString other = startChat(early, early + 5);
        view->revealChat(other);
        QCOMPARE(view->highlightRects(other).size(), 1);
        QVERIFY(QRectF(viewportRect()).contains(view->highlightRects(other).first()));
        QCOMPARE(view->currentSheet(), 2);
    }

    // Find (Ctrl+F in the window): the next occurrence after the selection is selected and
    // shown, from the start again after the last, and backwards.
    void findsTextAndShowsIt()
    {
        PdfView *view = open(TestPdf::numbered(30));
        QVERIFY(view);
        const QString line = TestPdf::numberedLine(24, 1);
        QVERIFY(view->find(line.toUpper(), false));
        QCOMPARE(view->selectedText(), line);
        QCOMPARE(view->currentSheet(), 24);
        QCOMPARE(view->selectionAnchor()->start, offsetOf(24, 1));
        // "Sheet 3, line 1" comes once: found again from the start.
        const QString once = TestPdf::numberedLine(2, 0).left(16);
        QVERIFY(view->find(once, false));
        QCOMPARE(view->currentSheet(), 2);
        QVERIFY(view->find(once, false));
        QCOMPARE(view->selectionAnchor()->start, offsetOf(2, 0));
        // Backwards from the third sheet: the second sheet's last "lazy dog".
        QVERIFY(view->find(u"lazy dog"_s, true));
        QCOMPARE(view->currentSheet(), 1);
        QCOMPARE(view->selectionAnchor()->start,
                 offsetOf(1, 2) + int(TestPdf::numberedLine(1, 2).indexOf(u"lazy dog"_s)));
        QVERIFY(!view->find(u"not in it"_s, false));
        QCOMPARE(view->selectionAnchor()->start,
                 offsetOf(1, 2) + int(TestPdf::numberedLine(1, 2).indexOf(u"lazy dog"_s)));
    }

    void goesToAPage()
    {
        PdfView *view = open(TestPdf::numbered(20));
        QVERIFY(view);
        QVERIFY(QTest::qWaitForWindowActive(view));
        QSignalSpy current(view, &PdfView::currentSheetChanged);
        view->goToSheet(5);
        QCOMPARE(view->currentSheet(), 5);
        QCOMPARE(current.last().at(0).toInt(), 5);
        auto *page = view->findChild<QSpinBox *>(u"pageNumber"_s);
        QCOMPARE(page->value(), 6);
        const qreal top = view->viewportPoint(5, {}).y();
        QVERIFY(top >= 0 && top <= SheetLayout::Margin);

        // Typing a page number in the bar.
        view->sheetArea()->setFocus();
        QTest::keyClick(view->sheetArea(), Qt::Key_G, Qt::ControlModifier);
        QVERIFY(page->hasFocus());
        QTest::keyClicks(page, u"12"_s);
        QTest::keyClick(page, Qt::Key_Return);
        QCOMPARE(view->currentSheet(), 11);
        QVERIFY(qAbs(view->viewportPoint(11, {}).y()) <= SheetLayout::Margin);
        // And back to reading: the keys scroll the sheets again.
        QVERIFY(view->sheetArea()->hasFocus());

        // Keys scroll: down a screen, to the end, to the start.
        const qreal before = view->viewportPoint(11, {}).y();
        QTest::keyClick(view->sheetArea(), Qt::Key_PageDown);
        QVERIFY(view->viewportPoint(11, {}).y() < before - view->viewport()->height() / 2);
        QTest::keyClick(view->sheetArea(), Qt::Key_Up);
        QTest::keyClick(view->sheetArea(), Qt::Key_End);
        QCOMPARE(view->currentSheet(), 19);
        QCOMPARE(page->value(), 20);
        QTest::keyClick(view->sheetArea(), Qt::Key_Home);
        QCOMPARE(view->currentSheet(), 0);
        QTest::keyClick(view->sheetArea(), Qt::Key_Space);
        QVERIFY(view->viewportPoint(0, {}).y() < 0);
        QTest::keyClick(view->sheetArea(), Qt::Key_Space, Qt::ShiftModifier);
        QCOMPARE(view->viewportPoint(0, {}).y(), qreal(SheetLayout::Margin));

        // Out of range: the nearest page.
        view->goToSheet(99);
        QCOMPARE(view->currentSheet(), 19);
        view->goToSheet(-3);
        QCOMPARE(view->currentSheet(), 0);
    }

    void zoomsAboutTheMouse()
    {
        PdfView *view = open(TestPdf::numbered(5));
        QVERIFY(view);
        QVERIFY(QTest::qWaitForWindowActive(view));
        const qreal fitted = view->zoom();
        const QPointF point(300, 400);
        const QPointF at = view->viewportPoint(0, point);
        sendWheel(view->viewport(), at, 120, Qt::ControlModifier);
        QVERIFY(view->zoom() > fitted * 1.1);
        QVERIFY(!view->findChild<QToolButton *>(u"fitWidth"_s)->isChecked());
        QVERIFY((view->viewportPoint(0, point) - at).manhattanLength() <= 2);
        sendWheel(view->viewport(), at, -120, Qt::ControlModifier);
        QCOMPARE(view->zoom(), fitted);
        QVERIFY((view->viewportPoint(0, point) - at).manhattanLength() <= 2);
        sendWheel(view->viewport(), at, -120, Qt::ControlModifier);
        QVERIFY(view->zoom() < fitted);
        // Without Ctrl the wheel scrolls.
        const qreal zoom = view->zoom();
        sendWheel(view->viewport(), at, -120, Qt::NoModifier);
        QCOMPARE(view->zoom(), zoom);
        QVERIFY(view->viewportPoint(0, point).y() < at.y());

        // The keys, about what is in the middle.
        view->setZoom(1);
        QCOMPARE(view->findChild<QComboBox *>(u"zoomLevel"_s)->currentText(), u"100%"_s);
        view->goToSheet(2);
        const QPointF middle(view->viewport()->width() / 2.0, view->viewport()->height() / 2.0);
        const QPointF under = middle - view->viewportPoint(2, {});
        view->sheetArea()->setFocus();
        QTest::keyClick(view->sheetArea(), Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(view->zoom(), 1.1);
        QTest::keyClick(view->sheetArea(), Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(view->sheetArea(), Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(view->zoom(), 0.9);
        QVERIFY((middle - view->viewportPoint(2, {}) - under * 0.9).manhattanLength() <= 3);
        QTest::keyClick(view->sheetArea(), Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(view->zoom(), fitted);

        // A zoom typed in the bar.
        QComboBox *level = view->findChild<QComboBox *>(u"zoomLevel"_s);
        level->lineEdit()->selectAll();
        QTest::keyClicks(level->lineEdit(), u"150"_s);
        QTest::keyClick(level->lineEdit(), Qt::Key_Return);
        QCOMPARE(view->zoom(), 1.5);
        QCOMPARE(level->currentText(), u"150%"_s);
    }

    void fitsWidthAndPage()
    {
        PdfView *view = open(TestPdf::numbered(5), {700, 600});
        QVERIFY(view);
        view->setZoom(2);
        view->goToSheet(2);
        view->fitWidth();
        const auto sheetWidth = [&] {
            return view->viewportPoint(2, {595, 0}).x() - view->viewportPoint(2, {}).x();
        };
        QVERIFY(qAbs(sheetWidth() - (view->viewport()->width() - 2 * SheetLayout::Margin)) <= 1);
        QVERIFY(view->viewportPoint(2, {}).x() >= SheetLayout::Margin - 1);
        QCOMPARE(view->currentSheet(), 2);

        view->fitSheet();
        QCOMPARE(view->currentSheet(), 2);
        QVERIFY(view->findChild<QToolButton *>(u"fitSheet"_s)->isChecked());
        const QPointF top = view->viewportPoint(2, {});
        const QPointF bottom = view->viewportPoint(2, {595, 842});
        QVERIFY(top.y() >= 0 && top.x() >= 0);
        QVERIFY(bottom.y() <= view->viewport()->height() &&
                bottom.x() <= view->viewport()->width());
        QVERIFY(bottom.y() - top.y() > view->viewport()->height() * 0.9);

        // Fitting follows the size of the window.
        view->fitWidth();
        view->resize(900, 600);
        QTRY_VERIFY(qAbs(sheetWidth() - (view->viewport()->width() - 2 * SheetLayout::Margin)) <=
                    1);
    }

    void scanOffersCommentsOnWholePages()
    {
        PdfView *view = open(TestPdf::scan(3));
        QVERIFY(view);
        QVERIFY(m_document.pdfText.isEmpty());
        QVERIFY(view->findChild<QLabel *>(u"scanNotice"_s)->isVisible());
        view->setZoom(0.5);
        QSignalSpy requested(view, &PdfView::commentRequested);

        // Nothing to select.
        drag(view->viewport(), view->viewportPoint(0, {60, 90}),
             view->viewportPoint(0, {400, 300}));
        QVERIFY(!view->selectionAnchor());

        std::unique_ptr<QMenu> menu(
            view->createContextMenu(view->viewportPoint(1, {300, 400}).toPoint()));
        QVERIFY(!menu->findChild<QAction *>(u"commentAction"_s));
        auto *whole = menu->findChild<QAction *>(u"commentOnSheetAction"_s);
        QVERIFY(whole);
        QCOMPARE(whole->text(), u"Comment on Page 2…"_s);
        QVERIFY(whole->isEnabled());
        whole->trigger();
        QCOMPARE(requested.size(), 1);
        const Anchor anchor = requested.at(0).at(0).value<Anchor>();
        QVERIFY(anchor.isWholeSheet());
        QCOMPARE(anchor.sheet, 1);
        QCOMPARE(anchor.start, m_document.pdfText.sheetStart(1));
        QCOMPARE(anchor.end, anchor.start);
        QVERIFY(anchor.prefix.isEmpty() && anchor.suffix.isEmpty());

        // A chat on that page gets a marker that opens it.
        QSignalSpy clicked(view, &PdfView::chatClicked);
        const QString chatId = m_session->startChat(anchor, u"This page"_s);
        QTRY_COMPARE(view->highlightRects(chatId).size(), 1);
        const QRectF marker = view->highlightRects(chatId).first();
        const QPointF sheetTop = view->viewportPoint(1, {});
        QVERIFY(marker.top() >= sheetTop.y() && marker.left() >= sheetTop.x());
        QVERIFY(marker.bottom() < view->viewportPoint(1, {0, 842}).y());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, marker.center().toPoint());
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.at(0).at(0).toString(), chatId);

        view->setZoom(2);
        view->goToSheet(0);
        QVERIFY(view->highlightRects(chatId).isEmpty());
        view->revealChat(chatId);
        QCOMPARE(view->currentSheet(), 1);
        QCOMPARE(view->highlightRects(chatId).size(), 1);
    }

    void oddInputDoesNotBreakIt()
    {
        PdfView *view = open(TestPdf::numbered(3));
        QVERIFY(view);
        // Chats about a sheet that is not there, and about text beyond the end.
        Anchor missingSheet;
        missingSheet.sheet = 7;
        missingSheet.start = missingSheet.end = int(plainText().size()) + 10;
        const QString a = m_session->startChat(missingSheet, u"Gone"_s);
        Anchor beyond;
        beyond.start = int(plainText().size()) + 100;
        beyond.end = beyond.start + 5;
        beyond.exact = u"zzzzz"_s;
        beyond.sheet = 2;
        const QString b = m_session->startChat(beyond, u"Gone too"_s);
        QTRY_VERIFY(m_session->chat(a) && m_session->chat(b));
        view->viewport()->grab();
        QVERIFY(view->highlightRects(a).isEmpty());
        QVERIFY(view->highlightRects(b).isEmpty());
        view->revealChat(a);
        view->revealChat(b);
        view->revealChat(u"no such chat"_s);

        // Bytes that are not a PDF: no sheets.
        LoadedDocument broken;
        broken.document.format = u"pdf"_s;
        broken.pdf = "not a PDF";
        view->setDocument(broken, m_session.get(), m_index.get());
        QCOMPARE(view->sheetCount(), 0);
        view->viewport()->grab();
        view->goToSheet(3);
        view->setZoom(2);
        view->fitWidth();
        view->fitSheet();
        QVERIFY(view->highlightRects(a).isEmpty());
        std::unique_ptr<QMenu> menu(view->createContextMenu({10, 10}));
        QVERIFY(!menu->findChild<QAction *>(u"commentOnSheetAction"_s));
        drag(view->viewport(), {10, 10}, {200, 200});
        QVERIFY(!view->selectionAnchor());
        sendWheel(view->viewport(), {10, 10}, 120, Qt::ControlModifier);
        QTest::keyClick(view->sheetArea(), Qt::Key_End);
        QCOMPARE(view->currentSheet(), 0);

        // A text layer that is not this PDF's: its sheets, without text.
        LoadedDocument mismatched = loadPdf(TestPdf::numbered(2));
        mismatched.pdfText = m_document.pdfText;
        mismatched.pdf = TestPdf::numbered(4);
        view->setDocument(mismatched, nullptr, nullptr);
        QCOMPARE(view->sheetCount(), 4);
        QTRY_VERIFY(view->sheetArea()->isRendered());
        drag(view->viewport(), view->viewportPoint(0, onLine(0)),
             view->viewportPoint(0, onLine(1, 400)));
        QVERIFY(!view->selectionAnchor());

        // A sheet without a size, beside one with.
        const QByteArray odd =
            "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
            "2 0 obj <</Type /Pages /Kids [3 0 R 4 0 R] /Count 2>> endobj\n"
            "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 0 0]>> endobj\n"
            "4 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 300]>> endobj\n"
            "trailer <</Root 1 0 R>>\n%%EOF\n";
        LoadedDocument zero;
        zero.document.format = u"pdf"_s;
        zero.pdf = odd;
        view->setDocument(zero, m_session.get(), m_index.get());
        QCOMPARE(view->sheetCount(), 2);
        view->viewport()->grab();
        view->fitSheet();
        view->goToSheet(1);
        QTRY_VERIFY(view->sheetArea()->isRendered());
        std::unique_ptr<QMenu> zeroMenu(
            view->createContextMenu(view->viewportPoint(view->currentSheet(), {10, 10}).toPoint()));
        QVERIFY(zeroMenu->findChild<QAction *>(u"commentOnSheetAction"_s));
    }
};

QTEST_MAIN(tst_PdfView)
#include "tst_pdfview.moc"
