#pragma once

#include "messages.h"

#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

#include <functional>

namespace Glosa {

// The documents a server holds for a tenant: lists them and publishes new ones, over a lobby
// connection opened for the request and closed when it is answered. Given the URLs of the nodes
// of a cluster, a request that cannot reach one (or gets no answer from it in time) goes to the
// next, each URL once, and later requests start from the node that answered.
class DocumentDirectory : public QObject
{
    Q_OBJECT
public:
    // Without a token, the connection presents the credential kept at `credentialPath` (see
    // CredentialStore), so that an anonymous user publishes as the same user who reads.
    DocumentDirectory(QList<QUrl> urls, QString tenant, std::function<QString()> tokenProvider,
                      QString credentialPath = {}, QObject *parent = nullptr);

    void list();
    // Publishes a text or Markdown document with its content, or a PDF whose bytes the server
    // has (see ContentTransfer).
    void publish(const Document &document);

    // The hello of a lobby connection: with the token of `tokenProvider` if it gives one, else
    // with the credential kept at `credentialPath`.
    static Hello lobbyHello(const QString &tenant, const std::function<QString()> &tokenProvider,
                            const QString &credentialPath);

    // The URL of the node the last request went to.
    QUrl url() const { return m_urls.value(m_urlIndex); }

    // How long each node has to answer a request.
    static constexpr int TimeoutMs = 15000;

Q_SIGNALS:
    void listed(const QList<Glosa::Document> &documents);
    void published(const Glosa::Document &document);
    void failed(const QString &reason);

private:
    void request(const ClientMessage &message);
    // Sends the request to url(), the `tried`th node tried for it.
    void attempt(const ClientMessage &message, qsizetype tried);
    // Sends the request to the next node unless every one has been tried; false then.
    bool tryNext(const ClientMessage &message, qsizetype tried);
    void finish();

    QList<QUrl> m_urls;
    qsizetype m_urlIndex = 0;
    QString m_tenant;
    std::function<QString()> m_tokenProvider;
    QString m_credentialPath;
    QWebSocket *m_socket = nullptr;
};

} // namespace Glosa
