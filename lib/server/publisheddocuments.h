#pragma once

#include "messages.h"

#include <QObject>
#include <QString>

namespace Glosa {

class PageRegistry;
class Recipient;
class StoreThread;

// The documents published on the pages of each tenant. A page's document, or a new version of it
// from its publisher or a moderator, is stored and goes to everyone on the page at once; whoever
// joins later finds it in the welcome. Documents are read and stored on the store's threads.
class PublishedDocuments : public QObject
{
    Q_OBJECT
public:
    PublishedDocuments(StoreThread *reads, StoreThread *writer, PageRegistry *pages);

    // Publishes the document of `op` for `user`, and tells `from` how that went.
    void publish(Recipient *from, const QString &tenant, const User &user,
                 const PublishDocumentOp &op);
    // Sends `from` the tenant's documents, without their content.
    void list(Recipient *from, const QString &tenant, const QString &requestId);

private:
    StoreThread *m_reads;
    StoreThread *m_writer;
    PageRegistry *m_pages;
};

} // namespace Glosa
