#include "publisheddocuments.h"

#include "codec.h"
#include "errorcode.h"
#include "page.h"
#include "pageregistry.h"
#include "recipient.h"
#include "serverlogging.h"
#include "store.h"
#include "storethread.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Glosa {

PublishedDocuments::PublishedDocuments(Store *reader, StoreThread *writer, PageRegistry *pages)
    : m_reader(reader)
    , m_writer(writer)
    , m_pages(pages)
{}

void PublishedDocuments::publish(Recipient *from, const QString &tenant, const User &user,
                                 const PublishDocumentOp &op)
{
    if (!user.canWrite()) {
        from->sendError(ErrorCode::Forbidden, u"viewers cannot publish documents"_s,
                        op.broadcastId);
        return;
    }
    Document doc = op.document;
    doc.sha256 = Document::sha256Of(doc.content);
    if (doc.page.isEmpty())
        doc.page = u"doc/"_s + doc.sha256;
    const std::optional<Document> existing = m_reader->document(tenant, doc.page);
    if (existing && existing->title == doc.title && existing->format == doc.format &&
        existing->content == doc.content) {
        doc = *existing;
    } else {
        // A new version keeps its first publisher, who with the moderators may publish the next.
        const QString publisher =
            existing ? m_reader->documentPublisher(tenant, doc.page) : user.id;
        if (existing && !user.isModerator() && publisher != user.id) {
            from->sendError(ErrorCode::Forbidden,
                            u"only its publisher or a moderator may replace the document of "
                            "page %1"_s.arg(doc.page),
                            op.broadcastId);
            return;
        }
        doc.updatedAt = QDateTime::currentMSecsSinceEpoch();
        QString error;
        bool saved = false;
        m_writer->call(
            [&](Store &store) { saved = store.saveDocument(tenant, doc, publisher, &error); });
        if (!saved) {
            qCCritical(lcServer) << "cannot save document:" << error;
            from->sendError(ErrorCode::Internal, u"the document could not be stored"_s,
                            op.broadcastId);
            return;
        }
        // Everyone on the page reloads it.
        if (Page *page = m_pages->find(tenant, doc.page)) {
            page->setDocument(doc);
            const QByteArray frame = Codec::encode(DocumentUpdated{doc});
            const QList<Recipient *> viewers = page->recipients();
            for (Recipient *r : viewers)
                r->send(frame);
        }
    }
    doc.content.clear();
    from->send(Codec::encode(DocumentPublished{op.broadcastId, doc}));
}

void PublishedDocuments::list(Recipient *from, const QString &tenant, const QString &requestId)
{
    from->send(Codec::encode(DocumentList{requestId, m_reader->documents(tenant)}));
}

} // namespace Glosa
