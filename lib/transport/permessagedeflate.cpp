#include "permessagedeflate.h"

#include <QList>

#include <zlib.h>

#include <array>

namespace Glosa {

namespace {

constexpr int MinWindowBits = 9; // zlib cannot write a raw deflate stream with an 8-bit window
constexpr int MaxWindowBits = 15;
constexpr char Tail[] = {'\x00', '\x00', '\xff', '\xff'};

// The streams of one thread, made on first use and reset before each message.
struct Streams
{
    std::array<std::optional<z_stream>, MaxWindowBits + 1> deflaters;
    std::optional<z_stream> inflater;
    // The last message compressed and its result: a broadcast sends one QByteArray to every
    // recipient, so one entry catches it. Holding `source` keeps its data alive, so the same
    // address and size mean the same bytes.
    QByteArray source;
    int sourceBits = 0;
    QByteArray compressed;

    ~Streams()
    {
        for (std::optional<z_stream> &d : deflaters) {
            if (d)
                deflateEnd(&*d);
        }
        if (inflater)
            inflateEnd(&*inflater);
    }

    z_stream *deflater(int windowBits)
    {
        std::optional<z_stream> &d = deflaters[windowBits];
        if (!d) {
            d.emplace();
            *d = {};
            // Level 1: on messages of a few hundred bytes it saves nearly as much as level 6,
            // at a fraction of the time.
            if (deflateInit2(&*d, 1, Z_DEFLATED, -windowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
                d.reset();
                return nullptr;
            }
        } else {
            deflateReset(&*d);
        }
        return &*d;
    }

    z_stream *inflaterReset()
    {
        if (!inflater) {
            inflater.emplace();
            *inflater = {};
            if (inflateInit2(&*inflater, -MaxWindowBits) != Z_OK) {
                inflater.reset();
                return nullptr;
            }
        } else {
            inflateReset(&*inflater);
        }
        return &*inflater;
    }
};

Streams &streams()
{
    thread_local Streams s;
    return s;
}

QList<QByteArray> splitTrimmed(const QByteArray &text, char separator)
{
    QList<QByteArray> parts = text.split(separator);
    for (QByteArray &p : parts)
        p = p.trimmed();
    return parts;
}

// The window of `name=value` (or the default when there is no value), or 0 when invalid.
int windowBits(const QByteArray &value, bool valueRequired)
{
    if (value.isNull())
        return valueRequired ? 0 : MaxWindowBits;
    QByteArray digits = value;
    if (digits.size() >= 2 && digits.startsWith('"') && digits.endsWith('"'))
        digits = digits.mid(1, digits.size() - 2);
    bool ok = false;
    const int bits = digits.toInt(&ok);
    return ok && bits >= 8 && bits <= MaxWindowBits && !digits.startsWith('+') ? bits : 0;
}

} // namespace

std::optional<QByteArray> PerMessageDeflate::negotiate(const QByteArray &offers,
                                                       int *serverWindowBits)
{
    for (const QByteArray &offer : splitTrimmed(offers, ',')) {
        const QList<QByteArray> parts = splitTrimmed(offer, ';');
        if (parts.first().toLower() != "permessage-deflate")
            continue;
        QList<QByteArray> seen;
        int serverBits = MaxWindowBits;
        bool acceptable = true;
        for (qsizetype i = 1; i < parts.size() && acceptable; ++i) {
            const qsizetype eq = parts.at(i).indexOf('=');
            const QByteArray name = (eq < 0 ? parts.at(i) : parts.at(i).left(eq)).trimmed();
            const QByteArray value = eq < 0 ? QByteArray() : parts.at(i).mid(eq + 1).trimmed();
            if (seen.contains(name)) {
                acceptable = false;
            } else if (name == "server_no_context_takeover" ||
                       name == "client_no_context_takeover") {
                acceptable = value.isNull();
            } else if (name == "server_max_window_bits") {
                serverBits = windowBits(value, true);
                acceptable = serverBits >= MinWindowBits;
            } else if (name == "client_max_window_bits") {
                // The server inflates with the largest window, so any client window will do.
                acceptable = windowBits(value, false) != 0;
            } else {
                acceptable = false;
            }
            seen.append(name);
        }
        if (!acceptable)
            continue;
        *serverWindowBits = serverBits;
        QByteArray response = "permessage-deflate; server_no_context_takeover; "
                              "client_no_context_takeover";
        if (serverBits != MaxWindowBits)
            response += "; server_max_window_bits=" + QByteArray::number(serverBits);
        return response;
    }
    return std::nullopt;
}

QByteArray PerMessageDeflate::compress(const QByteArray &message, int windowBits)
{
    Streams &s = streams();
    if (s.sourceBits == windowBits && s.source.constData() == message.constData() &&
        s.source.size() == message.size())
        return s.compressed;

    z_stream *z = s.deflater(windowBits);
    if (!z)
        return {};
    QByteArray out(qsizetype(deflateBound(z, uLong(message.size()))) + 8, Qt::Uninitialized);
    z->next_in = reinterpret_cast<Bytef *>(const_cast<char *>(message.constData()));
    z->avail_in = uInt(message.size());
    z->next_out = reinterpret_cast<Bytef *>(out.data());
    z->avail_out = uInt(out.size());
    if (deflate(z, Z_SYNC_FLUSH) != Z_OK || z->avail_in != 0)
        return {};
    qsizetype size = out.size() - qsizetype(z->avail_out);
    if (size >= 4 && out.mid(size - 4, 4) == QByteArrayView(Tail, 4))
        size -= 4;
    out.truncate(size);
    out.squeeze(); // the frame keeps its compressed size, not the bound reserved for it

    s.source = message;
    s.sourceBits = windowBits;
    s.compressed = out;
    return out;
}

std::optional<QByteArray> PerMessageDeflate::decompress(const QByteArray &payload,
                                                        qsizetype maxBytes, bool *tooLarge)
{
    *tooLarge = false;
    z_stream *z = streams().inflaterReset();
    if (!z)
        return std::nullopt;
    QByteArray input = payload;
    input.append(Tail, sizeof Tail);
    z->next_in = reinterpret_cast<Bytef *>(input.data());
    z->avail_in = uInt(input.size());

    QByteArray out;
    char chunk[16384];
    for (;;) {
        z->next_out = reinterpret_cast<Bytef *>(chunk);
        z->avail_out = sizeof chunk;
        const int rc = inflate(z, Z_SYNC_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
            return std::nullopt;
        const qsizetype produced = qsizetype(sizeof chunk) - qsizetype(z->avail_out);
        if (out.size() + produced > maxBytes) {
            *tooLarge = true;
            return std::nullopt;
        }
        out.append(chunk, produced);
        if (rc == Z_STREAM_END || (z->avail_out > 0 && z->avail_in == 0))
            break;
        if (rc == Z_BUF_ERROR && produced == 0)
            return std::nullopt; // no progress: the data is cut short
    }
    return out;
}

} // namespace Glosa
