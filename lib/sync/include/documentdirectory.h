#pragma once

#include "messages.h"

#include <QObject>
#include <QUrl>
#include <QWebSocket>

#include <functional>

namespace Glosa {

// The documents a server holds for a tenant: lists them and publishes new ones, over a lobby
// connection opened for the request and closed when it is answered.
class DocumentDirectory : public QObject
{
    Q_OBJECT
public:
    // Without a token, the connection presents the credential kept at `credentialPath` (see
    // CredentialStore), so that an anonymous user publishes as the same user who reads.
    DocumentDirectory(QUrl url, QString tenant, std::function<QString()> tokenProvider,
                      QString credentialPath = {}, QObject *parent = nullptr);

    void list();
    void publish(const Document &document);

    static constexpr int TimeoutMs = 15000;

Q_SIGNALS:
    void listed(const QList<Glosa::Document> &documents);
    void published(const Glosa::Document &document);
    void failed(const QString &reason);

private:
    void request(const ClientMessage &message);
    void finish();

    QUrl m_url;
    QString m_tenant;
    std::function<QString()> m_tokenProvider;
    QString m_credentialPath;
    QWebSocket *m_socket = nullptr;
};

} // namespace Glosa
