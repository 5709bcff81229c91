#pragma once

#include "messages.h"

#include <QString>
#include <QUrl>

#include <optional>

namespace Glosa {

// The last state of a page this computer has seen: its chats at an epoch and seq, and its
// document, kept on disk so that the page opens at once and offline, and so that the next
// connection resumes from there instead of downloading a snapshot.
class PageCache
{
public:
    struct State
    {
        Snapshot snapshot;                // the confirmed chats at epoch and seq
        std::optional<Document> document; // the page's stored document, if it has one
    };

    explicit PageCache(QString path = {});

    std::optional<State> load() const;
    void save(const State &state) const;

    // `server` names the server: its URL, or the first URL of a cluster's nodes.
    static QString pathFor(const QUrl &server, const QString &tenant, const QString &page);

private:
    QString m_path;
};

} // namespace Glosa
