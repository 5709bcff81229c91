#include "publisheddocuments.h"

#include "codec.h"
#include "errorcode.h"
#include "recipient.h"
#include "serverlogging.h"
#include "store.h"
#include "storethread.h"

#include <QDateTime>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

// What became of a publication, decided where the store's writes run: the document as it stands
// now, or why it was refused.
struct Publication
{
    enum class Outcome { Unchanged, Stored, Forbidden, NoContent, Failed };
    Outcome outcome;
    Document document;
    QString error;
};

Publication publishIn(Store &store, const QString &tenant, const User &user, Document doc)
{
    const std::optional<Document> existing = store.document(tenant, doc.page);
    if (existing && existing->title == doc.title && existing->format == doc.format &&
        existing->sha256 == doc.sha256)
        return {Publication::Outcome::Unchanged, *existing, {}};
    // A new version keeps its first publisher, who with the moderators may publish the next.
    const QString publisher = existing ? store.documentPublisher(tenant, doc.page) : user.id;
    if (existing && !user.isModerator() && publisher != user.id)
        return {Publication::Outcome::Forbidden, doc, {}};
    if (doc.isPdf()) {
        QString error;
        doc.size = store.contentSize(tenant, doc.sha256, &error);
        if (doc.size < 0)
            return {error.isEmpty() ? Publication::Outcome::NoContent
                                    : Publication::Outcome::Failed,
                    doc, error};
    }
    doc.updatedAt = QDateTime::currentMSecsSinceEpoch();
    QString error;
    if (!store.saveDocument(tenant, doc, publisher, &error))
        return {Publication::Outcome::Failed, doc, error};
    return {Publication::Outcome::Stored, doc, {}};
}

} // namespace

PublishedDocuments::PublishedDocuments(StoreThread *reads, StoreThread *writer, Stored stored)
    : m_reads(reads)
    , m_writer(writer)
    , m_stored(std::move(stored))
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
    if (!doc.isPdf())
        doc.sha256 = Document::sha256Of(doc.content);
    if (doc.page.isEmpty())
        doc.page = u"doc/"_s + doc.sha256;
    m_writer->request<Publication>(
        [tenant, user, doc = std::move(doc)](Store &store) {
            return publishIn(store, tenant, user, doc);
        },
        this,
        [this, from = QPointer<Recipient>(from), tenant,
         broadcastId = op.broadcastId](Publication publication) {
            Document &doc = publication.document;
            switch (publication.outcome) {
            case Publication::Outcome::Forbidden:
                if (from)
                    from->sendError(ErrorCode::Forbidden,
                                    u"only its publisher or a moderator may replace the document "
                                    "of page %1"_s.arg(doc.page),
                                    broadcastId);
                return;
            case Publication::Outcome::NoContent:
                if (from)
                    from->sendError(
                        ErrorCode::NotFound,
                        u"there is no content %1 on this server: put it first"_s.arg(doc.sha256),
                        broadcastId);
                return;
            case Publication::Outcome::Failed:
                qCCritical(lcServer) << "cannot save document:" << publication.error;
                if (from)
                    from->sendError(ErrorCode::Internal, u"the document could not be stored"_s,
                                    broadcastId);
                return;
            case Publication::Outcome::Stored:
                m_stored(tenant, doc);
                break;
            case Publication::Outcome::Unchanged:
                break;
            }
            doc.content.clear();
            if (from)
                from->send(Codec::encode(DocumentPublished{broadcastId, doc}));
        });
}

void PublishedDocuments::list(Recipient *from, const QString &tenant, const QString &requestId)
{
    m_reads->request<QList<Document>>(
        [tenant](Store &store) { return store.documents(tenant); }, this,
        [from = QPointer<Recipient>(from), requestId](QList<Document> documents) {
            if (from)
                from->send(Codec::encode(DocumentList{requestId, documents}));
        });
}

} // namespace Glosa
