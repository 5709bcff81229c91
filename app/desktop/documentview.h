#pragma once

#include "anchor.h"

#include <QPointer>
#include <QTextEdit>
#include <QTimer>

class QMenu;
class QToolButton;

namespace Glosa {

class AnchorIndex;
class PageSession;
struct LoadedDocument;

// The document, read-only, with a highlight on every chat's passage (resolved ones quieter,
// the selected one stronger). Selecting text offers "Comment"; clicking a highlight opens its
// chat.
class DocumentView : public QTextEdit
{
    Q_OBJECT
public:
    explicit DocumentView(QWidget *parent = nullptr);

    void setDocument(const LoadedDocument &document, PageSession *session, AnchorIndex *index);
    void setSelectedChat(const QString &chatId);
    QString selectedChat() const { return m_selected; }
    void revealChat(const QString &chatId);
    // Where the chat's passage is from what is on screen now; Unknown where it is not located.
    enum class Place { Unknown, Above, Visible, Below };
    Place placeOf(const QString &chatId) const;

    // The anchor of the current selection, if any text is selected.
    std::optional<Anchor> selectionAnchor() const;
    QToolButton *commentButton() const { return m_commentButton; }
    // Highlights are kept for the passages on screen and near it, wherever it is scrolled.
    int highlightCount() const { return int(extraSelections().size()); }
    // The context menu at `position` of the viewport: the standard one, led by "Comment…"
    // when text is selected. The caller owns it.
    QMenu *createContextMenu(const QPoint &position);

Q_SIGNALS:
    void commentRequested(const Glosa::Anchor &anchor);
    void chatClicked(const QString &chatId);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void requestComment();
    void refreshHighlights();
    void placeCommentButton();

    QPointer<PageSession> m_session;
    QPointer<AnchorIndex> m_index;
    QString m_plainText;
    QString m_selected;
    QToolButton *m_commentButton;
    QTimer m_refresh;
};

} // namespace Glosa
