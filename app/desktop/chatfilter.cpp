#include "chatfilter.h"

#include "chatmodel.h"

namespace Glosa {

void ChatFilter::setFilter(Filter filter)
{
    m_filter = filter;
    invalidateFilter();
}

void ChatFilter::setQuery(const QString &query)
{
    m_query = query.trimmed();
    invalidateFilter();
}

void ChatFilter::setAuthor(const QString &authorId)
{
    m_author = authorId;
    invalidateFilter();
}

bool ChatFilter::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    if (parent.isValid())
        return true;
    const QModelIndex chat = sourceModel()->index(row, 0, parent);
    if (m_filter != Filter::All &&
        chat.data(ChatModel::ResolvedRole).toBool() != (m_filter == Filter::Resolved))
        return false;
    const auto contains = [this](const QModelIndex &index, int role) {
        return index.data(role).toString().contains(m_query, Qt::CaseInsensitive);
    };
    bool found = m_query.isEmpty() || contains(chat, ChatModel::QuoteRole);
    bool byAuthor = m_author.isEmpty();
    // The chat's own row stands for its first comment, which is also its first child.
    for (int i = 0, n = sourceModel()->rowCount(chat); i < n && !(found && byAuthor); ++i) {
        const QModelIndex comment = sourceModel()->index(i, 0, chat);
        found = found || contains(comment, ChatModel::TextRole) ||
                contains(comment, ChatModel::AuthorNameRole);
        byAuthor = byAuthor || comment.data(ChatModel::AuthorIdRole).toString() == m_author;
    }
    return found && byAuthor;
}

} // namespace Glosa
