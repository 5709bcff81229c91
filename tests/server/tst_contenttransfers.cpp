#include "contenttransfers.h"
#include "document.h"
#include "errorcode.h"
#include "protocollimits.h"
#include "rawclient.h"
#include "testpdf.h"
#include "testserver.h"
#include "validation.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QtEndian>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using Glosa::ContentTransfers;
namespace Limits = Glosa::Limits;

namespace {

const QByteArray AcmeSecret = "acme-secret";
constexpr qint64 Piece = Limits::ContentPieceBytes;
// Long enough for frames that carry a whole piece, on a busy machine.
constexpr int Timeout = 60000;
const QJsonValue Missing(QJsonValue::Undefined);

QString sha256Of(const QByteArray &bytes)
{
    return Glosa::Document::sha256Of(bytes);
}

int piecesOf(qint64 size)
{
    return int((size + Piece - 1) / Piece);
}

// `size` bytes that pass for a PDF as the server tells one: its header first, then random-ish
// bytes (the same for the same seed), its end-of-file marker last.
QByteArray pdfLike(qint64 size, quint32 seed = 1)
{
    QByteArray bytes(size, 'x');
    QRandomGenerator random(seed);
    random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    const QByteArray head = "%PDF-1.7\n", tail = "%%EOF\n";
    bytes.replace(0, head.size(), head);
    bytes.replace(bytes.size() - tail.size(), tail.size(), tail);
    return bytes;
}

// `pdf` grown to `size` bytes by a comment before its startxref, where a PDF may have one: its
// objects and cross-reference table stay where they were, so it is still the same PDF.
QByteArray padded(const QByteArray &pdf, qint64 size)
{
    const qsizetype at = pdf.lastIndexOf("startxref");
    if (at < 0 || size < pdf.size() + 2)
        return {};
    QByteArray comment;
    comment.reserve(size - pdf.size());
    for (qint64 missing = size - pdf.size(); missing > 0;) {
        const qint64 line = std::min<qint64>(missing, 100);
        comment += line == 1 ? "\n"_ba : '%' + QByteArray(line - 2, '-') + '\n';
        missing -= line;
    }
    return QByteArray(pdf).insert(at, comment);
}

// Bytes to put: a content, the sha256 and size it is put under (by default its own).
struct Content
{
    explicit Content(const QByteArray &b)
        : bytes(b)
        , sha256(sha256Of(b))
        , size(b.size())
    {}
    QByteArray bytes;
    QString sha256;
    qint64 size;

    int pieces() const { return piecesOf(size); }
    QByteArray piece(int i) const { return bytes.mid(qsizetype(i) * Piece, Piece); }
};

// A put-content frame as a client writes it.
QByteArray putFrame(const QString &requestId, const Content &c, int piece)
{
    return "{\"type\":\"put-content\",\"requestId\":\"" + requestId.toUtf8() + "\",\"sha256\":\"" +
           c.sha256.toLatin1() + "\",\"size\":" + QByteArray::number(c.size) +
           ",\"piece\":" + QByteArray::number(piece) + ",\"data\":\"" + c.piece(piece).toBase64() +
           "\"}";
}

QJsonObject putJson(const QString &requestId, const Content &c, int piece)
{
    return {
        {"type"_L1, "put-content"_L1}, {"requestId"_L1, requestId},
        {"sha256"_L1, c.sha256},       {"size"_L1, c.size},
        {"piece"_L1, piece},           {"data"_L1, QString::fromLatin1(c.piece(piece).toBase64())}};
}

QJsonObject getJson(const QString &requestId, const QString &sha256, int piece)
{
    return {{"type"_L1, "get-content"_L1},
            {"requestId"_L1, requestId},
            {"sha256"_L1, sha256},
            {"piece"_L1, piece}};
}

QJsonObject newChatOn(const QJsonObject &anchor)
{
    const QJsonObject comment{{"id"_L1, Glosa::Validation::newUuid()}, {"text"_L1, "Here."_L1}};
    return {{"type"_L1, "new-text-chat"_L1},
            {"broadcastId"_L1, Glosa::Validation::newUuid()},
            {"chat"_L1, QJsonObject{{"id"_L1, Glosa::Validation::newUuid()},
                                    {"anchor"_L1, anchor},
                                    {"comment"_L1, comment}}}};
}

QJsonObject publishPdf(const QString &broadcastId, const QString &sha256,
                       const QString &title = u"Annual report"_s, const QString &page = {})
{
    QJsonObject document{{"title"_L1, title}, {"format"_L1, "pdf"_L1}, {"sha256"_L1, sha256}};
    if (!page.isEmpty())
        document.insert("page"_L1, page);
    return {{"type"_L1, "publish-document"_L1},
            {"broadcastId"_L1, broadcastId},
            {"document"_L1, document}};
}

// `o` with `key` set to `value`, or removed when `value` is Missing.
QJsonObject with(QJsonObject o, const char *key, const QJsonValue &value)
{
    if (value.isUndefined())
        o.remove(QLatin1StringView(key));
    else
        o.insert(QLatin1StringView(key), value);
    return o;
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QStringList keys(const QJsonObject &o)
{
    QStringList k = o.keys();
    k.sort();
    return k;
}

QString uuid()
{
    return Glosa::Validation::newUuid();
}

// A WebSocket client of its own over RawClient's socket: its frames leave as they are given,
// several in one write when asked (the server then reads them together), and what the server
// sends is read frame by frame, batches unpacked. It waits in a local event loop woken by the
// socket, so that a test of a thousand frames does not sleep between them.
class WireClient
{
public:
    WireClient() = default;
    WireClient(const WireClient &) = delete;
    WireClient &operator=(const WireClient &) = delete;

    QJsonObject welcome;
    QJsonObject snapshot;

    bool open(const QUrl &url)
    {
        if (!m_raw.open(url))
            return false;
        QObject::connect(&m_raw.socket, &QTcpSocket::readyRead, &m_raw.socket, [this] { read(); });
        return true;
    }

    // Sends a hello and returns the welcome, or an empty object if the server closed instead.
    QJsonObject join(const QString &page, const QString &tenant, const QString &token)
    {
        QJsonObject hello{{"type"_L1, "hello"_L1}, {"v"_L1, 1}, {"tenant"_L1, tenant}};
        if (!page.isEmpty())
            hello.insert("page"_L1, page);
        if (!token.isEmpty())
            hello.insert("token"_L1, token);
        send(hello);
        return next(u"welcome"_s);
    }

    void send(const QJsonObject &frame) { sendRaw(compact(frame)); }
    void sendRaw(const QByteArray &payload) { sendAll({payload}); }
    // Every text frame in one write.
    void sendAll(const QList<QByteArray> &payloads)
    {
        QByteArray out;
        for (const QByteArray &payload : payloads)
            out += masked(0x1, payload);
        m_raw.socket.write(out);
        m_raw.socket.flush();
    }

    // Waits for the next frame of `type` (any type when empty) and consumes it and everything
    // before it; an empty object on timeout or close.
    QJsonObject next(const QString &type = {}, int timeout = Timeout)
    {
        QJsonObject found;
        waitFor(
            [&] {
                while (!m_frames.isEmpty()) {
                    const QJsonObject frame = m_frames.takeFirst();
                    if (type.isEmpty() || frame.value("type"_L1).toString() == type) {
                        found = frame;
                        return true;
                    }
                }
                return isClosed();
            },
            timeout);
        return found;
    }

    // The frames that arrive before the answer to a list-documents sent now: what the server
    // had still to say about everything sent before.
    QList<QJsonObject> framesBeforeAMark()
    {
        const QString mark = u"mark-"_s + uuid();
        send({{"type"_L1, "list-documents"_L1}, {"requestId"_L1, mark}});
        QList<QJsonObject> before;
        for (QJsonObject f = next(); !f.isEmpty(); f = next()) {
            if (f.value("type"_L1).toString() == "documents"_L1 &&
                f.value("requestId"_L1).toString() == mark)
                return before;
            before.append(f);
        }
        return {{{"timeout"_L1, true}}};
    }

    // Waits for the server's close frame; returns its code or -1.
    int waitClosed(int timeout = Timeout)
    {
        waitFor([&] { return isClosed(); }, timeout);
        return m_closeCode;
    }

    void close() { m_raw.socket.disconnectFromHost(); }

private:
    bool isClosed() const
    {
        return m_closeCode >= 0 || m_raw.socket.state() == QAbstractSocket::UnconnectedState;
    }

    bool waitFor(const std::function<bool()> &done, int timeout)
    {
        bool finished = done();
        if (finished)
            return true;
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        const auto check = [&] {
            if (!finished && (finished = done()))
                loop.quit();
        };
        // After read(), connected first, has taken in what arrived.
        QObject::connect(&m_raw.socket, &QTcpSocket::readyRead, &loop, check);
        QObject::connect(&m_raw.socket, &QTcpSocket::disconnected, &loop, check);
        timer.start(timeout);
        loop.exec();
        return finished;
    }

    static QByteArray masked(int opcode, const QByteArray &payload)
    {
        QByteArray frame;
        frame.reserve(payload.size() + 14);
        frame.append(char(0x80 | opcode));
        const quint64 length = quint64(payload.size());
        char buffer[8];
        if (length < 126) {
            frame.append(char(0x80 | length));
        } else if (length < 65536) {
            frame.append(char(0x80 | 126));
            qToBigEndian<quint16>(quint16(length), buffer);
            frame.append(buffer, 2);
        } else {
            frame.append(char(0x80 | 127));
            qToBigEndian<quint64>(length, buffer);
            frame.append(buffer, 8);
        }
        const quint32 mask = QRandomGenerator::global()->generate();
        char key[4];
        qToUnaligned(mask, key);
        frame.append(key, 4);
        const qsizetype start = frame.size();
        frame.append(payload);
        char *p = frame.data() + start;
        for (qsizetype i = 0; i < payload.size(); ++i)
            p[i] ^= key[i & 3];
        return frame;
    }

    void read()
    {
        m_in += m_raw.socket.readAll();
        qsizetype pos = 0;
        for (;;) {
            const qsizetype available = m_in.size() - pos;
            if (available < 2)
                break;
            const auto *p = reinterpret_cast<const uchar *>(m_in.constData() + pos);
            const bool fin = p[0] & 0x80;
            const int opcode = p[0] & 0x0F;
            quint64 length = p[1] & 0x7F;
            qsizetype header = 2;
            if (length == 126) {
                if (available < 4)
                    break;
                length = qFromBigEndian<quint16>(p + 2);
                header = 4;
            } else if (length == 127) {
                if (available < 10)
                    break;
                length = qFromBigEndian<quint64>(p + 2);
                header = 10;
            }
            if (quint64(available - header) < length)
                break;
            const QByteArray payload = m_in.mid(pos + header, qsizetype(length));
            pos += header + qsizetype(length);
            if (opcode == 0x8) {
                m_closeCode =
                    payload.size() >= 2 ? qFromBigEndian<quint16>(payload.constData()) : 1005;
                m_raw.socket.write(masked(0x8, payload.left(2)));
            } else if (opcode == 0x9) {
                m_raw.socket.write(masked(0xA, payload));
            } else if (opcode == 0x1 || opcode == 0x0) {
                m_message += payload;
                if (fin)
                    deliver(std::exchange(m_message, {}));
            }
        }
        m_in.remove(0, pos);
    }

    void deliver(const QByteArray &text)
    {
        const QJsonObject frame = QJsonDocument::fromJson(text).object();
        if (frame.value("type"_L1).toString() == "batch"_L1) {
            for (const QJsonValue &event : frame.value("events"_L1).toArray())
                m_frames.append(event.toObject());
        } else {
            m_frames.append(frame);
        }
    }

    RawClient m_raw;
    QByteArray m_in;
    QByteArray m_message;
    QList<QJsonObject> m_frames;
    int m_closeCode = -1;
};

// What is wrong with `answers` to the puts of pieces from, from + 1, … of `c` (requestIds
// "put-<piece>"), as the server tells its progress: an empty string when nothing is.
QString progressFault(const QList<QJsonObject> &answers, const Content &c, int from = 0)
{
    qint64 received = std::min(c.size, qint64(from) * Piece);
    for (qsizetype i = 0; i < answers.size(); ++i) {
        const QJsonObject &a = answers.at(i);
        const int piece = from + int(i);
        received = std::min(c.size, received + Piece);
        const QJsonObject expected{{"type"_L1, "content-received"_L1},
                                   {"requestId"_L1, u"put-%1"_s.arg(piece)},
                                   {"sha256"_L1, c.sha256},
                                   {"size"_L1, c.size},
                                   {"received"_L1, received},
                                   {"stored"_L1, received == c.size}};
        if (a != expected)
            return u"piece %1: %2, not %3"_s.arg(piece).arg(QString::fromUtf8(compact(a)),
                                                            QString::fromUtf8(compact(expected)));
    }
    return {};
}

// The error `answer` is, as "<code> <requestId>", or what it is instead.
QString errorOf(const QJsonObject &answer)
{
    if (answer.value("type"_L1).toString() != "error"_L1)
        return u"not an error: "_s + QString::fromUtf8(compact(answer)).left(300);
    return answer.value("code"_L1).toString() + u' ' + answer.value("requestId"_L1).toString();
}

} // namespace

// The bytes of PDFs over real connections to a real server (docs/protocol.md, put-content and
// get-content): uploads piece by piece with their progress, reading back, publishing a PDF, every
// refusal with its code, roles, tenants, and the bounds on what the server holds and reads.
class tst_ContentTransfers : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    // A real PDF, three sheets of text.
    QByteArray m_pdf;

    static QString acme(const QString &sub, const QString &role = u"member"_s)
    {
        return TestServer::token(u"acme"_s, AcmeSecret, sub, role);
    }

    // A connection of `tenant` that was welcomed: to the lobby, or to `page`, its snapshot read.
    std::unique_ptr<WireClient> connection(const QString &page = {},
                                           const QString &tenant = u"local"_s,
                                           const QString &token = {})
    {
        auto client = std::make_unique<WireClient>();
        if (!client->open(m_server->url()))
            return nullptr;
        client->welcome = client->join(page, tenant, token);
        if (client->welcome.isEmpty())
            return nullptr;
        if (!page.isEmpty() && (client->snapshot = client->next(u"snapshot"_s)).isEmpty())
            return nullptr;
        return client;
    }

    // Puts pieces [from, to) of `c` (to all of them by default), at most `window` unanswered;
    // returns the answers, one per piece sent, in order, or a timeout in place of the first
    // missing one. No piece is sent after an error.
    static QList<QJsonObject> put(WireClient &client, const Content &c, int from = 0, int to = -1,
                                  int window = 8)
    {
        if (to < 0)
            to = c.pieces();
        QList<QJsonObject> answers;
        int sent = from;
        bool failed = false;
        while (answers.size() < sent - from || sent < to) {
            while (!failed && sent < to && sent - from - answers.size() < window) {
                client.sendRaw(putFrame(u"put-%1"_s.arg(sent), c, sent));
                ++sent;
            }
            if (answers.size() == sent - from)
                break;
            const QJsonObject answer = client.next();
            if (answer.isEmpty()) {
                answers.append({{"timeout"_L1, true}});
                break;
            }
            failed = failed || answer.value("type"_L1).toString() == "error"_L1;
            answers.append(answer);
        }
        return answers;
    }

    // Reads every piece of content `sha256` of `size` bytes back, at most `window` requests
    // unanswered (requestIds "get-<piece>"); the bytes, with what was wrong in `fault`.
    static QByteArray get(WireClient &client, const QString &sha256, qint64 size, QString *fault,
                          int window = 4)
    {
        const int pieces = piecesOf(size);
        QByteArray bytes;
        bytes.reserve(size);
        int sent = 0;
        for (int piece = 0; piece < pieces; ++piece) {
            for (; sent < pieces && sent - piece < window; ++sent)
                client.send(getJson(u"get-%1"_s.arg(sent), sha256, sent));
            const QJsonObject answer = client.next();
            const QByteArray data =
                QByteArray::fromBase64(answer.value("data"_L1).toString().toLatin1());
            const QJsonObject expected{{"type"_L1, "content"_L1},
                                       {"requestId"_L1, u"get-%1"_s.arg(piece)},
                                       {"sha256"_L1, sha256},
                                       {"size"_L1, size},
                                       {"piece"_L1, piece}};
            if (with(answer, "data", Missing) != expected ||
                data.size() != std::min(Piece, size - qint64(piece) * Piece)) {
                *fault = u"piece %1: %2"_s.arg(piece).arg(
                    QString::fromUtf8(compact(with(answer, "data", data.size()))));
                return {};
            }
            bytes += data;
        }
        return bytes;
    }

    // The answer to a whole put of a small content `c` from `client`: "stored", or the error.
    static QString putWhole(WireClient &client, const Content &c)
    {
        const QList<QJsonObject> answers = put(client, c);
        if (answers.isEmpty())
            return u"no answer"_s;
        if (progressFault(answers, c).isEmpty())
            return u"stored"_s;
        return errorOf(answers.last());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_pdf = Glosa::TestPdf::numbered(3);
        QVERIFY(m_pdf.startsWith("%PDF-"));
        QVERIFY(m_pdf.endsWith("%%EOF\n"));
        QVERIFY(m_pdf.size() < 1024 * 1024);
    }

    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_server->config.batchMs = 0;
        m_server->config.tenants = {{u"local"_s, {}, true, {}}, {u"acme"_s, AcmeSecret, false, {}}};
        QVERIFY(m_server->start());
    }

    void cleanup() { m_server.reset(); }

    // A PDF of 1.3 MiB goes up in three pieces, each answered with the bytes received so far,
    // the last one once it is stored; another user reads it back piece by piece, byte for byte.
    void uploadThenReadBack()
    {
        const Content c(padded(m_pdf, 1300 * 1024));
        QCOMPARE(c.size, 1300 * 1024);
        QCOMPARE(c.pieces(), 3);
        auto writer = connection();
        auto reader = connection(u"doc/"_s + c.sha256);
        QVERIFY(writer && reader);

        for (int piece = 0; piece < c.pieces(); ++piece) {
            writer->sendRaw(putFrame(u"put-%1"_s.arg(piece), c, piece));
            QCOMPARE(progressFault({writer->next()}, c, piece), QString());
        }
        QVERIFY(writer->framesBeforeAMark().isEmpty());

        QByteArray back;
        for (int piece = 0; piece < c.pieces(); ++piece) {
            reader->send(getJson(u"g%1"_s.arg(piece), c.sha256, piece));
            const QJsonObject answer = reader->next();
            QCOMPARE(keys(answer), (QStringList{u"data"_s, u"piece"_s, u"requestId"_s, u"sha256"_s,
                                                u"size"_s, u"type"_s}));
            QCOMPARE(answer.value("type"_L1).toString(), u"content"_s);
            QCOMPARE(answer.value("requestId"_L1).toString(), u"g%1"_s.arg(piece));
            QCOMPARE(answer.value("sha256"_L1).toString(), c.sha256);
            QCOMPARE(answer.value("size"_L1).toInteger(), c.size);
            QCOMPARE(answer.value("piece"_L1).toInt(), piece);
            const QByteArray data =
                QByteArray::fromBase64(answer.value("data"_L1).toString().toLatin1(),
                                       QByteArray::AbortOnBase64DecodingErrors);
            QCOMPARE(data, c.piece(piece));
            back += data;
        }
        QCOMPARE(sha256Of(back), c.sha256);
        QVERIFY(back == c.bytes);

        // Put again, by anyone: stored it stays.
        auto again = connection();
        QVERIFY(again);
        QCOMPARE(progressFault(put(*again, c), c), QString());
        QString fault;
        QVERIFY(get(*reader, c.sha256, c.size, &fault) == c.bytes);
        QCOMPARE(fault, QString());
    }

    // Where the PDF markers may be, and pieces of every length: stored and read back whole.
    void acceptedContents_data()
    {
        QTest::addColumn<QByteArray>("bytes");

        QTest::newRow("the smallest") << "%PDF-%%EOF"_ba;
        QTest::newRow("a real PDF") << m_pdf;
        QTest::newRow("exactly a piece") << pdfLike(Piece);
        QTest::newRow("a piece and a byte, %%EOF in the piece before") << pdfLike(Piece + 1, 2);
        QTest::newRow("%%EOF across the last two pieces") << pdfLike(2 * Piece + 3, 3);
        QTest::newRow("a real PDF, %%EOF across the last two pieces")
            << padded(m_pdf, 2 * Piece + 2);
        QByteArray late = pdfLike(Piece + 4096, 4);
        late.replace(0, 1024, QByteArray(QByteArray(1019, ' ') + "%PDF-"));
        QTest::newRow("%PDF- ending the first KiB") << late;
        QByteArray early = pdfLike(Piece + 4096, 5);
        early.replace(early.size() - 1024, 1024, QByteArray("%%EOF" + QByteArray(1019, '\n')));
        QTest::newRow("%%EOF starting the last KiB") << early;
    }

    void acceptedContents()
    {
        QFETCH(QByteArray, bytes);
        const Content c(bytes);
        auto writer = connection();
        auto reader = connection();
        QVERIFY(writer && reader);
        QCOMPARE(progressFault(put(*writer, c), c), QString());
        QString fault;
        QVERIFY(get(*reader, c.sha256, c.size, &fault) == c.bytes);
        QCOMPARE(fault, QString());
    }

    // Every put-content refused by itself, with its code and requestId; nothing is stored and
    // the connection stays open.
    void refusedPuts_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("requestId");

        const QString bad = Glosa::ErrorCode::BadRequest;
        const QString tooLarge = Glosa::ErrorCode::TooLarge;
        const Content small(pdfLike(1000, 6));
        const QJsonObject base = putJson(u"r1"_s, small, 0);
        const auto row = [&](const char *name, const QJsonObject &frame, const QString &code,
                             const QString &requestId = u"r1"_s) {
            QTest::newRow(name) << compact(frame) << code << requestId;
        };
        const QString sha = small.sha256;

        row("sha256 in uppercase", with(base, "sha256", sha.toUpper()), bad);
        row("sha256 of 63 digits", with(base, "sha256", sha.chopped(1)), bad);
        row("sha256 of 65 digits", with(base, "sha256", QString(sha + u'0')), bad);
        row("sha256 not hexadecimal", with(base, "sha256", QString(u'g' + sha.mid(1))), bad);
        row("sha256 missing", with(base, "sha256", Missing), bad);
        row("sha256 a number", with(base, "sha256", 5), bad);

        row("size 0", with(with(base, "size", 0), "data", ""_L1), bad);
        row("size negative", with(base, "size", -1000), bad);
        row("size fractional", with(base, "size", 1000.5), bad);
        row("size a string", with(base, "size", "1000"_L1), bad);
        row("size missing", with(base, "size", Missing), bad);
        row("size one byte over 64 MiB", with(base, "size", Limits::ContentBytes + 1), tooLarge);
        row("size 2^40", with(base, "size", qint64(1) << 40), tooLarge);

        row("piece negative", with(base, "piece", -1), bad);
        row("piece fractional", with(base, "piece", 0.5), bad);
        row("piece missing", with(base, "piece", Missing), bad);
        row("piece just out of range", with(base, "piece", 1), bad);
        row("piece far out of range", with(base, "piece", 1000000), bad);
        row("piece beyond a content of 64 MiB",
            with(with(base, "size", Limits::ContentBytes), "piece", 128), bad);

        const QByteArray bytes = small.bytes;
        row("data one byte short",
            with(base, "data", QString::fromLatin1(bytes.chopped(1).toBase64())), bad);
        row("data one byte long",
            with(base, "data", QString::fromLatin1(QByteArray(bytes + 'x').toBase64())), tooLarge);
        row("data empty", with(base, "data", ""_L1), bad);
        row("data missing", with(base, "data", Missing), bad);
        row("data a number", with(base, "data", 5), bad);
        row("data not base64", with(base, "data", "!!!!"_L1), bad);
        QByteArray broken = bytes.toBase64();
        broken.insert(76, '\n');
        row("data base64 with a line break", with(base, "data", QString::fromLatin1(broken)), bad);
        row("data not ASCII",
            with(base, "data", QString::fromLatin1(bytes.toBase64()).replace(0, 1, u'\u00e9')),
            bad);

        row("requestId missing", with(base, "requestId", Missing), bad, QString());
        row("requestId of 101 characters", with(base, "requestId", QString(101, u'r')), tooLarge,
            QString(101, u'r'));

        // Bytes that are not a PDF are refused at their first piece.
        const Content text("Dear diary, today I wrote no PDF at all.\n%%EOF\n"_ba);
        row("no PDF header", putJson(u"r1"_s, text, 0), bad);
        QByteArray late = pdfLike(1100, 7);
        late.replace(0, 1029, QByteArray(QByteArray(1020, ' ') + "%PDF-1.7\n"));
        row("PDF header past the first KiB", putJson(u"r1"_s, Content(late), 0), bad);
        const Content notPdf(QByteArray(QByteArray(2 * Piece, 'x') + "%%EOF\n"));
        row("no PDF header in a whole piece", putJson(u"r1"_s, notPdf, 0), bad);

        // The same faults in frames over 64 KiB, whose size is allowed to a put-content.
        const Content two(pdfLike(2 * Piece, 8));
        const QJsonObject whole = putJson(u"r1"_s, two, 0);
        row("whole piece one byte long",
            with(whole, "data", QString::fromLatin1(QByteArray(two.piece(0) + 'x').toBase64())),
            tooLarge);
        row("whole piece one byte short",
            with(whole, "data", QString::fromLatin1(two.piece(0).chopped(1).toBase64())), bad);
        row("whole piece not base64",
            with(whole, "data", whole.value("data"_L1).toString().replace(0, 4, u"!!!!"_s)), bad);
        row("whole piece with sha256 in uppercase", with(whole, "sha256", two.sha256.toUpper()),
            bad);
        row("whole piece out of range", with(whole, "piece", 2), bad);
    }

    void refusedPuts()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, code);
        QFETCH(QString, requestId);
        auto client = connection();
        auto reader = connection();
        QVERIFY(client && reader);
        client->sendRaw(frame);
        QCOMPARE(errorOf(client->next()), code + u' ' + requestId);
        QVERIFY(client->framesBeforeAMark().isEmpty());
        const QString sha256 =
            QJsonDocument::fromJson(frame).object().value("sha256"_L1).toString();
        if (Glosa::Validation::isSha256(sha256)) {
            reader->send(getJson(u"g"_s, sha256, 0));
            QCOMPARE(errorOf(reader->next()), u"not-found g"_s);
        }
    }

    // Whole contents refused once their last piece is in: nothing is stored, and the
    // connection may put something else from piece 0.
    void refusedAtTheEnd_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("sha256");

        const QByteArray fine = pdfLike(2 * Piece + 100, 9);
        QTest::newRow("sha256 of other bytes") << fine << sha256Of("other bytes");
        QByteArray changed = fine;
        changed[Piece + 7] = char(changed.at(Piece + 7) ^ 1);
        QTest::newRow("one bit changed on the way") << changed << sha256Of(fine);
        QByteArray noEnd = fine;
        noEnd.replace(noEnd.size() - 6, 6, "%%EOX\n");
        QTest::newRow("no %%EOF") << noEnd << sha256Of(noEnd);
        QByteArray earlyEnd = fine;
        earlyEnd.replace(earlyEnd.size() - 1030, 1030,
                         QByteArray("%%EOF" + QByteArray(1025, '\n')));
        QTest::newRow("%%EOF only before the last KiB") << earlyEnd << sha256Of(earlyEnd);
        const QByteArray cut = padded(m_pdf, Piece + 100).chopped(10);
        QTest::newRow("a real PDF cut short") << cut << sha256Of(cut);
    }

    void refusedAtTheEnd()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, sha256);
        Content c(bytes);
        c.sha256 = sha256;
        auto writer = connection();
        auto reader = connection();
        QVERIFY(writer && reader);
        const QList<QJsonObject> answers = put(*writer, c);
        QCOMPARE(answers.size(), c.pieces());
        QCOMPARE(progressFault(answers.first(c.pieces() - 1), c), QString());
        QCOMPARE(errorOf(answers.last()), u"bad-request put-%1"_s.arg(c.pieces() - 1));
        QVERIFY(writer->framesBeforeAMark().isEmpty());
        for (const QString &sha : {sha256, sha256Of(bytes)}) {
            reader->send(getJson(u"g"_s, sha, 0));
            QCOMPARE(errorOf(reader->next()), u"not-found g"_s);
        }
        const Content next(pdfLike(Piece + 1, 10));
        QCOMPARE(progressFault(put(*writer, next), next), QString());
    }

    // Pieces come in order from piece 0: one out of order is refused and drops the upload,
    // which starts again at piece 0.
    void piecesInOrder()
    {
        const Content c(pdfLike(3 * Piece + 10, 11));
        auto client = connection();
        QVERIFY(client);
        // Not started with piece 0.
        client->sendRaw(putFrame(u"put-1"_s, c, 1));
        QCOMPARE(errorOf(client->next()), u"bad-request put-1"_s);

        QCOMPARE(progressFault(put(*client, c, 0, 2), c), QString());
        client->sendRaw(putFrame(u"put-3"_s, c, 3));
        QCOMPARE(errorOf(client->next()), u"bad-request put-3"_s);
        // Dropped: the piece that was next before is refused too.
        client->sendRaw(putFrame(u"put-2"_s, c, 2));
        QCOMPARE(errorOf(client->next()), u"bad-request put-2"_s);
        // A piece again: also refused.
        client->sendRaw(putFrame(u"put-1"_s, c, 1));
        QCOMPARE(errorOf(client->next()), u"bad-request put-1"_s);

        // Piece 0 starts it again; a piece of another content in between drops it as well.
        QCOMPARE(progressFault(put(*client, c, 0, 2), c), QString());
        const Content other(pdfLike(3 * Piece + 10, 12));
        client->sendRaw(putFrame(u"put-2"_s, other, 2));
        QCOMPARE(errorOf(client->next()), u"bad-request put-2"_s);
        client->sendRaw(putFrame(u"put-2"_s, c, 2));
        QCOMPARE(errorOf(client->next()), u"bad-request put-2"_s);
        // The same sha256 with another size is another content.
        QCOMPARE(progressFault(put(*client, c, 0, 2), c), QString());
        Content resized = c;
        resized.size = c.size + 1;
        client->sendRaw(putFrame(u"put-2"_s, resized, 2));
        QCOMPARE(errorOf(client->next()), u"bad-request put-2"_s);
        client->sendRaw(putFrame(u"put-2"_s, c, 2));
        QCOMPARE(errorOf(client->next()), u"bad-request put-2"_s);

        // A piece refused as it is read (bad base64) ends the upload too.
        QCOMPARE(progressFault(put(*client, c, 0, 2), c), QString());
        QJsonObject broken = putJson(u"put-2"_s, c, 2);
        broken.insert("data"_L1, u"!!!!"_s);
        client->sendRaw(compact(broken));
        QCOMPARE(errorOf(client->next()), u"bad-request put-2"_s);
        client->sendRaw(putFrame(u"put-2"_s, c, 2));
        QCOMPARE(errorOf(client->next()), u"bad-request put-2"_s);

        // Piece 0 of another content starts that one instead.
        QCOMPARE(progressFault(put(*client, c, 0, 2), c), QString());
        QCOMPARE(progressFault(put(*client, other), other), QString());
        client->sendRaw(putFrame(u"put-2"_s, c, 2));
        QCOMPARE(errorOf(client->next()), u"bad-request put-2"_s);

        // And from piece 0, in order, it is stored.
        QCOMPARE(progressFault(put(*client, c), c), QString());
        auto reader = connection();
        QVERIFY(reader);
        QString fault;
        QVERIFY(get(*reader, c.sha256, c.size, &fault) == c.bytes);
        QCOMPARE(fault, QString());
        QVERIFY(get(*reader, other.sha256, other.size, &fault) == other.bytes);
        QCOMPARE(fault, QString());
    }

    void refusedGets_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("requestId");

        const QString bad = Glosa::ErrorCode::BadRequest;
        // Two pieces, stored by the test function.
        const QJsonObject base = getJson(u"r1"_s, Content(pdfLike(Piece + 1, 13)).sha256, 0);
        const auto row = [](const char *name, const QJsonObject &frame, const QString &code,
                            const QString &requestId = u"r1"_s) {
            QTest::newRow(name) << compact(frame) << code << requestId;
        };
        row("unknown content", with(base, "sha256", sha256Of("nothing")),
            Glosa::ErrorCode::NotFound);
        row("piece just beyond", with(base, "piece", 2), bad);
        row("piece far beyond", with(base, "piece", 1000000), bad);
        row("piece negative", with(base, "piece", -1), bad);
        row("piece fractional", with(base, "piece", 1.5), bad);
        row("piece missing", with(base, "piece", Missing), bad);
        row("sha256 in uppercase",
            with(base, "sha256", base.value("sha256"_L1).toString().toUpper()), bad);
        row("sha256 missing", with(base, "sha256", Missing), bad);
        row("requestId missing", with(base, "requestId", Missing), bad, QString());
        row("requestId of 101 characters", with(base, "requestId", QString(101, u'r')),
            Glosa::ErrorCode::TooLarge, QString(101, u'r'));
    }

    void refusedGets()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, code);
        QFETCH(QString, requestId);
        const Content c(pdfLike(Piece + 1, 13));
        auto writer = connection();
        auto reader = connection();
        QVERIFY(writer && reader);
        QCOMPARE(progressFault(put(*writer, c), c), QString());
        reader->sendRaw(frame);
        QCOMPARE(errorOf(reader->next()), code + u' ' + requestId);
        QVERIFY(reader->framesBeforeAMark().isEmpty());
    }

    // Users in the viewer role read contents, in the lobby and on pages, but do not put them.
    void viewersReadButDoNotPut()
    {
        const Content c(pdfLike(Piece + 100, 14));
        auto member = connection({}, u"acme"_s, acme(u"mia"_s));
        auto viewer = connection({}, u"acme"_s, acme(u"vic"_s, u"viewer"_s));
        auto onPage = connection(u"p"_s, u"acme"_s, acme(u"val"_s, u"viewer"_s));
        QVERIFY(member && viewer && onPage);
        QCOMPARE(viewer->welcome.value("user"_L1)["role"_L1].toString(), u"viewer"_s);

        for (WireClient *client : {viewer.get(), onPage.get()}) {
            client->sendRaw(putFrame(u"put-0"_s, c, 0));
            QCOMPARE(errorOf(client->next()), u"forbidden put-0"_s);
            client->send(getJson(u"g"_s, c.sha256, 0));
            QCOMPARE(errorOf(client->next()), u"not-found g"_s);
        }
        QCOMPARE(progressFault(put(*member, c), c), QString());
        for (WireClient *client : {viewer.get(), onPage.get()}) {
            QString fault;
            QVERIFY(get(*client, c.sha256, c.size, &fault) == c.bytes);
            QCOMPARE(fault, QString());
        }
    }

    // A tenant's contents are its own: another tenant neither reads nor publishes them, and
    // keeps its own copy of the same bytes.
    void contentsBelongToTheirTenant()
    {
        const Content c(padded(m_pdf, Piece + 500));
        auto ana = connection({}, u"acme"_s, acme(u"ana"_s));
        auto guest = connection();
        QVERIFY(ana && guest);
        QCOMPARE(progressFault(put(*ana, c), c), QString());

        guest->send(getJson(u"g"_s, c.sha256, 0));
        QCOMPARE(errorOf(guest->next()), u"not-found g"_s);
        const QString bid = uuid();
        guest->send(publishPdf(bid, c.sha256));
        QCOMPARE(errorOf(guest->next()), u"not-found "_s);
        ana->send(publishPdf(uuid(), c.sha256));
        QCOMPARE(ana->next().value("type"_L1).toString(), u"document-published"_s);
        guest->send({{"type"_L1, "list-documents"_L1}, {"requestId"_L1, "l"_L1}});
        QCOMPARE(guest->next().value("documents"_L1).toArray(), QJsonArray());

        QCOMPARE(progressFault(put(*guest, c), c), QString());
        QString fault;
        QVERIFY(get(*guest, c.sha256, c.size, &fault) == c.bytes);
        QCOMPARE(fault, QString());
        QVERIFY(get(*ana, c.sha256, c.size, &fault) == c.bytes);
        QCOMPARE(fault, QString());
    }

    // A PDF is published by its sha256 once its bytes are put: the document names its format,
    // sha256 and size, never its content, in every frame that carries it.
    void publishingAPdf()
    {
        const Content c(padded(m_pdf, 2 * Piece + 321));
        const QString page = u"doc/"_s + c.sha256;
        auto pia = connection({}, u"acme"_s, acme(u"pia"_s));
        auto rob = connection(page, u"acme"_s, acme(u"rob"_s));
        QVERIFY(pia && rob);
        QVERIFY(rob->welcome.value("document"_L1).isNull());

        // Not put yet.
        QString bid = uuid();
        pia->send(publishPdf(bid, c.sha256));
        QJsonObject answer = pia->next();
        QCOMPARE(errorOf(answer), u"not-found "_s);
        QCOMPARE(answer.value("broadcastId"_L1).toString(), bid);

        QCOMPARE(progressFault(put(*pia, c), c), QString());
        bid = uuid();
        pia->send(publishPdf(bid, c.sha256));
        answer = pia->next();
        QCOMPARE(answer.value("type"_L1).toString(), u"document-published"_s);
        QCOMPARE(answer.value("broadcastId"_L1).toString(), bid);
        const QJsonObject document = answer.value("document"_L1).toObject();
        QCOMPARE(keys(document), (QStringList{u"format"_s, u"page"_s, u"sha256"_s, u"size"_s,
                                              u"title"_s, u"updatedAt"_s}));
        QCOMPARE(document.value("page"_L1).toString(), page);
        QCOMPARE(document.value("title"_L1).toString(), u"Annual report"_s);
        QCOMPARE(document.value("format"_L1).toString(), u"pdf"_s);
        QCOMPARE(document.value("sha256"_L1).toString(), c.sha256);
        QCOMPARE(document.value("size"_L1).toInteger(), c.size);
        QVERIFY(document.value("updatedAt"_L1).toInteger() > 1700000000000);

        // The page's connection gets it, and so does the welcome of a later one.
        const QJsonObject updated = rob->next(u"document-updated"_s);
        QCOMPARE(updated.value("document"_L1).toObject(), document);
        auto late = connection(page, u"acme"_s, acme(u"lea"_s, u"viewer"_s));
        QVERIFY(late);
        QCOMPARE(late->welcome.value("document"_L1).toObject(), document);
        // Its bytes come from get-content.
        QString fault;
        QVERIFY(get(*late, document.value("sha256"_L1).toString(),
                    document.value("size"_L1).toInteger(), &fault) == c.bytes);
        QCOMPARE(fault, QString());

        pia->send({{"type"_L1, "list-documents"_L1}, {"requestId"_L1, "l1"_L1}});
        answer = pia->next();
        QCOMPARE(answer.value("requestId"_L1).toString(), u"l1"_s);
        QCOMPARE(answer.value("documents"_L1).toArray(), QJsonArray{document});

        // The same again changes nothing.
        pia->send(publishPdf(uuid(), c.sha256));
        QCOMPARE(pia->next().value("document"_L1).toObject(), document);
        const QList<QJsonObject> seen = rob->framesBeforeAMark();
        QVERIFY(std::none_of(seen.begin(), seen.end(), [](const QJsonObject &f) {
            return f.value("type"_L1).toString() != "presence"_L1;
        }));

        // A new title is a new version; a PDF may replace a text and the other way round.
        pia->send(publishPdf(uuid(), c.sha256, u"Annual report, final"_s));
        const QJsonObject renamed = pia->next().value("document"_L1).toObject();
        QCOMPARE(renamed.value("title"_L1).toString(), u"Annual report, final"_s);
        QCOMPARE(renamed.value("size"_L1).toInteger(), c.size);
        QCOMPARE(rob->next(u"document-updated"_s).value("document"_L1).toObject(), renamed);
        pia->send({{"type"_L1, "publish-document"_L1},
                   {"broadcastId"_L1, uuid()},
                   {"document"_L1, QJsonObject{{"page"_L1, page},
                                               {"title"_L1, "Plain"_L1},
                                               {"format"_L1, "text"_L1},
                                               {"content"_L1, "Plain words."_L1}}}});
        QCOMPARE(pia->next().value("type"_L1).toString(), u"document-published"_s);
        const QJsonObject text = rob->next(u"document-updated"_s).value("document"_L1).toObject();
        QCOMPARE(text.value("content"_L1).toString(), u"Plain words."_s);
        QVERIFY(!text.contains("size"_L1));
        pia->send(publishPdf(uuid(), c.sha256, u"Annual report"_s, page));
        QCOMPARE(pia->next().value("type"_L1).toString(), u"document-published"_s);
        const QJsonObject back = rob->next(u"document-updated"_s).value("document"_L1).toObject();
        QVERIFY(!back.contains("content"_L1));
        QCOMPARE(back.value("size"_L1).toInteger(), c.size);

        // A PDF on a page named by the publisher.
        pia->send(publishPdf(uuid(), c.sha256, u"Report"_s, u"reports/2024"_s));
        const QJsonObject named = pia->next().value("document"_L1).toObject();
        QCOMPARE(named.value("page"_L1).toString(), u"reports/2024"_s);
        QCOMPARE(named.value("size"_L1).toInteger(), c.size);

        // A PDF is named by its sha256, not given as content.
        pia->send({{"type"_L1, "publish-document"_L1},
                   {"broadcastId"_L1, uuid()},
                   {"document"_L1, QJsonObject{{"title"_L1, "Report"_L1},
                                               {"format"_L1, "pdf"_L1},
                                               {"content"_L1, "%PDF-1.7 %%EOF"_L1}}}});
        QCOMPARE(errorOf(pia->next()), u"bad-request "_s);
    }

    // Chats on a PDF name the sheet their passage starts on, or a whole sheet; they keep it in
    // events, in snapshots and across a restart. An empty quote is only a whole sheet's.
    void chatsOnSheets()
    {
        auto ana = connection(u"report"_s);
        auto bo = connection(u"report"_s);
        QVERIFY(ana && bo);
        const QJsonObject whole{
            {"start"_L1, 0}, {"end"_L1, 0}, {"exact"_L1, ""_L1}, {"sheet"_L1, 2}};
        const QJsonObject passage{{"start"_L1, 40},         {"end"_L1, 45},
                                  {"exact"_L1, "quick"_L1}, {"prefix"_L1, "The "_L1},
                                  {"suffix"_L1, " fox"_L1}, {"sheet"_L1, 0}};
        const QJsonObject lastSheet{
            {"start"_L1, 7}, {"end"_L1, 7}, {"exact"_L1, ""_L1}, {"sheet"_L1, Limits::SheetMax}};
        QStringList anchors;
        for (const QJsonObject &anchor : {whole, passage, lastSheet}) {
            const QJsonObject op = newChatOn(anchor);
            ana->send(op);
            const QJsonObject echo = ana->next(u"new-text-chat"_s);
            QCOMPARE(echo.value("broadcastId"_L1), op.value("broadcastId"_L1));
            QCOMPARE(echo.value("chat"_L1)["anchor"_L1].toObject(), anchor);
            QCOMPARE(bo->next(u"new-text-chat"_s), echo);
            anchors.append(QString::fromUtf8(compact(anchor)));
        }
        anchors.sort();

        const QJsonObject refused[] = {
            {{"start"_L1, 3}, {"end"_L1, 3}, {"exact"_L1, ""_L1}},
            {{"start"_L1, 3}, {"end"_L1, 5}, {"exact"_L1, ""_L1}, {"sheet"_L1, 1}},
            {{"start"_L1, 3}, {"end"_L1, 3}, {"exact"_L1, ""_L1}, {"sheet"_L1, 100000}},
            {{"start"_L1, 3}, {"end"_L1, 8}, {"exact"_L1, "quick"_L1}, {"sheet"_L1, 100000}},
            {{"start"_L1, 3}, {"end"_L1, 8}, {"exact"_L1, "quick"_L1}, {"sheet"_L1, -1}},
        };
        for (const QJsonObject &anchor : refused) {
            const QJsonObject op = newChatOn(anchor);
            ana->send(op);
            const QJsonObject answer = ana->next();
            QCOMPARE(errorOf(answer), u"bad-request "_s);
            QCOMPARE(answer.value("broadcastId"_L1), op.value("broadcastId"_L1));
        }
        QVERIFY(bo->framesBeforeAMark().isEmpty());

        QVERIFY(m_server->restart());
        auto later = connection(u"report"_s);
        QVERIFY(later);
        QStringList stored;
        for (const QJsonValue &chat : later->snapshot.value("chats"_L1).toArray())
            stored.append(QString::fromUtf8(compact(chat["anchor"_L1].toObject())));
        stored.sort();
        QCOMPARE(stored, anchors);
    }

    // The largest content, 64 MiB, goes up and comes back whole.
    void theLargestContent()
    {
        const Content c(pdfLike(Limits::ContentBytes, 15));
        QCOMPARE(c.pieces(), 128);
        auto writer = connection();
        auto reader = connection();
        QVERIFY(writer && reader);
        QCOMPARE(progressFault(put(*writer, c), c), QString());
        QString fault;
        const QByteArray back = get(*reader, c.sha256, c.size, &fault);
        QCOMPARE(fault, QString());
        QCOMPARE(back.size(), c.size);
        QCOMPARE(sha256Of(back), c.sha256);

        // A byte more is too large.
        QJsonObject over = putJson(u"r"_s, c, 0);
        writer->send(with(over, "size", Limits::ContentBytes + 1));
        QCOMPARE(errorOf(writer->next()), u"too-large r"_s);
    }

    // Frames of contents do not count against the rate limit: 70 pieces at once, more than a
    // burst, are all taken, and so are 70 reads in a row; the limit still holds for the rest.
    void contentFramesAreNotRateLimited()
    {
        // One frame a second after a burst of 60: the burst is all a test this fast can use.
        m_server->stop();
        m_server->config.limits.opsPerSecond = 1;
        QVERIFY(m_server->start());
        QCOMPARE(m_server->config.limits.burst, 60);

        const Content c(pdfLike(70 * Piece, 16));
        auto writer = connection();
        auto reader = connection();
        QVERIFY(writer && reader);
        QList<QByteArray> frames;
        for (int piece = 0; piece < c.pieces(); ++piece)
            frames.append(putFrame(u"put-%1"_s.arg(piece), c, piece));
        writer->sendAll(frames);
        frames.clear();
        QList<QJsonObject> answers;
        for (int piece = 0; piece < c.pieces(); ++piece)
            answers.append(writer->next());
        QCOMPARE(progressFault(answers, c), QString());

        QString fault;
        QVERIFY(get(*reader, c.sha256, c.size, &fault, 1) == c.bytes);
        QCOMPARE(fault, QString());

        // Their burst is whole: 60 frames are taken, the 61st is not.
        for (WireClient *client : {writer.get(), reader.get()}) {
            QList<QByteArray> lists;
            for (int i = 0; i < 61; ++i)
                lists.append(
                    compact({{"type"_L1, "list-documents"_L1}, {"requestId"_L1, u"l%1"_s.arg(i)}}));
            lists.last() = compact({{"type"_L1, "list-documents"_L1}, {"requestId"_L1, "last"_L1}});
            client->sendAll(lists);
            int listed = 0;
            QString refused;
            for (int i = 0; i < 61; ++i) {
                const QJsonObject answer = client->next();
                if (answer.value("type"_L1).toString() == "documents"_L1)
                    ++listed;
                else
                    refused = errorOf(answer);
            }
            QCOMPARE(listed, 60);
            QCOMPARE(refused, u"rate-limited last"_s);
        }
    }

    // At most four get-content requests of a connection wait for their answers: of eight sent
    // at once, the first four are answered with their pieces, and at least one of the others
    // is refused. Every request gets one answer.
    void unansweredReadsAreBounded()
    {
        QCOMPARE(ContentTransfers::PendingReads, 4);
        const Content c(pdfLike(2 * Piece, 17));
        auto writer = connection();
        auto reader = connection();
        QVERIFY(writer && reader);
        QCOMPARE(progressFault(put(*writer, c), c), QString());

        QList<QByteArray> frames;
        for (int i = 0; i < 8; ++i)
            frames.append(compact(getJson(u"get-%1"_s.arg(i), c.sha256, i % 2)));
        reader->sendAll(frames);
        QHash<QString, QJsonObject> answers;
        for (int i = 0; i < 8; ++i) {
            const QJsonObject answer = reader->next();
            const QString requestId = answer.value("requestId"_L1).toString();
            QVERIFY2(!answers.contains(requestId), qPrintable(requestId));
            answers.insert(requestId, answer);
        }
        QVERIFY(reader->framesBeforeAMark().isEmpty());
        int refused = 0;
        for (int i = 0; i < 8; ++i) {
            const QJsonObject answer = answers.value(u"get-%1"_s.arg(i));
            if (i >= 4 && answer.value("type"_L1).toString() == "error"_L1) {
                QCOMPARE(errorOf(answer), u"rate-limited get-%1"_s.arg(i));
                ++refused;
                continue;
            }
            QCOMPARE(answer.value("type"_L1).toString(), u"content"_s);
            QCOMPARE(answer.value("piece"_L1).toInt(), i % 2);
            QCOMPARE(QByteArray::fromBase64(answer.value("data"_L1).toString().toLatin1()),
                     c.piece(i % 2));
        }
        QVERIFY(refused >= 1);

        // Once answered, they no longer count.
        QString fault;
        QVERIFY(get(*reader, c.sha256, c.size, &fault) == c.bytes);
        QCOMPARE(fault, QString());
    }

    // A put-content frame may be as large as a publish-document one, 1 MiB; other frames,
    // get-content too, stay within 64 KiB.
    void frameSizes()
    {
        const Content c(pdfLike(Piece, 18));
        QVERIFY(putFrame(u"put-0"_s, c, 0).size() > Limits::FrameBytes);
        auto client = connection();
        QVERIFY(client);
        QCOMPARE(progressFault(put(*client, c), c), QString());

        const QString padding(Limits::FrameBytes, u'p');
        client->send({{"type"_L1, "list-documents"_L1},
                      {"requestId"_L1, "big"_L1},
                      {"padding"_L1, padding}});
        QCOMPARE(errorOf(client->next()), u"too-large big"_s);
        client->send(with(getJson(u"big"_s, c.sha256, 0), "padding", padding));
        QCOMPARE(errorOf(client->next()), u"too-large big"_s);
        QVERIFY(client->framesBeforeAMark().isEmpty());

        // Over 1 MiB, a put-content frame ends the connection, as any frame does.
        client->send(with(putJson(u"r"_s, c, 0), "padding",
                          QString(Limits::PublishFrameBytes - Limits::FrameBytes, u'p')));
        QCOMPARE(client->waitClosed(), 1009);
    }

    // An upload left unfinished by a connection that goes is forgotten: the same content may
    // then be put whole by another.
    void aConnectionGoingMidUpload()
    {
        const Content c(pdfLike(3 * Piece, 19));
        auto first = connection();
        QVERIFY(first);
        QCOMPARE(progressFault(put(*first, c, 0, 2), c), QString());
        first->close();
        first.reset();

        auto second = connection();
        auto reader = connection();
        QVERIFY(second && reader);
        reader->send(getJson(u"g"_s, c.sha256, 0));
        QCOMPARE(errorOf(reader->next()), u"not-found g"_s);
        QCOMPARE(progressFault(put(*second, c), c), QString());
        QString fault;
        QVERIFY(get(*reader, c.sha256, c.size, &fault) == c.bytes);
        QCOMPARE(fault, QString());
    }

    // The server holds at most 256 MiB of unfinished uploads, of all its connections together:
    // beyond, a piece is refused; what a connection held is freed when it goes.
    void unfinishedUploadsAreBounded()
    {
        const qint64 held = ContentTransfers::HeldBytes;
        QCOMPARE(held, 256 * 1024 * 1024);
        // Uploads of the largest content, each stopped a piece before its end.
        Content c(pdfLike(Limits::ContentBytes, 20));
        const int perUpload = c.pieces() - 1;
        const int full = int(held / Piece / perUpload), rest = int(held / Piece % perUpload);
        QVERIFY(full >= 2 && rest > 0);
        std::vector<std::unique_ptr<WireClient>> uploaders;
        for (int i = 0; i <= full; ++i) {
            uploaders.push_back(connection());
            QVERIFY(uploaders.back());
            c.sha256 = sha256Of(QByteArray::number(i));
            const QList<QJsonObject> answers =
                put(*uploaders.back(), c, 0, i < full ? perUpload : rest);
            QCOMPARE(progressFault(answers, c), QString());
            QCOMPARE(answers.size(), i < full ? perUpload : rest);
        }

        // Full: a piece more is refused.
        const Content small(pdfLike(5000, 21));
        auto late = connection();
        QVERIFY(late);
        QCOMPARE(putWhole(*late, small), u"rate-limited put-0"_s);
        late->send(getJson(u"g"_s, small.sha256, 0));
        QCOMPARE(errorOf(late->next()), u"not-found g"_s);

        // A connection going frees what it held.
        uploaders.front()->close();
        QTRY_COMPARE_WITH_TIMEOUT(putWhole(*late, small), u"stored"_s, Timeout);
        QString fault;
        QVERIFY(get(*late, small.sha256, small.size, &fault) == small.bytes);
        QCOMPARE(fault, QString());
    }
};

QTEST_MAIN(tst_ContentTransfers)
#include "tst_contenttransfers.moc"
