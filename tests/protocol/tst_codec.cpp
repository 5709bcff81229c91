#include "codec.h"
#include "errorcode.h"
#include "protocollimits.h"
#include "validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Glosa;

Q_DECLARE_METATYPE(Glosa::ClientMessage)
Q_DECLARE_METATYPE(Glosa::ServerMessage)
Q_DECLARE_METATYPE(Glosa::Change)

namespace Glosa {

// Failure messages of QCOMPARE show messages as their JSON.
inline char *toString(const ClientMessage &message)
{
    return qstrdup(Codec::encode(message).constData());
}

inline char *toString(const ServerMessage &message)
{
    return qstrdup(Codec::encode(message).constData());
}

} // namespace Glosa

namespace {

const QString Bid = u"0f8fad5b-d9cb-469f-a165-70867728950e"_s;
const QString ChatId = u"7c9e6679-7425-40de-944b-e07fc1f90ae7"_s;
const QString CommentId = u"16fd2706-8baf-433b-82eb-8c7fada847da"_s;
const QString CommentId2 = u"886313e1-3b8a-4372-9b90-0c9aee199e5d"_s;
constexpr qint64 T0 = 1732550400000;
constexpr qint64 MaxSafeInteger = (qint64(1) << 53) - 1;
// One character outside the Basic Multilingual Plane: two UTF-16 code units.
const QString Emoji = u"\U0001F600"_s;
const QJsonValue Missing(QJsonValue::Undefined);

const Author Ana{u"u1"_s, u"Ana"_s};
const Author Bo{u"u2"_s, u"Bo"_s};

QString badRequest()
{
    return ErrorCode::BadRequest;
}

QString tooLarge()
{
    return ErrorCode::TooLarge;
}

// JSON of the contract, written by hand: $B, $C, $M and $N stand for the broadcast, chat and two
// comment ids.
QByteArray json(const char *text)
{
    QByteArray s(text);
    s.replace("$B", Bid.toLatin1())
        .replace("$C", ChatId.toLatin1())
        .replace("$M", CommentId.toLatin1())
        .replace("$N", CommentId2.toLatin1());
    return s;
}

// Compact JSON with sorted keys, so that objects compare whatever their key order.
QByteArray canonical(const QByteArray &frame)
{
    return QJsonDocument::fromJson(frame).toJson(QJsonDocument::Compact);
}

QJsonObject parse(const QByteArray &frame)
{
    return QJsonDocument::fromJson(frame).object();
}

QByteArray frame(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QStringList keys(const QJsonObject &o)
{
    QStringList k = o.keys();
    k.sort();
    return k;
}

// `o` with the value at a dotted path replaced, or removed when `value` is Missing.
QJsonObject with(const QJsonObject &o, QStringView path, const QJsonValue &value)
{
    QJsonObject result = o;
    const qsizetype dot = path.indexOf(u'.');
    const QString key = path.left(dot).toString();
    if (dot < 0) {
        if (value.isUndefined())
            result.remove(key);
        else
            result.insert(key, value);
    } else {
        result.insert(key, with(o.value(key).toObject(), path.mid(dot + 1), value));
    }
    return result;
}

Comment comment(const QString &id, const Author &author, const QString &text, qint64 createdAt,
                std::optional<qint64> editedAt = std::nullopt)
{
    Comment c;
    c.id = id;
    c.author = author;
    c.text = text;
    c.createdAt = createdAt;
    c.editedAt = editedAt;
    return c;
}

Comment deletedComment(const QString &id)
{
    Comment c;
    c.id = id;
    c.deleted = true;
    return c;
}

Comment newComment(const QString &id, const QString &text)
{
    Comment c;
    c.id = id;
    c.text = text;
    return c;
}

Change addComment(const Comment &c)
{
    Change change;
    change.op = Change::Op::AddComment;
    change.comment = c;
    return change;
}

Change editComment(const QString &id, const QString &text, const Comment &completed = {})
{
    Change change;
    change.op = Change::Op::EditComment;
    change.commentId = id;
    change.text = text;
    change.comment = completed;
    return change;
}

Change deleteComment(const QString &id, const Comment &completed = {})
{
    Change change;
    change.op = Change::Op::DeleteComment;
    change.commentId = id;
    change.comment = completed;
    return change;
}

Change resolve(bool resolved)
{
    Change change;
    change.op = Change::Op::Resolve;
    change.resolved = resolved;
    return change;
}

Chat sampleChat()
{
    Chat c;
    c.id = ChatId;
    c.anchor = {120, 164, u"the quoted passage"_s, u"before "_s, u" after"_s};
    c.author = Ana;
    c.createdAt = T0;
    c.updatedAt = T0 + 9000;
    c.resolved = false;
    c.comments = {comment(CommentId, Ana, u"First!"_s, T0),
                  comment(CommentId2, Bo, u"Edited reply"_s, T0 + 1000, T0 + 9000),
                  deletedComment(u"3b241101-e2bb-4255-8caf-4136c566a962"_s)};
    return c;
}

Document document(bool withContent)
{
    Document d;
    d.page = u"handbook/intro"_s;
    d.title = u"Handbook"_s;
    d.format = u"markdown"_s;
    if (withContent)
        d.content = u"hello"_s;
    d.sha256 = u"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"_s;
    d.updatedAt = T0;
    return d;
}

// Valid client frames, as a client library would build them; the malformed rows spoil one field.

QJsonObject helloJson()
{
    return {{"type"_L1, "hello"_L1},
            {"v"_L1, 1},
            {"tenant"_L1, "acme"_L1},
            {"page"_L1, "handbook/intro"_L1},
            {"token"_L1, "a.b.c"_L1},
            {"resume"_L1, QJsonObject{{"epoch"_L1, "ep-1"_L1}, {"seq"_L1, 41}}}};
}

Hello helloMessage()
{
    return Hello{1, u"acme"_s, u"handbook/intro"_s, u"a.b.c"_s, ResumePoint{u"ep-1"_s, 41}, {}, {}};
}

QJsonObject syncJson()
{
    return {{"type"_L1, "sync"_L1}, {"epoch"_L1, "ep-1"_L1}, {"since"_L1, 56}};
}

QJsonObject newChatJson()
{
    const QJsonObject anchor{{"start"_L1, 120},
                             {"end"_L1, 164},
                             {"exact"_L1, "the quoted passage"_L1},
                             {"prefix"_L1, "before "_L1},
                             {"suffix"_L1, " after"_L1}};
    const QJsonObject chat{
        {"id"_L1, ChatId},
        {"anchor"_L1, anchor},
        {"comment"_L1, QJsonObject{{"id"_L1, CommentId}, {"text"_L1, "First!"_L1}}}};
    return {{"type"_L1, "new-text-chat"_L1}, {"broadcastId"_L1, Bid}, {"chat"_L1, chat}};
}

NewChatOp newChatMessage()
{
    return NewChatOp{Bid,
                     ChatId,
                     {120, 164, u"the quoted passage"_s, u"before "_s, u" after"_s},
                     CommentId,
                     u"First!"_s};
}

QJsonObject updateJson(const QJsonObject &change)
{
    return {{"type"_L1, "updated-text-chat"_L1},
            {"broadcastId"_L1, Bid},
            {"chatId"_L1, ChatId},
            {"change"_L1, change}};
}

QJsonObject addCommentJson()
{
    return updateJson(
        {{"op"_L1, "add-comment"_L1},
         {"comment"_L1, QJsonObject{{"id"_L1, CommentId2}, {"text"_L1, "Reply"_L1}}}});
}

QJsonObject editCommentJson()
{
    return updateJson(
        {{"op"_L1, "edit-comment"_L1}, {"commentId"_L1, CommentId}, {"text"_L1, "Edited"_L1}});
}

QJsonObject deleteCommentJson()
{
    return updateJson({{"op"_L1, "delete-comment"_L1}, {"commentId"_L1, CommentId}});
}

QJsonObject resolveJson()
{
    return updateJson({{"op"_L1, "resolve"_L1}, {"resolved"_L1, true}});
}

QJsonObject deleteChatJson()
{
    return {{"type"_L1, "deleted-text-chat"_L1}, {"broadcastId"_L1, Bid}, {"chatId"_L1, ChatId}};
}

QJsonObject publishJson()
{
    return {{"type"_L1, "publish-document"_L1},
            {"broadcastId"_L1, Bid},
            {"document"_L1, QJsonObject{{"page"_L1, "handbook/intro"_L1},
                                        {"title"_L1, "Handbook"_L1},
                                        {"format"_L1, "markdown"_L1},
                                        {"content"_L1, "# Intro"_L1}}}};
}

PublishDocumentOp publishMessage()
{
    PublishDocumentOp op;
    op.broadcastId = Bid;
    op.document.page = u"handbook/intro"_s;
    op.document.title = u"Handbook"_s;
    op.document.format = u"markdown"_s;
    op.document.content = u"# Intro"_s;
    return op;
}

QJsonObject listJson()
{
    return {{"type"_L1, "list-documents"_L1}, {"requestId"_L1, "req-1"_L1}};
}

// The SHA-256 of "%PDF-%%EOF" (base64 "JVBERi0lJUVPRg=="), the smallest content a server takes
// for a PDF.
const QString Sha = u"bfa46a6395a5ff9b24b500aa7b859b9cf7c2d1eaca67a66ef03f3355276a5f6e"_s;

QJsonObject putContentJson()
{
    return {{"type"_L1, "put-content"_L1},
            {"requestId"_L1, "up-1"_L1},
            {"sha256"_L1, Sha},
            {"size"_L1, 10},
            {"piece"_L1, 0},
            {"data"_L1, "JVBERi0lJUVPRg=="_L1}};
}

PutContent putContentMessage()
{
    return PutContent{u"up-1"_s, Sha, 10, 0, "%PDF-%%EOF"};
}

QJsonObject getContentJson()
{
    return {{"type"_L1, "get-content"_L1},
            {"requestId"_L1, "get-1"_L1},
            {"sha256"_L1, Sha},
            {"piece"_L1, 0}};
}

QJsonObject publishPdfJson()
{
    return {{"type"_L1, "publish-document"_L1},
            {"broadcastId"_L1, Bid},
            {"document"_L1, QJsonObject{{"page"_L1, "reports/2024"_L1},
                                        {"title"_L1, "Report"_L1},
                                        {"format"_L1, "pdf"_L1},
                                        {"sha256"_L1, Sha}}}};
}

PublishDocumentOp publishPdfMessage()
{
    PublishDocumentOp op;
    op.broadcastId = Bid;
    op.document.page = u"reports/2024"_s;
    op.document.title = u"Report"_s;
    op.document.format = u"pdf"_s;
    op.document.sha256 = Sha;
    return op;
}

// A PDF as the server stores it: its bytes apart, its size known.
Document pdfDocument()
{
    Document d;
    d.page = u"doc/"_s + Sha;
    d.title = u"Report"_s;
    d.format = u"pdf"_s;
    d.sha256 = Sha;
    d.updatedAt = T0;
    d.size = 1300000;
    return d;
}

// A new chat whose anchor is on `sheet` of a PDF.
NewChatOp newChatOnSheet(int start, int end, const QString &exact, int sheet)
{
    NewChatOp op = newChatMessage();
    op.anchor = Anchor{start, end, exact, {}, {}, sheet};
    return op;
}

QJsonObject newChatOnSheetJson(int start, int end, const QString &exact, int sheet)
{
    return with(
        newChatJson(), u"chat.anchor",
        QJsonObject{
            {"start"_L1, start}, {"end"_L1, end}, {"exact"_L1, exact}, {"sheet"_L1, sheet}});
}

struct Base
{
    const char *name;
    QJsonObject (*json)();
};

const Base Bases[] = {
    {"hello", helloJson},
    {"sync", syncJson},
    {"new-text-chat", newChatJson},
    {"add-comment", addCommentJson},
    {"edit-comment", editCommentJson},
    {"delete-comment", deleteCommentJson},
    {"resolve", resolveJson},
    {"deleted-text-chat", deleteChatJson},
    {"publish-document", publishJson},
    {"list-documents", listJson},
    {"put-content", putContentJson},
    {"get-content", getContentJson},
    {"publish-document pdf", publishPdfJson},
};

struct Field
{
    QJsonObject (*json)();
    const char *path;

    // The name of the frame the field belongs to, e.g. "edit-comment".
    const char *base() const
    {
        for (const Base &b : Bases) {
            if (b.json == json)
                return b.name;
        }
        return "?";
    }
    QString key() const { return QString::fromLatin1(path); }
};

} // namespace

class tst_Codec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientRoundTrip_data();
    void clientRoundTrip();
    void serverRoundTrip_data();
    void serverRoundTrip();
    void changeToJson_data();
    void changeToJson();
    void batch_data();
    void batch();
    void snapshotInPieces();
    void lobbyWelcomeHasNoPageFields();
    void pageWelcomeCarriesDocumentOrNull();
    void stringsAreEscapedAsQtJsonDoes();
    void deletedCommentIsIdAndDeletedOnly();
    void editedCommentCarriesEditedAt();
    void decodeChat();
    void pdfDocumentCarriesSizeNotContent();
    void anchorSheetOnlyWhenGiven();
    void validBasesDecode_data();
    void validBasesDecode();
    void acceptedClientInput_data();
    void acceptedClientInput();
    void malformedClientInput_data();
    void malformedClientInput();
    void correlation_data();
    void correlation();
    void malformedServerInput_data();
    void malformedServerInput();
    void typeOf();
};

void tst_Codec::clientRoundTrip_data()
{
    QTest::addColumn<ClientMessage>("message");
    QTest::addColumn<QByteArray>("contract");

    QTest::newRow("hello") << ClientMessage(helloMessage())
                           << json(R"({"type":"hello","v":1,"tenant":"acme","page":"handbook/intro",
                                  "token":"a.b.c","resume":{"epoch":"ep-1","seq":41}})");
    QTest::newRow("hello lobby")
        << ClientMessage(Hello{1, u"acme"_s, std::nullopt, u"a.b.c"_s, std::nullopt, {}, {}})
        << json(R"({"type":"hello","v":1,"tenant":"acme","token":"a.b.c"})");
    QTest::newRow("hello anonymous")
        << ClientMessage(Hello{1, u"local"_s, u"file/abc"_s, std::nullopt, std::nullopt, {}, {}})
        << json(R"({"type":"hello","v":1,"tenant":"local","page":"file/abc"})");
    QTest::newRow("hello anonymous with a name")
        << ClientMessage(Hello{1, u"local"_s, u"p"_s, std::nullopt, std::nullopt, u"Ana"_s, {}})
        << json(R"({"type":"hello","v":1,"tenant":"local","page":"p","name":"Ana"})");
    Hello returning{1, u"local"_s, u"p"_s, std::nullopt, std::nullopt, u"Ana"_s, {}};
    returning.credential = u"1.abc.def"_s;
    QTest::newRow("hello anonymous with a credential")
        << ClientMessage(returning)
        << json(
               R"({"type":"hello","v":1,"tenant":"local","page":"p","name":"Ana","credential":"1.abc.def"})");
    QTest::newRow("hello resume from 0")
        << ClientMessage(Hello{1, u"acme"_s, u"p"_s, std::nullopt, ResumePoint{u"ep"_s, 0}, {}, {}})
        << json(
               R"({"type":"hello","v":1,"tenant":"acme","page":"p","resume":{"epoch":"ep","seq":0}})");
    QTest::newRow("sync") << ClientMessage(SyncRequest{u"ep-1"_s, 56})
                          << json(R"({"type":"sync","epoch":"ep-1","since":56})");
    QTest::newRow("sync max safe integer")
        << ClientMessage(SyncRequest{u"ep-1"_s, MaxSafeInteger})
        << json(R"({"type":"sync","epoch":"ep-1","since":9007199254740991})");
    QTest::newRow("new-text-chat")
        << ClientMessage(newChatMessage())
        << json(R"({"type":"new-text-chat","broadcastId":"$B","chat":{"id":"$C",
                "anchor":{"start":120,"end":164,"exact":"the quoted passage","prefix":"before ",
                "suffix":" after"},"comment":{"id":"$M","text":"First!"}}})");
    QTest::newRow("new-text-chat without context")
        << ClientMessage(NewChatOp{Bid, ChatId, {0, 3, u"abc"_s, {}, {}}, CommentId, u"x"_s})
        << json(R"({"type":"new-text-chat","broadcastId":"$B","chat":{"id":"$C",
                "anchor":{"start":0,"end":3,"exact":"abc"},"comment":{"id":"$M","text":"x"}}})");
    QTest::newRow("new-text-chat unicode and escapes")
        << ClientMessage(NewChatOp{Bid,
                                   ChatId,
                                   {7, 9, u"\"\\"_s, u"\u00e9\n"_s, u"\t"_s},
                                   CommentId,
                                   u"line 1\nline 2 \U0001F600 \u00f1 \"q\" \\"_s})
        << json(R"({"type":"new-text-chat","broadcastId":"$B","chat":{"id":"$C",
                "anchor":{"start":7,"end":9,"exact":"\"\\","prefix":"\u00e9\n","suffix":"\t"},
                "comment":{"id":"$M","text":"line 1\nline 2 \ud83d\ude00 \u00f1 \"q\" \\"}}})");
    QTest::newRow("updated-text-chat add-comment")
        << ClientMessage(UpdateChatOp{Bid, ChatId, addComment(newComment(CommentId2, u"Reply"_s))})
        << json(R"({"type":"updated-text-chat","broadcastId":"$B","chatId":"$C",
                "change":{"op":"add-comment","comment":{"id":"$N","text":"Reply"}}})");
    QTest::newRow("updated-text-chat edit-comment")
        << ClientMessage(UpdateChatOp{Bid, ChatId, editComment(CommentId, u"Edited"_s)})
        << json(R"({"type":"updated-text-chat","broadcastId":"$B","chatId":"$C",
                "change":{"op":"edit-comment","commentId":"$M","text":"Edited"}})");
    QTest::newRow("updated-text-chat delete-comment")
        << ClientMessage(UpdateChatOp{Bid, ChatId, deleteComment(CommentId)})
        << json(R"({"type":"updated-text-chat","broadcastId":"$B","chatId":"$C",
                "change":{"op":"delete-comment","commentId":"$M"}})");
    QTest::newRow("updated-text-chat resolve")
        << ClientMessage(UpdateChatOp{Bid, ChatId, resolve(true)})
        << json(R"({"type":"updated-text-chat","broadcastId":"$B","chatId":"$C",
                "change":{"op":"resolve","resolved":true}})");
    QTest::newRow("updated-text-chat reopen")
        << ClientMessage(UpdateChatOp{Bid, ChatId, resolve(false)})
        << json(R"({"type":"updated-text-chat","broadcastId":"$B","chatId":"$C",
                "change":{"op":"resolve","resolved":false}})");
    QTest::newRow("deleted-text-chat")
        << ClientMessage(DeleteChatOp{Bid, ChatId})
        << json(R"({"type":"deleted-text-chat","broadcastId":"$B","chatId":"$C"})");
    QTest::newRow("publish-document")
        << ClientMessage(publishMessage())
        << json(R"({"type":"publish-document","broadcastId":"$B","document":{
                "page":"handbook/intro","title":"Handbook","format":"markdown","content":"# Intro"}})");
    PublishDocumentOp noPage = publishMessage();
    noPage.document.page.clear();
    noPage.document.format = u"text"_s;
    noPage.document.content.clear();
    QTest::newRow("publish-document without page, empty")
        << ClientMessage(noPage)
        << json(R"({"type":"publish-document","broadcastId":"$B","document":{
                "title":"Handbook","format":"text","content":""}})");
    QTest::newRow("list-documents") << ClientMessage(ListDocumentsRequest{u"req-1"_s})
                                    << json(R"({"type":"list-documents","requestId":"req-1"})");

    // PDFs: their bytes in pieces, publishing them by sha256, anchors on their sheets.
    const QByteArray sha = Sha.toLatin1();
    QTest::newRow("put-content") << ClientMessage(putContentMessage())
                                 << R"({"type":"put-content","requestId":"up-1","sha256":")" + sha +
                                        R"(","size":10,"piece":0,"data":"JVBERi0lJUVPRg=="})";
    QTest::newRow("put-content, last piece of several")
        << ClientMessage(PutContent{u"up-2"_s, Sha, Limits::ContentPieceBytes + 3, 1, "abc"})
        << R"({"type":"put-content","requestId":"up-2","sha256":")" + sha +
               R"(","size":524291,"piece":1,"data":"YWJj"})";
    QTest::newRow("get-content") << ClientMessage(GetContent{u"get-1"_s, Sha, 7})
                                 << R"({"type":"get-content","requestId":"get-1","sha256":")" +
                                        sha + R"(","piece":7})";
    QTest::newRow("publish-document pdf")
        << ClientMessage(publishPdfMessage())
        << json(R"({"type":"publish-document","broadcastId":"$B","document":{
                "page":"reports/2024","title":"Report","format":"pdf","sha256":")") +
               sha + R"("}})";
    PublishDocumentOp pdfNoPage = publishPdfMessage();
    pdfNoPage.document.page.clear();
    QTest::newRow("publish-document pdf without page")
        << ClientMessage(pdfNoPage)
        << json(R"({"type":"publish-document","broadcastId":"$B","document":{
                "title":"Report","format":"pdf","sha256":")") +
               sha + R"("}})";
    QTest::newRow("new-text-chat on a sheet")
        << ClientMessage(newChatOnSheet(0, 12, u"Sheet 2 text"_s, 1))
        << json(R"({"type":"new-text-chat","broadcastId":"$B","chat":{"id":"$C",
                "anchor":{"start":0,"end":12,"exact":"Sheet 2 text","sheet":1},
                "comment":{"id":"$M","text":"First!"}}})");
    QTest::newRow("new-text-chat on sheet 0")
        << ClientMessage(newChatOnSheet(3, 4, u"x"_s, 0))
        << json(R"({"type":"new-text-chat","broadcastId":"$B","chat":{"id":"$C",
                "anchor":{"start":3,"end":4,"exact":"x","sheet":0},
                "comment":{"id":"$M","text":"First!"}}})");
    QTest::newRow("new-text-chat on a whole sheet")
        << ClientMessage(newChatOnSheet(120, 120, QString(), Limits::SheetMax))
        << json(R"({"type":"new-text-chat","broadcastId":"$B","chat":{"id":"$C",
                "anchor":{"start":120,"end":120,"exact":"","sheet":99999},
                "comment":{"id":"$M","text":"First!"}}})");
    NewChatOp mentioning = newChatMessage();
    mentioning.text = u"Ask @Bo and @Ana"_s;
    mentioning.mentions = {Bo, Ana};
    QTest::newRow("new-text-chat with mentions")
        << ClientMessage(mentioning)
        << json(R"({"type":"new-text-chat","broadcastId":"$B","chat":{"id":"$C",
                "anchor":{"start":120,"end":164,"exact":"the quoted passage","prefix":"before ",
                "suffix":" after"},"comment":{"id":"$M","text":"Ask @Bo and @Ana",
                "mentions":[{"id":"u2","name":"Bo"},{"id":"u1","name":"Ana"}]}}})");
    Change replying = addComment(newComment(CommentId2, u"@Bo see"_s));
    replying.comment.mentions = {Bo};
    QTest::newRow("add-comment with mentions")
        << ClientMessage(UpdateChatOp{Bid, ChatId, replying})
        << json(R"({"type":"updated-text-chat","broadcastId":"$B","chatId":"$C",
                "change":{"op":"add-comment","comment":{"id":"$N","text":"@Bo see",
                "mentions":[{"id":"u2","name":"Bo"}]}}})");
    Change editing = editComment(CommentId, u"@Ana now"_s);
    editing.mentions = {Ana};
    QTest::newRow("edit-comment with mentions")
        << ClientMessage(UpdateChatOp{Bid, ChatId, editing})
        << json(R"({"type":"updated-text-chat","broadcastId":"$B","chatId":"$C",
                "change":{"op":"edit-comment","commentId":"$M","text":"@Ana now",
                "mentions":[{"id":"u1","name":"Ana"}]}})");
}

// A client message encodes to the JSON of the contract, compact, and both that encoding and the
// contract's JSON decode back to it.
void tst_Codec::clientRoundTrip()
{
    QFETCH(ClientMessage, message);
    QFETCH(QByteArray, contract);
    QVERIFY2(parse(contract).contains("type"_L1), contract.constData());

    const QByteArray encoded = Codec::encode(message);
    QCOMPARE(encoded, canonical(encoded)); // compact
    QCOMPARE(canonical(encoded), canonical(contract));

    for (const QByteArray &f : {encoded, contract}) {
        ProtocolError error;
        const std::optional<ClientMessage> decoded = Codec::decodeClient(f, &error);
        QVERIFY2(decoded, qPrintable(error.message));
        QVERIFY(error.isNull());
        QCOMPARE(decoded->index(), message.index());
        QCOMPARE(*decoded, message);
    }
}

void tst_Codec::serverRoundTrip_data()
{
    QTest::addColumn<ServerMessage>("message");
    QTest::addColumn<QByteArray>("contract");

    const User ana{u"u1"_s, u"Ana"_s, User::Role::Member};
    QTest::newRow("welcome, no document")
        << ServerMessage(
               Welcome{1, u"conn-1"_s, ana, true, u"ep-1"_s, 57, 3, false, std::nullopt, {}, {}})
        << json(R"({"type":"welcome","v":1,"connection":"conn-1",
                "user":{"id":"u1","name":"Ana","role":"member"},"epoch":"ep-1","seq":57,
                "viewers":3,"recovered":false,"document":null})");
    QTest::newRow("welcome with document, recovered")
        << ServerMessage(Welcome{1,
                                 u"conn-1"_s,
                                 User{u"m"_s, u"Mod"_s, User::Role::Moderator},
                                 true,
                                 u"ep-1"_s,
                                 57,
                                 1,
                                 true,
                                 document(true),
                                 {},
                                 {}})
        << json(R"({"type":"welcome","v":1,"connection":"conn-1",
                "user":{"id":"m","name":"Mod","role":"moderator"},"epoch":"ep-1","seq":57,
                "viewers":1,"recovered":true,"document":{"page":"handbook/intro",
                "title":"Handbook","format":"markdown","content":"hello",
                "sha256":"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                "updatedAt":1732550400000}})");
    Welcome lobby;
    lobby.connection = u"conn-2"_s;
    lobby.user = User{u"anon:1a2b"_s, u"Guest 1a2b"_s, User::Role::Member};
    lobby.hasPage = false;
    QTest::newRow("welcome lobby")
        << ServerMessage(lobby) << json(R"({"type":"welcome","v":1,"connection":"conn-2",
                "user":{"id":"anon:1a2b","name":"Guest 1a2b","role":"member"}})");
    Welcome anonymous{1, u"c"_s, lobby.user, true, u"ep-1"_s, 0, 1, false, std::nullopt, {}, {}};
    anonymous.credential = u"1.abc.def"_s;
    QTest::newRow("welcome anonymous, with a credential")
        << ServerMessage(anonymous) << json(R"({"type":"welcome","v":1,"connection":"c",
                "user":{"id":"anon:1a2b","name":"Guest 1a2b","role":"member"},"epoch":"ep-1",
                "seq":0,"viewers":1,"recovered":false,"document":null,"credential":"1.abc.def"})");
    QTest::newRow("welcome viewer, empty page")
        << ServerMessage(Welcome{1,
                                 u"c"_s,
                                 User{u"v"_s, u"Vi"_s, User::Role::Viewer},
                                 true,
                                 u"ep-2"_s,
                                 0,
                                 0,
                                 false,
                                 std::nullopt,
                                 {},
                                 {}})
        << json(R"({"type":"welcome","v":1,"connection":"c",
                "user":{"id":"v","name":"Vi","role":"viewer"},"epoch":"ep-2","seq":0,
                "viewers":0,"recovered":false,"document":null})");

    QTest::newRow("snapshot empty") << ServerMessage(Snapshot{u"ep-1"_s, 0, {}})
                                    << json(R"({"type":"snapshot","epoch":"ep-1","seq":0,
                                            "chats":[]})");
    Chat resolved;
    resolved.id = u"9a1c4a7e-0000-4000-8000-000000000001"_s;
    resolved.anchor = {3, 4, u"a"_s, {}, {}};
    resolved.author = Bo;
    resolved.createdAt = T0 - 1;
    resolved.updatedAt = T0;
    resolved.resolved = true;
    QTest::newRow("snapshot with chats")
        << ServerMessage(Snapshot{u"ep-1"_s, 57, {resolved, sampleChat()}})
        << json(R"({"type":"snapshot","epoch":"ep-1","seq":57,"chats":[
                {"id":"9a1c4a7e-0000-4000-8000-000000000001","anchor":{"start":3,"end":4,
                "exact":"a"},"author":{"id":"u2","name":"Bo"},"createdAt":1732550399999,
                "updatedAt":1732550400000,"resolved":true,"comments":[]},
                {"id":"$C","anchor":{"start":120,"end":164,"exact":"the quoted passage",
                "prefix":"before ","suffix":" after"},"author":{"id":"u1","name":"Ana"},
                "createdAt":1732550400000,"updatedAt":1732550409000,"resolved":false,
                "comments":[
                {"id":"$M","author":{"id":"u1","name":"Ana"},"text":"First!",
                 "createdAt":1732550400000},
                {"id":"$N","author":{"id":"u2","name":"Bo"},"text":"Edited reply",
                 "createdAt":1732550401000,"editedAt":1732550409000},
                {"id":"3b241101-e2bb-4255-8caf-4136c566a962","deleted":true}]}]})");

    Chat created = sampleChat();
    created.comments = {comment(CommentId, Ana, u"First!"_s, T0)};
    created.updatedAt = T0;
    QTest::newRow("new-text-chat")
        << ServerMessage(NewChatEvent{1, Bid, created})
        << json(R"({"type":"new-text-chat","seq":1,"broadcastId":"$B","chat":{"id":"$C",
                "anchor":{"start":120,"end":164,"exact":"the quoted passage","prefix":"before ",
                "suffix":" after"},"author":{"id":"u1","name":"Ana"},"createdAt":1732550400000,
                "updatedAt":1732550400000,"resolved":false,"comments":[{"id":"$M",
                "author":{"id":"u1","name":"Ana"},"text":"First!","createdAt":1732550400000}]}})");
    QTest::newRow("new-text-chat max safe seq")
        << ServerMessage(NewChatEvent{MaxSafeInteger, Bid, created})
        << json(R"({"type":"new-text-chat","seq":9007199254740991,"broadcastId":"$B","chat":{
                "id":"$C","anchor":{"start":120,"end":164,"exact":"the quoted passage",
                "prefix":"before ","suffix":" after"},"author":{"id":"u1","name":"Ana"},
                "createdAt":1732550400000,"updatedAt":1732550400000,"resolved":false,
                "comments":[{"id":"$M","author":{"id":"u1","name":"Ana"},"text":"First!",
                "createdAt":1732550400000}]}})");

    QTest::newRow("updated-text-chat add-comment")
        << ServerMessage(
               UpdatedChatEvent{2, Bid, ChatId, T0 + 1000,
                                addComment(comment(CommentId2, Bo, u"Reply"_s, T0 + 1000))})
        << json(R"({"type":"updated-text-chat","seq":2,"broadcastId":"$B","chatId":"$C",
                "updatedAt":1732550401000,"change":{"op":"add-comment","comment":{"id":"$N",
                "author":{"id":"u2","name":"Bo"},"text":"Reply","createdAt":1732550401000}}})");
    QTest::newRow("updated-text-chat edit-comment")
        << ServerMessage(
               UpdatedChatEvent{3, Bid, ChatId, T0 + 2000,
                                editComment(CommentId, u"Edited"_s,
                                            comment(CommentId, Ana, u"Edited"_s, T0, T0 + 2000))})
        << json(R"({"type":"updated-text-chat","seq":3,"broadcastId":"$B","chatId":"$C",
                "updatedAt":1732550402000,"change":{"op":"edit-comment","commentId":"$M",
                "text":"Edited","comment":{"id":"$M","author":{"id":"u1","name":"Ana"},
                "text":"Edited","createdAt":1732550400000,"editedAt":1732550402000}}})");
    QTest::newRow("updated-text-chat delete-comment")
        << ServerMessage(UpdatedChatEvent{4, Bid, ChatId, T0 + 3000,
                                          deleteComment(CommentId, deletedComment(CommentId))})
        << json(R"({"type":"updated-text-chat","seq":4,"broadcastId":"$B","chatId":"$C",
                "updatedAt":1732550403000,"change":{"op":"delete-comment","commentId":"$M",
                "comment":{"id":"$M","deleted":true}}})");
    QTest::newRow("updated-text-chat resolve")
        << ServerMessage(UpdatedChatEvent{5, Bid, ChatId, T0 + 4000, resolve(true)})
        << json(R"({"type":"updated-text-chat","seq":5,"broadcastId":"$B","chatId":"$C",
                "updatedAt":1732550404000,"change":{"op":"resolve","resolved":true}})");
    Change resolvedByBo = resolve(true);
    resolvedByBo.resolvedBy = Bo;
    QTest::newRow("updated-text-chat resolve, by whom")
        << ServerMessage(UpdatedChatEvent{5, Bid, ChatId, T0 + 4000, resolvedByBo})
        << json(R"({"type":"updated-text-chat","seq":5,"broadcastId":"$B","chatId":"$C",
                "updatedAt":1732550404000,"change":{"op":"resolve","resolved":true,
                "resolvedBy":{"id":"u2","name":"Bo"}}})");
    QTest::newRow("updated-text-chat reopen")
        << ServerMessage(UpdatedChatEvent{6, Bid, ChatId, T0 + 5000, resolve(false)})
        << json(R"({"type":"updated-text-chat","seq":6,"broadcastId":"$B","chatId":"$C",
                "updatedAt":1732550405000,"change":{"op":"resolve","resolved":false}})");
    QTest::newRow("deleted-text-chat")
        << ServerMessage(DeletedChatEvent{7, Bid, ChatId})
        << json(R"({"type":"deleted-text-chat","seq":7,"broadcastId":"$B","chatId":"$C"})");

    QTest::newRow("presence") << ServerMessage(Presence{3, {}})
                              << json(R"({"type":"presence","viewers":3})");
    QTest::newRow("presence with viewers' names")
        << ServerMessage(Presence{2, {{u"u1"_s, u"Ana"_s}, {u"u2"_s, u"Bo"_s}}})
        << json(R"({"type":"presence","viewers":2,
                "users":[{"id":"u1","name":"Ana"},{"id":"u2","name":"Bo"}]})");
    QTest::newRow("welcome with viewers' names")
        << ServerMessage(Welcome{
               1, u"c"_s, ana, true, u"ep"_s, 0, 1, false, std::nullopt, {{u"u1"_s, u"Ana"_s}}, {}})
        << json(R"({"type":"welcome","v":1,"connection":"c",
                "user":{"id":"u1","name":"Ana","role":"member"},"epoch":"ep","seq":0,
                "viewers":1,"recovered":false,"document":null,
                "users":[{"id":"u1","name":"Ana"}]})");
    QTest::newRow("presence zero")
        << ServerMessage(Presence{0, {}}) << json(R"({"type":"presence","viewers":0})");

    QTest::newRow("error with broadcastId")
        << ServerMessage(ErrorMessage{Bid, {}, u"forbidden"_s, u"not yours"_s})
        << json(R"({"type":"error","broadcastId":"$B","code":"forbidden","message":"not yours"})");
    QTest::newRow("error with requestId")
        << ServerMessage(ErrorMessage{{}, u"req-1"_s, u"too-large"_s, u"too long"_s})
        << json(R"({"type":"error","requestId":"req-1","code":"too-large","message":"too long"})");
    QTest::newRow("error alone")
        << ServerMessage(ErrorMessage{{}, {}, u"bad-request"_s, u"not JSON"_s})
        << json(R"({"type":"error","code":"bad-request","message":"not JSON"})");

    QTest::newRow("document-published")
        << ServerMessage(DocumentPublished{Bid, document(false)})
        << json(R"({"type":"document-published","broadcastId":"$B","document":{
                "page":"handbook/intro","title":"Handbook","format":"markdown",
                "sha256":"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                "updatedAt":1732550400000}})");
    Document other = document(false);
    other.page = u"doc/abc"_s;
    other.title = u"Notes"_s;
    other.format = u"text"_s;
    other.updatedAt = T0 + 1;
    QTest::newRow("documents") << ServerMessage(DocumentList{u"req-1"_s, {document(false), other}})
                               << json(R"({"type":"documents","requestId":"req-1","documents":[
                {"page":"handbook/intro","title":"Handbook","format":"markdown",
                "sha256":"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                "updatedAt":1732550400000},
                {"page":"doc/abc","title":"Notes","format":"text",
                "sha256":"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                "updatedAt":1732550400001}]})");
    QTest::newRow("document-updated") << ServerMessage(DocumentUpdated{document(true)})
                                      << json(R"({"type":"document-updated","document":{
                "page":"handbook/intro","title":"Handbook","format":"markdown","content":"hello",
                "sha256":"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                "updatedAt":1732550400000}})");
    QTest::newRow("documents empty") << ServerMessage(DocumentList{u"req-2"_s, {}})
                                     << json(R"({"type":"documents","requestId":"req-2",
                                             "documents":[]})");

    // PDFs.
    const QByteArray sha = Sha.toLatin1();
    QTest::newRow("content-received, a piece")
        << ServerMessage(ContentReceived{u"up-1"_s, Sha, 1300000, 524288, false})
        << R"({"type":"content-received","requestId":"up-1","sha256":")" + sha +
               R"(","size":1300000,"received":524288,"stored":false})";
    QTest::newRow("content-received, stored")
        << ServerMessage(ContentReceived{u"up-3"_s, Sha, 1300000, 1300000, true})
        << R"({"type":"content-received","requestId":"up-3","sha256":")" + sha +
               R"(","size":1300000,"received":1300000,"stored":true})";
    QTest::newRow("content") << ServerMessage(ContentPiece{u"get-1"_s, Sha, 10, 0, "%PDF-%%EOF"})
                             << R"({"type":"content","requestId":"get-1","sha256":")" + sha +
                                    R"(","size":10,"piece":0,"data":"JVBERi0lJUVPRg=="})";
    const QByteArray pdfJson = R"({"page":"doc/)" + sha + R"(","title":"Report","format":"pdf",
            "sha256":")" + sha +
                               R"(","size":1300000,"updatedAt":1732550400000})";
    QTest::newRow("document-published pdf")
        << ServerMessage(DocumentPublished{Bid, pdfDocument()})
        << json(R"({"type":"document-published","broadcastId":"$B","document":)") + pdfJson + "}";
    QTest::newRow("document-updated pdf")
        << ServerMessage(DocumentUpdated{pdfDocument()})
        << R"({"type":"document-updated","document":)" + pdfJson + "}";
    QTest::newRow("documents, a pdf among them")
        << ServerMessage(DocumentList{u"req-3"_s, {pdfDocument(), document(false)}})
        << R"({"type":"documents","requestId":"req-3","documents":[)" + pdfJson + R"(,
                {"page":"handbook/intro","title":"Handbook","format":"markdown",
                "sha256":"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                "updatedAt":1732550400000}]})";
    QTest::newRow("welcome with a pdf")
        << ServerMessage(Welcome{1, u"c"_s, ana, true, u"ep"_s, 0, 1, false, pdfDocument(), {}, {}})
        << R"({"type":"welcome","v":1,"connection":"c",
                "user":{"id":"u1","name":"Ana","role":"member"},"epoch":"ep","seq":0,
                "viewers":1,"recovered":false,"document":)" +
               pdfJson + "}";
    Chat mentioned = sampleChat();
    mentioned.comments = {comment(CommentId, Ana, u"Hi @Bo"_s, T0)};
    mentioned.comments.first().mentions = {Bo};
    mentioned.updatedAt = T0;
    QTest::newRow("new-text-chat, its comment mentioning someone")
        << ServerMessage(NewChatEvent{1, Bid, mentioned})
        << json(R"({"type":"new-text-chat","seq":1,"broadcastId":"$B","chat":{"id":"$C",
                "anchor":{"start":120,"end":164,"exact":"the quoted passage","prefix":"before ",
                "suffix":" after"},"author":{"id":"u1","name":"Ana"},"createdAt":1732550400000,
                "updatedAt":1732550400000,"resolved":false,"comments":[{"id":"$M",
                "author":{"id":"u1","name":"Ana"},"text":"Hi @Bo","createdAt":1732550400000,
                "mentions":[{"id":"u2","name":"Bo"}]}]}})");
    Chat resolvedByAna = resolved;
    resolvedByAna.resolvedBy = Ana;
    resolvedByAna.resolvedAt = T0;
    QTest::newRow("snapshot, a chat resolved by someone")
        << ServerMessage(Snapshot{u"ep-1"_s, 3, {resolvedByAna}})
        << json(R"({"type":"snapshot","epoch":"ep-1","seq":3,"chats":[
                {"id":"9a1c4a7e-0000-4000-8000-000000000001","anchor":{"start":3,"end":4,
                "exact":"a"},"author":{"id":"u2","name":"Bo"},"createdAt":1732550399999,
                "updatedAt":1732550400000,"resolved":true,"resolvedAt":1732550400000,
                "resolvedBy":{"id":"u1","name":"Ana"},"comments":[]}]})");
    Chat onSheet = resolved;
    onSheet.anchor = {0, 0, {}, {}, {}, 4};
    QTest::newRow("snapshot, a chat on a whole sheet")
        << ServerMessage(Snapshot{u"ep-1"_s, 2, {onSheet}})
        << json(R"({"type":"snapshot","epoch":"ep-1","seq":2,"chats":[
                {"id":"9a1c4a7e-0000-4000-8000-000000000001","anchor":{"start":0,"end":0,
                "exact":"","sheet":4},"author":{"id":"u2","name":"Bo"},"createdAt":1732550399999,
                "updatedAt":1732550400000,"resolved":true,"comments":[]}]})");
}

void tst_Codec::serverRoundTrip()
{
    QFETCH(ServerMessage, message);
    QFETCH(QByteArray, contract);
    QVERIFY2(parse(contract).contains("type"_L1), contract.constData());

    const QByteArray encoded = Codec::encode(message);
    QCOMPARE(encoded, canonical(encoded)); // compact
    QCOMPARE(canonical(encoded), canonical(contract));

    for (const QByteArray &f : {encoded, contract}) {
        ProtocolError error;
        const std::optional<QList<ServerMessage>> decoded = Codec::decodeServer(f, &error);
        QVERIFY2(decoded, qPrintable(error.message));
        QVERIFY(error.isNull());
        QCOMPARE(decoded->size(), 1);
        QCOMPARE(decoded->first().index(), message.index());
        QCOMPARE(decoded->first(), message);
    }
}

// The `change` of an operation (not completed) and of an event (completed by the server).
void tst_Codec::changeToJson_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<bool>("completed");
    QTest::addColumn<QByteArray>("contract");

    const Comment full = comment(CommentId2, Bo, u"Reply"_s, T0);
    QTest::newRow("add-comment") << addComment(newComment(CommentId2, u"Reply"_s)) << false
                                 << json(R"({"op":"add-comment","comment":{"id":"$N",
                                         "text":"Reply"}})");
    QTest::newRow("add-comment completed")
        << addComment(full) << true
        << json(R"({"op":"add-comment","comment":{"id":"$N","author":{"id":"u2","name":"Bo"},
                "text":"Reply","createdAt":1732550400000}})");
    // An operation carries only what the client sends, even if the struct holds more.
    QTest::newRow("add-comment, not completed, from a full comment")
        << addComment(full) << false
        << json(R"({"op":"add-comment","comment":{"id":"$N","text":"Reply"}})");
    QTest::newRow("edit-comment") << editComment(CommentId, u"New"_s) << false
                                  << json(R"({"op":"edit-comment","commentId":"$M",
                                          "text":"New"})");
    QTest::newRow("edit-comment completed")
        << editComment(CommentId, u"New"_s, comment(CommentId, Ana, u"New"_s, T0, T0 + 5)) << true
        << json(R"({"op":"edit-comment","commentId":"$M","text":"New","comment":{"id":"$M",
                "author":{"id":"u1","name":"Ana"},"text":"New","createdAt":1732550400000,
                "editedAt":1732550400005}})");
    QTest::newRow("delete-comment")
        << deleteComment(CommentId) << false << json(R"({"op":"delete-comment","commentId":"$M"})");
    QTest::newRow("delete-comment completed")
        << deleteComment(CommentId, deletedComment(CommentId)) << true
        << json(R"({"op":"delete-comment","commentId":"$M","comment":{"id":"$M",
                "deleted":true}})");
    QTest::newRow("resolve") << resolve(true) << false
                             << json(R"({"op":"resolve","resolved":true})");
    QTest::newRow("resolve completed")
        << resolve(true) << true << json(R"({"op":"resolve","resolved":true})");
    Change resolvedByBo = resolve(true);
    resolvedByBo.resolvedBy = Bo;
    QTest::newRow("resolve completed, by whom")
        << resolvedByBo << true
        << json(R"({"op":"resolve","resolved":true,"resolvedBy":{"id":"u2","name":"Bo"}})");
    QTest::newRow("resolve, not completed, says nothing of whom")
        << resolvedByBo << false << json(R"({"op":"resolve","resolved":true})");
    QTest::newRow("reopen") << resolve(false) << false
                            << json(R"({"op":"resolve","resolved":false})");
    QTest::newRow("reopen completed")
        << resolve(false) << true << json(R"({"op":"resolve","resolved":false})");
}

void tst_Codec::changeToJson()
{
    QFETCH(Change, change);
    QFETCH(bool, completed);
    QFETCH(QByteArray, contract);
    // The change as it travels: inside an event when completed, inside an operation otherwise.
    const QByteArray encoded =
        completed ? Codec::encode(ServerMessage(UpdatedChatEvent{1, Bid, ChatId, T0, change}))
                  : Codec::encode(ClientMessage(UpdateChatOp{Bid, ChatId, change}));
    QCOMPARE(frame(parse(encoded).value("change"_L1).toObject()), canonical(contract));
}

void tst_Codec::batch_data()
{
    QTest::addColumn<QList<ServerMessage>>("messages");

    const Chat chat = sampleChat();
    QTest::newRow("none") << QList<ServerMessage>();
    QTest::newRow("one") << QList<ServerMessage>{Presence{2, {}}};
    QTest::newRow("mixed") << QList<ServerMessage>{
        Snapshot{u"ep-1"_s, 4, {chat}},
        NewChatEvent{5, Bid, chat},
        UpdatedChatEvent{6, Bid, ChatId, T0 + 1, resolve(true)},
        UpdatedChatEvent{7, Bid, ChatId, T0 + 2,
                         deleteComment(CommentId, deletedComment(CommentId))},
        Presence{4, {}},
        DeletedChatEvent{8, Bid, ChatId},
        ErrorMessage{Bid, {}, u"conflict"_s, u"id used"_s},
        DocumentPublished{Bid, document(false)},
        DocumentList{u"r"_s, {document(false)}},
        DocumentUpdated{document(true)},
    };
    QList<ServerMessage> many;
    for (int i = 1; i <= 300; ++i)
        many.append(UpdatedChatEvent{i, Validation::newUuid(), ChatId, T0 + i, resolve(i % 2)});
    QTest::newRow("300 events") << many;
}

// encodeBatch wraps the frames as they are, in order; decodeServer yields their messages in order.
void tst_Codec::batch()
{
    QFETCH(QList<ServerMessage>, messages);

    QList<QByteArray> frames;
    for (const ServerMessage &m : std::as_const(messages))
        frames.append(Codec::encode(m));
    const QByteArray batch = Codec::encodeBatch(frames);

    const QJsonObject o = parse(batch);
    QCOMPARE(o.value("type"_L1).toString(), u"batch"_s);
    QCOMPARE(o.value("events"_L1).toArray().size(), messages.size());
    qsizetype from = 0;
    for (const QByteArray &f : std::as_const(frames)) {
        const qsizetype at = batch.indexOf(f, from);
        QVERIFY2(at >= from, f.constData());
        from = at + f.size();
    }

    ProtocolError error;
    const std::optional<QList<ServerMessage>> decoded = Codec::decodeServer(batch, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QVERIFY(error.isNull());
    QCOMPARE(decoded->size(), messages.size());
    for (qsizetype i = 0; i < messages.size(); ++i)
        QCOMPARE(decoded->at(i), messages.at(i));
}

// A snapshot written piece by piece is byte for byte the one encoded at once, with any number
// of chats.
void tst_Codec::snapshotInPieces()
{
    for (const int count : {0, 1, 3}) {
        Snapshot snapshot{u"epoch-1"_s, 42, {}};
        for (int i = 0; i < count; ++i) {
            snapshot.chats.append(sampleChat());
            snapshot.chats.last().id = Validation::newUuid();
        }
        QByteArray pieces = Codec::snapshotHead();
        for (qsizetype i = 0; i < snapshot.chats.size(); ++i)
            pieces += (i ? ","_ba : QByteArray()) + Codec::encode(snapshot.chats.at(i));
        pieces += Codec::snapshotTail(snapshot.epoch, snapshot.seq);
        QCOMPARE(pieces, Codec::encode(ServerMessage(snapshot)));
    }
}

void tst_Codec::lobbyWelcomeHasNoPageFields()
{
    Welcome w;
    w.connection = u"conn-2"_s;
    w.user = User{u"u1"_s, u"Ana"_s, User::Role::Member};
    w.hasPage = false;
    // Page fields set by mistake are still not sent.
    w.epoch = u"ep-1"_s;
    w.seq = 9;
    w.viewers = 2;
    w.recovered = true;
    w.document = document(true);
    const QJsonObject o = parse(Codec::encode(ServerMessage(w)));
    QCOMPARE(keys(o), (QStringList{u"connection"_s, u"type"_s, u"user"_s, u"v"_s}));
    QCOMPARE(o.value("v"_L1).toInt(), 1);

    ProtocolError error;
    const auto decoded = Codec::decodeServer(Codec::encode(ServerMessage(w)), &error);
    QVERIFY2(decoded, qPrintable(error.message));
    const Welcome back = std::get<Welcome>(decoded->first());
    QVERIFY(!back.hasPage);
    QVERIFY(!back.document);
    QCOMPARE(back.user, w.user);
    QCOMPARE(back.connection, w.connection);
}

void tst_Codec::pageWelcomeCarriesDocumentOrNull()
{
    Welcome w{1,    u"c"_s,  User{u"u1"_s, u"Ana"_s, User::Role::Member},
              true, u"ep"_s, 0,
              1,    false,   std::nullopt,
              {},   {}};
    QJsonObject o = parse(Codec::encode(ServerMessage(w)));
    QCOMPARE(keys(o), (QStringList{u"connection"_s, u"document"_s, u"epoch"_s, u"recovered"_s,
                                   u"seq"_s, u"type"_s, u"user"_s, u"v"_s, u"viewers"_s}));
    QVERIFY(o.value("document"_L1).isNull());
    QCOMPARE(o.value("recovered"_L1), QJsonValue(false));

    w.document = document(true);
    o = parse(Codec::encode(ServerMessage(w)));
    const QJsonObject doc = o.value("document"_L1).toObject();
    QCOMPARE(keys(doc), (QStringList{u"content"_s, u"format"_s, u"page"_s, u"sha256"_s, u"title"_s,
                                     u"updatedAt"_s}));
    QCOMPARE(doc.value("content"_L1).toString(), u"hello"_s);
}

// Every UTF-16 unit of user text comes out as QJsonDocument would write it: the usual escapes,
// other control characters as \u00XX, non-ASCII as UTF-8, an unpaired surrogate as \uXXXX.
void tst_Codec::stringsAreEscapedAsQtJsonDoes()
{
    QString text;
    for (char16_t u = 0; u < 0x80; ++u)
        text += QChar(u);
    text += u"\u00e9\u07ff\u0800\uffff \U0001F600 "_s;
    text += QChar(0xd800); // high surrogate, then a space
    text += u' ';
    text += QChar(0xdc00); // lone low surrogate at the end
    Chat chat = sampleChat();
    chat.comments.first().text = text;
    chat.anchor.exact = text;
    for (const QByteArray &encoded :
         {Codec::encode(chat), Codec::encode(ServerMessage(NewChatEvent{1, Bid, chat}))}) {
        QCOMPARE(encoded, canonical(encoded));
        QVERIFY(encoded.contains(R"(\u0000\u0001)"));
        QVERIFY(encoded.contains(R"(\b\t\n\u000b\f\r)"));
        QVERIFY(encoded.contains(R"(\ud800 \udc00")"));
    }
}

void tst_Codec::deletedCommentIsIdAndDeletedOnly()
{
    // A deleted comment loses its text, whatever the struct still holds.
    Comment c = comment(CommentId, Ana, u"secret"_s, T0, T0 + 1);
    c.deleted = true;
    const QJsonObject o = parse(Codec::encode(c));
    QCOMPARE(keys(o), (QStringList{u"deleted"_s, u"id"_s}));
    QCOMPARE(o.value("id"_L1).toString(), CommentId);
    QCOMPARE(o.value("deleted"_L1), QJsonValue(true));

    // A live comment has no deleted key.
    QVERIFY(!parse(Codec::encode(comment(CommentId, Ana, u"t"_s, T0))).contains("deleted"_L1));
}

void tst_Codec::editedCommentCarriesEditedAt()
{
    const QJsonObject edited = parse(Codec::encode(comment(CommentId, Ana, u"t"_s, T0, T0 + 42)));
    QCOMPARE(keys(edited),
             (QStringList{u"author"_s, u"createdAt"_s, u"editedAt"_s, u"id"_s, u"text"_s}));
    QCOMPARE(edited.value("editedAt"_L1).toInteger(), T0 + 42);

    const QJsonObject plain = parse(Codec::encode(comment(CommentId, Ana, u"t"_s, T0)));
    QCOMPARE(keys(plain), (QStringList{u"author"_s, u"createdAt"_s, u"id"_s, u"text"_s}));
}

void tst_Codec::decodeChat()
{
    const Chat chat = sampleChat();
    ProtocolError error;
    const std::optional<Chat> back = Codec::decodeChat(parse(Codec::encode(chat)), &error);
    QVERIFY2(back, qPrintable(error.message));
    QCOMPARE(*back, chat);

    QJsonObject broken = parse(Codec::encode(chat));
    broken.remove("author"_L1);
    QVERIFY(!Codec::decodeChat(broken, &error));
    QCOMPARE(error.code, badRequest());

    // The error of the previous call does not stick.
    QVERIFY(Codec::decodeChat(parse(Codec::encode(chat)), &error));
    QVERIFY(error.isNull());
}

// A PDF's document names its size and never carries content, whatever the struct holds; other
// documents carry their content and no size.
void tst_Codec::pdfDocumentCarriesSizeNotContent()
{
    Document pdf = pdfDocument();
    pdf.content = u"stray"_s;
    const QStringList pdfKeys{u"format"_s, u"page"_s,  u"sha256"_s,
                              u"size"_s,   u"title"_s, u"updatedAt"_s};
    const User ana{u"u1"_s, u"Ana"_s, User::Role::Member};
    const QList<ServerMessage> carriers{
        DocumentUpdated{pdf}, DocumentPublished{Bid, pdf}, DocumentList{u"r"_s, {pdf}},
        Welcome{1, u"c"_s, ana, true, u"ep"_s, 0, 1, false, pdf, {}, {}}};
    for (const ServerMessage &m : carriers) {
        const QJsonObject o = parse(Codec::encode(m));
        const QJsonObject doc = o.contains("documents"_L1)
                                    ? o.value("documents"_L1).toArray().first().toObject()
                                    : o.value("document"_L1).toObject();
        QCOMPARE(keys(doc), pdfKeys);
        QCOMPARE(doc.value("size"_L1).toInteger(), 1300000);
    }
    Document text = document(true);
    text.size = 5; // not a PDF's: not sent
    const QJsonObject doc =
        parse(Codec::encode(ServerMessage(DocumentUpdated{text}))).value("document"_L1).toObject();
    QVERIFY(!doc.contains("size"_L1));
    QCOMPARE(doc.value("content"_L1).toString(), u"hello"_s);

    // A client's PDF names its bytes by sha256 and carries no content either.
    PublishDocumentOp op = publishPdfMessage();
    op.document.content = u"stray"_s;
    QCOMPARE(keys(parse(Codec::encode(ClientMessage(op))).value("document"_L1).toObject()),
             (QStringList{u"format"_s, u"page"_s, u"sha256"_s, u"title"_s}));
}

// An anchor without a sheet has none (-1) and sends none; sheet 0 is a sheet.
void tst_Codec::anchorSheetOnlyWhenGiven()
{
    ProtocolError error;
    std::optional<ClientMessage> decoded = Codec::decodeClient(frame(newChatJson()), &error);
    QVERIFY2(decoded, qPrintable(error.message));
    const Anchor plain = std::get<NewChatOp>(*decoded).anchor;
    QCOMPARE(plain.sheet, -1);
    QVERIFY(!plain.hasSheet());
    QVERIFY(!plain.isWholeSheet());
    QVERIFY(!parse(Codec::encode(ClientMessage(newChatMessage())))
                 .value("chat"_L1)["anchor"_L1]
                 .toObject()
                 .contains("sheet"_L1));

    decoded = Codec::decodeClient(frame(newChatOnSheetJson(5, 5, QString(), 0)), &error);
    QVERIFY2(decoded, qPrintable(error.message));
    const Anchor whole = std::get<NewChatOp>(*decoded).anchor;
    QCOMPARE(whole.sheet, 0);
    QVERIFY(whole.hasSheet());
    QVERIFY(whole.isWholeSheet());
    QVERIFY(whole != plain);
}

void tst_Codec::validBasesDecode_data()
{
    QTest::addColumn<QByteArray>("frame");
    for (const Base &b : Bases)
        QTest::newRow(b.name) << frame(b.json());
}

// The frames that the malformed rows spoil are accepted as they are.
void tst_Codec::validBasesDecode()
{
    QFETCH(QByteArray, frame);
    ProtocolError error;
    QVERIFY2(Codec::decodeClient(frame, &error), qPrintable(error.message));
    QVERIFY(error.isNull());
}

void tst_Codec::acceptedClientInput_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<ClientMessage>("expected");

    // Optional fields.
    Hello hello = helloMessage();
    QTest::newRow("hello without v")
        << frame(with(helloJson(), u"v", Missing)) << ClientMessage(hello);
    hello = helloMessage();
    hello.token.reset();
    QTest::newRow("hello without token")
        << frame(with(helloJson(), u"token", Missing)) << ClientMessage(hello);
    // An empty token is still a token (the authenticator refuses it), not the absence of one.
    hello.token = QString();
    QTest::newRow("hello with an empty token")
        << frame(with(helloJson(), u"token", ""_L1)) << ClientMessage(hello);
    hello = helloMessage();
    hello.credential = QString();
    QTest::newRow("hello with an empty credential")
        << frame(with(helloJson(), u"credential", ""_L1)) << ClientMessage(hello);
    hello = helloMessage();
    hello.resume.reset();
    QTest::newRow("hello without resume")
        << frame(with(helloJson(), u"resume", Missing)) << ClientMessage(hello);
    QTest::newRow("hello resume null")
        << frame(with(helloJson(), u"resume", QJsonValue::Null)) << ClientMessage(hello);
    hello = helloMessage();
    hello.page.reset();
    QTest::newRow("hello without page (lobby)")
        << frame(with(helloJson(), u"page", Missing)) << ClientMessage(hello);
    QTest::newRow("hello page null (lobby)")
        << frame(with(helloJson(), u"page", QJsonValue::Null)) << ClientMessage(hello);
    NewChatOp chat = newChatMessage();
    chat.anchor.prefix.clear();
    chat.anchor.suffix.clear();
    QTest::newRow("anchor without context")
        << frame(with(with(newChatJson(), u"chat.anchor.prefix", Missing), u"chat.anchor.suffix",
                      Missing))
        << ClientMessage(chat);
    PublishDocumentOp publish = publishMessage();
    publish.document.page.clear();
    QTest::newRow("publish without page")
        << frame(with(publishJson(), u"document.page", Missing)) << ClientMessage(publish);

    // Limits, reached but not passed; lengths in UTF-16 code units.
    const auto newChatWith = [](QStringView path, const QJsonValue &value) {
        return frame(with(newChatJson(), path, value));
    };
    const QString text = QString(Limits::CommentTextMax, u'a');
    chat = newChatMessage();
    chat.text = text;
    QTest::newRow("text of 10000")
        << newChatWith(u"chat.comment.text", text) << ClientMessage(chat);
    const QString emojiText = Emoji.repeated(Limits::CommentTextMax / 2);
    QCOMPARE(emojiText.size(), 10000);
    chat.text = emojiText;
    QTest::newRow("text of 5000 surrogate pairs")
        << newChatWith(u"chat.comment.text", emojiText) << ClientMessage(chat);
    chat = newChatMessage();
    chat.text = u"  padded  \n"_s;
    QTest::newRow("text stored as sent, untrimmed")
        << newChatWith(u"chat.comment.text", chat.text) << ClientMessage(chat);
    chat = newChatMessage();
    chat.anchor.exact = QString(Limits::ExactMax, u'e');
    QTest::newRow("exact of 5000")
        << newChatWith(u"chat.anchor.exact", chat.anchor.exact) << ClientMessage(chat);
    chat.anchor.exact = Emoji.repeated(Limits::ExactMax / 2);
    QTest::newRow("exact of 2500 surrogate pairs")
        << newChatWith(u"chat.anchor.exact", chat.anchor.exact) << ClientMessage(chat);
    chat = newChatMessage();
    chat.anchor.prefix = QString(Limits::ContextMax, u'p');
    chat.anchor.suffix = Emoji.repeated(Limits::ContextMax / 2);
    QTest::newRow("prefix and suffix of 32")
        << frame(with(with(newChatJson(), u"chat.anchor.prefix", chat.anchor.prefix),
                      u"chat.anchor.suffix", chat.anchor.suffix))
        << ClientMessage(chat);
    chat = newChatMessage();
    chat.anchor.start = chat.anchor.end = 164;
    QTest::newRow("start == end") << newChatWith(u"chat.anchor.start", 164) << ClientMessage(chat);
    chat = newChatMessage();
    chat.anchor.start = 0;
    QTest::newRow("start 0") << newChatWith(u"chat.anchor.start", 0) << ClientMessage(chat);

    UpdateChatOp edit{Bid, ChatId, editComment(CommentId, text)};
    QTest::newRow("edited text of 10000")
        << frame(with(editCommentJson(), u"change.text", text)) << ClientMessage(edit);
    UpdateChatOp add{Bid, ChatId, addComment(newComment(CommentId2, emojiText))};
    QTest::newRow("added text of 5000 surrogate pairs")
        << frame(with(addCommentJson(), u"change.comment.text", emojiText)) << ClientMessage(add);

    hello = helloMessage();
    hello.tenant = QString(Limits::TenantMax, u't');
    QTest::newRow("tenant of 100")
        << frame(with(helloJson(), u"tenant", hello.tenant)) << ClientMessage(hello);
    hello = helloMessage();
    hello.page = QString(Limits::PageMax, u'p');
    QTest::newRow("page of 512") << frame(with(helloJson(), u"page", *hello.page))
                                 << ClientMessage(hello);
    hello.page = Emoji.repeated(Limits::PageMax / 2);
    QTest::newRow("page of 256 surrogate pairs")
        << frame(with(helloJson(), u"page", *hello.page)) << ClientMessage(hello);
    publish = publishMessage();
    publish.document.title = QString(Limits::TitleMax, u'T');
    QTest::newRow("title of 500") << frame(with(publishJson(), u"document.title",
                                                publish.document.title))
                                  << ClientMessage(publish);
    publish = publishMessage();
    publish.document.format = u"text"_s;
    QTest::newRow("format text") << frame(with(publishJson(), u"document.format", "text"_L1))
                                 << ClientMessage(publish);
    const QString requestId = QString(Limits::RequestIdMax, u'r');
    QTest::newRow("requestId of 100") << frame(with(listJson(), u"requestId", requestId))
                                      << ClientMessage(ListDocumentsRequest{requestId});
    QTest::newRow("requestId empty") << frame(with(listJson(), u"requestId", ""_L1))
                                     << ClientMessage(ListDocumentsRequest{QString()});

    // PDFs.
    QTest::newRow("put-content of the largest content, its last piece")
        << frame(with(with(with(putContentJson(), u"size", Limits::ContentBytes), u"piece", 127),
                      u"data",
                      QString::fromLatin1(QByteArray(Limits::ContentPieceBytes, 'x').toBase64())))
        << ClientMessage(PutContent{u"up-1"_s, Sha, Limits::ContentBytes, 127,
                                    QByteArray(Limits::ContentPieceBytes, 'x')});
    QTest::newRow("put-content with unknown fields")
        << frame(with(with(putContentJson(), u"offset", 0), u"stored", true))
        << ClientMessage(putContentMessage());
    QTest::newRow("put-content with an empty requestId")
        << frame(with(putContentJson(), u"requestId", ""_L1))
        << ClientMessage(PutContent{QString(), Sha, 10, 0, "%PDF-%%EOF"});
    // Which pieces a content has is the server's to say.
    QTest::newRow("get-content of any piece")
        << frame(with(getContentJson(), u"piece", 1000000))
        << ClientMessage(GetContent{u"get-1"_s, Sha, 1000000});
    QTest::newRow("whole-sheet anchor") << frame(newChatOnSheetJson(7, 7, QString(), 2))
                                        << ClientMessage(newChatOnSheet(7, 7, QString(), 2));
    QTest::newRow("anchor on the last sheet")
        << frame(newChatOnSheetJson(0, 3, u"abc"_s, Limits::SheetMax))
        << ClientMessage(newChatOnSheet(0, 3, u"abc"_s, Limits::SheetMax));

    // Integers: whole JSON numbers, however they are written, up to 2^53 - 1.
    QTest::newRow("since max safe integer")
        << R"({"type":"sync","epoch":"ep-1","since":9007199254740991})"_ba
        << ClientMessage(SyncRequest{u"ep-1"_s, MaxSafeInteger});
    QTest::newRow("since in exponent notation")
        << R"({"type":"sync","epoch":"ep-1","since":1e2})"_ba
        << ClientMessage(SyncRequest{u"ep-1"_s, 100});
    QTest::newRow("since with a zero fraction")
        << R"({"type":"sync","epoch":"ep-1","since":56.0})"_ba
        << ClientMessage(SyncRequest{u"ep-1"_s, 56});

    // Unknown fields are ignored, at every level.
    QJsonObject extra = with(newChatJson(), u"extra", QJsonObject{{"x"_L1, 1}});
    extra = with(extra, u"chat.color", "red"_L1);
    extra = with(extra, u"chat.anchor.selector", QJsonArray{1, 2});
    extra = with(extra, u"chat.comment.mood", true);
    extra = with(extra, u"seq", 99);
    QTest::newRow("new-text-chat with unknown fields")
        << frame(extra) << ClientMessage(newChatMessage());
    QTest::newRow("hello with unknown fields")
        << frame(with(with(helloJson(), u"client", "glosa/0.1"_L1), u"resume.hint", 3))
        << ClientMessage(helloMessage());
    QTest::newRow("update with unknown fields")
        << frame(with(with(resolveJson(), u"change.why", "done"_L1), u"requestId", "r"_L1))
        << ClientMessage(UpdateChatOp{Bid, ChatId, resolve(true)});
    QTest::newRow("resolve naming who resolved")
        << frame(with(resolveJson(), u"change.resolvedBy", QJsonObject{{"id"_L1, "u9"_L1}}))
        << ClientMessage(UpdateChatOp{Bid, ChatId, resolve(true)});
    QTest::newRow("publish with unknown fields")
        << frame(with(with(publishJson(), u"document.sha256", "x"_L1), u"document.updatedAt", 5))
        << ClientMessage(publishMessage());
    QTest::newRow("list-documents with unknown fields")
        << frame(with(listJson(), u"filter", QJsonValue::Null))
        << ClientMessage(ListDocumentsRequest{u"req-1"_s});

    // RFC 8259 as written by hand: whitespace between tokens, exponents, escapes.
    QTest::newRow("whitespace between tokens")
        << " \t\r\n{ \"type\" :\t\"sync\" ,\n\"epoch\":\"ep-1\",\"since\" : 56 }\r\n"_ba
        << ClientMessage(SyncRequest{u"ep-1"_s, 56});
    QTest::newRow("exponent") << R"({"type":"sync","epoch":"ep-1","since":1E+2})"_ba
                              << ClientMessage(SyncRequest{u"ep-1"_s, 100});
    QTest::newRow("fraction and exponent") << R"({"type":"sync","epoch":"ep-1","since":0.56e2})"_ba
                                           << ClientMessage(SyncRequest{u"ep-1"_s, 56});
    QTest::newRow("escapes") << "{\"type\":\"list-documents\",\"requestId\":"
                                "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"}"_ba
                             << ClientMessage(
                                    ListDocumentsRequest{u"\"\\/\b\f\n\r\t\u00e9\U0001F600"_s});
    // Twenty mentions, the most a comment may have.
    NewChatOp mentioning = newChatMessage();
    QJsonArray twenty;
    mentioning.text.clear();
    for (int i = 0; i < Limits::MentionsMax; ++i) {
        const Author person{u"u%1"_s.arg(i), u"P%1"_s.arg(i)};
        mentioning.mentions.append(person);
        mentioning.text += u"@"_s + person.name + u' ';
        twenty.append(QJsonObject{{"id"_L1, person.id}, {"name"_L1, person.name}});
    }
    QTest::newRow("twenty mentions")
        << frame(with(with(newChatJson(), u"chat.comment.text", mentioning.text),
                      u"chat.comment.mentions", twenty))
        << ClientMessage(mentioning);
}

void tst_Codec::acceptedClientInput()
{
    QFETCH(QByteArray, frame);
    QFETCH(ClientMessage, expected);
    ProtocolError error;
    const std::optional<ClientMessage> decoded = Codec::decodeClient(frame, &error);
    QVERIFY2(decoded, qPrintable(error.code + u": "_s + error.message));
    QVERIFY(error.isNull());
    QCOMPARE(*decoded, expected);
}

void tst_Codec::malformedClientInput_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("code");

    // Not a JSON object.
    QTest::newRow("empty") << QByteArray() << badRequest();
    QTest::newRow("not JSON") << "hello"_ba << badRequest();
    QTest::newRow("truncated JSON") << R"({"type":"sync","epoch":"e")"_ba << badRequest();
    QTest::newRow("trailing garbage")
        << R"({"type":"list-documents","requestId":"r"}x)"_ba << badRequest();
    QTest::newRow("JSON array") << R"([{"type":"list-documents","requestId":"r"}])"_ba
                                << badRequest();
    QTest::newRow("empty array") << "[]"_ba << badRequest();
    QTest::newRow("JSON string") << R"("hello")"_ba << badRequest();
    QTest::newRow("JSON number") << "42"_ba << badRequest();
    QTest::newRow("JSON null") << "null"_ba << badRequest();
    QTest::newRow("invalid UTF-8")
        << "{\"type\":\"sync\",\"epoch\":\"\xff\xfe\",\"since\":1}"_ba << badRequest();
    // What QJsonDocument takes but RFC 8259 does not.
    QTest::newRow("number 1.") << R"({"type":"sync","epoch":"e","since":1.})"_ba << badRequest();
    QTest::newRow("number 1.e2") << R"({"type":"sync","epoch":"e","since":1.e2})"_ba
                                 << badRequest();
    QTest::newRow("TAB in a string")
        << "{\"type\":\"list-documents\",\"requestId\":\"a\tb\"}"_ba << badRequest();
    QTest::newRow("NUL in a string")
        << QByteArray("{\"type\":\"list-documents\",\"requestId\":\"a\0b\"}", 43) << badRequest();
    QTest::newRow("newline in a string")
        << "{\"type\":\"list-documents\",\"requestId\":\"a\nb\"}"_ba << badRequest();
    QTest::newRow("escape \\q") << R"({"type":"list-documents","requestId":"a\qb"})"_ba
                                << badRequest();
    QTest::newRow("byte-order mark")
        << "\xef\xbb\xbf{\"type\":\"list-documents\",\"requestId\":\"r\"}"_ba << badRequest();

    // The type.
    QTest::newRow("empty object") << "{}"_ba << badRequest();
    QTest::newRow("type missing") << frame(with(syncJson(), u"type", Missing)) << badRequest();
    QTest::newRow("type number") << frame(with(syncJson(), u"type", 1)) << badRequest();
    QTest::newRow("type null") << frame(with(syncJson(), u"type", QJsonValue::Null))
                               << badRequest();
    QTest::newRow("type unknown") << frame(with(syncJson(), u"type", "nope"_L1)) << badRequest();
    QTest::newRow("type wrong case") << frame(with(syncJson(), u"type", "Sync"_L1)) << badRequest();
    QTest::newRow("type empty") << frame(with(syncJson(), u"type", ""_L1)) << badRequest();
    for (const char *serverType :
         {"welcome", "snapshot", "presence", "batch", "error", "document-published", "documents"})
        QTest::addRow("server type %s", serverType)
            << frame(with(syncJson(), u"type", QLatin1StringView(serverType))) << badRequest();

    // Wrong field types: every field given a value of each other kind.
    const QJsonValue aString("1"_L1), aNumber(1), aBool(true), anObject(QJsonObject{}),
        anArray(QJsonArray{}), null(QJsonValue::Null);
    const Field strings[] = {
        {helloJson, "tenant"},
        {helloJson, "token"},
        {helloJson, "resume.epoch"},
        {syncJson, "epoch"},
        {newChatJson, "broadcastId"},
        {newChatJson, "chat.id"},
        {newChatJson, "chat.anchor.exact"},
        {newChatJson, "chat.anchor.prefix"},
        {newChatJson, "chat.anchor.suffix"},
        {newChatJson, "chat.comment.id"},
        {newChatJson, "chat.comment.text"},
        {addCommentJson, "broadcastId"},
        {addCommentJson, "chatId"},
        {addCommentJson, "change.op"},
        {addCommentJson, "change.comment.id"},
        {addCommentJson, "change.comment.text"},
        {editCommentJson, "change.commentId"},
        {editCommentJson, "change.text"},
        {deleteCommentJson, "change.commentId"},
        {deleteChatJson, "broadcastId"},
        {deleteChatJson, "chatId"},
        {publishJson, "broadcastId"},
        {publishJson, "document.page"},
        {publishJson, "document.title"},
        {publishJson, "document.format"},
        {publishJson, "document.content"},
        {listJson, "requestId"},
        {putContentJson, "requestId"},
        {putContentJson, "sha256"},
        {putContentJson, "data"},
        {getContentJson, "requestId"},
        {getContentJson, "sha256"},
        {publishPdfJson, "document.sha256"},
    };
    for (const Field &f : strings) {
        const QString path = f.key();
        for (const auto &[kind, value] :
             {std::pair{"number", aNumber}, std::pair{"bool", aBool}, std::pair{"object", anObject},
              std::pair{"array", anArray}, std::pair{"null", null}})
            QTest::addRow("%s %s is a %s", f.base(), f.path, kind)
                << frame(with(f.json(), path, value)) << badRequest();
    }
    const Field integers[] = {
        {helloJson, "v"},
        {helloJson, "resume.seq"},
        {syncJson, "since"},
        {newChatJson, "chat.anchor.start"},
        {newChatJson, "chat.anchor.end"},
        {putContentJson, "size"},
        {putContentJson, "piece"},
        {getContentJson, "piece"},
    };
    for (const Field &f : integers) {
        const QString path = f.key();
        for (const auto &[kind, value] :
             {std::pair{"string", aString}, std::pair{"bool", aBool}, std::pair{"object", anObject},
              std::pair{"array", anArray}, std::pair{"null", null}})
            QTest::addRow("%s %s is a %s", f.base(), f.path, kind)
                << frame(with(f.json(), path, value)) << badRequest();
    }
    for (const auto &[kind, value] :
         {std::pair{"string", QJsonValue("true"_L1)}, std::pair{"number", aNumber},
          std::pair{"object", anObject}, std::pair{"array", anArray}, std::pair{"null", null}})
        QTest::addRow("resolve resolved is a %s", kind)
            << frame(with(resolveJson(), u"change.resolved", value)) << badRequest();
    const Field objects[] = {
        {helloJson, "resume"},        {newChatJson, "chat"},
        {newChatJson, "chat.anchor"}, {newChatJson, "chat.comment"},
        {addCommentJson, "change"},   {addCommentJson, "change.comment"},
        {publishJson, "document"},
    };
    for (const Field &f : objects) {
        const QString path = f.key();
        // A null resume means no resume; every other object is required.
        const bool nullable = path == "resume"_L1;
        for (const auto &[kind, value] :
             {std::pair{"string", aString}, std::pair{"number", aNumber}, std::pair{"bool", aBool},
              std::pair{"array", anArray}, std::pair{"null", null}}) {
            if (nullable && value.isNull())
                continue;
            QTest::addRow("%s %s is a %s", f.base(), f.path, kind)
                << frame(with(f.json(), path, value)) << badRequest();
        }
    }
    QTest::newRow("hello page is a number") << frame(with(helloJson(), u"page", 5)) << badRequest();
    QTest::newRow("hello page is an object")
        << frame(with(helloJson(), u"page", QJsonObject{})) << badRequest();

    // Missing required fields.
    const Field required[] = {
        {helloJson, "tenant"},
        {helloJson, "resume.epoch"},
        {helloJson, "resume.seq"},
        {syncJson, "epoch"},
        {syncJson, "since"},
        {newChatJson, "broadcastId"},
        {newChatJson, "chat"},
        {newChatJson, "chat.id"},
        {newChatJson, "chat.anchor"},
        {newChatJson, "chat.anchor.start"},
        {newChatJson, "chat.anchor.end"},
        {newChatJson, "chat.anchor.exact"},
        {newChatJson, "chat.comment"},
        {newChatJson, "chat.comment.id"},
        {newChatJson, "chat.comment.text"},
        {addCommentJson, "broadcastId"},
        {addCommentJson, "chatId"},
        {addCommentJson, "change"},
        {addCommentJson, "change.op"},
        {addCommentJson, "change.comment"},
        {addCommentJson, "change.comment.id"},
        {addCommentJson, "change.comment.text"},
        {editCommentJson, "change.commentId"},
        {editCommentJson, "change.text"},
        {deleteCommentJson, "change.commentId"},
        {resolveJson, "change.resolved"},
        {deleteChatJson, "broadcastId"},
        {deleteChatJson, "chatId"},
        {publishJson, "broadcastId"},
        {publishJson, "document"},
        {publishJson, "document.title"},
        {publishJson, "document.format"},
        {publishJson, "document.content"},
        {listJson, "requestId"},
        {putContentJson, "requestId"},
        {putContentJson, "sha256"},
        {putContentJson, "size"},
        {putContentJson, "piece"},
        {putContentJson, "data"},
        {getContentJson, "requestId"},
        {getContentJson, "sha256"},
        {getContentJson, "piece"},
        {publishPdfJson, "document.sha256"},
    };
    for (const Field &f : required)
        QTest::addRow("%s without %s", f.base(), f.path)
            << frame(with(f.json(), f.key(), Missing)) << badRequest();

    // Integers: whole, not negative, within 2^53, within the range of what they count.
    QTest::newRow("hello v fractional") << frame(with(helloJson(), u"v", 1.5)) << badRequest();
    QTest::newRow("resume seq negative")
        << frame(with(helloJson(), u"resume.seq", -1)) << badRequest();
    QTest::newRow("resume seq fractional")
        << frame(with(helloJson(), u"resume.seq", 40.5)) << badRequest();
    QTest::newRow("since negative") << frame(with(syncJson(), u"since", -1)) << badRequest();
    QTest::newRow("since fractional") << frame(with(syncJson(), u"since", 2.5)) << badRequest();
    QTest::newRow("since tiny fraction")
        << frame(with(syncJson(), u"since", 1.0000001)) << badRequest();
    QTest::newRow("since 2^53") << R"({"type":"sync","epoch":"e","since":9007199254740992})"_ba
                                << badRequest();
    QTest::newRow("since 1e300") << R"({"type":"sync","epoch":"e","since":1e300})"_ba
                                 << badRequest();
    QTest::newRow("start negative")
        << frame(with(newChatJson(), u"chat.anchor.start", -1)) << badRequest();
    QTest::newRow("start fractional")
        << frame(with(newChatJson(), u"chat.anchor.start", 1.5)) << badRequest();
    QTest::newRow("end negative") << frame(with(newChatJson(), u"chat.anchor.end", -3))
                                  << badRequest();
    QTest::newRow("end fractional")
        << frame(with(newChatJson(), u"chat.anchor.end", 164.25)) << badRequest();
    // Beyond what an offset can be: must not wrap around into a valid anchor.
    QTest::newRow("start 2^32") << frame(with(
                                       with(newChatJson(), u"chat.anchor.start", qint64(1) << 32),
                                       u"chat.anchor.end", 164))
                                << badRequest();
    QTest::newRow("end 2^32 + 164")
        << frame(with(newChatJson(), u"chat.anchor.end", (qint64(1) << 32) + 164)) << badRequest();
    QTest::newRow("hello v 2^32 + 1")
        << frame(with(helloJson(), u"v", (qint64(1) << 32) + 1)) << badRequest();

    // UUIDs: lowercase canonical only.
    const Field uuids[] = {
        {newChatJson, "broadcastId"},
        {newChatJson, "chat.id"},
        {newChatJson, "chat.comment.id"},
        {addCommentJson, "broadcastId"},
        {addCommentJson, "chatId"},
        {addCommentJson, "change.comment.id"},
        {editCommentJson, "change.commentId"},
        {deleteCommentJson, "change.commentId"},
        {deleteChatJson, "broadcastId"},
        {deleteChatJson, "chatId"},
        {publishJson, "broadcastId"},
    };
    const std::pair<const char *, QString> badUuids[] = {
        {"uppercase", Bid.toUpper()},
        {"braces", u'{' + Bid + u'}'},
        {"35 chars", Bid.chopped(1)},
        {"37 chars", Bid + u'a'},
        {"non-hex", QString(Bid).replace(0, 1, u'g')},
        {"no hyphens", QString(Bid).remove(u'-')},
        {"empty", QString()},
    };
    for (const Field &f : uuids) {
        for (const auto &[kind, value] : badUuids)
            QTest::addRow("%s %s %s", f.base(), f.path, kind)
                << frame(with(f.json(), f.key(), value)) << badRequest();
    }

    // Comment text.
    const Field texts[] = {
        {newChatJson, "chat.comment.text"},
        {addCommentJson, "change.comment.text"},
        {editCommentJson, "change.text"},
    };
    for (const Field &f : texts) {
        const auto add = [&](const char *kind, const QString &text, const QString &code) {
            QTest::addRow("%s text %s", f.base(), kind)
                << frame(with(f.json(), f.key(), text)) << code;
        };
        add("empty", QString(), badRequest());
        add("blank", u"   "_s, badRequest());
        add("whitespace", u"\n\t \r"_s, badRequest());
        add("of 10001", QString(Limits::CommentTextMax + 1, u'a'), tooLarge());
        add("of 5001 surrogate pairs", Emoji.repeated(Limits::CommentTextMax / 2 + 1), tooLarge());
        add("of 10001 accented", QString(Limits::CommentTextMax + 1, u'\u00e9'), tooLarge());
    }

    // Anchor.
    QTest::newRow("exact empty") << frame(with(newChatJson(), u"chat.anchor.exact", ""_L1))
                                 << badRequest();
    QTest::newRow("exact of 5001")
        << frame(with(newChatJson(), u"chat.anchor.exact", QString(Limits::ExactMax + 1, u'e')))
        << tooLarge();
    QTest::newRow("exact of 2501 surrogate pairs")
        << frame(
               with(newChatJson(), u"chat.anchor.exact", Emoji.repeated(Limits::ExactMax / 2 + 1)))
        << tooLarge();
    QTest::newRow("prefix of 33") << frame(with(newChatJson(), u"chat.anchor.prefix",
                                                QString(Limits::ContextMax + 1, u'p')))
                                  << tooLarge();
    QTest::newRow("suffix of 33") << frame(with(newChatJson(), u"chat.anchor.suffix",
                                                QString(Limits::ContextMax + 1, u's')))
                                  << tooLarge();
    QTest::newRow("prefix of 17 surrogate pairs")
        << frame(with(newChatJson(), u"chat.anchor.prefix", Emoji.repeated(17))) << tooLarge();
    QTest::newRow("start > end") << frame(with(newChatJson(), u"chat.anchor.start", 165))
                                 << badRequest();

    // Hello.
    QTest::newRow("hello v 2") << frame(with(helloJson(), u"v", 2)) << badRequest();
    QTest::newRow("hello v 0") << frame(with(helloJson(), u"v", 0)) << badRequest();
    QTest::newRow("hello tenant empty")
        << frame(with(helloJson(), u"tenant", ""_L1)) << badRequest();
    QTest::newRow("hello tenant of 101")
        << frame(with(helloJson(), u"tenant", QString(Limits::TenantMax + 1, u't'))) << tooLarge();
    QTest::newRow("hello page empty") << frame(with(helloJson(), u"page", ""_L1)) << badRequest();
    QTest::newRow("hello page of 513")
        << frame(with(helloJson(), u"page", QString(Limits::PageMax + 1, u'p'))) << tooLarge();
    QTest::newRow("hello page of 257 surrogate pairs")
        << frame(with(helloJson(), u"page", Emoji.repeated(Limits::PageMax / 2 + 1))) << tooLarge();

    // Change.
    for (const char *op : {"unknown", "Resolve", "add_comment", "", "delete-chat"})
        QTest::addRow("change op \"%s\"", op)
            << frame(with(resolveJson(), u"change.op", QLatin1StringView(op))) << badRequest();

    // Documents.
    for (const char *format : {"html", "Markdown", "TEXT", "md", ""})
        QTest::addRow("publish format \"%s\"", format)
            << frame(with(publishJson(), u"document.format", QLatin1StringView(format)))
            << badRequest();
    QTest::newRow("publish title empty")
        << frame(with(publishJson(), u"document.title", ""_L1)) << badRequest();
    QTest::newRow("publish title blank")
        << frame(with(publishJson(), u"document.title", " \t "_L1)) << badRequest();
    QTest::newRow("publish title of 501")
        << frame(with(publishJson(), u"document.title", QString(Limits::TitleMax + 1, u'T')))
        << tooLarge();
    QTest::newRow("publish page empty")
        << frame(with(publishJson(), u"document.page", ""_L1)) << badRequest();
    QTest::newRow("publish page of 513")
        << frame(with(publishJson(), u"document.page", QString(Limits::PageMax + 1, u'p')))
        << tooLarge();
    QTest::newRow("requestId of 101")
        << frame(with(listJson(), u"requestId", QString(Limits::RequestIdMax + 1, u'r')))
        << tooLarge();

    // Anchors on sheets.
    QTest::newRow("sheet 100000") << frame(newChatOnSheetJson(0, 3, u"abc"_s, Limits::SheetMax + 1))
                                  << badRequest();
    QTest::newRow("sheet negative")
        << frame(newChatOnSheetJson(0, 3, u"abc"_s, -1)) << badRequest();
    QTest::newRow("sheet fractional")
        << frame(
               with(newChatOnSheetJson(0, 3, u"abc"_s, 0), u"chat.anchor",
                    QJsonObject{
                        {"start"_L1, 0}, {"end"_L1, 3}, {"exact"_L1, "abc"_L1}, {"sheet"_L1, 1.5}}))
        << badRequest();
    QTest::newRow("sheet a string")
        << frame(with(
               newChatOnSheetJson(0, 3, u"abc"_s, 0), u"chat.anchor",
               QJsonObject{
                   {"start"_L1, 0}, {"end"_L1, 3}, {"exact"_L1, "abc"_L1}, {"sheet"_L1, "1"_L1}}))
        << badRequest();
    QTest::newRow("sheet 2^32") << frame(with(newChatOnSheetJson(0, 3, u"abc"_s, 0), u"chat.anchor",
                                              QJsonObject{{"start"_L1, 0},
                                                          {"end"_L1, 3},
                                                          {"exact"_L1, "abc"_L1},
                                                          {"sheet"_L1, qint64(1) << 32}}))
                                << badRequest();
    QTest::newRow("whole sheet with start < end")
        << frame(newChatOnSheetJson(7, 8, QString(), 2)) << badRequest();
    QTest::newRow("whole sheet beyond the last")
        << frame(newChatOnSheetJson(7, 7, QString(), Limits::SheetMax + 1)) << badRequest();
    QTest::newRow("empty exact without sheet, start == end")
        << frame(with(
               with(with(newChatJson(), u"chat.anchor.exact", ""_L1), u"chat.anchor.start", 164),
               u"chat.anchor.end", 164))
        << badRequest();
    QTest::newRow("exact of 5001 on a sheet")
        << frame(newChatOnSheetJson(0, 5001, QString(Limits::ExactMax + 1, u'e'), 1)) << tooLarge();

    // Contents.
    const QByteArray piece(Limits::ContentPieceBytes, 'x');
    const auto data = [](const QByteArray &bytes) { return QString::fromLatin1(bytes.toBase64()); };
    QTest::newRow("put-content size 0")
        << frame(with(with(putContentJson(), u"size", 0), u"data", ""_L1)) << badRequest();
    QTest::newRow("put-content size negative")
        << frame(with(putContentJson(), u"size", -10)) << badRequest();
    QTest::newRow("put-content size over 64 MiB")
        << frame(with(putContentJson(), u"size", Limits::ContentBytes + 1)) << tooLarge();
    QTest::newRow("put-content size 2^53")
        << frame(with(putContentJson(), u"size", double(qint64(1) << 53))) << badRequest();
    QTest::newRow("put-content piece negative")
        << frame(with(putContentJson(), u"piece", -1)) << badRequest();
    QTest::newRow("put-content piece out of range")
        << frame(with(putContentJson(), u"piece", 1)) << badRequest();
    QTest::newRow("put-content piece 2^32")
        << frame(with(putContentJson(), u"piece", double(qint64(1) << 32))) << badRequest();
    QTest::newRow("put-content piece 128 of 64 MiB")
        << frame(with(with(with(putContentJson(), u"size", Limits::ContentBytes), u"piece", 128),
                      u"data", data(piece)))
        << badRequest();
    QTest::newRow("put-content data one byte short")
        << frame(with(putContentJson(), u"data", data("%PDF-%%EO"))) << badRequest();
    QTest::newRow("put-content data one byte long")
        << frame(with(putContentJson(), u"data", data("%PDF-%%EOF\n"))) << tooLarge();
    QTest::newRow("put-content data empty")
        << frame(with(putContentJson(), u"data", ""_L1)) << badRequest();
    QTest::newRow("put-content first piece of two, one byte short")
        << frame(with(with(putContentJson(), u"size", Limits::ContentPieceBytes + 1), u"data",
                      data(piece.chopped(1))))
        << badRequest();
    QTest::newRow("put-content first piece of two, one byte long")
        << frame(with(with(putContentJson(), u"size", Limits::ContentPieceBytes + 1), u"data",
                      data(piece + 'x')))
        << tooLarge();
    QTest::newRow("put-content last piece of two, one byte long")
        << frame(with(
               with(with(putContentJson(), u"size", Limits::ContentPieceBytes + 1), u"piece", 1),
               u"data", data("xy")))
        << tooLarge();
    for (const char *text : {"!!!!!!!!!!!!!!!!", "JVBERi0lJUVPRg=", "JVBERi0lJUVPRg===",
                             "JVBER i0lJUVPRg==", "JVBERi0lJUVPRg==\n", "JVBERi0l\u00e9UVPRg=="})
        QTest::addRow("put-content data \"%s\" is not base64", text)
            << frame(with(putContentJson(), u"data", QString::fromUtf8(text))) << badRequest();
    const std::pair<const char *, QString> badShas[] = {
        {"uppercase", Sha.toUpper()}, {"63 digits", Sha.chopped(1)},
        {"65 digits", Sha + u'0'},    {"non-hex", u'g' + Sha.mid(1)},
        {"empty", QString()},         {"with a space", Sha.chopped(1) + u' '},
    };
    for (const auto &[kind, value] : badShas) {
        QTest::addRow("put-content sha256 %s", kind)
            << frame(with(putContentJson(), u"sha256", value)) << badRequest();
        QTest::addRow("get-content sha256 %s", kind)
            << frame(with(getContentJson(), u"sha256", value)) << badRequest();
        QTest::addRow("publish-document pdf sha256 %s", kind)
            << frame(with(publishPdfJson(), u"document.sha256", value)) << badRequest();
    }
    QTest::newRow("put-content requestId of 101")
        << frame(with(putContentJson(), u"requestId", QString(Limits::RequestIdMax + 1, u'r')))
        << tooLarge();
    QTest::newRow("get-content requestId of 101")
        << frame(with(getContentJson(), u"requestId", QString(Limits::RequestIdMax + 1, u'r')))
        << tooLarge();
    QTest::newRow("get-content piece negative")
        << frame(with(getContentJson(), u"piece", -1)) << badRequest();
    // A PDF is published by the sha256 of bytes put before, not by content.
    QTest::newRow("publish-document pdf with content, without sha256")
        << frame(with(with(publishPdfJson(), u"document.sha256", Missing), u"document.content",
                      "%PDF-%%EOF"_L1))
        << badRequest();
    // Mentions (an extension): each a user named in the text as @name, once, at most 20.
    const QJsonObject ana{{"id"_L1, "u1"_L1}, {"name"_L1, "Ana"_L1}};
    const auto mentioning = [](const QJsonValue &mentions, const QString &text = u"Hi @Ana"_s) {
        return frame(with(with(newChatJson(), u"chat.comment.text", text), u"chat.comment.mentions",
                          mentions));
    };
    QTest::newRow("mentions not an array") << mentioning(ana) << badRequest();
    QTest::newRow("mention not an object") << mentioning(QJsonArray{"u1"_L1}) << badRequest();
    QTest::newRow("mention without id")
        << mentioning(QJsonArray{QJsonObject{{"name"_L1, "Ana"_L1}}}) << badRequest();
    QTest::newRow("mention without name")
        << mentioning(QJsonArray{QJsonObject{{"id"_L1, "u1"_L1}}}) << badRequest();
    QTest::newRow("mention with an empty id")
        << mentioning(QJsonArray{QJsonObject{{"id"_L1, ""_L1}, {"name"_L1, "Ana"_L1}}})
        << badRequest();
    QTest::newRow("mention with a blank name")
        << mentioning(QJsonArray{QJsonObject{{"id"_L1, "u1"_L1}, {"name"_L1, " "_L1}}}, u"@ "_s)
        << badRequest();
    QTest::newRow("mention not in the text")
        << mentioning(QJsonArray{ana}, u"Hi Ana"_s) << badRequest();
    QTest::newRow("user mentioned twice") << mentioning(QJsonArray{ana, ana}) << badRequest();
    QTest::newRow("mention with an id of 513")
        << mentioning(QJsonArray{
               QJsonObject{{"id"_L1, QString(Limits::UserIdMax + 1, u'u')}, {"name"_L1, "Ana"_L1}}})
        << tooLarge();
    const QString longName(Limits::NameMax + 1, u'n');
    QTest::newRow("mention with a name of 101")
        << mentioning(QJsonArray{QJsonObject{{"id"_L1, "u1"_L1}, {"name"_L1, longName}}},
                      u"@"_s + longName)
        << tooLarge();
    QJsonArray many;
    QString manyText;
    for (int i = 0; i <= Limits::MentionsMax; ++i) {
        many.append(QJsonObject{{"id"_L1, u"u%1"_s.arg(i)}, {"name"_L1, u"P%1"_s.arg(i)}});
        manyText += u"@P%1 "_s.arg(i);
    }
    QTest::newRow("21 mentions") << mentioning(many, manyText) << tooLarge();
    QTest::newRow("add-comment mention not in the text")
        << frame(with(addCommentJson(), u"change.comment.mentions", QJsonArray{ana}))
        << badRequest();
    QTest::newRow("edit-comment mention not in the text")
        << frame(with(editCommentJson(), u"change.mentions", QJsonArray{ana})) << badRequest();
}

void tst_Codec::malformedClientInput()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, code);
    ProtocolError error;
    const std::optional<ClientMessage> decoded = Codec::decodeClient(frame, &error);
    QVERIFY2(!decoded, frame.left(200).constData());
    QCOMPARE(error.code, code);
    QVERIFY(!error.message.isEmpty());
}

void tst_Codec::correlation_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("broadcastId");
    QTest::addColumn<QString>("requestId");

    QTest::newRow("accepted operation") << frame(newChatJson()) << QString() << Bid << QString();
    QTest::newRow("accepted list-documents")
        << frame(listJson()) << QString() << QString() << u"req-1"_s;
    QTest::newRow("new-text-chat, blank text")
        << frame(with(newChatJson(), u"chat.comment.text", " "_L1)) << badRequest() << Bid
        << QString();
    QTest::newRow("new-text-chat, text too large")
        << frame(with(newChatJson(), u"chat.comment.text", QString(10001, u'a'))) << tooLarge()
        << Bid << QString();
    QTest::newRow("new-text-chat, bad chat id")
        << frame(with(newChatJson(), u"chat.id", "x"_L1)) << badRequest() << Bid << QString();
    QTest::newRow("updated-text-chat, unknown op")
        << frame(with(resolveJson(), u"change.op", "nope"_L1)) << badRequest() << Bid << QString();
    QTest::newRow("deleted-text-chat, chatId missing")
        << frame(with(deleteChatJson(), u"chatId", Missing)) << badRequest() << Bid << QString();
    QTest::newRow("publish-document, blank title")
        << frame(with(publishJson(), u"document.title", " "_L1)) << badRequest() << Bid
        << QString();
    QTest::newRow("list-documents, requestId too long")
        << frame(with(listJson(), u"requestId", QString(101, u'r'))) << tooLarge() << QString()
        << QString(101, u'r');
    QTest::newRow("unknown type with both")
        << frame({{"type"_L1, "nope"_L1}, {"broadcastId"_L1, Bid}, {"requestId"_L1, "r2"_L1}})
        << badRequest() << Bid << u"r2"_s;
    QTest::newRow("type missing") << frame({{"broadcastId"_L1, Bid}}) << badRequest() << Bid
                                  << QString();
    // The sender recognises its own broadcastId even when it is not a valid one.
    QTest::newRow("broadcastId not a UUID")
        << frame(with(deleteChatJson(), u"broadcastId", "op-17"_L1)) << badRequest() << u"op-17"_s
        << QString();
    QTest::newRow("broadcastId not a string") << frame(with(deleteChatJson(), u"broadcastId", 17))
                                              << badRequest() << QString() << QString();
    QTest::newRow("accepted put-content")
        << frame(putContentJson()) << QString() << QString() << u"up-1"_s;
    QTest::newRow("put-content, not base64") << frame(with(putContentJson(), u"data", "!!!!"_L1))
                                             << badRequest() << QString() << u"up-1"_s;
    QTest::newRow("put-content, too large")
        << frame(with(putContentJson(), u"size", Limits::ContentBytes + 1)) << tooLarge()
        << QString() << u"up-1"_s;
    QTest::newRow("get-content, bad sha256") << frame(with(getContentJson(), u"sha256", "abc"_L1))
                                             << badRequest() << QString() << u"get-1"_s;
    QTest::newRow("publish-document pdf, no sha256")
        << frame(with(publishPdfJson(), u"document.sha256", Missing)) << badRequest() << Bid
        << QString();
    QTest::newRow("not JSON") << "{\"broadcastId\":"_ba << badRequest() << QString() << QString();
    QTest::newRow("JSON array") << frame(newChatJson()).prepend('[').append(']') << badRequest()
                                << QString() << QString();
}

// An error about a frame carries the frame's broadcastId and requestId.
void tst_Codec::correlation()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, code);
    QFETCH(QString, broadcastId);
    QFETCH(QString, requestId);

    ProtocolError error;
    Codec::Correlation correlation;
    const std::optional<ClientMessage> decoded = Codec::decodeClient(frame, &error, &correlation);
    QCOMPARE(bool(decoded), code.isEmpty());
    QCOMPARE(error.code, code);
    QCOMPARE(correlation.broadcastId, broadcastId);
    QCOMPARE(correlation.requestId, requestId);
}

void tst_Codec::malformedServerInput_data()
{
    QTest::addColumn<QByteArray>("frame");

    QTest::newRow("not JSON") << "welcome"_ba;
    QTest::newRow("array") << "[]"_ba;
    QTest::newRow("type missing") << R"({"viewers":3})"_ba;
    QTest::newRow("type unknown") << R"({"type":"nope"})"_ba;
    QTest::newRow("client type") << R"({"type":"hello","v":1,"tenant":"acme"})"_ba;
    QTest::newRow("presence without viewers") << R"({"type":"presence"})"_ba;
    QTest::newRow("presence viewers negative") << R"({"type":"presence","viewers":-1})"_ba;
    QTest::newRow("welcome with unknown role")
        << R"({"type":"welcome","v":1,"connection":"c","user":{"id":"u","name":"n",
               "role":"admin"}})"_ba;
    QTest::newRow("event seq 0")
        << R"({"type":"deleted-text-chat","seq":0,"broadcastId":"b","chatId":"c"})"_ba;
    QTest::newRow("snapshot chat without comments")
        << R"({"type":"snapshot","epoch":"e","seq":1,"chats":[{"id":"c","anchor":{"start":0,
               "end":1,"exact":"a"},"author":{"id":"u","name":"n"},"createdAt":1,
               "updatedAt":1,"resolved":false}]})"_ba;
    QTest::newRow("batch without events") << R"({"type":"batch"})"_ba;
    QTest::newRow("batch events an object") << R"({"type":"batch","events":{}})"_ba;
    QTest::newRow("batch of a number") << R"({"type":"batch","events":[1]})"_ba;
    QTest::newRow("nested batch") << Codec::encodeBatch(
        {Codec::encodeBatch({Codec::encode(ServerMessage(Presence{1, {}}))})});
    QTest::newRow("content-received without stored")
        << R"({"type":"content-received","requestId":"r","sha256":"s","size":1,"received":1})"_ba;
    QTest::newRow("content not base64")
        << R"({"type":"content","requestId":"r","sha256":"s","size":1,"piece":0,"data":"!!"})"_ba;
    QTest::newRow("content without piece")
        << R"({"type":"content","requestId":"r","sha256":"s","size":1,"data":"eA=="})"_ba;
    QTest::newRow("batch with one bad event") << Codec::encodeBatch(
        {Codec::encode(ServerMessage(Presence{1, {}})), R"({"type":"presence"})"_ba});
}

void tst_Codec::malformedServerInput()
{
    QFETCH(QByteArray, frame);
    ProtocolError error;
    QVERIFY(!Codec::decodeServer(frame, &error));
    QCOMPARE(error.code, badRequest());
    QVERIFY(!error.message.isEmpty());
}

void tst_Codec::typeOf()
{
    QCOMPARE(Codec::typeOf(newChatJson()), u"new-text-chat"_s);
    QCOMPARE(Codec::typeOf(parse(Codec::encodeBatch({}))), u"batch"_s);
    QCOMPARE(Codec::typeOf({{"type"_L1, 3}}), QString());
    QCOMPARE(Codec::typeOf({}), QString());
}

QTEST_APPLESS_MAIN(tst_Codec)

#include "tst_codec.moc"
