#include "contenttransfer.h"

#include "codec.h"
#include "datafile.h"
#include "documentdirectory.h"
#include "errorcode.h"
#include "protocollimits.h"
#include "syncclient.h"
#include "synclogging.h"
#include "validation.h"

#include <QDir>
#include <QStandardPaths>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Glosa {

ContentTransfer::ContentTransfer(QList<QUrl> urls, QString tenant,
                                 std::function<QString()> tokenProvider, QString credentialPath,
                                 QString cacheDir, QObject *parent)
    : QObject(parent)
    , m_urls(std::move(urls))
    , m_tenant(std::move(tenant))
    , m_tokenProvider(std::move(tokenProvider))
    , m_credentialPath(std::move(credentialPath))
    , m_cacheDir(cacheDir.isEmpty()
                     ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                           u"/contents"_s
                     : std::move(cacheDir))
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(TimeoutMs);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { fail(tr("The server did not answer in time.")); });
}

ContentTransfer::~ContentTransfer()
{
    finish();
}

QString ContentTransfer::pathOf(const QString &sha256) const
{
    return m_cacheDir + u'/' + sha256 + u".pdf"_s;
}

QByteArray ContentTransfer::cached(const QString &sha256) const
{
    QByteArray bytes = DataFile::read(pathOf(sha256));
    if (bytes.isEmpty() || Document::sha256Of(bytes) != sha256)
        return {};
    return bytes;
}

void ContentTransfer::keep(const QByteArray &bytes) const
{
    DataFile::write(pathOf(Document::sha256Of(bytes)), bytes, DataFile::Access::OwnerOnly);
}

void ContentTransfer::put(const QByteArray &bytes)
{
    m_putting = true;
    m_bytes = bytes;
    m_sha256 = Document::sha256Of(bytes);
    m_size = bytes.size();
    start(1);
}

void ContentTransfer::get(const QString &sha256, qint64 size)
{
    m_putting = false;
    m_sha256 = sha256;
    m_size = size;
    if (QByteArray bytes = cached(sha256); !bytes.isEmpty()) {
        QTimer::singleShot(0, this, [this, bytes] { Q_EMIT fetched(bytes); });
        return;
    }
    start(1);
}

void ContentTransfer::start(qsizetype tried)
{
    finish();
    m_requestId = Validation::newUuid();
    m_pieces = QList<QByteArray>(m_putting ? 0 : Validation::contentPieces(m_size));
    m_next = m_done = 0;
    m_moved = 0;
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    connect(socket, &QWebSocket::connected, this, [this] {
        const Hello hello =
            DocumentDirectory::lobbyHello(m_tenant, m_tokenProvider, m_credentialPath);
        m_socket->sendTextMessage(QString::fromUtf8(Codec::encode(hello)));
        sendMore();
    });
    connect(socket, &QWebSocket::textMessageReceived, this, &ContentTransfer::onFrame);
    connect(socket, &QWebSocket::disconnected, this, [this, socket, tried] {
        if (socket != m_socket)
            return;
        const QString reason =
            socket->closeReason().isEmpty() ? socket->errorString() : socket->closeReason();
        // Before anything moved, another node may do; a refusal of the sign-in is the same on
        // every node.
        const int code = socket->closeCode();
        if (m_done == 0 && tried < m_urls.size() && code != 4400 && code != 4401 && code != 4403) {
            m_urlIndex = (m_urlIndex + 1) % m_urls.size();
            qCInfo(lcSync) << "trying the next server," << m_urls.value(m_urlIndex);
            start(tried + 1);
            return;
        }
        fail(tr("Cannot reach the server: %1").arg(reason));
    });
    m_timeout.start();
    socket->open(m_urls.value(m_urlIndex));
}

void ContentTransfer::sendMore()
{
    const int pieces = Validation::contentPieces(m_size);
    while (m_next < pieces && m_next - m_done < Window) {
        const int piece = m_next++;
        if (m_putting) {
            const QByteArray data = m_bytes.mid(qsizetype(piece) * Limits::ContentPieceBytes,
                                                Limits::ContentPieceBytes);
            m_socket->sendTextMessage(QString::fromLatin1(
                Codec::encode(PutContent{m_requestId, m_sha256, m_size, piece, data})));
        } else {
            m_socket->sendTextMessage(
                QString::fromLatin1(Codec::encode(GetContent{m_requestId, m_sha256, piece})));
        }
    }
}

void ContentTransfer::onFrame(const QString &text)
{
    ProtocolError error;
    const auto messages = Codec::decodeServer(text.toUtf8(), &error);
    if (!messages)
        return;
    for (const ServerMessage &m : *messages) {
        if (const auto *e = std::get_if<ErrorMessage>(&m); e && e->requestId == m_requestId) {
            fail(SyncClient::describe(e->code, e->message));
            return;
        }
        if (const auto *r = std::get_if<ContentReceived>(&m); r && r->requestId == m_requestId) {
            m_timeout.start();
            ++m_done;
            m_moved = r->received;
            Q_EMIT progress(m_moved, m_size);
            if (r->stored) {
                keep(m_bytes);
                finish();
                Q_EMIT stored(m_sha256);
                return;
            }
            sendMore();
        }
        if (const auto *c = std::get_if<ContentPiece>(&m); c && c->requestId == m_requestId) {
            m_timeout.start();
            if (c->piece < 0 || c->piece >= m_pieces.size() || c->size != m_size)
                return fail(tr("The server sent a piece of another content."));
            m_pieces[c->piece] = c->data;
            ++m_done;
            m_moved += c->data.size();
            Q_EMIT progress(m_moved, m_size);
            if (m_done < m_pieces.size()) {
                sendMore();
                continue;
            }
            QByteArray bytes;
            bytes.reserve(m_size);
            for (const QByteArray &piece : std::as_const(m_pieces))
                bytes.append(piece);
            finish();
            if (Document::sha256Of(bytes) != m_sha256)
                return fail(tr("The document that came from the server is damaged."));
            keep(bytes);
            Q_EMIT fetched(bytes);
            return;
        }
    }
}

void ContentTransfer::fail(const QString &reason)
{
    finish();
    Q_EMIT failed(reason);
}

void ContentTransfer::finish()
{
    m_timeout.stop();
    m_pieces.clear();
    if (!m_socket)
        return;
    QWebSocket *socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    socket->close();
    socket->deleteLater();
}

} // namespace Glosa
