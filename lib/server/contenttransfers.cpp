#include "contenttransfers.h"

#include "codec.h"
#include "errorcode.h"
#include "protocollimits.h"
#include "recipient.h"
#include "serverlogging.h"
#include "store.h"
#include "storethread.h"
#include "validation.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace Glosa {

std::atomic<qint64> ContentTransfers::s_held{0};

struct ContentTransfers::Upload
{
    QString tenant;
    QString sha256;
    qint64 size = 0;
    QList<QByteArray> pieces;
    qint64 received = 0;
    QCryptographicHash hash{QCryptographicHash::Sha256};

    ~Upload() { s_held -= received; }
};

ContentTransfers::ContentTransfers(StoreThread *reads, StoreThread *writer, QObject *parent)
    : QObject(parent)
    , m_reads(reads)
    , m_writer(writer)
{}

ContentTransfers::~ContentTransfers() = default;

ContentTransfers::Peer &ContentTransfers::peer(Recipient *from)
{
    auto it = m_peers.find(from);
    if (it == m_peers.end()) {
        connect(from, &QObject::destroyed, this, [this, from] { m_peers.remove(from); });
        it = m_peers.insert(from, {});
    }
    return *it;
}

void ContentTransfers::drop(Recipient *from)
{
    if (const auto it = m_peers.find(from); it != m_peers.end())
        it->upload.reset();
}

void ContentTransfers::put(Recipient *from, const QString &tenant, const User &user,
                           const PutContent &put)
{
    Peer &p = peer(from);
    const auto refuse = [&](const ProtocolError &error) {
        p.upload.reset();
        from->sendError(error, {}, put.requestId);
    };
    if (!user.canWrite())
        return refuse({ErrorCode::Forbidden, u"viewers cannot put content"_s});
    if (put.piece == 0) {
        p.upload.reset();
        if (const ProtocolError e = Validation::checkPdfHead(put.data); !e.isNull())
            return refuse(e);
        p.upload = std::make_shared<Upload>();
        p.upload->tenant = tenant;
        p.upload->sha256 = put.sha256;
        p.upload->size = put.size;
    }
    const std::shared_ptr<Upload> upload = p.upload;
    if (!upload)
        return refuse({ErrorCode::BadRequest, u"put piece 0 of a content first"_s});
    if (upload->tenant != tenant || upload->sha256 != put.sha256 || upload->size != put.size ||
        upload->pieces.size() != put.piece)
        return refuse({ErrorCode::BadRequest,
                       u"expected piece %1 of content %2; the upload starts again at piece 0"_s
                           .arg(upload->pieces.size())
                           .arg(upload->sha256)});
    if (s_held.fetch_add(put.data.size()) + put.data.size() > HeldBytes) {
        s_held -= put.data.size();
        return refuse({ErrorCode::RateLimited,
                       u"the server is receiving too much content at once; try again shortly"_s});
    }
    upload->received += put.data.size();
    upload->pieces.append(put.data);
    upload->hash.addData(put.data);
    if (upload->received < upload->size) {
        from->send(Codec::encode(
            ContentReceived{put.requestId, put.sha256, upload->size, upload->received, false}));
        return;
    }

    p.upload.reset();
    const QString sha256 = QString::fromLatin1(upload->hash.result().toHex());
    if (sha256 != upload->sha256)
        return refuse({ErrorCode::BadRequest,
                       u"the content's sha256 is %1, not %2"_s.arg(sha256, upload->sha256)});
    QByteArray tail = upload->pieces.last();
    if (upload->pieces.size() > 1)
        tail.prepend(upload->pieces.at(upload->pieces.size() - 2).right(1024));
    if (const ProtocolError e = Validation::checkPdfTail(tail); !e.isNull())
        return refuse(e);
    m_writer->request<QString>(
        [upload](Store &store) {
            QString error;
            if (!store.saveContent(upload->tenant, upload->sha256, upload->pieces, &error) &&
                error.isEmpty())
                error = u"unknown error"_s;
            return error;
        },
        this,
        [from = QPointer<Recipient>(from), upload, requestId = put.requestId](QString error) {
            if (!error.isEmpty())
                qCCritical(lcServer) << "cannot store content:" << error;
            if (!from)
                return;
            if (!error.isEmpty())
                from->sendError(ErrorCode::Internal, u"the content could not be stored"_s, {},
                                requestId);
            else
                from->send(Codec::encode(
                    ContentReceived{requestId, upload->sha256, upload->size, upload->size, true}));
        });
}

void ContentTransfers::get(Recipient *from, const QString &tenant, const GetContent &get)
{
    int &pending = peer(from).pendingReads;
    if (pending >= PendingReads) {
        from->sendError(
            ErrorCode::RateLimited,
            u"at most %1 get-content requests may wait for their answers"_s.arg(PendingReads), {},
            get.requestId);
        return;
    }
    ++pending;
    struct Read
    {
        qint64 size = -1;
        QByteArray data;
        QString error;
    };
    m_reads->request<Read>(
        [tenant, get](Store &store) {
            Read read;
            read.size = store.contentSize(tenant, get.sha256, &read.error);
            if (read.size >= 0 && get.piece < Validation::contentPieces(read.size))
                read.data = store.contentPiece(tenant, get.sha256, get.piece, &read.error);
            return read;
        },
        this,
        [this, from = QPointer<Recipient>(from), get](Read read) {
            if (!from)
                return;
            --peer(from).pendingReads;
            if (!read.error.isEmpty()) {
                qCCritical(lcServer) << "cannot read content:" << read.error;
                from->sendError(ErrorCode::Internal, u"the content could not be read"_s, {},
                                get.requestId);
            } else if (read.size < 0) {
                from->sendError(ErrorCode::NotFound,
                                u"there is no content %1 on this server"_s.arg(get.sha256), {},
                                get.requestId);
            } else if (read.data.isEmpty()) {
                from->sendError(ErrorCode::BadRequest,
                                u"content %1 has %2 pieces, there is no piece %3"_s.arg(get.sha256)
                                    .arg(Validation::contentPieces(read.size))
                                    .arg(get.piece),
                                {}, get.requestId);
            } else {
                from->send(Codec::encode(
                    ContentPiece{get.requestId, get.sha256, read.size, get.piece, read.data}));
            }
        });
}

} // namespace Glosa
