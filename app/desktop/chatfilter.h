#pragma once

#include <QSortFilterProxyModel>

namespace Glosa {

// The chats a panel lists, from a ChatModel: the open ones, the resolved ones or all; of those,
// the ones whose quote, comments or authors' names contain the search text (any case), and the
// ones a given author started or commented on. A listed chat shows all its comments.
class ChatFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Filter { Open, Resolved, All };
    Q_ENUM(Filter)

    using QSortFilterProxyModel::QSortFilterProxyModel;

    Filter filter() const { return m_filter; }
    void setFilter(Filter filter);
    QString query() const { return m_query; }
    void setQuery(const QString &query);
    // A user id; empty: anyone.
    QString author() const { return m_author; }
    void setAuthor(const QString &authorId);

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    Filter m_filter = Filter::Open;
    QString m_query;
    QString m_author;
};

} // namespace Glosa
