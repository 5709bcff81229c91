#pragma once

#include "messages.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace Glosa {

// The user's operations that the server has not acknowledged yet, in order, kept in a file so
// that quitting while offline loses nothing. An empty path keeps them in memory only.
class Outbox
{
public:
    explicit Outbox(QString path = {});

    const QList<ClientMessage> &operations() const { return m_operations; }
    qsizetype size() const { return m_operations.size(); }
    bool contains(const QString &broadcastId) const;

    void append(const ClientMessage &op);
    bool remove(const QString &broadcastId);

    // Where the outbox of one page of one server and tenant is kept; `server` is the server's
    // URL, or the first URL of a cluster's nodes.
    static QString pathFor(const QUrl &server, const QString &tenant, const QString &page);

private:
    void load();
    void save() const;

    QString m_path;
    QList<ClientMessage> m_operations;
};

} // namespace Glosa
