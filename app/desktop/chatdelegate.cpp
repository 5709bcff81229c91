#include "chatdelegate.h"

#include "anchorindex.h"
#include "authorcolor.h"
#include "chatmodel.h"
#include "commentmarkdown.h"
#include "commenttext.h"
#include "pagesession.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDateTime>
#include <QDesktopServices>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextDocument>
#include <QTimer>
#include <QtMath>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

constexpr int Padding = 10;
constexpr int Spacing = 4;
constexpr QColor UnreadColor(37, 99, 235);

QColor badgeColor(ChatDelegate::Badge::Kind kind)
{
    switch (kind) {
    case ChatDelegate::Badge::Kind::Resolved:
        return {46, 125, 79, 40};
    case ChatDelegate::Badge::Kind::Unread:
        return {UnreadColor.red(), UnreadColor.green(), UnreadColor.blue(), 45};
    case ChatDelegate::Badge::Kind::Pending:
    case ChatDelegate::Badge::Kind::Orphan:
        break;
    }
    return {183, 121, 31, 45};
}

} // namespace

ChatDelegate::ChatDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
    m_tick.setInterval(TickMs);
    connect(&m_tick, &QTimer::timeout, this, &ChatDelegate::repaintNeeded);
    m_tick.start();
}

void ChatDelegate::flash(const QString &chatId)
{
    m_flashing.insert(chatId);
    Q_EMIT repaintNeeded();
    QTimer::singleShot(FlashMs, this, [this, chatId] {
        m_flashing.remove(chatId);
        Q_EMIT repaintNeeded();
    });
}

QString ChatDelegate::relativeTime(const QDateTime &when, const QDateTime &now)
{
    const qint64 seconds = when.secsTo(now);
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n min ago", nullptr, int(seconds / 60));
    if (seconds < 86400)
        return tr("%n h ago", nullptr, int(seconds / 3600));
    return QLocale().toString(when.date(), QLocale::ShortFormat);
}

ChatDelegate::Texts ChatDelegate::textsFor(const QModelIndex &index) const
{
    Texts t;
    const bool isChat = index.data(ChatModel::IsChatRole).toBool();
    const QString author = index.data(ChatModel::AuthorNameRole).toString();
    const QString when = relativeTime(index.data(ChatModel::CreatedAtRole).toDateTime());
    if (index.data(ChatModel::PendingRole).toBool())
        t.badges.append({Badge::Kind::Pending, tr("Sending…")});
    const bool unread = index.data(ChatModel::UnreadRole).toBool();
    if (unread)
        t.badges.append({Badge::Kind::Unread, tr("New")});
    if (isChat) {
        const int newReplies = index.data(ChatModel::UnreadCountRole).toInt() - (unread ? 1 : 0);
        if (newReplies > 0)
            t.badges.append({Badge::Kind::Unread, tr("%n new reply(ies)", nullptr, newReplies)});
        const QString quote = index.data(ChatModel::QuoteRole).toString().simplified();
        const int sheet = index.data(ChatModel::SheetRole).toInt();
        t.heading = quote.isEmpty() && sheet >= 0 ? tr("All of page %1").arg(sheet + 1)
                                                  : u"“%1”"_s.arg(quote);
        const int replies = index.data(ChatModel::CommentCountRole).toInt() - 1;
        t.body = replies > 0 ? tr("%1 · %2 · %n reply(ies)", nullptr, replies).arg(author, when)
                             : tr("%1 · %2").arg(author, when);
        if (index.data(ChatModel::ResolvedRole).toBool()) {
            const QString by = index.data(ChatModel::ResolvedByRole).toString();
            t.badges.append(
                {Badge::Kind::Resolved,
                 by.isEmpty()
                     ? tr("Resolved")
                     : tr("Resolved by %1 · %2")
                           .arg(by,
                                relativeTime(index.data(ChatModel::ResolvedAtRole).toDateTime()))});
        }
        if (m_index && m_index->isOrphan(index.data(ChatModel::IdRole).toString()))
            t.badges.append({Badge::Kind::Orphan, tr("Text not found")});
    } else {
        t.heading = index.data(ChatModel::EditedRole).toBool()
                        ? tr("%1 · %2 · edited").arg(author, when)
                        : tr("%1 · %2").arg(author, when);
        t.body = index.data(ChatModel::DeletedRole).toBool()
                     ? tr("Comment deleted")
                     : index.data(ChatModel::TextRole).toString();
    }
    return t;
}

bool ChatDelegate::isFormatted(const QModelIndex &index) const
{
    return !index.data(ChatModel::IsChatRole).toBool() &&
           !index.data(ChatModel::DeletedRole).toBool();
}

void ChatDelegate::layOutBody(QTextDocument *document, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    CommentText::layOut(document, index.data(ChatModel::TextRole).toString(), option.font,
                        textWidth(option));
}

QPoint ChatDelegate::bodyOrigin(const QStyleOptionViewItem &option, const Texts &texts) const
{
    QFont headingFont = option.font;
    headingFont.setBold(true);
    const QFontMetrics heading(headingFont);
    const int width = textWidth(option);
    const QRect area = option.rect.adjusted(Padding, Padding, -Padding, -Padding);
    const QRect drawn = heading.boundingRect(QRect(area.topLeft(), QSize(width, area.height())),
                                             Qt::TextWordWrap, texts.heading);
    return {area.left(), drawn.bottom() + Spacing};
}

QString ChatDelegate::linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                             const QPoint &position) const
{
    if (!isFormatted(index))
        return {};
    QTextDocument document;
    layOutBody(&document, option, index);
    const QString link =
        document.documentLayout()->anchorAt(position - bodyOrigin(option, textsFor(index)));
    return CommentMarkdown::isSafeLink(link) ? link : QString();
}

bool ChatDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                               const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (const QString link = linkAt(option, index, mouse->position().toPoint());
            mouse->button() == Qt::LeftButton && !link.isEmpty()) {
            QDesktopServices::openUrl(QUrl(link));
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

int ChatDelegate::textWidth(const QStyleOptionViewItem &option) const
{
    int width = option.rect.width();
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        width = view->viewport()->width() - (option.rect.left() > 0 ? option.rect.left() : 0);
    return qMax(120, width - 2 * Padding);
}

QSize ChatDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Texts t = textsFor(index);
    const int width = textWidth(option);
    QFont headingFont = option.font;
    headingFont.setBold(true);
    const QFontMetrics heading(headingFont);
    const QFontMetrics body(option.font);
    const int flags = Qt::TextWordWrap;
    int bodyHeight = body.boundingRect(QRect(0, 0, width, 100000), flags, t.body).height();
    if (isFormatted(index)) {
        QTextDocument document;
        layOutBody(&document, option, index);
        bodyHeight = qCeil(document.size().height());
    }
    int height =
        2 * Padding +
        heading.boundingRect(QRect(0, 0, width, 4 * heading.height()), flags, t.heading).height() +
        Spacing + bodyHeight;
    if (!t.badges.isEmpty())
        height += Spacing + body.height();
    return {width + 2 * Padding, height};
}

void ChatDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    const Texts t = textsFor(index);
    const bool isChat = index.data(ChatModel::IsChatRole).toBool();
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    const QRectF card = QRectF(option.rect).adjusted(2, 2, -2, -2);
    QColor background =
        isChat ? palette.color(QPalette::Base) : palette.color(QPalette::AlternateBase);
    if (isFlashing(index.data(ChatModel::IdRole).toString()))
        background = QColor(255, 236, 170);
    if (selected)
        background = palette.color(QPalette::Highlight).lighter(185);
    QPainterPath path;
    path.addRoundedRect(card, 8, 8);
    painter->fillPath(path, background);
    painter->setPen(
        QPen(selected ? palette.color(QPalette::Highlight) : palette.color(QPalette::Midlight), 1));
    painter->drawPath(path);
    // Something in it is unread: a dot in the card's top right corner.
    if (index.data(ChatModel::UnreadRole).toBool() ||
        index.data(ChatModel::UnreadCountRole).toInt() > 0) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(UnreadColor);
        painter->drawEllipse(QPointF(card.right() - 8, card.top() + 8), 3.5, 3.5);
    }
    // Whose it is: a bar in the author's colour down the card's left edge.
    painter->save();
    painter->setClipPath(path);
    painter->fillRect(QRectF(card.left(), card.top(), 4, card.height()),
                      AuthorColor::of(index.data(ChatModel::AuthorIdRole).toString()));
    painter->restore();

    const bool dim = index.data(ChatModel::PendingRole).toBool() ||
                     (isChat && index.data(ChatModel::ResolvedRole).toBool()) ||
                     index.data(ChatModel::DeletedRole).toBool();
    QColor text = palette.color(QPalette::Text);
    if (dim)
        text.setAlpha(150);
    const int width = textWidth(option);
    QRect area = option.rect.adjusted(Padding, Padding, -Padding, -Padding);
    area.setWidth(width);

    QFont headingFont = option.font;
    headingFont.setBold(true);
    if (isChat)
        headingFont.setItalic(true);
    painter->setFont(headingFont);
    painter->setPen(isChat ? text : palette.color(QPalette::PlaceholderText));
    QRect drawn;
    painter->drawText(area, Qt::TextWordWrap, t.heading, &drawn);
    area.setTop(drawn.bottom() + Spacing);

    QFont bodyFont = option.font;
    bodyFont.setItalic(index.data(ChatModel::DeletedRole).toBool());
    painter->setFont(bodyFont);
    painter->setPen(isChat ? palette.color(QPalette::PlaceholderText) : text);
    if (isFormatted(index)) {
        QTextDocument document;
        layOutBody(&document, option, index);
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = palette;
        context.palette.setColor(QPalette::Text, text);
        painter->save();
        painter->translate(area.topLeft());
        document.documentLayout()->draw(painter, context);
        painter->restore();
        drawn = QRect(area.topLeft(), document.size().toSize());
    } else {
        painter->drawText(area, Qt::TextWordWrap, t.body, &drawn);
    }

    if (!t.badges.isEmpty()) {
        const QFontMetrics fm(bodyFont);
        int x = area.left();
        const int y = drawn.bottom() + Spacing;
        for (const Badge &badge : t.badges) {
            const int room = area.right() - x - 12;
            if (room <= fm.averageCharWidth())
                break;
            const QString text = fm.elidedText(badge.text, Qt::ElideRight, room);
            const QRect r(x, y, fm.horizontalAdvance(text) + 12, fm.height());
            painter->setPen(Qt::NoPen);
            painter->setBrush(badgeColor(badge.kind));
            painter->drawRoundedRect(r, 6, 6);
            painter->setPen(palette.color(QPalette::Text));
            painter->drawText(r, Qt::AlignCenter, text);
            x = r.right() + 6;
        }
    }
    painter->restore();
}

} // namespace Glosa
