#include "documentview.h"

#include "anchorindex.h"
#include "anchoring.h"
#include "commentbutton.h"
#include "highlightcolors.h"
#include "loadeddocument.h"
#include "pagesession.h"

#include <QAbstractTextDocumentLayout>
#include <QContextMenuEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Glosa {

DocumentView::DocumentView(QWidget *parent)
    : QTextEdit(parent)
    , m_commentButton(new CommentButton(viewport()))
{
    setObjectName(u"documentView"_s);
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setAccessibleName(tr("Document"));
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(32);

    connect(m_commentButton, &QToolButton::clicked, this, &DocumentView::requestComment);
    connect(this, &QTextEdit::selectionChanged, this, &DocumentView::placeCommentButton);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this,
            &DocumentView::placeCommentButton);

    // What is on screen changes with scrolling, resizing and the layout of a long document,
    // which proceeds in steps after it is loaded: each of them refreshes the highlights, once
    // per turn of the event loop however many arrive together.
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(0);
    connect(&m_refresh, &QTimer::timeout, this, &DocumentView::refreshHighlights);
    const auto refreshSoon = qOverload<>(&QTimer::start);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, &m_refresh, refreshSoon);
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, &m_refresh, refreshSoon);
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged,
            &m_refresh, refreshSoon);
}

void DocumentView::setDocument(const LoadedDocument &loaded, PageSession *session,
                               AnchorIndex *index)
{
    if (m_index)
        m_index->disconnect(this);
    m_session = session;
    m_index = index;
    m_plainText = loaded.plainText;
    if (loaded.document.format == "markdown"_L1)
        setMarkdown(loaded.document.content);
    else
        setPlainText(loaded.document.content);
    if (index)
        connect(index, &AnchorIndex::changed, &m_refresh, qOverload<>(&QTimer::start));
    m_refresh.start();
}

std::optional<Anchor> DocumentView::selectionAnchor() const
{
    const QTextCursor cursor = textCursor();
    if (!cursor.hasSelection())
        return std::nullopt;
    const Anchor anchor =
        Anchoring::anchorFor(m_plainText, cursor.selectionStart(), cursor.selectionEnd());
    if (anchor.exact.trimmed().isEmpty())
        return std::nullopt;
    return anchor;
}

void DocumentView::setSelectedChat(const QString &chatId)
{
    if (m_selected == chatId)
        return;
    m_selected = chatId;
    refreshHighlights();
}

void DocumentView::revealChat(const QString &chatId)
{
    if (!m_index)
        return;
    const Anchoring::Match match = m_index->match(chatId);
    if (match.isOrphan())
        return;
    QTextCursor cursor(document());
    cursor.setPosition(match.start);
    setTextCursor(cursor);
    ensureCursorVisible();
}

DocumentView::Place DocumentView::placeOf(const QString &chatId) const
{
    if (!m_index)
        return Place::Unknown;
    const Anchoring::Match match = m_index->match(chatId);
    if (match.isOrphan())
        return Place::Unknown;
    const int last = qMax(0, document()->characterCount() - 1);
    QTextCursor cursor(document());
    cursor.setPosition(qBound(0, match.start, last));
    const QRect start = cursorRect(cursor);
    cursor.setPosition(qBound(0, match.end, last));
    const QRect end = cursorRect(cursor);
    if (end.bottom() < 0)
        return Place::Above;
    if (start.top() >= viewport()->height())
        return Place::Below;
    return Place::Visible;
}

void DocumentView::refreshHighlights()
{
    QList<ExtraSelection> selections;
    if (m_index && m_session) {
        // The passages on screen get a highlight, and those a screen above and below it, so
        // that a step of scrolling shows them highlighted at once.
        const int height = viewport()->height();
        const int first = cursorForPosition(QPoint(0, -height)).position();
        const int last = cursorForPosition(QPoint(viewport()->width(), 2 * height)).position();
        const auto &matches = m_index->matches();
        for (auto it = matches.constBegin(); it != matches.constEnd(); ++it) {
            if (it->isOrphan() || it->end < first || it->start > last)
                continue;
            const Chat *chat = m_session->chat(it.key());
            if (!chat)
                continue;
            ExtraSelection s;
            s.cursor = QTextCursor(document());
            s.cursor.setPosition(it->start);
            s.cursor.setPosition(it->end, QTextCursor::KeepAnchor);
            s.format.setBackground(it.key() == m_selected
                                       ? HighlightColors::selected(chat->author.id)
                                   : chat->resolved ? HighlightColors::resolved()
                                                    : HighlightColors::open(chat->author.id));
            if (it.key() == m_selected)
                s.format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
            s.format.setProperty(QTextFormat::UserProperty, it.key());
            selections.append(s);
        }
    }
    setExtraSelections(selections);
}

void DocumentView::placeCommentButton()
{
    if (!selectionAnchor()) {
        m_commentButton->hide();
        return;
    }
    QTextCursor end = textCursor();
    end.setPosition(textCursor().selectionEnd());
    const QRect rect = cursorRect(end);
    m_commentButton->adjustSize();
    QPoint at(rect.right() + 6, rect.bottom() + 4);
    at.setX(qMin(at.x(), viewport()->width() - m_commentButton->width() - 4));
    at.setY(qMin(at.y(), viewport()->height() - m_commentButton->height() - 4));
    m_commentButton->move(at);
    const bool writable = !m_session || m_session->canWrite();
    m_commentButton->setEnabled(writable);
    m_commentButton->setToolTip(writable ? QString() : PageSession::readOnlyReason());
    m_commentButton->show();
    m_commentButton->raise();
}

void DocumentView::requestComment()
{
    if (const std::optional<Anchor> anchor = selectionAnchor())
        Q_EMIT commentRequested(*anchor);
}

QMenu *DocumentView::createContextMenu(const QPoint &position)
{
    const QPoint scrolled(horizontalScrollBar()->value(), verticalScrollBar()->value());
    QMenu *menu = createStandardContextMenu(position + scrolled);
    if (selectionAnchor()) {
        auto *comment = new QAction(QIcon(u":/icons/comment.svg"_s), tr("Comment…"), menu);
        comment->setObjectName(u"commentAction"_s);
        if (m_session && !m_session->canWrite()) {
            comment->setEnabled(false);
            comment->setToolTip(PageSession::readOnlyReason());
        }
        connect(comment, &QAction::triggered, this, &DocumentView::requestComment);
        menu->insertAction(menu->actions().value(0), comment);
        menu->insertSeparator(menu->actions().value(1));
    }
    return menu;
}

void DocumentView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createContextMenu(event->pos());
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

void DocumentView::mouseReleaseEvent(QMouseEvent *event)
{
    QTextEdit::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || textCursor().hasSelection() || !m_index)
        return;
    const QString chatId =
        m_index->chatAt(cursorForPosition(event->position().toPoint()).position());
    if (!chatId.isEmpty())
        Q_EMIT chatClicked(chatId);
}

void DocumentView::resizeEvent(QResizeEvent *event)
{
    QTextEdit::resizeEvent(event);
    placeCommentButton();
    m_refresh.start();
}

} // namespace Glosa
