#include "chatmodel.h"

#include "pagesession.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

QDateTime dateTime(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

// The exact date and time, in the user's time zone and language.
QString exactTime(qint64 msecs)
{
    return QLocale().toString(dateTime(msecs).toLocalTime(), QLocale::LongFormat);
}

} // namespace

ChatModel::ChatModel(PageSession *session, QObject *parent)
    : QAbstractItemModel(parent)
    , m_session(session)
{
    if (!session)
        return;
    connect(session, &PageSession::chatAdded, this, &ChatModel::onChatAdded);
    connect(session, &PageSession::chatChanged, this, &ChatModel::onChatChanged);
    connect(session, &PageSession::chatRemoved, this, &ChatModel::onChatRemoved);
    connect(session, &PageSession::chatsReset, this, &ChatModel::onChatsReset);
    connect(session, &QObject::destroyed, this, &ChatModel::onSessionDestroyed);
    connect(session, &PageSession::readChanged, this, &ChatModel::onReadChanged);
    rebuild();
}

ChatModel::~ChatModel() = default;

ChatModel::SortKey ChatModel::keyOf(const Chat &chat)
{
    return {chat.anchor.start, chat.createdAt, chat.id};
}

bool ChatModel::lessThan(const SortKey &a, const SortKey &b)
{
    if (a.start != b.start)
        return a.start < b.start;
    if (a.createdAt != b.createdAt)
        return a.createdAt < b.createdAt;
    return a.id < b.id;
}

int ChatModel::insertPosition(const SortKey &key) const
{
    const auto it =
        std::lower_bound(m_rows.begin(), m_rows.end(), key, [](const Entry *t, const SortKey &k) {
            return lessThan(keyOf(t->chat), k);
        });
    return int(it - m_rows.begin());
}

int ChatModel::rowOf(const Entry *entry) const
{
    const int row = insertPosition(keyOf(entry->chat));
    if (row < int(m_rows.size()) && m_rows[size_t(row)] == entry)
        return row;
    Q_ASSERT_X(false, "ChatModel::rowOf", "the chat is not where its key says");
    return -1;
}

ChatModel::Entry *ChatModel::entryOf(const QModelIndex &index) const
{
    // Chat rows carry no pointer; comment rows carry their chat's entry.
    if (!index.isValid() || index.internalPointer())
        return nullptr;
    if (index.row() < 0 || index.row() >= int(m_rows.size()))
        return nullptr;
    return m_rows[size_t(index.row())];
}

QSet<QString> ChatModel::pendingCommentsOf(const Chat &chat) const
{
    QSet<QString> pending;
    if (!m_session || !m_session->isPending(chat.id))
        return pending;
    for (const Comment &comment : chat.comments) {
        if (m_session->isCommentPending(chat.id, comment.id))
            pending.insert(comment.id);
    }
    return pending;
}

QModelIndex ChatModel::indexOfChat(const QString &chatId) const
{
    const auto it = m_entries.find(chatId);
    if (it == m_entries.end())
        return {};
    const int row = rowOf(it->second.get());
    return row < 0 ? QModelIndex() : createIndex(row, 0);
}

QString ChatModel::chatIdAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    if (const auto *entry = static_cast<const Entry *>(index.internalPointer()))
        return entry->chat.id;
    const Entry *entry = entryOf(index);
    return entry ? entry->chat.id : QString();
}

QModelIndex ChatModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column != 0)
        return {};
    if (!parent.isValid())
        return row < int(m_rows.size()) ? createIndex(row, column) : QModelIndex();
    if (parent.column() != 0)
        return {};
    Entry *entry = entryOf(parent);
    if (!entry || row >= entry->chat.comments.size())
        return {};
    return createIndex(row, column, entry);
}

QModelIndex ChatModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const auto *entry = static_cast<const Entry *>(child.internalPointer());
    if (!entry)
        return {};
    const int row = rowOf(entry);
    return row < 0 ? QModelIndex() : createIndex(row, 0);
}

int ChatModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_rows.size());
    if (parent.column() != 0)
        return 0;
    const Entry *entry = entryOf(parent);
    return entry ? int(entry->chat.comments.size()) : 0;
}

int ChatModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() && parent.internalPointer() ? 0 : 1;
}

bool ChatModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant ChatModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};

    if (const auto *entry = static_cast<const Entry *>(index.internalPointer())) {
        if (index.row() >= entry->chat.comments.size())
            return {};
        const Comment &comment = entry->chat.comments.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
        case TextRole:
            return comment.text;
        case IdRole:
            return comment.id;
        case AuthorIdRole:
            return comment.author.id;
        case AuthorNameRole:
            return comment.author.name;
        case CreatedAtRole:
            return dateTime(comment.createdAt);
        case UpdatedAtRole:
            return dateTime(comment.editedAt.value_or(comment.createdAt));
        case EditedRole:
            return comment.editedAt.has_value();
        case Qt::ToolTipRole:
            return comment.editedAt
                       ? tr("Written %1\nEdited %2")
                             .arg(exactTime(comment.createdAt), exactTime(*comment.editedAt))
                       : tr("Written %1").arg(exactTime(comment.createdAt));
        case DeletedRole:
            return comment.deleted;
        case PendingRole:
            return m_session && m_session->isCommentPending(entry->chat.id, comment.id);
        case UnreadRole:
            return m_session && m_session->isUnread(entry->chat.id, comment.id);
        case IsChatRole:
            return false;
        default:
            return {};
        }
    }

    const Entry *entry = entryOf(index);
    if (!entry)
        return {};
    const Chat &chat = entry->chat;
    const Comment *first = chat.comments.isEmpty() ? nullptr : &chat.comments.first();
    switch (role) {
    case Qt::DisplayRole:
    case QuoteRole:
        return chat.anchor.exact;
    case SheetRole:
        return chat.anchor.sheet;
    case IdRole:
        return chat.id;
    case AnchorStartRole:
        return chat.anchor.start;
    case AnchorEndRole:
        return chat.anchor.end;
    case AuthorIdRole:
        return chat.author.id;
    case AuthorNameRole:
        return chat.author.name;
    case TextRole:
        return first ? first->text : QString();
    case CreatedAtRole:
        return dateTime(chat.createdAt);
    case UpdatedAtRole:
        return dateTime(chat.updatedAt);
    case EditedRole:
        return first && first->editedAt.has_value();
    case Qt::ToolTipRole: {
        QString tip = chat.updatedAt > chat.createdAt
                          ? tr("Started %1\nLast change %2")
                                .arg(exactTime(chat.createdAt), exactTime(chat.updatedAt))
                          : tr("Started %1").arg(exactTime(chat.createdAt));
        if (chat.resolvedAt > 0)
            tip += u'\n' +
                   tr("Resolved by %1, %2").arg(chat.resolvedBy.name, exactTime(chat.resolvedAt));
        return tip;
    }
    case DeletedRole:
        return first && first->deleted;
    case ResolvedRole:
        return chat.resolved;
    case ResolvedByRole:
        return chat.resolvedBy.name;
    case ResolvedAtRole:
        return chat.resolvedAt > 0 ? dateTime(chat.resolvedAt) : QDateTime();
    case PendingRole:
        return m_session && m_session->isPending(chat.id);
    case CommentCountRole:
        return int(chat.comments.size());
    case UnreadRole:
        return m_session && m_session->isUnread(chat.id);
    case UnreadCountRole:
        return m_session ? m_session->unreadCount(chat.id) : 0;
    case IsChatRole:
        return true;
    default:
        return {};
    }
}

Qt::ItemFlags ChatModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalPointer())
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QHash<int, QByteArray> ChatModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(IdRole, "itemId");
    names.insert(QuoteRole, "quote");
    names.insert(SheetRole, "sheet");
    names.insert(AnchorStartRole, "anchorStart");
    names.insert(AnchorEndRole, "anchorEnd");
    names.insert(AuthorIdRole, "authorId");
    names.insert(AuthorNameRole, "authorName");
    names.insert(TextRole, "text");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(UpdatedAtRole, "updatedAt");
    names.insert(EditedRole, "edited");
    names.insert(DeletedRole, "deleted");
    names.insert(ResolvedRole, "resolved");
    names.insert(ResolvedByRole, "resolvedBy");
    names.insert(ResolvedAtRole, "resolvedAt");
    names.insert(PendingRole, "pending");
    names.insert(CommentCountRole, "commentCount");
    names.insert(IsChatRole, "isChat");
    names.insert(UnreadRole, "unread");
    names.insert(UnreadCountRole, "unreadCount");
    return names;
}

void ChatModel::rebuild()
{
    m_rows.clear();
    m_entries.clear();
    if (!m_session)
        return;
    const QHash<QString, Chat> &chats = m_session->chats();
    m_rows.reserve(size_t(chats.size()));
    m_entries.reserve(size_t(chats.size()));
    for (const Chat &chat : chats) {
        auto entry = std::make_unique<Entry>(Entry{chat, pendingCommentsOf(chat)});
        m_rows.push_back(entry.get());
        m_entries.emplace(chat.id, std::move(entry));
    }
    std::sort(m_rows.begin(), m_rows.end(), [](const Entry *a, const Entry *b) {
        return lessThan(keyOf(a->chat), keyOf(b->chat));
    });
}

void ChatModel::onChatsReset()
{
    beginResetModel();
    rebuild();
    endResetModel();
}

void ChatModel::onSessionDestroyed()
{
    beginResetModel();
    m_rows.clear();
    m_entries.clear();
    endResetModel();
}

void ChatModel::onReadChanged(const QString &chatId)
{
    const QList<int> roles{UnreadRole, UnreadCountRole};
    const auto changed = [&](int row) {
        Entry *entry = m_rows[size_t(row)];
        if (const int comments = int(entry->chat.comments.size()); comments > 0)
            Q_EMIT dataChanged(createIndex(0, 0, entry), createIndex(comments - 1, 0, entry),
                               roles);
    };
    if (chatId.isEmpty()) {
        if (m_rows.empty())
            return;
        Q_EMIT dataChanged(createIndex(0, 0), createIndex(int(m_rows.size()) - 1, 0), roles);
        for (int row = 0; row < int(m_rows.size()); ++row)
            changed(row);
        return;
    }
    const QModelIndex chat = indexOfChat(chatId);
    if (!chat.isValid())
        return;
    Q_EMIT dataChanged(chat, chat, roles);
    changed(chat.row());
}

void ChatModel::onChatAdded(const QString &chatId)
{
    if (m_entries.count(chatId)) {
        onChatChanged(chatId);
        return;
    }
    const Chat *chat = m_session ? m_session->chat(chatId) : nullptr;
    if (!chat)
        return;
    auto entry = std::make_unique<Entry>(Entry{*chat, pendingCommentsOf(*chat)});
    const int row = insertPosition(keyOf(entry->chat));
    beginInsertRows({}, row, row);
    m_rows.insert(m_rows.begin() + row, entry.get());
    m_entries.emplace(chatId, std::move(entry));
    endInsertRows();
}

void ChatModel::onChatRemoved(const QString &chatId)
{
    const auto it = m_entries.find(chatId);
    if (it == m_entries.end())
        return;
    const int row = rowOf(it->second.get());
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
    m_entries.erase(it);
}

void ChatModel::onChatChanged(const QString &chatId)
{
    const auto it = m_entries.find(chatId);
    if (it == m_entries.end()) {
        onChatAdded(chatId);
        return;
    }
    const Chat *chat = m_session ? m_session->chat(chatId) : nullptr;
    if (!chat) {
        onChatRemoved(chatId);
        return;
    }
    Entry *entry = it->second.get();
    moveChatIfNeeded(entry, *chat);
    const int row = rowOf(entry);
    if (row < 0)
        return;
    syncComments(entry, row, *chat);
    const QModelIndex changed = createIndex(row, 0);
    Q_EMIT dataChanged(changed, changed);
}

// Moves the chat's row when its sort key changed (a pending chat confirmed with the
// server's createdAt): two binary searches, one on each side of the current row.
void ChatModel::moveChatIfNeeded(Entry *entry, const Chat &chat)
{
    if (chat.anchor.start == entry->chat.anchor.start && chat.createdAt == entry->chat.createdAt)
        return;
    const int from = rowOf(entry);
    if (from < 0)
        return;
    const SortKey key = keyOf(chat);
    const auto before = [](const Entry *t, const SortKey &k) {
        return lessThan(keyOf(t->chat), k);
    };
    const auto first = m_rows.begin();
    int to = int(std::lower_bound(first, first + from, key, before) - first);
    if (to == from)
        to = int(std::lower_bound(first + from + 1, m_rows.end(), key, before) - first);
    // `to` is the row before which the chat goes, counted before the move.
    const bool moves = to != from && to != from + 1;
    if (moves)
        beginMoveRows({}, from, from, {}, to);
    entry->chat.anchor = chat.anchor;
    entry->chat.createdAt = chat.createdAt;
    if (moves) {
        if (to > from)
            std::rotate(first + from, first + from + 1, first + to);
        else
            std::rotate(first + to, first + from, first + from + 1);
        endMoveRows();
    }
}

// Brings the entry's comment rows to the chat's comments: removes the rows of comments that
// are gone, inserts new ones, moves any out of place, then reports the changed ones.
void ChatModel::syncComments(Entry *entry, int chatRow, const Chat &chat)
{
    const QModelIndex parent = createIndex(chatRow, 0);
    const QList<Comment> &target = chat.comments;
    QList<Comment> &current = entry->chat.comments;

    QSet<QString> targetIds;
    targetIds.reserve(target.size());
    for (const Comment &c : target)
        targetIds.insert(c.id);

    // Removals, from the end, one signal per contiguous range.
    for (qsizetype i = current.size() - 1; i >= 0; --i) {
        if (targetIds.contains(current.at(i).id))
            continue;
        const qsizetype last = i;
        while (i > 0 && !targetIds.contains(current.at(i - 1).id))
            --i;
        beginRemoveRows(parent, int(i), int(last));
        current.remove(i, last - i + 1);
        endRemoveRows();
    }

    // Insertions and moves, front to back: afterwards the first j rows match the target's.
    QSet<QString> currentIds;
    currentIds.reserve(current.size());
    for (const Comment &c : std::as_const(current))
        currentIds.insert(c.id);
    for (qsizetype j = 0; j < target.size(); ++j) {
        if (j < current.size() && current.at(j).id == target.at(j).id)
            continue;
        if (!currentIds.contains(target.at(j).id)) {
            qsizetype end = j;
            while (end + 1 < target.size() && !currentIds.contains(target.at(end + 1).id))
                ++end;
            beginInsertRows(parent, int(j), int(end));
            for (qsizetype k = j; k <= end; ++k)
                current.insert(k, target.at(k));
            endInsertRows();
            j = end;
            continue;
        }
        qsizetype from = j + 1;
        while (current.at(from).id != target.at(j).id)
            ++from;
        beginMoveRows(parent, int(from), int(from), parent, int(j));
        current.move(from, j);
        endMoveRows();
    }

    // Content and pending state: one dataChanged per run of changed rows.
    const QSet<QString> pending = pendingCommentsOf(chat);
    QList<std::pair<int, int>> runs;
    for (qsizetype j = 0; j < target.size(); ++j) {
        const QString &id = target.at(j).id;
        if (current.at(j) == target.at(j) &&
            entry->pendingComments.contains(id) == pending.contains(id))
            continue;
        if (!runs.isEmpty() && runs.last().second == j - 1)
            runs.last().second = int(j);
        else
            runs.append({int(j), int(j)});
    }
    entry->chat = chat;
    entry->pendingComments = pending;
    for (const auto &[first, last] : std::as_const(runs))
        Q_EMIT dataChanged(createIndex(first, 0, entry), createIndex(last, 0, entry));
}

} // namespace Glosa
