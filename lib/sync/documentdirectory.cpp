#include "documentdirectory.h"

#include "codec.h"
#include "credentialstore.h"
#include "syncclient.h"
#include "synclogging.h"
#include "validation.h"

#include <QTimer>

namespace Glosa {

DocumentDirectory::DocumentDirectory(QList<QUrl> urls, QString tenant,
                                     std::function<QString()> tokenProvider, QString credentialPath,
                                     QObject *parent)
    : QObject(parent)
    , m_urls(std::move(urls))
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

Hello DocumentDirectory::lobbyHello(const QString &tenant,
                                    const std::function<QString()> &tokenProvider,
                                    const QString &credentialPath)
{
    Hello hello;
    hello.tenant = tenant;
    if (const QString token = tokenProvider ? tokenProvider() : QString(); !token.isEmpty())
        hello.token = token;
    else if (const QString credential = CredentialStore(credentialPath).credential();
             !credential.isEmpty())
        hello.credential = credential;
    return hello;
}

void DocumentDirectory::request(const ClientMessage &message)
{
    attempt(message, 1);
}

void DocumentDirectory::attempt(const ClientMessage &message, qsizetype tried)
{
    finish();
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    auto *timeout = new QTimer(socket);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, socket, [this, socket, message, tried] {
        if (socket != m_socket)
            return;
        qCInfo(lcSync) << "no answer from" << url() << "within" << TimeoutMs << "ms";
        if (tryNext(message, tried))
            return;
        finish();
        Q_EMIT failed(tr("The server did not answer in time."));
    });
    timeout->start(TimeoutMs);
    connect(socket, &QWebSocket::connected, socket, [this, socket, message] {
        const Hello hello = lobbyHello(m_tenant, m_tokenProvider, m_credentialPath);
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
    connect(socket, &QWebSocket::disconnected, socket, [this, socket, message, tried] {
        if (socket != m_socket)
            return;
        const int code = socket->closeCode();
        const QString reason =
            socket->closeReason().isEmpty() ? socket->errorString() : socket->closeReason();
        // The tenant or the sign-in refused is the same on every node: no use trying another.
        const bool refused = code == 4400 || code == 4401 || code == 4403;
        if (!refused && tryNext(message, tried))
            return;
        finish();
        Q_EMIT failed(tr("Cannot reach the server: %1").arg(reason));
    });
    socket->open(url());
}

bool DocumentDirectory::tryNext(const ClientMessage &message, qsizetype tried)
{
    if (tried >= m_urls.size())
        return false;
    m_urlIndex = (m_urlIndex + 1) % m_urls.size();
    qCInfo(lcSync) << "trying the next server," << url();
    attempt(message, tried + 1);
    return true;
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
