#pragma once

#include "anchor.h"
#include "openedpdf.h"
#include "sheetlayout.h"
#include "sheettext.h"

#include <QAbstractScrollArea>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

class QMenu;
class QToolButton;

namespace Glosa {

class AnchorIndex;
class PageSession;
class SheetRenderer;
struct LoadedDocument;

// The scrolling area of PdfView: the sheets of a PDF one under the other, rendered as they come
// into view, with a highlight on every chat's passage and a marker on the sheets that have a chat
// about the whole sheet. Text is selected by dragging across lines and sheets; a click on a
// highlight or a marker opens its chat.
class SheetArea : public QAbstractScrollArea
{
    Q_OBJECT
public:
    enum class Fit { None, Width, Sheet };
    static constexpr qreal MinZoom = 0.1;
    static constexpr qreal MaxZoom = 4;
    // No image of a sheet is rendered larger than this, in device pixels: beyond it the sheet
    // is shown scaled up.
    static constexpr qint64 MaxRenderPixels = 16 * 1024 * 1024;

    explicit SheetArea(QWidget *parent = nullptr);
    ~SheetArea() override;

    void setDocument(const LoadedDocument &document, PageSession *session, AnchorIndex *index);
    // The text layer of the document, read after it was set (LoadedDocument::textPending).
    void setTextLayer(const PdfText &text);
    // A PDF without text, whose passages cannot be selected.
    bool isScan() const { return m_scan; }
    int sheetCount() const { return m_layout.count(); }
    int currentSheet() const { return m_currentSheet; }
    void goToSheet(int sheet);

    // 1 shows a sheet at its printed size.
    qreal zoom() const { return m_zoom; }
    void setZoom(qreal zoom);
    void zoomIn();
    void zoomOut();
    void fitWidth();
    void fitSheet();
    Fit fit() const { return m_fit; }

    void setSelectedChat(const QString &chatId);
    QString selectedChat() const { return m_selectedChat; }
    void revealChat(const QString &chatId);
    // Selects [start, end) of the text and scrolls it into view.
    void select(int start, int end);
    // The text layer of the sheets, empty until it is read.
    const PdfText &text() const { return m_text.text(); }
    int selectionStart() const { return m_selectionStart; }
    int selectionEnd() const { return m_selectionEnd; }

    std::optional<Anchor> selectionAnchor() const;
    QString selectedText() const;
    void copy();
    void selectAll();
    void clearSelection();

    QList<QRectF> highlightRects(const QString &chatId) const;
    int sheetOf(const QString &chatId) const;
    QPointF viewportPoint(int sheet, QPointF point) const;
    QToolButton *commentButton() const { return m_commentButton; }
    // The context menu at `position` of the viewport; the caller owns it.
    QMenu *createContextMenu(const QPoint &position);
    // Every sheet on screen shows its image rendered at its size.
    bool isRendered() const;
    qint64 cacheBytes() const;
    qint64 peakCacheBytes() const;

Q_SIGNALS:
    void commentRequested(const Glosa::Anchor &anchor);
    void chatClicked(const QString &chatId);
    void currentSheetChanged(int sheet);
    void zoomChanged(qreal zoom);
    void sheetNumberRequested();

protected:
    bool event(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    // A chat as it is drawn: its passage, or the whole of one sheet.
    struct Highlight
    {
        QString chatId;
        int start = 0;
        int end = 0;
        int wholeSheet = -1;
        bool resolved = false;
        qint64 createdAt = 0;
        QString authorId;
    };
    struct Marker
    {
        QRect badge;
        QString chatId;
    };

    qreal pixelsPerPoint(qreal zoom) const;
    QPoint offset() const;
    std::pair<int, int> visibleSheets() const;
    QSize renderSize(int sheet) const;
    QRectF toViewport(int sheet, const QRectF &rect) const;
    // The sheet at or nearest to a point of the viewport, and the point on it in points.
    std::pair<int, QPointF> sheetAt(QPointF position) const;
    void applyZoom(qreal zoom, QPointF anchor);
    void updateScrollBars();
    void scrollTo(QPoint position);
    void setCurrentSheet(int sheet);
    void scheduleUpdate();
    void updateView();

    const QList<Highlight> &highlights() const;
    const Highlight *highlight(const QString &chatId) const;
    QList<QRectF> passageRects(const Highlight &h, int sheet) const;
    QList<Marker> markers(int sheet) const;
    QString chatAt(QPointF position) const;
    QColor colorOf(const Highlight &h) const;

    void setSelection(int start, int end);
    // Scrolls [start, end) of the text into view.
    void reveal(int start, int end);
    void dragTo(QPointF position);
    void autoScroll();
    void placeCommentButton();
    void requestComment();
    Anchor wholeSheetAnchor(int sheet) const;
    bool canWrite() const;

    std::unique_ptr<OpenedPdf> m_pdf;
    SheetRenderer *m_renderer;
    mutable SheetText m_text;
    SheetLayout m_layout;
    bool m_scan = false;
    QPointer<PageSession> m_session;
    QPointer<AnchorIndex> m_index;

    qreal m_zoom = 1;
    Fit m_fit = Fit::Width;
    int m_currentSheet = 0;
    // Set while the view scrolls itself to a sheet: the current sheet is the one it went to.
    bool m_scrollingTo = false;

    mutable QList<Highlight> m_highlights;
    mutable bool m_highlightsDirty = true;
    QString m_selectedChat;

    // The selection, in offsets of the text, and where the drag that made it started.
    int m_selectionStart = -1;
    int m_selectionEnd = -1;
    int m_selectionAnchor = -1;
    bool m_pressed = false;
    bool m_dragging = false;
    bool m_selectedWord = false;
    QPoint m_pressPosition;
    QPointF m_dragPosition;
    QTimer m_autoScroll;

    QToolButton *m_commentButton;
    QTimer m_update;
};

} // namespace Glosa
