#pragma once

#include "anchor.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QMenu;
class QSpinBox;
class QToolButton;

namespace Glosa {

class AnchorIndex;
class PdfText;
class PageSession;
class SheetArea;
struct LoadedDocument;

// A PDF with its chats: a bar to go to a page and to zoom over the sheets, which scroll one
// under the other. Every chat's passage is highlighted (resolved ones quieter, the selected
// one stronger), a chat about a whole sheet has a marker on it; selecting text offers
// "Comment", clicking a highlight or a marker opens its chat. In code a page of the PDF is a
// sheet, counted from 0; people see pages counted from 1.
class PdfView : public QWidget
{
    Q_OBJECT
public:
    explicit PdfView(QWidget *parent = nullptr);

    // Opens its own copy of `document.pdf` (with `document.password`); the text layer is
    // `document.pdfText`.
    void setDocument(const LoadedDocument &document, PageSession *session, AnchorIndex *index);
    // The text layer of the document, read after it was set (LoadedDocument::textPending).
    void setTextLayer(const PdfText &text);
    void setSelectedChat(const QString &chatId);
    QString selectedChat() const;
    // Scrolls the chat's passage, or its sheet, into view.
    void revealChat(const QString &chatId);

    // The anchor of the selected text, with the sheet it starts on, if any text is selected.
    std::optional<Anchor> selectionAnchor() const;
    // Selects the next occurrence of `text` after the selection (before it, backwards), from the
    // start (end) again where there is none; false where there is none at all.
    bool find(const QString &text, bool backwards);
    // The selected text as Ctrl+C copies it: one line break a line, a blank line between sheets.
    QString selectedText() const;
    void clearSelection();

    int currentSheet() const;
    int sheetCount() const;
    void goToSheet(int sheet);

    // 1 shows a sheet at its printed size.
    qreal zoom() const;
    void setZoom(qreal factor);
    void fitWidth();
    void fitSheet();
    // Puts the focus in the sheet number (a page number to the user), to type where to go.
    void editSheetNumber();
    // Zoom in and out, fit the width or a page, go to a page: for the window's menu.
    QList<QAction *> viewActions() const { return m_actions; }

    // The rectangles of a chat's highlight (or marker) on screen now, in the viewport.
    QList<QRectF> highlightRects(const QString &chatId) const;
    // Whether some of a chat's highlight (or its marker) is on screen now.
    bool isChatVisible(const QString &chatId) const;
    // The sheet a chat's passage starts on (or its whole sheet), -1 where it is not located.
    int sheetOf(const QString &chatId) const;
    // Where a point of a sheet (in points from its top left) is in the viewport now.
    QPointF viewportPoint(int sheet, QPointF point) const;
    // The scrolling area's viewport, where the sheets are drawn.
    QWidget *viewport() const;
    QToolButton *commentButton() const;
    // The context menu at `position` of the viewport; the caller owns it.
    QMenu *createContextMenu(const QPoint &position);
    SheetArea *sheetArea() const { return m_area; }

Q_SIGNALS:
    void commentRequested(const Glosa::Anchor &anchor);
    void chatClicked(const QString &chatId);
    void currentSheetChanged(int sheet);

private:
    void showSheet(int sheet);
    void showZoom();
    void applyZoomText();

    SheetArea *m_area;
    QList<QAction *> m_actions;
    QSpinBox *m_sheetNumber;
    QLabel *m_sheetCount;
    QToolButton *m_zoomOut;
    QToolButton *m_zoomIn;
    QComboBox *m_zoom;
    QToolButton *m_fitWidth;
    QToolButton *m_fitSheet;
    QLabel *m_notice;
};

} // namespace Glosa
