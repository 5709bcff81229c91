#pragma once

#include <QDateTime>
#include <QPoint>
#include <QSet>
#include <QStyledItemDelegate>
#include <QTimer>

class QTextDocument;

namespace Glosa {

class AnchorIndex;

// Paints chats as cards (quote, author, time, state) and comments as messages beneath them, in
// a safe subset of Markdown (CommentText) whose links open in the browser. What the user has not
// read is marked: "New" on a new chat or comment, the number of new replies on a chat, and a dot
// in the corner of its card.
// Times are relative ("5 min ago") and kept up to date: repaintNeeded is emitted every tick.
class ChatDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ChatDelegate(QObject *parent = nullptr);

    void setAnchorIndex(AnchorIndex *index) { m_index = index; }
    // Chats that arrived from others are flashed for a moment.
    void flash(const QString &chatId);
    bool isFlashing(const QString &chatId) const { return m_flashing.contains(chatId); }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // Opens a link of a comment that is clicked, in the browser.
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    // The link of a comment at `position` of the view, if any.
    QString linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                   const QPoint &position) const;

    static QString relativeTime(const QDateTime &when,
                                const QDateTime &now = QDateTime::currentDateTime());
    static constexpr int FlashMs = 1500;
    // How often the relative times are brought up to date.
    static constexpr int TickMs = 15000;
    void setTickInterval(int ms) { m_tick.setInterval(ms); }

    // A mark beneath a row's text, coloured by its kind.
    struct Badge
    {
        enum class Kind { Pending, Resolved, Orphan, Unread };
        Kind kind;
        QString text;
    };
    // What a row shows: its heading (a chat's passage), its text and its badges.
    struct Texts
    {
        QString heading;
        QString body;
        QList<Badge> badges;
    };
    Texts textsFor(const QModelIndex &index) const;

Q_SIGNALS:
    void repaintNeeded();

private:
    int textWidth(const QStyleOptionViewItem &option) const;
    // A comment's text, laid out as it is painted, and where it is painted.
    bool isFormatted(const QModelIndex &index) const;
    void layOutBody(QTextDocument *document, const QStyleOptionViewItem &option,
                    const QModelIndex &index) const;
    QPoint bodyOrigin(const QStyleOptionViewItem &option, const Texts &texts) const;

    AnchorIndex *m_index = nullptr;
    QSet<QString> m_flashing;
    QTimer m_tick;
};

} // namespace Glosa
