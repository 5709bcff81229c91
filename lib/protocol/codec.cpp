#include "codec.h"

#include "errorcode.h"
#include "jsonsyntax.h"
#include "jsonwriter.h"
#include "protocollimits.h"
#include "validation.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

namespace Type {
constexpr auto Hello = "hello"_L1;
constexpr auto Welcome = "welcome"_L1;
constexpr auto Snapshot = "snapshot"_L1;
constexpr auto Sync = "sync"_L1;
constexpr auto NewChat = "new-text-chat"_L1;
constexpr auto UpdatedChat = "updated-text-chat"_L1;
constexpr auto DeletedChat = "deleted-text-chat"_L1;
constexpr auto Presence = "presence"_L1;
constexpr auto Batch = "batch"_L1;
constexpr auto Error = "error"_L1;
constexpr auto PublishDocument = "publish-document"_L1;
constexpr auto DocumentPublished = "document-published"_L1;
constexpr auto ListDocuments = "list-documents"_L1;
constexpr auto Documents = "documents"_L1;
constexpr auto DocumentUpdated = "document-updated"_L1;
constexpr auto PutContent = "put-content"_L1;
constexpr auto ContentReceived = "content-received"_L1;
constexpr auto GetContent = "get-content"_L1;
constexpr auto Content = "content"_L1;
} // namespace Type

constexpr qint64 MaxSafeInteger = (qint64(1) << 53) - 1;

const char *opName(Change::Op op)
{
    switch (op) {
    case Change::Op::AddComment:
        return "add-comment";
    case Change::Op::EditComment:
        return "edit-comment";
    case Change::Op::DeleteComment:
        return "delete-comment";
    case Change::Op::Resolve:
        return "resolve";
    }
    return "";
}

// Reads the fields of one JSON object, keeping the first fault found. Every accessor returns a
// harmless default once a fault is recorded, so a decoder reads straight through and checks once.
class Reader
{
public:
    Reader(const QJsonObject &object, QString path, ProtocolError *error)
        : m_object(object)
        , m_path(std::move(path))
        , m_error(error)
    {}

    bool ok() const { return m_error->isNull(); }
    bool has(QLatin1StringView key) const { return m_object.contains(key); }

    void fail(const QString &code, const QString &message)
    {
        if (ok())
            *m_error = {code, message};
    }

    QString string(QLatin1StringView key, bool required = true)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isString())
            return v.toString();
        if (!v.isUndefined() || required)
            typeFault(key, v, "a string");
        return {};
    }

    std::optional<QString> optionalString(QLatin1StringView key)
    {
        if (!has(key) || m_object.value(key).isNull())
            return std::nullopt;
        return string(key);
    }

    QString uuid(QLatin1StringView key)
    {
        const QString s = string(key);
        if (ok() && !Validation::isUuid(s))
            fail(ErrorCode::BadRequest, name(key) + u" must be a lowercase canonical UUID"_s);
        return s;
    }

    qint64 integer(QLatin1StringView key, qint64 min = 0, bool required = true)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() && !required)
            return min;
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || std::isnan(d) || d != std::floor(d) || std::fabs(d) > MaxSafeInteger) {
            typeFault(key, v, "an integer");
            return min;
        }
        if (qint64(d) < min) {
            fail(ErrorCode::BadRequest, name(key) + u" must be at least %1"_s.arg(min));
            return min;
        }
        return qint64(d);
    }

    // An integer held in an int: a larger one must not wrap around into a valid value.
    int int32(QLatin1StringView key, int min = 0, bool required = true)
    {
        const qint64 i = integer(key, min, required);
        if (i > std::numeric_limits<int>::max()) {
            fail(ErrorCode::BadRequest,
                 name(key) + u" must be at most %1"_s.arg(std::numeric_limits<int>::max()));
            return min;
        }
        return int(i);
    }

    bool boolean(QLatin1StringView key, bool required = true)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isBool())
            return v.toBool();
        if (!v.isUndefined() || required)
            typeFault(key, v, "a boolean");
        return false;
    }

    QJsonObject object(QLatin1StringView key, bool required = true)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isObject())
            return v.toObject();
        if (!v.isUndefined() || required)
            typeFault(key, v, "an object");
        return {};
    }

    QJsonArray array(QLatin1StringView key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isArray())
            return v.toArray();
        typeFault(key, v, "an array");
        return {};
    }

    Reader element(const QJsonValue &v, QLatin1StringView arrayKey)
    {
        if (!v.isObject())
            fail(ErrorCode::BadRequest, name(arrayKey) + u" must hold objects"_s);
        return Reader(v.toObject(), name(arrayKey), m_error);
    }

    Reader child(QLatin1StringView key, bool required = true)
    {
        return Reader(object(key, required), name(key), m_error);
    }

    void check(const ProtocolError &e)
    {
        if (!e.isNull())
            fail(e.code, e.message);
    }

    QString name(QLatin1StringView key) const
    {
        return m_path.isEmpty() ? QString(key) : m_path + u'.' + key;
    }

private:
    void typeFault(QLatin1StringView key, const QJsonValue &v, const char *expected)
    {
        fail(ErrorCode::BadRequest,
             v.isUndefined() ? u"missing field %1"_s.arg(name(key))
                             : u"%1 must be %2"_s.arg(name(key), QLatin1StringView(expected)));
    }

    QJsonObject m_object;
    QString m_path;
    ProtocolError *m_error;
};

Anchor readAnchor(Reader r)
{
    Anchor a;
    a.start = r.int32("start"_L1);
    a.end = r.int32("end"_L1);
    a.exact = r.string("exact"_L1);
    a.prefix = r.string("prefix"_L1, false);
    a.suffix = r.string("suffix"_L1, false);
    if (r.has("sheet"_L1))
        a.sheet = r.int32("sheet"_L1);
    return a;
}

Author readAuthor(Reader r)
{
    return {r.string("id"_L1), r.string("name"_L1)};
}

// An optional list of users: the viewers of a welcome or presence frame, a comment's mentions.
QList<Author> readAuthors(Reader &r, QLatin1StringView key)
{
    QList<Author> authors;
    if (!r.has(key))
        return authors;
    const QJsonArray list = r.array(key);
    for (const QJsonValue &v : list)
        authors.append(readAuthor(r.element(v, key)));
    return authors;
}

// The users a comment mentions; from a client (`checked`), as the text names them.
QList<Author> readMentions(Reader &r, const QString &text, bool checked)
{
    const QList<Author> mentions = readAuthors(r, "mentions"_L1);
    if (checked && r.ok())
        r.check(Validation::checkMentions(mentions, text));
    return mentions;
}

Comment readComment(Reader r)
{
    Comment c;
    c.id = r.string("id"_L1);
    c.deleted = r.boolean("deleted"_L1, false);
    if (c.deleted)
        return c;
    c.author = readAuthor(r.child("author"_L1));
    c.text = r.string("text"_L1);
    c.createdAt = r.integer("createdAt"_L1);
    if (r.has("editedAt"_L1))
        c.editedAt = r.integer("editedAt"_L1);
    c.mentions = readMentions(r, c.text, false);
    return c;
}

Chat readChat(Reader r)
{
    Chat c;
    c.id = r.string("id"_L1);
    c.anchor = readAnchor(r.child("anchor"_L1));
    c.author = readAuthor(r.child("author"_L1));
    c.createdAt = r.integer("createdAt"_L1);
    c.updatedAt = r.integer("updatedAt"_L1);
    c.resolved = r.boolean("resolved"_L1);
    if (c.resolved && r.has("resolvedBy"_L1)) {
        c.resolvedBy = readAuthor(r.child("resolvedBy"_L1));
        c.resolvedAt = r.integer("resolvedAt"_L1);
    }
    const QJsonArray comments = r.array("comments"_L1);
    for (const QJsonValue &v : comments)
        c.comments.append(readComment(r.element(v, "comments"_L1)));
    return c;
}

Document readDocument(Reader r, bool requirePage)
{
    Document d;
    d.page = requirePage ? r.string("page"_L1) : r.string("page"_L1, false);
    d.title = r.string("title"_L1);
    d.format = r.string("format"_L1);
    d.content = r.string("content"_L1, false);
    d.sha256 = r.string("sha256"_L1, false);
    d.updatedAt = r.integer("updatedAt"_L1, 0, false);
    d.size = r.integer("size"_L1, 0, false);
    return d;
}

QString readRequestId(Reader &r)
{
    const QString id = r.string("requestId"_L1);
    if (r.ok() && id.size() > Limits::RequestIdMax)
        r.fail(ErrorCode::TooLarge,
               u"requestId is longer than %1 characters"_s.arg(Limits::RequestIdMax));
    return id;
}

QString readSha256(Reader &r)
{
    const QString sha256 = r.string("sha256"_L1);
    if (r.ok() && !Validation::isSha256(sha256))
        r.fail(ErrorCode::BadRequest,
               r.name("sha256"_L1) + u" must be a SHA-256 in lowercase hexadecimal"_s);
    return sha256;
}

int readPiece(Reader &r, qint64 size)
{
    const int piece = r.int32("piece"_L1);
    if (r.ok() && piece >= Validation::contentPieces(size))
        r.fail(ErrorCode::BadRequest,
               u"a content of %1 bytes has %2 pieces, there is no piece %3"_s.arg(size)
                   .arg(Validation::contentPieces(size))
                   .arg(piece));
    return piece;
}

// Bytes sent as base64 (RFC 4648, with padding).
QByteArray readData(Reader &r)
{
    const QString text = r.string("data"_L1);
    if (!r.ok())
        return {};
    QByteArray::FromBase64Result decoded =
        QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        r.fail(ErrorCode::BadRequest, u"data must be base64"_s);
    return std::move(decoded.decoded);
}

Change readChange(Reader r, bool completed)
{
    Change c;
    const QString op = r.string("op"_L1);
    if (!r.ok())
        return c;
    if (op == "add-comment"_L1) {
        c.op = Change::Op::AddComment;
        Reader comment = r.child("comment"_L1);
        if (completed) {
            c.comment = readComment(comment);
        } else {
            c.comment.id = comment.uuid("id"_L1);
            c.comment.text = comment.string("text"_L1);
            if (comment.ok())
                comment.check(Validation::checkCommentText(c.comment.text));
            c.comment.mentions = readMentions(comment, c.comment.text, true);
        }
    } else if (op == "edit-comment"_L1) {
        c.op = Change::Op::EditComment;
        c.commentId = completed ? r.string("commentId"_L1) : r.uuid("commentId"_L1);
        c.text = r.string("text"_L1);
        if (completed)
            c.comment = readComment(r.child("comment"_L1));
        else if (r.ok())
            r.check(Validation::checkCommentText(c.text));
        c.mentions = readMentions(r, c.text, !completed);
    } else if (op == "delete-comment"_L1) {
        c.op = Change::Op::DeleteComment;
        c.commentId = completed ? r.string("commentId"_L1) : r.uuid("commentId"_L1);
        if (completed)
            c.comment = readComment(r.child("comment"_L1));
    } else if (op == "resolve"_L1) {
        c.op = Change::Op::Resolve;
        c.resolved = r.boolean("resolved"_L1);
        // The server says who resolved; from a client the field is ignored.
        if (completed && c.resolved && r.has("resolvedBy"_L1))
            c.resolvedBy = readAuthor(r.child("resolvedBy"_L1));
    } else {
        r.fail(ErrorCode::BadRequest, u"unknown change op \"%1\""_s.arg(op));
    }
    return c;
}

User readUser(Reader r)
{
    User u;
    u.id = r.string("id"_L1);
    u.name = r.string("name"_L1);
    const QString role = r.string("role"_L1);
    if (r.ok() && !User::roleFromName(role, &u.role))
        r.fail(ErrorCode::BadRequest, u"unknown role \"%1\""_s.arg(role));
    return u;
}

std::optional<QJsonObject> parseObject(const QByteArray &frame, ProtocolError *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(frame, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = {ErrorCode::BadRequest,
                  parseError.error != QJsonParseError::NoError
                      ? u"frame is not JSON: %1"_s.arg(parseError.errorString())
                      : u"frame is not a JSON object"_s};
        return std::nullopt;
    }
    return doc.object();
}

std::optional<ClientMessage> decodeClientObject(const QJsonObject &o, ProtocolError *error)
{
    Reader r(o, {}, error);
    const QString type = r.string("type"_L1);
    if (!r.ok())
        return std::nullopt;

    ClientMessage message;
    if (type == Type::Hello) {
        Hello h;
        h.v = r.int32("v"_L1, 0, false);
        if (r.has("v"_L1) && h.v != Limits::ProtocolVersion)
            r.fail(ErrorCode::BadRequest, u"unsupported protocol version %1"_s.arg(h.v));
        h.v = Limits::ProtocolVersion;
        h.tenant = r.string("tenant"_L1);
        if (r.ok() && (h.tenant.isEmpty() || h.tenant.size() > Limits::TenantMax))
            r.fail(h.tenant.isEmpty() ? ErrorCode::BadRequest : ErrorCode::TooLarge,
                   u"tenant must have 1 to %1 characters"_s.arg(Limits::TenantMax));
        h.page = r.optionalString("page"_L1);
        if (r.ok() && h.page)
            r.check(Validation::checkPage(*h.page));
        if (r.has("token"_L1))
            h.token = r.string("token"_L1);
        if (r.has("credential"_L1))
            h.credential = r.string("credential"_L1);
        h.name = r.string("name"_L1, false);
        if (r.ok() && r.has("name"_L1))
            r.check(Validation::checkName(h.name));
        if (r.has("resume"_L1) && !o.value("resume"_L1).isNull()) {
            Reader resume = r.child("resume"_L1);
            h.resume = ResumePoint{resume.string("epoch"_L1), resume.integer("seq"_L1)};
        }
        message = h;
    } else if (type == Type::Sync) {
        message = SyncRequest{r.string("epoch"_L1), r.integer("since"_L1)};
    } else if (type == Type::NewChat) {
        NewChatOp op;
        op.broadcastId = r.uuid("broadcastId"_L1);
        Reader chat = r.child("chat"_L1);
        op.chatId = chat.uuid("id"_L1);
        op.anchor = readAnchor(chat.child("anchor"_L1));
        if (r.ok())
            r.check(Validation::checkAnchor(op.anchor));
        Reader comment = chat.child("comment"_L1);
        op.commentId = comment.uuid("id"_L1);
        op.text = comment.string("text"_L1);
        if (r.ok())
            r.check(Validation::checkCommentText(op.text));
        op.mentions = readMentions(comment, op.text, true);
        message = op;
    } else if (type == Type::UpdatedChat) {
        UpdateChatOp op;
        op.broadcastId = r.uuid("broadcastId"_L1);
        op.chatId = r.uuid("chatId"_L1);
        op.change = readChange(r.child("change"_L1), false);
        message = op;
    } else if (type == Type::DeletedChat) {
        message = DeleteChatOp{r.uuid("broadcastId"_L1), r.uuid("chatId"_L1)};
    } else if (type == Type::PublishDocument) {
        PublishDocumentOp op;
        op.broadcastId = r.uuid("broadcastId"_L1);
        Reader doc = r.child("document"_L1);
        op.document.page = doc.string("page"_L1, false);
        op.document.title = doc.string("title"_L1);
        op.document.format = doc.string("format"_L1);
        if (op.document.isPdf()) {
            // A PDF's bytes are put first (put-content); the document names them.
            op.document.sha256 = readSha256(doc);
        } else {
            op.document.content = doc.string("content"_L1);
        }
        if (doc.ok() && doc.has("page"_L1))
            doc.check(Validation::checkPage(op.document.page));
        if (doc.ok() &&
            (op.document.title.trimmed().isEmpty() || op.document.title.size() > Limits::TitleMax))
            doc.fail(op.document.title.size() > Limits::TitleMax ? ErrorCode::TooLarge
                                                                 : ErrorCode::BadRequest,
                     u"document title must have 1 to %1 characters"_s.arg(Limits::TitleMax));
        if (doc.ok())
            doc.check(Validation::checkDocumentFormat(op.document.format));
        message = op;
    } else if (type == Type::ListDocuments) {
        message = ListDocumentsRequest{readRequestId(r)};
    } else if (type == Type::PutContent) {
        PutContent put;
        put.requestId = readRequestId(r);
        put.sha256 = readSha256(r);
        put.size = r.integer("size"_L1, 1);
        if (r.ok() && put.size > Limits::ContentBytes)
            r.fail(ErrorCode::TooLarge,
                   u"a content is at most %1 bytes, this one has %2"_s.arg(Limits::ContentBytes)
                       .arg(put.size));
        put.piece = readPiece(r, put.size);
        put.data = readData(r);
        const qint64 expected = std::min(Limits::ContentPieceBytes,
                                         put.size - qint64(put.piece) * Limits::ContentPieceBytes);
        if (r.ok() && put.data.size() != expected)
            r.fail(put.data.size() > expected ? ErrorCode::TooLarge : ErrorCode::BadRequest,
                   u"piece %1 of a content of %2 bytes has %3 bytes, not %4"_s.arg(put.piece)
                       .arg(put.size)
                       .arg(put.data.size())
                       .arg(expected));
        message = put;
    } else if (type == Type::GetContent) {
        GetContent get;
        get.requestId = readRequestId(r);
        get.sha256 = readSha256(r);
        get.piece = r.int32("piece"_L1);
        message = get;
    } else {
        r.fail(ErrorCode::BadRequest, u"unknown type \"%1\""_s.arg(type));
    }
    if (!r.ok())
        return std::nullopt;
    return message;
}

std::optional<ServerMessage> decodeServerObject(const QJsonObject &o, ProtocolError *error)
{
    Reader r(o, {}, error);
    const QString type = r.string("type"_L1);
    if (!r.ok())
        return std::nullopt;

    ServerMessage message;
    if (type == Type::Welcome) {
        Welcome w;
        w.v = r.int32("v"_L1);
        w.connection = r.string("connection"_L1);
        w.user = readUser(r.child("user"_L1));
        w.credential = r.string("credential"_L1, false);
        w.hasPage = r.has("epoch"_L1);
        if (w.hasPage) {
            w.epoch = r.string("epoch"_L1);
            w.seq = r.integer("seq"_L1);
            w.viewers = r.int32("viewers"_L1);
            w.recovered = r.boolean("recovered"_L1);
            if (o.value("document"_L1).isObject())
                w.document = readDocument(r.child("document"_L1), true);
            w.users = readAuthors(r, "users"_L1);
        }
        message = w;
    } else if (type == Type::Snapshot) {
        Snapshot s;
        s.epoch = r.string("epoch"_L1);
        s.seq = r.integer("seq"_L1);
        const QJsonArray chats = r.array("chats"_L1);
        for (const QJsonValue &v : chats)
            s.chats.append(readChat(r.element(v, "chats"_L1)));
        message = s;
    } else if (type == Type::NewChat) {
        NewChatEvent e;
        e.seq = r.integer("seq"_L1, 1);
        e.broadcastId = r.string("broadcastId"_L1);
        e.chat = readChat(r.child("chat"_L1));
        message = e;
    } else if (type == Type::UpdatedChat) {
        UpdatedChatEvent e;
        e.seq = r.integer("seq"_L1, 1);
        e.broadcastId = r.string("broadcastId"_L1);
        e.chatId = r.string("chatId"_L1);
        e.updatedAt = r.integer("updatedAt"_L1);
        e.change = readChange(r.child("change"_L1), true);
        message = e;
    } else if (type == Type::DeletedChat) {
        message = DeletedChatEvent{r.integer("seq"_L1, 1), r.string("broadcastId"_L1),
                                   r.string("chatId"_L1)};
    } else if (type == Type::Presence) {
        message = Presence{r.int32("viewers"_L1), readAuthors(r, "users"_L1)};
    } else if (type == Type::Error) {
        ErrorMessage e;
        e.broadcastId = r.string("broadcastId"_L1, false);
        e.requestId = r.string("requestId"_L1, false);
        e.code = r.string("code"_L1);
        e.message = r.string("message"_L1, false);
        message = e;
    } else if (type == Type::DocumentPublished) {
        message = DocumentPublished{r.string("broadcastId"_L1),
                                    readDocument(r.child("document"_L1), true)};
    } else if (type == Type::Documents) {
        DocumentList list;
        list.requestId = r.string("requestId"_L1);
        const QJsonArray docs = r.array("documents"_L1);
        for (const QJsonValue &v : docs)
            list.documents.append(readDocument(r.element(v, "documents"_L1), true));
        message = list;
    } else if (type == Type::DocumentUpdated) {
        message = DocumentUpdated{readDocument(r.child("document"_L1), true)};
    } else if (type == Type::ContentReceived) {
        message =
            ContentReceived{r.string("requestId"_L1), r.string("sha256"_L1), r.integer("size"_L1),
                            r.integer("received"_L1), r.boolean("stored"_L1)};
    } else if (type == Type::Content) {
        ContentPiece c;
        c.requestId = r.string("requestId"_L1);
        c.sha256 = r.string("sha256"_L1);
        c.size = r.integer("size"_L1);
        c.piece = r.int32("piece"_L1);
        c.data = readData(r);
        message = c;
    } else {
        r.fail(ErrorCode::BadRequest, u"unknown type \"%1\""_s.arg(type));
    }
    if (!r.ok())
        return std::nullopt;
    return message;
}

} // namespace

std::optional<Chat> Codec::decodeChat(const QJsonObject &chat, ProtocolError *error)
{
    *error = {};
    Chat c = readChat(Reader(chat, u"chat"_s, error));
    if (!error->isNull())
        return std::nullopt;
    return c;
}

std::optional<Comment> Codec::decodeComment(const QJsonObject &comment, ProtocolError *error)
{
    *error = {};
    Comment c = readComment(Reader(comment, u"comment"_s, error));
    if (!error->isNull())
        return std::nullopt;
    return c;
}

QString Codec::typeOf(const QJsonObject &frame)
{
    return frame.value("type"_L1).toString();
}

namespace {

void write(JsonWriter &w, const Anchor &a)
{
    w.beginObject().field("end"_L1, a.end).field("exact"_L1, a.exact);
    if (!a.prefix.isEmpty())
        w.field("prefix"_L1, a.prefix);
    if (a.hasSheet())
        w.field("sheet"_L1, a.sheet);
    w.field("start"_L1, a.start);
    if (!a.suffix.isEmpty())
        w.field("suffix"_L1, a.suffix);
    w.endObject();
}

void write(JsonWriter &w, const Author &a)
{
    w.beginObject().field("id"_L1, a.id).field("name"_L1, a.name).endObject();
}

void write(JsonWriter &w, const QList<Author> &authors)
{
    w.beginArray();
    for (const Author &a : authors)
        write(w, a);
    w.endArray();
}

void writeMentions(JsonWriter &w, const QList<Author> &mentions)
{
    if (!mentions.isEmpty())
        write(w.key("mentions"_L1), mentions);
}

void write(JsonWriter &w, const Comment &c)
{
    w.beginObject();
    if (c.deleted) {
        w.field("deleted"_L1, true).field("id"_L1, c.id).endObject();
        return;
    }
    write(w.key("author"_L1), c.author);
    w.field("createdAt"_L1, c.createdAt);
    if (c.editedAt)
        w.field("editedAt"_L1, *c.editedAt);
    w.field("id"_L1, c.id);
    writeMentions(w, c.mentions);
    w.field("text"_L1, c.text).endObject();
}

void write(JsonWriter &w, const Chat &c)
{
    w.beginObject();
    write(w.key("anchor"_L1), c.anchor);
    write(w.key("author"_L1), c.author);
    w.key("comments"_L1).beginArray();
    for (const Comment &comment : c.comments)
        write(w, comment);
    w.endArray()
        .field("createdAt"_L1, c.createdAt)
        .field("id"_L1, c.id)
        .field("resolved"_L1, c.resolved);
    if (c.resolved && !c.resolvedBy.id.isEmpty()) {
        w.field("resolvedAt"_L1, c.resolvedAt);
        write(w.key("resolvedBy"_L1), c.resolvedBy);
    }
    w.field("updatedAt"_L1, c.updatedAt).endObject();
}

void write(JsonWriter &w, const Document &d, bool withContent)
{
    w.beginObject();
    // A PDF's bytes travel apart (get-content).
    if (withContent && !d.isPdf())
        w.field("content"_L1, d.content);
    w.field("format"_L1, d.format).field("page"_L1, d.page).field("sha256"_L1, d.sha256);
    if (d.isPdf())
        w.field("size"_L1, d.size);
    w.field("title"_L1, d.title).field("updatedAt"_L1, d.updatedAt).endObject();
}

// A change as a client sends it (`completed` false) or as its event carries it.
void write(JsonWriter &w, const Change &c, bool completed)
{
    const QLatin1StringView op(opName(c.op));
    w.beginObject();
    switch (c.op) {
    case Change::Op::AddComment:
        w.key("comment"_L1);
        if (completed)
            write(w, c.comment);
        else {
            w.beginObject().field("id"_L1, c.comment.id);
            writeMentions(w, c.comment.mentions);
            w.field("text"_L1, c.comment.text).endObject();
        }
        w.field("op"_L1, op);
        break;
    case Change::Op::EditComment:
        if (completed)
            write(w.key("comment"_L1), c.comment);
        w.field("commentId"_L1, c.commentId);
        writeMentions(w, c.mentions);
        w.field("op"_L1, op).field("text"_L1, c.text);
        break;
    case Change::Op::DeleteComment:
        if (completed)
            write(w.key("comment"_L1), c.comment);
        w.field("commentId"_L1, c.commentId).field("op"_L1, op);
        break;
    case Change::Op::Resolve:
        w.field("op"_L1, op).field("resolved"_L1, c.resolved);
        if (completed && c.resolved && !c.resolvedBy.id.isEmpty())
            write(w.key("resolvedBy"_L1), c.resolvedBy);
        break;
    }
    w.endObject();
}

struct ClientWriter
{
    JsonWriter &w;

    void operator()(const Hello &h) const
    {
        w.beginObject();
        if (h.credential)
            w.field("credential"_L1, *h.credential);
        if (!h.name.isEmpty())
            w.field("name"_L1, h.name);
        if (h.page)
            w.field("page"_L1, *h.page);
        if (h.resume) {
            w.key("resume"_L1)
                .beginObject()
                .field("epoch"_L1, h.resume->epoch)
                .field("seq"_L1, h.resume->seq)
                .endObject();
        }
        w.field("tenant"_L1, h.tenant);
        if (h.token)
            w.field("token"_L1, *h.token);
        w.field("type"_L1, Type::Hello).field("v"_L1, h.v).endObject();
    }
    void operator()(const SyncRequest &s) const
    {
        w.beginObject()
            .field("epoch"_L1, s.epoch)
            .field("since"_L1, s.since)
            .field("type"_L1, Type::Sync)
            .endObject();
    }
    void operator()(const NewChatOp &op) const
    {
        w.beginObject().field("broadcastId"_L1, op.broadcastId).key("chat"_L1).beginObject();
        write(w.key("anchor"_L1), op.anchor);
        w.key("comment"_L1).beginObject().field("id"_L1, op.commentId);
        writeMentions(w, op.mentions);
        w.field("text"_L1, op.text)
            .endObject()
            .field("id"_L1, op.chatId)
            .endObject()
            .field("type"_L1, Type::NewChat)
            .endObject();
    }
    void operator()(const UpdateChatOp &op) const
    {
        w.beginObject().field("broadcastId"_L1, op.broadcastId);
        write(w.key("change"_L1), op.change, false);
        w.field("chatId"_L1, op.chatId).field("type"_L1, Type::UpdatedChat).endObject();
    }
    void operator()(const DeleteChatOp &op) const
    {
        w.beginObject()
            .field("broadcastId"_L1, op.broadcastId)
            .field("chatId"_L1, op.chatId)
            .field("type"_L1, Type::DeletedChat)
            .endObject();
    }
    void operator()(const PublishDocumentOp &op) const
    {
        w.beginObject().field("broadcastId"_L1, op.broadcastId).key("document"_L1).beginObject();
        if (!op.document.isPdf())
            w.field("content"_L1, op.document.content);
        w.field("format"_L1, op.document.format);
        if (!op.document.page.isEmpty())
            w.field("page"_L1, op.document.page);
        if (op.document.isPdf())
            w.field("sha256"_L1, op.document.sha256);
        w.field("title"_L1, op.document.title)
            .endObject()
            .field("type"_L1, Type::PublishDocument)
            .endObject();
    }
    void operator()(const ListDocumentsRequest &r) const
    {
        w.beginObject()
            .field("requestId"_L1, r.requestId)
            .field("type"_L1, Type::ListDocuments)
            .endObject();
    }
    void operator()(const PutContent &put) const
    {
        const QByteArray data = put.data.toBase64();
        w.beginObject()
            .field("data"_L1, QLatin1StringView(data))
            .field("piece"_L1, put.piece)
            .field("requestId"_L1, put.requestId)
            .field("sha256"_L1, put.sha256)
            .field("size"_L1, put.size)
            .field("type"_L1, Type::PutContent)
            .endObject();
    }
    void operator()(const GetContent &get) const
    {
        w.beginObject()
            .field("piece"_L1, get.piece)
            .field("requestId"_L1, get.requestId)
            .field("sha256"_L1, get.sha256)
            .field("type"_L1, Type::GetContent)
            .endObject();
    }
};

struct ServerWriter
{
    JsonWriter &w;

    void operator()(const Welcome &m) const
    {
        w.beginObject().field("connection"_L1, m.connection);
        if (!m.credential.isEmpty())
            w.field("credential"_L1, m.credential);
        if (m.hasPage) {
            w.key("document"_L1);
            if (m.document)
                write(w, *m.document, true);
            else
                w.null();
            w.field("epoch"_L1, m.epoch).field("recovered"_L1, m.recovered).field("seq"_L1, m.seq);
        }
        w.field("type"_L1, Type::Welcome)
            .key("user"_L1)
            .beginObject()
            .field("id"_L1, m.user.id)
            .field("name"_L1, m.user.name)
            .field("role"_L1, User::roleName(m.user.role))
            .endObject();
        if (m.hasPage && !m.users.isEmpty())
            write(w.key("users"_L1), m.users);
        w.field("v"_L1, m.v);
        if (m.hasPage)
            w.field("viewers"_L1, m.viewers);
        w.endObject();
    }
    void operator()(const Snapshot &s) const
    {
        w.beginObject().key("chats"_L1).beginArray();
        for (const Chat &c : s.chats)
            write(w, c);
        w.endArray()
            .field("epoch"_L1, s.epoch)
            .field("seq"_L1, s.seq)
            .field("type"_L1, Type::Snapshot)
            .endObject();
    }
    void operator()(const NewChatEvent &e) const
    {
        w.beginObject().field("broadcastId"_L1, e.broadcastId);
        write(w.key("chat"_L1), e.chat);
        w.field("seq"_L1, e.seq).field("type"_L1, Type::NewChat).endObject();
    }
    void operator()(const UpdatedChatEvent &e) const
    {
        w.beginObject().field("broadcastId"_L1, e.broadcastId);
        write(w.key("change"_L1), e.change, true);
        w.field("chatId"_L1, e.chatId)
            .field("seq"_L1, e.seq)
            .field("type"_L1, Type::UpdatedChat)
            .field("updatedAt"_L1, e.updatedAt)
            .endObject();
    }
    void operator()(const DeletedChatEvent &e) const
    {
        w.beginObject()
            .field("broadcastId"_L1, e.broadcastId)
            .field("chatId"_L1, e.chatId)
            .field("seq"_L1, e.seq)
            .field("type"_L1, Type::DeletedChat)
            .endObject();
    }
    void operator()(const Presence &p) const
    {
        w.beginObject().field("type"_L1, Type::Presence);
        if (!p.users.isEmpty())
            write(w.key("users"_L1), p.users);
        w.field("viewers"_L1, p.viewers).endObject();
    }
    void operator()(const ErrorMessage &e) const
    {
        w.beginObject();
        if (!e.broadcastId.isEmpty())
            w.field("broadcastId"_L1, e.broadcastId);
        w.field("code"_L1, e.code).field("message"_L1, e.message);
        if (!e.requestId.isEmpty())
            w.field("requestId"_L1, e.requestId);
        w.field("type"_L1, Type::Error).endObject();
    }
    void operator()(const DocumentPublished &p) const
    {
        w.beginObject().field("broadcastId"_L1, p.broadcastId);
        write(w.key("document"_L1), p.document, false);
        w.field("type"_L1, Type::DocumentPublished).endObject();
    }
    void operator()(const DocumentList &l) const
    {
        w.beginObject().key("documents"_L1).beginArray();
        for (const Document &d : l.documents)
            write(w, d, false);
        w.endArray()
            .field("requestId"_L1, l.requestId)
            .field("type"_L1, Type::Documents)
            .endObject();
    }
    void operator()(const DocumentUpdated &u) const
    {
        w.beginObject();
        write(w.key("document"_L1), u.document, true);
        w.field("type"_L1, Type::DocumentUpdated).endObject();
    }
    void operator()(const ContentReceived &c) const
    {
        w.beginObject()
            .field("received"_L1, c.received)
            .field("requestId"_L1, c.requestId)
            .field("sha256"_L1, c.sha256)
            .field("size"_L1, c.size)
            .field("stored"_L1, c.stored)
            .field("type"_L1, Type::ContentReceived)
            .endObject();
    }
    void operator()(const ContentPiece &c) const
    {
        const QByteArray data = c.data.toBase64();
        w.beginObject()
            .field("data"_L1, QLatin1StringView(data))
            .field("piece"_L1, c.piece)
            .field("requestId"_L1, c.requestId)
            .field("sha256"_L1, c.sha256)
            .field("size"_L1, c.size)
            .field("type"_L1, Type::Content)
            .endObject();
    }
};

} // namespace

QByteArray Codec::encode(const ClientMessage &message)
{
    JsonWriter w;
    std::visit(ClientWriter{w}, message);
    return w.take();
}

QByteArray Codec::encode(const ServerMessage &message)
{
    JsonWriter w;
    std::visit(ServerWriter{w}, message);
    return w.take();
}

QByteArray Codec::encode(const Chat &chat)
{
    JsonWriter w;
    write(w, chat);
    return w.take();
}

QByteArray Codec::encode(const Comment &comment)
{
    JsonWriter w;
    write(w, comment);
    return w.take();
}

QByteArray Codec::encodeBatch(const QList<QByteArray> &frames)
{
    static const QByteArray head = R"({"events":[)"_ba;
    static const QByteArray tail = R"(],"type":"batch"})"_ba;
    qsizetype size = head.size() + tail.size() + frames.size();
    for (const QByteArray &f : frames)
        size += f.size();
    QByteArray out;
    out.reserve(size);
    out += head;
    for (qsizetype i = 0; i < frames.size(); ++i) {
        if (i)
            out += ',';
        out += frames.at(i);
    }
    out += tail;
    return out;
}

QByteArray Codec::snapshotHead()
{
    return R"({"chats":[)"_ba;
}

QByteArray Codec::snapshotTail(const QString &epoch, qint64 seq)
{
    JsonWriter w(64);
    w.beginObject().field("epoch"_L1, epoch).field("seq"_L1, seq);
    w.field("type"_L1, Type::Snapshot).endObject();
    QByteArray tail = w.take();
    tail[0] = ',';
    return "]" + tail;
}

std::optional<ClientMessage> Codec::decodeClient(const QByteArray &frame, ProtocolError *error,
                                                 Correlation *correlation)
{
    *error = {};
    if (const JsonSyntax::Result syntax = JsonSyntax::check(frame); !syntax.isValid()) {
        *error = {ErrorCode::BadRequest,
                  u"frame is not JSON: %1 at byte %2"_s.arg(QLatin1StringView(syntax.fault))
                      .arg(syntax.offset)};
        return std::nullopt;
    }
    const std::optional<QJsonObject> o = parseObject(frame, error);
    if (!o)
        return std::nullopt;
    std::optional<ClientMessage> message = decodeClientObject(*o, error);
    if (correlation) {
        correlation->type = typeOf(*o);
        correlation->broadcastId = o->value("broadcastId"_L1).toString();
        correlation->requestId = o->value("requestId"_L1).toString();
    }
    return message;
}

std::optional<QList<ServerMessage>> Codec::decodeServer(const QByteArray &frame,
                                                        ProtocolError *error)
{
    *error = {};
    const std::optional<QJsonObject> o = parseObject(frame, error);
    if (!o)
        return std::nullopt;
    QList<ServerMessage> messages;
    if (typeOf(*o) == Type::Batch) {
        const QJsonValue events = o->value("events"_L1);
        if (!events.isArray()) {
            *error = {ErrorCode::BadRequest, u"batch events must be an array"_s};
            return std::nullopt;
        }
        for (const QJsonValue &v : events.toArray()) {
            std::optional<ServerMessage> m =
                v.isObject() ? decodeServerObject(v.toObject(), error) : std::nullopt;
            if (!m) {
                if (error->isNull())
                    *error = {ErrorCode::BadRequest, u"batch events must be objects"_s};
                return std::nullopt;
            }
            messages.append(std::move(*m));
        }
        return messages;
    }
    std::optional<ServerMessage> m = decodeServerObject(*o, error);
    if (!m)
        return std::nullopt;
    messages.append(std::move(*m));
    return messages;
}

} // namespace Glosa
