#include "sheetarea.h"

#include "anchorindex.h"
#include "anchoring.h"
#include "commentbutton.h"
#include "highlightcolors.h"
#include "loadeddocument.h"
#include "pagesession.h"
#include "sheetrenderer.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QIcon>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPdfDocument>
#include <QScrollBar>
#include <QToolButton>
#include <QtMath>

#include <algorithm>
#include <limits>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

// The zoom steps of Ctrl+= and Ctrl+-.
constexpr qreal ZoomSteps[] = {0.1, 0.25, 0.33, 0.5,  0.67, 0.75, 0.8, 0.9, 1,
                               1.1, 1.25, 1.5,  1.75, 2,    2.5,  3,   4};

} // namespace

SheetArea::SheetArea(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_renderer(new SheetRenderer(this))
    , m_commentButton(new CommentButton(viewport()))
{
    setObjectName(u"sheetArea"_s);
    setAccessibleName(tr("Document"));
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    // Always there, so that fitting the width never shows or hides it.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    viewport()->setMouseTracking(true);
    viewport()->setAutoFillBackground(false);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    verticalScrollBar()->setSingleStep(40);
    horizontalScrollBar()->setSingleStep(40);

    connect(m_commentButton, &QToolButton::clicked, this, &SheetArea::requestComment);

    // Scrolling, zooming and resizing change what is on screen: what to render, the current
    // sheet and the comment button follow once per turn of the event loop.
    m_update.setSingleShot(true);
    m_update.setInterval(0);
    connect(&m_update, &QTimer::timeout, this, &SheetArea::updateView);
    connect(m_renderer, &SheetRenderer::rendered, viewport(), qOverload<>(&QWidget::update));

    m_autoScroll.setInterval(30);
    connect(&m_autoScroll, &QTimer::timeout, this, &SheetArea::autoScroll);
}

SheetArea::~SheetArea()
{
    // The renderer's thread may be reading the document.
    m_renderer->setDocument(nullptr);
}

void SheetArea::setTextLayer(const PdfText &text)
{
    // The text layer counts the sheets it was made from; a document whose text does not match
    // its sheets shows them without text.
    const bool ready = m_pdf && m_pdf->isReady();
    const bool textFits = ready && text.sheetCount() == m_pdf->document()->pageCount();
    m_text.setDocument(ready ? m_pdf->document() : nullptr, textFits ? text : PdfText());
    m_scan = !textFits || text.isEmpty();
    m_highlightsDirty = true;
    viewport()->update();
}

void SheetArea::setDocument(const LoadedDocument &document, PageSession *session,
                            AnchorIndex *index)
{
    m_renderer->setDocument(nullptr);
    m_text.setDocument(nullptr, {});
    if (m_index)
        m_index->disconnect(this);
    m_session = session;
    m_index = index;
    if (index) {
        connect(index, &AnchorIndex::changed, this, [this] {
            m_highlightsDirty = true;
            viewport()->update();
        });
    }
    m_highlightsDirty = true;
    m_selectionStart = m_selectionEnd = m_selectionAnchor = -1;
    m_pressed = m_dragging = false;

    m_pdf = std::make_unique<OpenedPdf>(document.pdf, document.password);
    const bool ready = m_pdf->isReady();
    const int count = ready ? m_pdf->document()->pageCount() : 0;
    QList<QSizeF> sizes;
    sizes.reserve(count);
    for (int sheet = 0; sheet < count; ++sheet)
        sizes.append(m_pdf->document()->pagePointSize(sheet));
    m_layout.setSheetSizes(sizes);
    m_scan = false;
    if (!document.textPending)
        setTextLayer(document.pdfText);
    m_renderer->setDocument(ready ? m_pdf->document() : nullptr);

    fitWidth();
    scrollTo({0, 0});
    setCurrentSheet(0);
    placeCommentButton();
    viewport()->update();
    scheduleUpdate();
}

qreal SheetArea::pixelsPerPoint(qreal zoom) const
{
    return zoom * viewport()->logicalDpiX() / 72.0;
}

QPoint SheetArea::offset() const
{
    return {horizontalScrollBar()->value(), verticalScrollBar()->value()};
}

std::pair<int, int> SheetArea::visibleSheets() const
{
    const int top = verticalScrollBar()->value();
    return m_layout.sheetsBetween(top, top + viewport()->height());
}

QSize SheetArea::renderSize(int sheet) const
{
    const QSizeF size = QSizeF(m_layout.sheetRect(sheet).size()) * viewport()->devicePixelRatioF();
    const qreal pixels = size.width() * size.height();
    const qreal shrink = pixels > MaxRenderPixels ? qSqrt(MaxRenderPixels / pixels) : 1;
    return QSize(qMax(1, qRound(size.width() * shrink)), qMax(1, qRound(size.height() * shrink)));
}

QRectF SheetArea::toViewport(int sheet, const QRectF &rect) const
{
    const QPointF shift = offset();
    return QRectF(m_layout.toStrip(sheet, rect.topLeft()) - shift,
                  m_layout.toStrip(sheet, rect.bottomRight()) - shift);
}

QPointF SheetArea::viewportPoint(int sheet, QPointF point) const
{
    if (sheet < 0 || sheet >= m_layout.count())
        return {};
    return m_layout.toStrip(sheet, point) - offset();
}

std::pair<int, QPointF> SheetArea::sheetAt(QPointF position) const
{
    const QPointF strip = position + offset();
    const int sheet = m_layout.sheetAt(qFloor(strip.y()));
    if (sheet < 0)
        return {-1, {}};
    return {sheet, m_layout.toSheet(sheet, strip)};
}

// Zooming and fitting

void SheetArea::updateScrollBars()
{
    m_layout.setViewportWidth(viewport()->width());
    const QSize size = m_layout.size();
    const QSize view = viewport()->size();
    verticalScrollBar()->setRange(0, qMax(0, size.height() - view.height()));
    verticalScrollBar()->setPageStep(qMax(1, view.height() * 9 / 10));
    horizontalScrollBar()->setRange(0, qMax(0, size.width() - view.width()));
    horizontalScrollBar()->setPageStep(qMax(1, view.width() * 9 / 10));
}

void SheetArea::scrollTo(QPoint position)
{
    horizontalScrollBar()->setValue(position.x());
    verticalScrollBar()->setValue(position.y());
}

void SheetArea::applyZoom(qreal zoom, QPointF anchor)
{
    zoom = qBound(MinZoom, zoom, MaxZoom);
    if (m_layout.count() == 0) {
        m_zoom = zoom;
        m_layout.setScale(pixelsPerPoint(zoom));
        updateScrollBars();
        Q_EMIT zoomChanged(zoom);
        return;
    }
    // The point of the sheet under `anchor` stays there.
    const auto [sheet, point] = sheetAt(anchor);
    m_zoom = zoom;
    m_layout.setScale(pixelsPerPoint(zoom));
    updateScrollBars();
    scrollTo((m_layout.toStrip(sheet, point) - anchor).toPoint());
    viewport()->update();
    scheduleUpdate();
    Q_EMIT zoomChanged(zoom);
}

void SheetArea::setZoom(qreal zoom)
{
    m_fit = Fit::None;
    applyZoom(zoom, QPointF(viewport()->width() / 2.0, viewport()->height() / 2.0));
}

void SheetArea::zoomIn()
{
    for (const qreal step : ZoomSteps) {
        if (step > m_zoom * 1.01) {
            setZoom(step);
            return;
        }
    }
    setZoom(MaxZoom);
}

void SheetArea::zoomOut()
{
    for (auto it = std::rbegin(ZoomSteps); it != std::rend(ZoomSteps); ++it) {
        if (*it < m_zoom / 1.01) {
            setZoom(*it);
            return;
        }
    }
    setZoom(MinZoom);
}

void SheetArea::fitWidth()
{
    m_fit = Fit::Width;
    const qreal width = m_layout.count() ? m_layout.maxPointSize().width() : 595;
    const qreal available = qMax(1, viewport()->width() - 2 * SheetLayout::Margin);
    applyZoom(available / width / pixelsPerPoint(1), QPointF(viewport()->width() / 2.0, 0));
}

void SheetArea::fitSheet()
{
    m_fit = Fit::Sheet;
    const QSizeF size = m_layout.count() ? m_layout.pointSize(m_currentSheet) : QSizeF(595, 842);
    const qreal width = qMax(1, viewport()->width() - 2 * SheetLayout::Margin);
    const qreal height = qMax(1, viewport()->height() - 2 * SheetLayout::Gap);
    const int sheet = m_currentSheet;
    applyZoom(qMin(width / size.width(), height / size.height()) / pixelsPerPoint(1),
              QPointF(viewport()->width() / 2.0, 0));
    goToSheet(sheet);
}

// Where the view stands

void SheetArea::goToSheet(int sheet)
{
    if (m_layout.count() == 0)
        return;
    sheet = qBound(0, sheet, m_layout.count() - 1);
    m_scrollingTo = true;
    verticalScrollBar()->setValue(m_layout.sheetRect(sheet).top() - SheetLayout::Gap);
    m_scrollingTo = false;
    setCurrentSheet(sheet);
}

void SheetArea::setCurrentSheet(int sheet)
{
    if (sheet == m_currentSheet)
        return;
    m_currentSheet = sheet;
    Q_EMIT currentSheetChanged(sheet);
}

void SheetArea::scheduleUpdate()
{
    m_update.start();
}

void SheetArea::updateView()
{
    const auto [first, last] = visibleSheets();
    QList<SheetRenderer::Request> wanted;
    qint64 bytes = 0;
    const auto want = [&](int sheet) {
        const QSize size = renderSize(sheet);
        wanted.append({sheet, size});
        bytes += qint64(size.width()) * size.height() * 4;
    };
    for (int sheet = first; sheet <= last; ++sheet)
        want(sheet);
    // One sheet ahead, then one behind, for the next step of scrolling, where they fit in the
    // cache beside those on screen (large sheets would push each other out, again and again).
    const auto fits = [&](int sheet) {
        const QSize size = renderSize(sheet);
        return bytes + qint64(size.width()) * size.height() * 4 <= m_renderer->cacheLimit() / 2;
    };
    if (last >= first && last + 1 < m_layout.count() && fits(last + 1))
        want(last + 1);
    if (last >= first && first > 0 && fits(first - 1))
        want(first - 1);
    m_renderer->request(wanted);
    placeCommentButton();
}

bool SheetArea::isRendered() const
{
    const auto [first, last] = visibleSheets();
    for (int sheet = first; sheet <= last; ++sheet) {
        if (m_renderer->image(sheet, renderSize(sheet)).isNull())
            return false;
    }
    return true;
}

qint64 SheetArea::cacheBytes() const
{
    return m_renderer->cacheBytes();
}

qint64 SheetArea::peakCacheBytes() const
{
    return m_renderer->peakCacheBytes();
}

void SheetArea::scrollContentsBy(int, int)
{
    viewport()->update();
    if (!m_scrollingTo) {
        // The sheet that takes most of the viewport.
        const auto [first, last] = visibleSheets();
        int best = -1;
        int bestHeight = 0;
        const QRect view(offset(), viewport()->size());
        for (int sheet = first; sheet <= last; ++sheet) {
            const int height = m_layout.sheetRect(sheet).intersected(view).height();
            if (height > bestHeight) {
                best = sheet;
                bestHeight = height;
            }
        }
        if (best >= 0)
            setCurrentSheet(best);
    }
    scheduleUpdate();
}

void SheetArea::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_fit == Fit::Width)
        fitWidth();
    else if (m_fit == Fit::Sheet)
        fitSheet();
    else
        updateScrollBars();
    scheduleUpdate();
}

// Chats

const QList<SheetArea::Highlight> &SheetArea::highlights() const
{
    if (!m_index || !m_session) {
        m_highlights.clear();
        return m_highlights;
    }
    if (!m_highlightsDirty)
        return m_highlights;
    m_highlightsDirty = false;
    m_highlights.clear();
    const int length = int(m_text.text().plainText().size());
    const auto &matches = m_index->matches();
    for (auto it = matches.constBegin(); it != matches.constEnd(); ++it) {
        const Chat *chat = m_session->chat(it.key());
        if (!chat || it->isOrphan())
            continue;
        if (chat->anchor.isWholeSheet()) {
            if (chat->anchor.sheet < m_layout.count())
                m_highlights.append({it.key(), 0, 0, chat->anchor.sheet, chat->resolved,
                                     chat->createdAt, chat->author.id});
            continue;
        }
        const int start = qBound(0, it->start, length);
        const int end = qBound(start, it->end, length);
        if (end > start)
            m_highlights.append(
                {it.key(), start, end, -1, chat->resolved, chat->createdAt, chat->author.id});
    }
    std::sort(m_highlights.begin(), m_highlights.end(), [](const Highlight &a, const Highlight &b) {
        return std::tie(a.start, a.createdAt, a.chatId) < std::tie(b.start, b.createdAt, b.chatId);
    });
    return m_highlights;
}

const SheetArea::Highlight *SheetArea::highlight(const QString &chatId) const
{
    for (const Highlight &h : highlights()) {
        if (h.chatId == chatId)
            return &h;
    }
    return nullptr;
}

QList<QRectF> SheetArea::passageRects(const Highlight &h, int sheet) const
{
    if (h.wholeSheet >= 0 || !m_text.hasText(sheet))
        return {};
    const PdfText &text = m_text.text();
    if (h.end <= text.sheetStart(sheet) || h.start >= text.sheetEnd(sheet))
        return {};
    return m_text.passageRects(sheet, h.start, h.end);
}

QList<SheetArea::Marker> SheetArea::markers(int sheet) const
{
    QList<Marker> markers;
    const QRect rect = m_layout.sheetRect(sheet).translated(-offset());
    for (const Highlight &h : highlights()) {
        if (h.wholeSheet != sheet)
            continue;
        const int i = int(markers.size());
        markers.append({QRect(rect.left() + 8, rect.top() + 8 + i * 26, 30, 22), h.chatId});
    }
    return markers;
}

QColor SheetArea::colorOf(const Highlight &h) const
{
    return h.chatId == m_selectedChat ? HighlightColors::selected(h.authorId)
           : h.resolved               ? HighlightColors::resolved()
                                      : HighlightColors::open(h.authorId);
}

QList<QRectF> SheetArea::highlightRects(const QString &chatId) const
{
    const Highlight *h = highlight(chatId);
    if (!h)
        return {};
    QList<QRectF> rects;
    const auto [first, last] = visibleSheets();
    for (int sheet = first; sheet <= last; ++sheet) {
        if (h->wholeSheet == sheet) {
            for (const Marker &m : markers(sheet)) {
                if (m.chatId == chatId)
                    rects.append(m.badge);
            }
        }
        for (const QRectF &r : passageRects(*h, sheet))
            rects.append(toViewport(sheet, r));
    }
    return rects;
}

int SheetArea::sheetOf(const QString &chatId) const
{
    const Highlight *h = highlight(chatId);
    if (!h)
        return -1;
    return h->wholeSheet >= 0 ? h->wholeSheet : m_text.text().sheetAt(h->start);
}

QString SheetArea::chatAt(QPointF position) const
{
    const auto [sheet, point] = sheetAt(position);
    if (sheet < 0)
        return {};
    for (const Marker &m : markers(sheet)) {
        if (m.badge.contains(position.toPoint()))
            return m.chatId;
    }
    QString best;
    int bestLength = std::numeric_limits<int>::max();
    for (const Highlight &h : highlights()) {
        if (h.end - h.start >= bestLength)
            continue;
        for (const QRectF &r : passageRects(h, sheet)) {
            if (r.adjusted(-1, -1, 1, 1).contains(point)) {
                best = h.chatId;
                bestLength = h.end - h.start;
                break;
            }
        }
    }
    return best;
}

void SheetArea::setSelectedChat(const QString &chatId)
{
    if (m_selectedChat == chatId)
        return;
    m_selectedChat = chatId;
    viewport()->update();
}

void SheetArea::revealChat(const QString &chatId)
{
    const Highlight *h = highlight(chatId);
    if (!h)
        return;
    if (h->wholeSheet >= 0) {
        goToSheet(h->wholeSheet);
        return;
    }
    reveal(h->start, h->end);
}

void SheetArea::reveal(int start, int end)
{
    const PdfText &text = m_text.text();
    for (int sheet = text.sheetAt(start); sheet >= 0 && sheet < m_layout.count(); ++sheet) {
        if (text.sheetStart(sheet) >= end)
            break;
        const QList<QRectF> rects =
            m_text.hasText(sheet) ? m_text.passageRects(sheet, start, end) : QList<QRectF>();
        if (rects.isEmpty())
            continue;
        // Where the passage's start is in view already, the view stays; else its first line goes
        // a third of the way down, and its start in view across.
        if (QRectF(viewport()->rect()).contains(toViewport(sheet, rects.first())))
            return;
        const QRectF first = toViewport(sheet, rects.first()).translated(offset());
        QPoint to = offset();
        to.setY(qRound(first.top() - viewport()->height() / 3.0));
        if (first.left() < to.x() || first.right() > to.x() + viewport()->width())
            to.setX(qRound(first.left()) - 2 * SheetLayout::Margin);
        m_scrollingTo = true;
        scrollTo(to);
        m_scrollingTo = false;
        setCurrentSheet(sheet);
        return;
    }
    goToSheet(text.sheetAt(start));
}

void SheetArea::select(int start, int end)
{
    setSelection(start, end);
    reveal(start, end);
}

void SheetArea::setSelection(int start, int end)
{
    if (end <= start)
        start = end = -1;
    if (start == m_selectionStart && end == m_selectionEnd)
        return;
    m_selectionStart = start;
    m_selectionEnd = end;
    viewport()->update();
    placeCommentButton();
}

void SheetArea::clearSelection()
{
    setSelection(-1, -1);
}

void SheetArea::selectAll()
{
    if (!m_scan)
        setSelection(0, int(m_text.text().plainText().size()));
}

QString SheetArea::selectedText() const
{
    if (m_selectionStart < 0)
        return {};
    QString text =
        m_text.text().plainText().mid(m_selectionStart, m_selectionEnd - m_selectionStart);
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    text.replace(QChar(PdfText::Separator), u"\n\n"_s);
    return text;
}

std::optional<Anchor> SheetArea::selectionAnchor() const
{
    if (m_selectionStart < 0)
        return std::nullopt;
    // Without the spaces, line ends and sheet ends it starts or ends with.
    const QString &text = m_text.text().plainText();
    int start = m_selectionStart;
    int end = m_selectionEnd;
    while (start < end && text.at(start).isSpace())
        ++start;
    while (end > start && text.at(end - 1).isSpace())
        --end;
    if (start >= end)
        return std::nullopt;
    Anchor anchor = Anchoring::anchorFor(text, start, end);
    anchor.sheet = m_text.text().sheetAt(start);
    return anchor;
}

void SheetArea::copy()
{
    if (m_selectionStart >= 0)
        QGuiApplication::clipboard()->setText(selectedText());
}

Anchor SheetArea::wholeSheetAnchor(int sheet) const
{
    Anchor anchor;
    const PdfText &text = m_text.text();
    anchor.start = anchor.end = sheet < text.sheetCount() ? text.sheetStart(sheet) : 0;
    anchor.sheet = sheet;
    return anchor;
}

bool SheetArea::canWrite() const
{
    return !m_session || m_session->canWrite();
}

void SheetArea::requestComment()
{
    if (const std::optional<Anchor> anchor = selectionAnchor())
        Q_EMIT commentRequested(*anchor);
}

void SheetArea::placeCommentButton()
{
    if (!selectionAnchor()) {
        m_commentButton->hide();
        return;
    }
    // Below the end of the selection's last line.
    const PdfText &text = m_text.text();
    const int sheet = text.sheetAt(m_selectionEnd - 1);
    const QList<QRectF> rects = m_text.passageRects(sheet, m_selectionStart, m_selectionEnd);
    const QRectF last = rects.isEmpty() ? QRectF(viewportPoint(sheet, {}), QSizeF())
                                        : toViewport(sheet, rects.last());
    m_commentButton->adjustSize();
    QPoint at(qRound(last.right()) + 6, qRound(last.bottom()) + 4);
    at.setX(qBound(4, at.x(), viewport()->width() - m_commentButton->width() - 4));
    at.setY(qBound(4, at.y(), viewport()->height() - m_commentButton->height() - 4));
    m_commentButton->move(at);
    const bool writable = canWrite();
    m_commentButton->setEnabled(writable);
    m_commentButton->setToolTip(writable ? QString() : PageSession::readOnlyReason());
    m_commentButton->show();
    m_commentButton->raise();
}

void SheetArea::dragTo(QPointF position)
{
    m_dragPosition = position;
    const auto [sheet, point] = sheetAt(position);
    if (sheet < 0 || m_selectionAnchor < 0)
        return;
    const int caret = m_text.caretAt(sheet, point);
    setSelection(qMin(m_selectionAnchor, caret), qMax(m_selectionAnchor, caret));
}

void SheetArea::autoScroll()
{
    if (!m_dragging) {
        m_autoScroll.stop();
        return;
    }
    const qreal y = m_dragPosition.y();
    const int height = viewport()->height();
    const qreal beyond = y < 0 ? y : y > height ? y - height : 0;
    if (beyond == 0)
        return;
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(bar->value() + qRound(qBound(qreal(-80), beyond, qreal(80))));
    dragTo(m_dragPosition);
}

// Events

bool SheetArea::event(QEvent *event)
{
    // Keys this view handles itself when it has the focus, before any shortcut of the window.
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key == QKeySequence::Copy || key == QKeySequence::SelectAll ||
            key->keyCombination() == QKeyCombination(Qt::ControlModifier, Qt::Key_G)) {
            event->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
}

bool SheetArea::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::Leave && !m_dragging)
        viewport()->unsetCursor();
    return QAbstractScrollArea::viewportEvent(event);
}

void SheetArea::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    painter.fillRect(event->rect(), palette().color(QPalette::Mid));
    const auto [first, last] = visibleSheets();
    const QPoint shift = offset();
    for (int sheet = first; sheet <= last; ++sheet) {
        const QRect rect = m_layout.sheetRect(sheet).translated(-shift);
        if (!rect.intersects(event->rect()))
            continue;
        // A soft shadow, the sheet, its image or for now a stale one scaled, or white.
        painter.setCompositionMode(QPainter::CompositionMode_SourceOver);
        for (int i = 1; i <= 3; ++i)
            painter.fillRect(rect.translated(i, i), QColor(0, 0, 0, 30));
        QImage image = m_renderer->image(sheet, renderSize(sheet));
        if (image.isNull())
            image = m_renderer->anyImage(sheet);
        if (image.isNull()) {
            painter.fillRect(rect, Qt::white);
        } else {
            painter.setRenderHint(QPainter::SmoothPixmapTransform,
                                  image.size() != renderSize(sheet));
            painter.drawImage(rect, image);
        }

        // Chats' passages, and the selection, over the text.
        painter.setCompositionMode(QPainter::CompositionMode_Multiply);
        for (const Highlight &h : highlights()) {
            const QList<QRectF> rects = passageRects(h, sheet);
            for (const QRectF &r : rects) {
                const QRectF on = toViewport(sheet, r.adjusted(-1, -1, 1, 1));
                painter.fillRect(on, colorOf(h));
                if (h.chatId == m_selectedChat)
                    painter.fillRect(QRectF(on.left(), on.bottom() - 2, on.width(), 2),
                                     HighlightColors::selected(h.authorId).darker(130));
            }
        }
        if (m_selectionStart >= 0) {
            QColor color = palette().color(QPalette::Highlight);
            color.setAlpha(110);
            for (const QRectF &r : m_text.passageRects(sheet, m_selectionStart, m_selectionEnd))
                painter.fillRect(toViewport(sheet, r.adjusted(-1, -1, 1, 1)), color);
        }

        // Chats about the whole sheet: a bar down its left edge, and a badge for each.
        painter.setCompositionMode(QPainter::CompositionMode_SourceOver);
        const QList<Marker> marks = markers(sheet);
        if (!marks.isEmpty()) {
            // In the colour of the selected chat's author, else the first one's.
            QString marked = marks.first().chatId;
            for (const Marker &m : marks) {
                if (m.chatId == m_selectedChat)
                    marked = m.chatId;
            }
            const Highlight *h = highlight(marked);
            QColor bar = HighlightColors::selected(h ? h->authorId : QString());
            bar.setAlpha(255);
            painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), bar);
            painter.setRenderHint(QPainter::Antialiasing);
            for (const Marker &m : marks) {
                const Highlight *h = highlight(m.chatId);
                QColor fill = colorOf(*h);
                fill.setAlpha(255);
                painter.setPen(fill.darker(140));
                painter.setBrush(fill);
                painter.drawRoundedRect(QRectF(m.badge).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5);
                QIcon(u":/icons/comment.svg"_s).paint(&painter, m.badge.adjusted(7, 3, -7, -3));
            }
            painter.setRenderHint(QPainter::Antialiasing, false);
            painter.setPen(Qt::NoPen);
            painter.setBrush(Qt::NoBrush);
        }
    }
}

void SheetArea::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_dragging = false;
    m_selectedWord = false;
    m_pressPosition = event->position().toPoint();
    m_dragPosition = event->position();
    const auto [sheet, point] = sheetAt(event->position());
    if (m_scan || sheet < 0)
        return;
    if (event->modifiers() & Qt::ShiftModifier && m_selectionStart >= 0) {
        // Shift extends the selection from where it was started.
        if (m_selectionAnchor < 0)
            m_selectionAnchor = m_selectionStart;
        m_dragging = true;
        dragTo(event->position());
        return;
    }
    clearSelection();
    m_selectionAnchor = m_text.caretAt(sheet, point);
}

void SheetArea::mouseMoveEvent(QMouseEvent *event)
{
    if (m_pressed) {
        if (!m_dragging && (event->position().toPoint() - m_pressPosition).manhattanLength() >=
                               QApplication::startDragDistance())
            m_dragging = !m_scan;
        if (m_dragging) {
            dragTo(event->position());
            const qreal y = event->position().y();
            if (y < 0 || y > viewport()->height())
                m_autoScroll.start();
        }
        return;
    }
    // The cursor says what a press would do.
    const auto [sheet, point] = sheetAt(event->position());
    const bool onSheet =
        sheet >= 0 && m_layout.sheetRect(sheet).contains((event->position() + offset()).toPoint());
    const auto marks = onSheet ? markers(sheet) : QList<Marker>();
    const bool onMarker = std::any_of(marks.cbegin(), marks.cend(), [&](const Marker &m) {
        return m.badge.contains(event->position().toPoint());
    });
    if (onMarker)
        viewport()->setCursor(Qt::PointingHandCursor);
    else if (onSheet && !m_scan && m_text.isOverText(sheet, point))
        viewport()->setCursor(Qt::IBeamCursor);
    else
        viewport()->setCursor(Qt::ArrowCursor);
}

void SheetArea::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    m_pressed = false;
    m_autoScroll.stop();
    if (m_dragging) {
        m_dragging = false;
        QClipboard *clipboard = QGuiApplication::clipboard();
        if (clipboard->supportsSelection() && m_selectionStart >= 0)
            clipboard->setText(selectedText(), QClipboard::Selection);
        return;
    }
    if (m_selectedWord)
        return;
    const QString chatId = chatAt(event->position());
    if (!chatId.isEmpty()) {
        setSelectedChat(chatId);
        Q_EMIT chatClicked(chatId);
    }
}

void SheetArea::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_scan)
        return;
    m_pressed = true;
    m_dragging = false;
    const auto [sheet, point] = sheetAt(event->position());
    if (sheet < 0 || !m_text.isOverText(sheet, point))
        return;
    const auto [start, end] = m_text.wordAt(m_text.caretAt(sheet, point));
    m_selectedWord = end > start;
    if (m_selectedWord) {
        m_selectionAnchor = start;
        setSelection(start, end);
    }
}

void SheetArea::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QAbstractScrollArea::wheelEvent(event);
        return;
    }
    const int delta = event->angleDelta().y();
    if (delta != 0) {
        m_fit = Fit::None;
        applyZoom(m_zoom * qPow(1.2, delta / 120.0), event->position());
    }
    event->accept();
}

void SheetArea::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        copy();
        return;
    }
    if (event == QKeySequence::SelectAll) {
        selectAll();
        return;
    }
    if (event->keyCombination() == QKeyCombination(Qt::ControlModifier, Qt::Key_G)) {
        Q_EMIT sheetNumberRequested();
        return;
    }
    QScrollBar *vertical = verticalScrollBar();
    QScrollBar *horizontal = horizontalScrollBar();
    switch (event->key()) {
    case Qt::Key_Up:
        vertical->triggerAction(QAbstractSlider::SliderSingleStepSub);
        break;
    case Qt::Key_Down:
        vertical->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        break;
    case Qt::Key_Left:
        horizontal->triggerAction(QAbstractSlider::SliderSingleStepSub);
        break;
    case Qt::Key_Right:
        horizontal->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        break;
    case Qt::Key_PageUp:
        vertical->triggerAction(QAbstractSlider::SliderPageStepSub);
        break;
    case Qt::Key_PageDown:
        vertical->triggerAction(QAbstractSlider::SliderPageStepAdd);
        break;
    case Qt::Key_Space:
        vertical->triggerAction(event->modifiers() & Qt::ShiftModifier
                                    ? QAbstractSlider::SliderPageStepSub
                                    : QAbstractSlider::SliderPageStepAdd);
        break;
    case Qt::Key_Home:
        vertical->triggerAction(QAbstractSlider::SliderToMinimum);
        break;
    case Qt::Key_End:
        vertical->triggerAction(QAbstractSlider::SliderToMaximum);
        break;
    case Qt::Key_Escape:
        if (m_selectionStart < 0) {
            event->ignore();
            return;
        }
        clearSelection();
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

QMenu *SheetArea::createContextMenu(const QPoint &position)
{
    auto *menu = new QMenu(this);
    const bool writable = canWrite();
    const auto readOnly = [writable](QAction *action) {
        action->setEnabled(writable && action->isEnabled());
        if (!writable)
            action->setToolTip(PageSession::readOnlyReason());
    };
    if (!m_scan && m_layout.count() > 0) {
        QAction *comment = menu->addAction(QIcon(u":/icons/comment.svg"_s), tr("Comment…"), this,
                                           &SheetArea::requestComment);
        comment->setObjectName(u"commentAction"_s);
        comment->setEnabled(selectionAnchor().has_value());
        readOnly(comment);
        QAction *copyAction = menu->addAction(tr("&Copy"), this, &SheetArea::copy);
        copyAction->setObjectName(u"copyAction"_s);
        copyAction->setShortcut(QKeySequence::Copy);
        copyAction->setEnabled(m_selectionStart >= 0);
        QAction *all = menu->addAction(tr("Select &All"), this, &SheetArea::selectAll);
        all->setShortcut(QKeySequence::SelectAll);
        menu->addSeparator();
    }
    const auto [sheet, point] = sheetAt(position);
    if (sheet >= 0) {
        QAction *whole =
            menu->addAction(QIcon(u":/icons/comment.svg"_s),
                            tr("Comment on Page %1…").arg(sheet + 1), this, [this, sheet = sheet] {
                                if (sheet < m_layout.count())
                                    Q_EMIT commentRequested(wholeSheetAnchor(sheet));
                            });
        whole->setObjectName(u"commentOnSheetAction"_s);
        readOnly(whole);
        // Its anchor says where the sheet's text starts: known once the text is read.
        if (m_text.text().sheetCount() != m_layout.count())
            whole->setEnabled(false);
    }
    return menu;
}

void SheetArea::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createContextMenu(event->pos());
    if (menu->isEmpty()) {
        delete menu;
        return;
    }
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

} // namespace Glosa
