// glosa-server with --tls-cert/--tls-key serves wss:// only, with the certificate it was given.

#include "serverprocess.h"
#include "testclient.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr auto Page = "tls/page"_L1;

// Opens the socket and waits for the outcome of the handshakes, whichever it is.
bool openAndSettle(TestClient &client, const QUrl &url)
{
    QSignalSpy states(&client.socket(), &QWebSocket::stateChanged);
    client.socket().open(url);
    [[maybe_unused]] const bool settled = QTest::qWaitFor(
        [&] {
            const QAbstractSocket::SocketState state = client.socket().state();
            return state == QAbstractSocket::ConnectedState ||
                   (state == QAbstractSocket::UnconnectedState && !states.isEmpty());
        },
        ServerProcess::Timeout);
    return client.isConnected();
}

} // namespace

class tst_Tls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void printsWssListener();
    void trustingClientJoins();
    void clientIgnoringExactlyTheSelfSignedErrorJoins();
    void untrustingClientIsRefused();
    void plainClientGetsNoWelcome();
    void badRequestsAreRefused_data();
    void badRequestsAreRefused();
    void badCertificateFiles_data();
    void badCertificateFiles();
    void terminationClosesWithGoingAway();

private:
    // Records the TLS errors of `client`'s handshake.
    static void recordErrors(TestClient *client, QList<QSslError> *errors);

    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    std::unique_ptr<ServerProcess> m_server;
};

void tst_Tls::recordErrors(TestClient *client, QList<QSslError> *errors)
{
    connect(&client->socket(), &QWebSocket::sslErrors, client,
            [errors](const QList<QSslError> &e) { *errors += e; });
}

void tst_Tls::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("this Qt has no TLS backend");
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        QSKIP("openssl is not installed");
    QVERIFY(m_dir.isValid());

    QProcess req;
    req.setWorkingDirectory(m_dir.path());
    req.start(openssl,
              {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
               u"key.pem"_s, u"-out"_s, u"cert.pem"_s, u"-days"_s, u"1"_s, u"-subj"_s,
               u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s});
    QVERIFY(req.waitForFinished(30000));
    QVERIFY2(req.exitStatus() == QProcess::NormalExit && req.exitCode() == 0,
             req.readAllStandardError().constData());
    const QList<QSslCertificate> certificates =
        QSslCertificate::fromPath(m_dir.filePath(u"cert.pem"_s));
    QCOMPARE(certificates.size(), 1);
    m_certificate = certificates.first();

    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->startOn(m_dir.filePath(u"data"_s),
                               {u"--tls-cert"_s, m_dir.filePath(u"cert.pem"_s), u"--tls-key"_s,
                                m_dir.filePath(u"key.pem"_s)}),
             qPrintable(m_server->failure()));
}

void tst_Tls::printsWssListener()
{
    QVERIFY(m_server->standardOutput().startsWith("listening wss://127.0.0.1:"));
    QCOMPARE(m_server->url().scheme(), u"wss"_s);
    QCOMPARE(m_server->url().path(), u"/v1/ws"_s);
    QVERIFY(m_server->url().port() > 0);
}

void tst_Tls::trustingClientJoins()
{
    TestClient client;
    QList<QSslError> errors;
    recordErrors(&client, &errors);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.addCaCertificate(m_certificate);
    client.socket().setSslConfiguration(ssl);

    QVERIFY(client.open(m_server->url()));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).errorString()));
    QCOMPARE(client.socket().sslConfiguration().peerCertificate(), m_certificate);
    const QJsonObject welcome = client.join(Page);
    QCOMPARE(welcome.value("v"_L1).toInt(), 1);
    QCOMPARE(welcome.value("viewers"_L1).toInt(), 1);
    QVERIFY(!client.next(u"snapshot"_s).isEmpty());

    // Operations flow as over ws://.
    const QJsonObject op = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
    client.send(op);
    QCOMPARE(client.next(u"new-text-chat"_s).value("broadcastId"_L1), op.value("broadcastId"_L1));
}

void tst_Tls::clientIgnoringExactlyTheSelfSignedErrorJoins()
{
    TestClient client;
    client.socket().ignoreSslErrors({QSslError(QSslError::SelfSignedCertificate, m_certificate)});
    QVERIFY(client.open(m_server->url()));
    QVERIFY(!client.join(Page).isEmpty());
}

void tst_Tls::untrustingClientIsRefused()
{
    TestClient client;
    QList<QSslError> errors;
    recordErrors(&client, &errors);
    QVERIFY(!openAndSettle(client, m_server->url()));
    QVERIFY(!errors.isEmpty());
    bool selfSigned = false;
    for (const QSslError &e : std::as_const(errors))
        selfSigned = selfSigned || e.error() == QSslError::SelfSignedCertificate;
    QVERIFY2(selfSigned, qPrintable(errors.first().errorString()));
}

void tst_Tls::plainClientGetsNoWelcome()
{
    QUrl plain = m_server->url();
    plain.setScheme(u"ws"_s);
    {
        TestClient client;
        const bool opened = openAndSettle(client, plain);
        QVERIFY2(!opened || client.join(Page).isEmpty(), "a ws:// client got a welcome over TLS");
        QVERIFY(!client.isConnected());
    }
    // The server is unharmed.
    TestClient secure;
    secure.socket().ignoreSslErrors({QSslError(QSslError::SelfSignedCertificate, m_certificate)});
    QVERIFY(secure.open(m_server->url()));
    QVERIFY(!secure.join(Page).isEmpty());
}

// Over TLS, a request that is not an upgrade on /v1/ws is refused as on the plain listener.
void tst_Tls::badRequestsAreRefused_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<QByteArray>("status");
    QTest::newRow("other path") << "/elsewhere"_ba
                                << "13"_ba
                                << "404"_ba;
    QTest::newRow("other version") << "/v1/ws"_ba
                                   << "12"_ba
                                   << "426"_ba;
}

void tst_Tls::badRequestsAreRefused()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, version);
    QFETCH(QByteArray, status);
    QSslSocket socket;
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.addCaCertificate(m_certificate);
    socket.setSslConfiguration(ssl);
    socket.connectToHostEncrypted(m_server->url().host(), quint16(m_server->url().port()));
    QVERIFY2(socket.waitForEncrypted(ServerProcess::Timeout), qPrintable(socket.errorString()));
    socket.write("GET " + path +
                 " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                 "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 "Sec-WebSocket-Version: " +
                 version + "\r\n\r\n");
    QByteArray answer;
    while (!answer.contains("\r\n") && socket.waitForReadyRead(ServerProcess::Timeout))
        answer += socket.readAll();
    QVERIFY2(answer.startsWith(QByteArray("HTTP/1.1 " + status + ' ')), answer.constData());
}

void tst_Tls::badCertificateFiles_data()
{
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("mentions");
    const QString cert = m_dir.filePath(u"cert.pem"_s);
    const QString key = m_dir.filePath(u"key.pem"_s);
    const QString missing = m_dir.filePath(u"missing.pem"_s);
    QTest::newRow("swapped") << key << cert << key;
    QTest::newRow("missing certificate") << missing << key << missing;
    QTest::newRow("missing key") << cert << missing << missing;
}

void tst_Tls::badCertificateFiles()
{
    QFETCH(QString, cert);
    QFETCH(QString, key);
    QFETCH(QString, mentions);
    const ServerProcess::Outcome outcome = ServerProcess::run(
        {u"--listen"_s, u"127.0.0.1:0"_s, u"--admin-listen"_s, u"127.0.0.1:0"_s, u"--data"_s,
         m_dir.filePath(u"bad"_s), u"--tls-cert"_s, cert, u"--tls-key"_s, key},
        5000);
    QVERIFY2(outcome.finished, "glosa-server started with unusable TLS files");
    QVERIFY(outcome.exitCode != 0);
    QVERIFY2(QString::fromUtf8(outcome.err).contains(mentions), outcome.err.constData());
    QVERIFY(!outcome.out.contains("listening"));
}

void tst_Tls::terminationClosesWithGoingAway()
{
    TestClient client;
    client.socket().ignoreSslErrors({QSslError(QSslError::SelfSignedCertificate, m_certificate)});
    QVERIFY(client.open(m_server->url()));
    QVERIFY(!client.join(Page).isEmpty());
    m_server->process().terminate();
    QCOMPARE(client.waitClosed(), 1001);
    QVERIFY(m_server->waitForExit());
    QCOMPARE(m_server->process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_server->process().exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"
