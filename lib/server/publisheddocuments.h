#pragma once

#include "messages.h"

#include <QObject>
#include <QString>

#include <functional>

namespace Glosa {

class Recipient;
class StoreThread;

// The documents published on the pages of each tenant. A page's document, or a new version of it
// from its publisher or a moderator, is stored and handed to `stored`, which takes it to everyone
// on the page; whoever joins later finds it in the welcome. Documents are read and stored on the
// store's threads.
class PublishedDocuments : public QObject
{
    Q_OBJECT
public:
    using Stored = std::function<void(const QString &tenant, const Document &document)>;

    PublishedDocuments(StoreThread *reads, StoreThread *writer, Stored stored);

    // Publishes the document of `op` for `user`, and tells `from` how that went.
    void publish(Recipient *from, const QString &tenant, const User &user,
                 const PublishDocumentOp &op);
    // Sends `from` the tenant's documents, without their content.
    void list(Recipient *from, const QString &tenant, const QString &requestId);

private:
    StoreThread *m_reads;
    StoreThread *m_writer;
    Stored m_stored;
};

} // namespace Glosa
