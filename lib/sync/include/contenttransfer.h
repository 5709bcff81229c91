#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>

class QWebSocket;

namespace Glosa {

// Moves the bytes of one PDF between this computer and the server, in pieces over a lobby
// connection (put-content, get-content), several pieces in flight, reporting its progress.
// Contents are kept on disk by their sha256 once moved, so that a PDF of the server opens again
// without it, offline too. Given the URLs of a cluster's nodes, a transfer that cannot reach one
// before it has started tries the next.
class ContentTransfer : public QObject
{
    Q_OBJECT
public:
    // `cacheDir`: where contents are kept; empty, the app-data folder's "contents".
    ContentTransfer(QList<QUrl> urls, QString tenant, std::function<QString()> tokenProvider,
                    QString credentialPath, QString cacheDir = {}, QObject *parent = nullptr);
    ~ContentTransfer() override;

    // Sends `bytes` to the server, which keeps them by their sha256: stored() once it has.
    void put(const QByteArray &bytes);
    // Brings content `sha256` of `size` bytes from the disk or from the server: fetched().
    void get(const QString &sha256, qint64 size);

    // The content kept on disk, checked against its sha256; empty when there is none.
    QByteArray cached(const QString &sha256) const;

    // Pieces sent or asked for before the first of them is answered.
    static constexpr int Window = 4;
    // How long the server has to answer a piece.
    static constexpr int TimeoutMs = 30000;

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    void stored(const QString &sha256);
    void fetched(const QByteArray &bytes);
    void failed(const QString &reason);

private:
    void start(qsizetype tried);
    void onFrame(const QString &text);
    void sendMore();
    void fail(const QString &reason);
    void finish();
    void keep(const QByteArray &bytes) const;
    QString pathOf(const QString &sha256) const;

    QList<QUrl> m_urls;
    qsizetype m_urlIndex = 0;
    QString m_tenant;
    std::function<QString()> m_tokenProvider;
    QString m_credentialPath;
    QString m_cacheDir;

    bool m_putting = false;
    QString m_sha256;
    qint64 m_size = 0;
    QString m_requestId;
    QByteArray m_bytes;         // put: what is sent
    QList<QByteArray> m_pieces; // get: what has come, by piece
    int m_next = 0;             // the next piece to send or ask for
    int m_done = 0;             // pieces answered
    qint64 m_moved = 0;         // bytes answered
    QWebSocket *m_socket = nullptr;
    QTimer m_timeout;
};

} // namespace Glosa
