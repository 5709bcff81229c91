#include "documentdirectory.h"

#include "codec.h"
#include "credentialstore.h"
#include "syncclient.h"
#include "validation.h"

#include <QTimer>

namespace Glosa {

DocumentDirectory::DocumentDirectory(QUrl url, QString tenant,
                                     std::function<QString()> tokenProvider, QString credentialPath,
                                     QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_tenant(std::move(tenant))
    , m_tokenProvider(std::move(tokenProvider))
    , m_credentialPath(std::move(credentialPath))
{}

void DocumentDirectory::list()
{
    request(ListDocumentsRequest{Validation::newUuid()});
}

void DocumentDirectory::publish(const Document &document)
{
    request(PublishDocumentOp{Validation::newUuid(), document});
}

void DocumentDirectory::request(const ClientMessage &message)
{
    finish();
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    auto *timeout = new QTimer(socket);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, socket, [this] {
        finish();
        Q_EMIT failed(tr("The server did not answer in time."));
    });
    timeout->start(TimeoutMs);
    connect(socket, &QWebSocket::connected, socket, [this, socket, message] {
        Hello hello;
        hello.tenant = m_tenant;
        if (const QString token = m_tokenProvider ? m_tokenProvider() : QString(); !token.isEmpty())
            hello.token = token;
        else if (const QString credential = CredentialStore(m_credentialPath).credential();
                 !credential.isEmpty())
            hello.credential = credential;
        socket->sendTextMessage(QString::fromUtf8(Codec::encode(hello)));
        socket->sendTextMessage(QString::fromUtf8(Codec::encode(message)));
    });
    connect(socket, &QWebSocket::textMessageReceived, socket, [this](const QString &text) {
        ProtocolError error;
        const auto messages = Codec::decodeServer(text.toUtf8(), &error);
        if (!messages)
            return;
        for (const ServerMessage &m : *messages) {
            if (const auto *list = std::get_if<DocumentList>(&m)) {
                finish();
                Q_EMIT listed(list->documents);
                return;
            }
            if (const auto *done = std::get_if<DocumentPublished>(&m)) {
                finish();
                Q_EMIT published(done->document);
                return;
            }
            if (const auto *e = std::get_if<ErrorMessage>(&m)) {
                finish();
                Q_EMIT failed(SyncClient::describe(e->code, e->message));
                return;
            }
        }
    });
    connect(socket, &QWebSocket::disconnected, socket, [this, socket] {
        if (socket != m_socket)
            return;
        const QString reason =
            socket->closeReason().isEmpty() ? socket->errorString() : socket->closeReason();
        finish();
        Q_EMIT failed(tr("Cannot reach the server: %1").arg(reason));
    });
    socket->open(m_url);
}

void DocumentDirectory::finish()
{
    if (!m_socket)
        return;
    QWebSocket *socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    socket->close();
    socket->deleteLater();
}

} // namespace Glosa
