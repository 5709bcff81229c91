#include "codec.h"
#include "errorcode.h"
#include "page.h"
#include "protocollimits.h"
#include "recipient.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using Glosa::Change;
using Glosa::Page;
using Glosa::ProtocolError;
using Glosa::Store;
using Glosa::User;

namespace {

// A stand-in for a connection, for the page's own rules only: a page lists its recipients and
// counts the users they act for, and never sends them anything. Whatever reaches a connection is
// tested over a real server in tst_hub.
class FakeRecipient : public Glosa::Recipient
{
public:
    void send(const QByteArray &, bool) override {}
    void closeWith(int, const QString &) override {}
};

const User Ana{u"u-ana"_s, u"Ana"_s, User::Role::Member};
const User Bo{u"u-bo"_s, u"Bo"_s, User::Role::Member};
const User Mod{u"u-mod"_s, u"Moderator"_s, User::Role::Moderator};
const User Reader{u"u-reader"_s, u"Reader"_s, User::Role::Viewer};

constexpr qint64 Now = 1700000000000;

Store::PageState emptyState(qint64 head = 0)
{
    Store::PageState state;
    state.record = {7, u"epoch-1"_s, head};
    return state;
}

Glosa::NewChatOp newChat(const QString &chatId, const QString &commentId,
                         const QString &text = u"hello"_s, int start = 0)
{
    return {u"b-"_s + chatId, chatId, {start, start + 5, u"Glosa"_s, {}, {}}, commentId, text};
}

Glosa::UpdateChatOp addComment(const QString &chatId, const QString &commentId,
                               const QString &text = u"reply"_s)
{
    Change change;
    change.op = Change::Op::AddComment;
    change.comment.id = commentId;
    change.comment.text = text;
    return {u"b-"_s + commentId, chatId, change};
}

Glosa::UpdateChatOp changeComment(Change::Op op, const QString &chatId, const QString &commentId,
                                  const QString &text = {})
{
    Change change;
    change.op = op;
    change.commentId = commentId;
    change.text = text;
    return {u"b-"_s + commentId + u'-' + QString::number(int(op)), chatId, change};
}

Glosa::UpdateChatOp resolve(const QString &chatId, bool resolved = true)
{
    Change change;
    change.op = Change::Op::Resolve;
    change.resolved = resolved;
    return {u"b-resolve-"_s + chatId + (resolved ? u"-1"_s : u"-0"_s), chatId, change};
}

Glosa::DeleteChatOp deleteChat(const QString &chatId)
{
    return {u"b-delete-"_s + chatId, chatId};
}

// The one message an event encodes.
Glosa::ServerMessage decoded(const QByteArray &event)
{
    ProtocolError error;
    const std::optional<QList<Glosa::ServerMessage>> messages =
        Glosa::Codec::decodeServer(event, &error);
    if (!messages || messages->size() != 1) {
        qWarning() << "not one server message:" << event << error.message;
        return {};
    }
    return messages->first();
}

template<typename Op>
std::optional<Store::Write> apply(Page &page, const Op &op, const User &user,
                                  ProtocolError *error = nullptr)
{
    ProtocolError ignored;
    return page.apply(op, user, Now, error ? error : &ignored);
}

template<typename Op>
QString refusal(Page &page, const Op &op, const User &user)
{
    ProtocolError error;
    if (page.apply(op, user, Now, &error))
        return u"accepted"_s;
    return error.code;
}

} // namespace

// The rules of one page, without a server or a socket: what each operation makes of the chats and
// what it stores, the ids a page has used, who may change what, the limits of a page, and the
// users its recipients count as.
class tst_Page : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newChat()
    {
        Page page(u"t"_s, u"p"_s, {}, emptyState(4), std::nullopt);
        const std::optional<Store::Write> write = apply(page, ::newChat(u"c1"_s, u"m1"_s), Ana);
        QVERIFY(write);
        QCOMPARE(page.head(), 5);
        QCOMPARE(write->pageId, 7);
        QCOMPARE(write->seq, 5);
        QCOMPARE(write->broadcastId, u"b-c1"_s);
        QCOMPARE(write->chatId, u"c1"_s);
        QVERIFY(!write->chatDeleted);

        const Glosa::Author author{Ana.id, Ana.name};
        const Glosa::Comment first{u"m1"_s, author, u"hello"_s, Now, std::nullopt, false};
        const Glosa::Chat chat{u"c1"_s, {0, 5, u"Glosa"_s, {}, {}}, author, Now, Now, false,
                               {first}};
        QCOMPARE(page.chats(), QList<Glosa::Chat>{chat});
        const auto event = std::get<Glosa::NewChatEvent>(decoded(write->event));
        QCOMPARE(event, (Glosa::NewChatEvent{5, u"b-c1"_s, chat}));

        // The chat is stored without its comments, and the comment beside it.
        Glosa::Chat header = chat;
        header.comments.clear();
        QCOMPARE(write->chatJson, Glosa::Codec::encode(header));
        QCOMPARE(write->commentId, u"m1"_s);
        QCOMPARE(write->commentPosition, 0);
        QCOMPARE(write->commentJson, Glosa::Codec::encode(first));

        QCOMPARE(page.bytes(), write->event.size());
        QVERIFY(page.isPending(u"b-c1"_s));
        QVERIFY(page.mayHaveBroadcast(u"b-c1"_s));
        page.reported(u"b-c1"_s);
        QVERIFY(!page.isPending(u"b-c1"_s));
        QVERIFY(page.mayHaveBroadcast(u"b-c1"_s));
    }

    void updates()
    {
        Page page(u"t"_s, u"p"_s, {}, emptyState(), std::nullopt);
        QVERIFY(apply(page, ::newChat(u"c1"_s, u"m1"_s), Ana));

        std::optional<Store::Write> write = apply(page, addComment(u"c1"_s, u"m2"_s), Bo);
        QVERIFY(write);
        QCOMPARE(write->seq, 2);
        QCOMPARE(write->commentId, u"m2"_s);
        QCOMPARE(write->commentPosition, 1);
        auto event = std::get<Glosa::UpdatedChatEvent>(decoded(write->event));
        QCOMPARE(event.chatId, u"c1"_s);
        QCOMPARE(event.updatedAt, Now);
        // The reply's author and time are the server's, whatever the client sent.
        QCOMPARE(event.change.comment,
                 (Glosa::Comment{u"m2"_s, {Bo.id, Bo.name}, u"reply"_s, Now, std::nullopt, false}));

        write =
            apply(page, changeComment(Change::Op::EditComment, u"c1"_s, u"m2"_s, u"edited"_s), Bo);
        QVERIFY(write);
        event = std::get<Glosa::UpdatedChatEvent>(decoded(write->event));
        QCOMPARE(event.change.comment.text, u"edited"_s);
        QCOMPARE(event.change.comment.editedAt, std::optional<qint64>(Now));
        QCOMPARE(write->commentPosition, 1);

        write = apply(page, changeComment(Change::Op::DeleteComment, u"c1"_s, u"m1"_s), Ana);
        QVERIFY(write);
        event = std::get<Glosa::UpdatedChatEvent>(decoded(write->event));
        QVERIFY(event.change.comment.deleted);
        QVERIFY(event.change.comment.text.isEmpty());
        QCOMPARE(write->commentPosition, 0);

        write = apply(page, resolve(u"c1"_s), Bo);
        QVERIFY(write);
        QVERIFY(write->commentId.isEmpty());

        const Glosa::Chat chat = page.chats().constFirst();
        QVERIFY(chat.resolved);
        QCOMPARE(chat.comments.size(), 2);
        QVERIFY(chat.comments.at(0).deleted);
        QCOMPARE(chat.comments.at(1).text, u"edited"_s);
        QCOMPARE(page.head(), 5);
    }

    // Who resolved a chat, and when, is the server's record: in the event and in the chat, gone
    // when it is reopened, whatever the client sent.
    void resolvingRecordsWhoAndWhen()
    {
        Page page(u"t"_s, u"p"_s, {}, emptyState(), std::nullopt);
        QVERIFY(apply(page, ::newChat(u"c1"_s, u"m1"_s), Ana));
        Glosa::UpdateChatOp op = resolve(u"c1"_s);
        op.change.resolvedBy = {Ana.id, Ana.name};
        std::optional<Store::Write> write = page.apply(op, Bo, Now + 5, nullptr);
        QVERIFY(write);
        auto event = std::get<Glosa::UpdatedChatEvent>(decoded(write->event));
        QCOMPARE(event.change.resolvedBy, (Glosa::Author{Bo.id, Bo.name}));
        QCOMPARE(event.updatedAt, Now + 5);
        Glosa::Chat chat = page.chats().constFirst();
        QCOMPARE(chat.resolvedBy, (Glosa::Author{Bo.id, Bo.name}));
        QCOMPARE(chat.resolvedAt, Now + 5);
        // What is stored for the chat says so too.
        ProtocolError error;
        const std::optional<Glosa::Chat> stored =
            Glosa::Codec::decodeChat(QJsonDocument::fromJson(write->chatJson).object(), &error);
        QVERIFY2(stored, qPrintable(error.message));
        QCOMPARE(stored->resolvedBy, (Glosa::Author{Bo.id, Bo.name}));
        QCOMPARE(stored->resolvedAt, Now + 5);

        write = apply(page, resolve(u"c1"_s, false), Ana);
        QVERIFY(write);
        event = std::get<Glosa::UpdatedChatEvent>(decoded(write->event));
        QVERIFY(!write->event.contains("resolvedBy"));
        chat = page.chats().constFirst();
        QVERIFY(!chat.resolved);
        QCOMPARE(chat.resolvedBy, Glosa::Author{});
        QCOMPARE(chat.resolvedAt, 0);
    }

    // Mentions are kept with their comment: as the operation gave them, replaced by an edit.
    void mentionsAreKeptWithTheComment()
    {
        Page page(u"t"_s, u"p"_s, {}, emptyState(), std::nullopt);
        Glosa::NewChatOp op = ::newChat(u"c1"_s, u"m1"_s, u"Hi @Bo"_s);
        op.mentions = {{Bo.id, Bo.name}};
        std::optional<Store::Write> write = apply(page, op, Ana);
        QVERIFY(write);
        QCOMPARE(
            std::get<Glosa::NewChatEvent>(decoded(write->event)).chat.comments.first().mentions,
            op.mentions);
        QVERIFY(write->commentJson.contains("mentions"));

        Glosa::UpdateChatOp reply = addComment(u"c1"_s, u"m2"_s, u"@Ana yes"_s);
        reply.change.comment.mentions = {{Ana.id, Ana.name}};
        write = apply(page, reply, Bo);
        QVERIFY(write);
        QCOMPARE(std::get<Glosa::UpdatedChatEvent>(decoded(write->event)).change.comment.mentions,
                 reply.change.comment.mentions);

        Glosa::UpdateChatOp edit =
            changeComment(Change::Op::EditComment, u"c1"_s, u"m1"_s, u"Hi all"_s);
        write = apply(page, edit, Ana);
        QVERIFY(write);
        const Glosa::Chat chat = page.chats().constFirst();
        QVERIFY(chat.comments.at(0).mentions.isEmpty());
        QCOMPARE(chat.comments.at(1).mentions, reply.change.comment.mentions);
    }

    void deleteChat()
    {
        Page page(u"t"_s, u"p"_s, {}, emptyState(), std::nullopt);
        QVERIFY(apply(page, ::newChat(u"c1"_s, u"m1"_s), Ana));
        const std::optional<Store::Write> write = apply(page, ::deleteChat(u"c1"_s), Ana);
        QVERIFY(write);
        QVERIFY(write->chatDeleted);
        QCOMPARE(write->chatId, u"c1"_s);
        QVERIFY(write->commentId.isEmpty());
        QCOMPARE(std::get<Glosa::DeletedChatEvent>(decoded(write->event)),
                 (Glosa::DeletedChatEvent{2, u"b-delete-c1"_s, u"c1"_s}));
        QVERIFY(page.chats().isEmpty());
        // A deleted chat's ids stay used.
        QCOMPARE(refusal(page, ::newChat(u"c1"_s, u"m9"_s), Ana), Glosa::ErrorCode::Conflict);
        QCOMPARE(refusal(page, ::newChat(u"c9"_s, u"m1"_s), Ana), Glosa::ErrorCode::Conflict);
        QCOMPARE(refusal(page, ::deleteChat(u"c1"_s), Ana), Glosa::ErrorCode::NotFound);
    }

    // Every chat and comment id ever used on the page, in the store's state or applied since,
    // can be used once.
    void idsAreUsedOnce()
    {
        Store::PageState state = emptyState(3);
        state.usedIds = {u"old-chat"_s, u"old-comment"_s};
        Page page(u"t"_s, u"p"_s, {}, state, std::nullopt);
        ProtocolError error;
        QVERIFY(!apply(page, ::newChat(u"old-chat"_s, u"m1"_s), Ana, &error));
        QCOMPARE(error.code, Glosa::ErrorCode::Conflict);
        QVERIFY(error.message.contains(u"old-chat"_s));
        QCOMPARE(refusal(page, ::newChat(u"c1"_s, u"old-comment"_s), Ana),
                 Glosa::ErrorCode::Conflict);
        QCOMPARE(refusal(page, ::newChat(u"same"_s, u"same"_s), Ana), Glosa::ErrorCode::Conflict);
        QCOMPARE(page.head(), 3);

        QVERIFY(apply(page, ::newChat(u"c1"_s, u"m1"_s), Ana));
        QCOMPARE(refusal(page, addComment(u"c1"_s, u"m1"_s), Ana), Glosa::ErrorCode::Conflict);
        QCOMPARE(refusal(page, addComment(u"c1"_s, u"old-chat"_s), Ana),
                 Glosa::ErrorCode::Conflict);
        QCOMPARE(refusal(page, addComment(u"nowhere"_s, u"m2"_s), Ana), Glosa::ErrorCode::NotFound);
        QCOMPARE(
            refusal(page, changeComment(Change::Op::EditComment, u"c1"_s, u"none"_s, u"x"_s), Ana),
            Glosa::ErrorCode::NotFound);
        QVERIFY(apply(page, changeComment(Change::Op::DeleteComment, u"c1"_s, u"m1"_s), Ana));
        QCOMPARE(refusal(page, changeComment(Change::Op::DeleteComment, u"c1"_s, u"m1"_s), Ana),
                 Glosa::ErrorCode::Conflict);
        QCOMPARE(
            refusal(page, changeComment(Change::Op::EditComment, u"c1"_s, u"m1"_s, u"x"_s), Ana),
            Glosa::ErrorCode::Conflict);
        QCOMPARE(page.head(), 5);
    }

    // The viewer role changes nothing; a comment is its author's, a chat its creator's, and a
    // moderator may change either; anyone else who may write may reply and resolve.
    void rolesAndOwnership()
    {
        Page page(u"t"_s, u"p"_s, {}, emptyState(), std::nullopt);
        QCOMPARE(refusal(page, ::newChat(u"c0"_s, u"m0"_s), Reader), Glosa::ErrorCode::Forbidden);
        QVERIFY(apply(page, ::newChat(u"c1"_s, u"m1"_s), Ana));
        QVERIFY(apply(page, ::newChat(u"c2"_s, u"m2"_s), Ana));
        QCOMPARE(refusal(page, addComment(u"c1"_s, u"r1"_s), Reader), Glosa::ErrorCode::Forbidden);
        QCOMPARE(refusal(page, resolve(u"c1"_s), Reader), Glosa::ErrorCode::Forbidden);
        QCOMPARE(refusal(page, ::deleteChat(u"c1"_s), Reader), Glosa::ErrorCode::Forbidden);
        ProtocolError error;
        QVERIFY(!apply(page, ::deleteChat(u"c1"_s), Reader, &error));
        QCOMPARE(error.message, u"viewers cannot change chats"_s);

        QCOMPARE(
            refusal(page, changeComment(Change::Op::EditComment, u"c1"_s, u"m1"_s, u"x"_s), Bo),
            Glosa::ErrorCode::Forbidden);
        QCOMPARE(refusal(page, changeComment(Change::Op::DeleteComment, u"c1"_s, u"m1"_s), Bo),
                 Glosa::ErrorCode::Forbidden);
        QCOMPARE(refusal(page, ::deleteChat(u"c1"_s), Bo), Glosa::ErrorCode::Forbidden);
        QVERIFY(apply(page, addComment(u"c1"_s, u"r1"_s), Bo));
        QVERIFY(apply(page, resolve(u"c1"_s), Bo));
        QCOMPARE(
            refusal(page, changeComment(Change::Op::EditComment, u"c1"_s, u"r1"_s, u"x"_s), Ana),
            Glosa::ErrorCode::Forbidden);

        QVERIFY(apply(page, changeComment(Change::Op::EditComment, u"c1"_s, u"m1"_s, u"x"_s), Mod));
        QVERIFY(apply(page, changeComment(Change::Op::DeleteComment, u"c1"_s, u"r1"_s), Mod));
        QVERIFY(apply(page, ::deleteChat(u"c1"_s), Mod));
        QVERIFY(apply(page, ::deleteChat(u"c2"_s), Ana));
        QVERIFY(page.chats().isEmpty());
    }

    // An operation past a limit of the page is too-large, and changes nothing; resolving and
    // deleting are accepted at a limit.
    void limitsAreTooLarge()
    {
        Page page(u"t"_s, u"p"_s, {2, 3, 4096}, emptyState(), std::nullopt);
        QVERIFY(apply(page, ::newChat(u"c1"_s, u"m1"_s), Ana));
        QVERIFY(apply(page, ::newChat(u"c2"_s, u"m2"_s), Ana));
        ProtocolError error;
        QVERIFY(!apply(page, ::newChat(u"c3"_s, u"m3"_s), Ana, &error));
        QCOMPARE(error.code, Glosa::ErrorCode::TooLarge);
        QVERIFY(error.message.contains(u"2 chats"_s));
        QCOMPARE(page.chats().size(), 2);
        // Its ids were not used.
        QVERIFY(apply(page, ::deleteChat(u"c2"_s), Ana));
        QVERIFY(apply(page, ::newChat(u"c3"_s, u"m3"_s), Ana));

        QVERIFY(apply(page, addComment(u"c1"_s, u"r1"_s), Bo));
        QVERIFY(apply(page, addComment(u"c1"_s, u"r2"_s), Bo));
        QVERIFY(!apply(page, addComment(u"c1"_s, u"r3"_s), Bo, &error));
        QCOMPARE(error.code, Glosa::ErrorCode::TooLarge);
        QVERIFY(error.message.contains(u"3 comments"_s));
        // A deleted comment keeps its place.
        QVERIFY(apply(page, changeComment(Change::Op::DeleteComment, u"c1"_s, u"r1"_s), Bo));
        QCOMPARE(refusal(page, addComment(u"c1"_s, u"r3"_s), Bo), Glosa::ErrorCode::TooLarge);
        QVERIFY(apply(page, resolve(u"c1"_s), Bo));
    }

    // The bytes of a page's events: a text that would take the page past them is refused, in a
    // new chat, a reply or an edit, counted in UTF-8; what the store counted comes with its state.
    void bytesAreTooLarge()
    {
        Page page(u"t"_s, u"p"_s, {10, 10, 4096}, emptyState(), std::nullopt);
        QVERIFY(apply(page, ::newChat(u"c1"_s, u"m1"_s), Ana));
        const qint64 before = page.bytes();
        const int room = int(4096 - before);
        QVERIFY(room > 0);
        const QString over(room + 1, u'x');
        QCOMPARE(refusal(page, addComment(u"c1"_s, u"r1"_s, over), Bo), Glosa::ErrorCode::TooLarge);
        QCOMPARE(refusal(page, changeComment(Change::Op::EditComment, u"c1"_s, u"m1"_s, over), Ana),
                 Glosa::ErrorCode::TooLarge);
        ProtocolError error;
        const QString wide(room / 3 + 1, QChar(0x20ac)); // three bytes each
        QVERIFY(!apply(page, ::newChat(u"c2"_s, u"m2"_s, wide), Ana, &error));
        QCOMPARE(error.code, Glosa::ErrorCode::TooLarge);
        QVERIFY(error.message.contains(u"MiB"_s));
        QCOMPARE(page.bytes(), before);
        QCOMPARE(page.head(), 1);
        // The text that fits, in the event with the rest of it, takes the page past its limit:
        // then only resolving and deleting are accepted.
        QVERIFY(apply(page, addComment(u"c1"_s, u"r1"_s, QString(room - 1, u'x')), Bo));
        QVERIFY(page.bytes() > 4096);
        QCOMPARE(refusal(page, addComment(u"c1"_s, u"r2"_s, u"x"_s), Bo),
                 Glosa::ErrorCode::TooLarge);
        QVERIFY(apply(page, resolve(u"c1"_s), Bo));
        QVERIFY(apply(page, ::deleteChat(u"c1"_s), Ana));

        Store::PageState full = emptyState();
        full.bytes = 4096;
        Page stored(u"t"_s, u"q"_s, {10, 10, 4096}, full, std::nullopt);
        QCOMPARE(stored.bytes(), 4096);
        QCOMPARE(refusal(stored, ::newChat(u"c1"_s, u"m1"_s, u"x"_s), Ana),
                 Glosa::ErrorCode::TooLarge);
    }

    // Viewers are the distinct users of the page's recipients: presence changes when the first
    // connection of a user comes or the last goes, and users are listed by name.
    void presenceCountsDistinctUsers()
    {
        Page page(u"t"_s, u"p"_s, {}, emptyState(), std::nullopt);
        FakeRecipient ana1, ana2, bo;
        QCOMPARE(page.presenceVersion(), 0u);
        QVERIFY(page.addRecipient(&ana1, Ana));
        QCOMPARE(page.presenceVersion(), 1u);
        QVERIFY(!page.addRecipient(&ana2, Ana));
        QCOMPARE(page.presenceVersion(), 1u);
        QVERIFY(page.addRecipient(&bo, Bo));
        QCOMPARE(page.presenceVersion(), 2u);
        QCOMPARE(page.viewers(), 2);
        QCOMPARE(page.recipients(), (QList<Glosa::Recipient *>{&ana1, &ana2, &bo}));
        QCOMPARE(page.users(), (QList<Glosa::Author>{{Ana.id, Ana.name}, {Bo.id, Bo.name}}));

        QVERIFY(!page.removeRecipient(&ana1, Ana.id));
        QCOMPARE(page.viewers(), 2);
        QVERIFY(page.removeRecipient(&ana2, Ana.id));
        QCOMPARE(page.viewers(), 1);
        QCOMPARE(page.presenceVersion(), 3u);
        QCOMPARE(page.users(), (QList<Glosa::Author>{{Bo.id, Bo.name}}));
        // A recipient that is not there changes nothing.
        QVERIFY(!page.removeRecipient(&ana2, Ana.id));
        QCOMPARE(page.presenceVersion(), 3u);
        QCOMPARE(page.recipients(), (QList<Glosa::Recipient *>{&bo}));
    }

    void presenceListsUsersByName()
    {
        Page page(u"t"_s, u"p"_s, {}, emptyState(), std::nullopt);
        std::vector<std::unique_ptr<FakeRecipient>> recipients;
        for (int i = 0; i < Glosa::Limits::PresenceUsersMax + 5; ++i) {
            recipients.push_back(std::make_unique<FakeRecipient>());
            const User user{u"u%1"_s.arg(i), u"User %1"_s.arg(i, 3, 10, QChar(u'0'))};
            QVERIFY(page.addRecipient(recipients.back().get(), user));
        }
        QCOMPARE(page.viewers(), Glosa::Limits::PresenceUsersMax + 5);
        const QList<Glosa::Author> users = page.users();
        QCOMPARE(users.size(), Glosa::Limits::PresenceUsersMax);
        QCOMPARE(users.first().name, u"User 000"_s);
        for (qsizetype i = 1; i < users.size(); ++i)
            QVERIFY(users.at(i - 1).name < users.at(i).name);

        // A user who comes back with a new name is listed by it, once, and the page's presence
        // changes with it; with the same name again it does not.
        const quint64 version = page.presenceVersion();
        FakeRecipient renamed;
        QVERIFY(page.addRecipient(&renamed, User{u"u0"_s, u"Zoe"_s}));
        QCOMPARE(page.presenceVersion(), version + 1);
        QCOMPARE(page.users().first().name, u"User 001"_s);
        QCOMPARE(page.viewers(), Glosa::Limits::PresenceUsersMax + 5);
        FakeRecipient again;
        QVERIFY(!page.addRecipient(&again, User{u"u0"_s, u"Zoe"_s}));
        QCOMPARE(page.presenceVersion(), version + 1);
    }

    // Chats in document order: by where the anchor starts, then by creation.
    void chatsInDocumentOrder()
    {
        Page page(u"t"_s, u"p"_s, {}, emptyState(), std::nullopt);
        ProtocolError error;
        QVERIFY(page.apply(::newChat(u"late"_s, u"m1"_s, u"x"_s, 40), Ana, Now, &error));
        QVERIFY(page.apply(::newChat(u"b"_s, u"m2"_s, u"x"_s, 10), Ana, Now + 1, &error));
        QVERIFY(page.apply(::newChat(u"a"_s, u"m3"_s, u"x"_s, 10), Ana, Now + 2, &error));
        QStringList order;
        for (const Glosa::Chat &chat : page.chats())
            order.append(chat.id);
        QCOMPARE(order, (QStringList{u"b"_s, u"a"_s, u"late"_s}));
    }

    // After a failed commit the page is what the store holds, in a new generation, and nothing
    // it applied before is pending.
    void resetToTheStoredState()
    {
        Page page(u"t"_s, u"p"_s, {}, emptyState(), std::nullopt);
        QVERIFY(apply(page, ::newChat(u"c1"_s, u"m1"_s), Ana));
        const quint64 generation = page.generation();

        Store::PageState stored = emptyState(0);
        stored.broadcastIds = {u"b-stored"_s};
        page.loseUnstored();
        page.reset(stored);
        QVERIFY(page.generation() != generation);
        QCOMPARE(page.head(), 0);
        QVERIFY(page.chats().isEmpty());
        QVERIFY(!page.isPending(u"b-c1"_s));
        QVERIFY(page.mayHaveBroadcast(u"b-stored"_s));
        // The ids it applied were lost with their write.
        QVERIFY(apply(page, ::newChat(u"c1"_s, u"m1"_s), Ana));
        QCOMPARE(page.head(), 1);
    }

    // A page of another server node follows the events of this one: the same chats, ids and
    // broadcastIds, so that it checks the next operation as this one would.
    void followsTheEventsOfAnotherNode()
    {
        Page here(u"t"_s, u"p"_s, {}, emptyState(), std::nullopt);
        Page there(u"t"_s, u"p"_s, {}, emptyState(), std::nullopt);
        QList<QByteArray> events;
        for (const auto &write :
             {apply(here, ::newChat(u"c1"_s, u"m1"_s), Ana),
              apply(here, ::newChat(u"c2"_s, u"m2"_s, u"second"_s, 9), Bo),
              apply(here, ::addComment(u"c1"_s, u"m3"_s), Bo),
              apply(here, ::changeComment(Change::Op::EditComment, u"c1"_s, u"m3"_s, u"edited"_s),
                    Bo),
              apply(here, ::changeComment(Change::Op::DeleteComment, u"c1"_s, u"m1"_s), Ana),
              apply(here, ::resolve(u"c1"_s), Bo), apply(here, ::deleteChat(u"c2"_s), Bo)}) {
            QVERIFY(write);
            events.append(write->event);
        }
        // Out of order: refused, nothing changed.
        QVERIFY(!there.follow(events.at(1)));
        QCOMPARE(there.head(), 0);
        QVERIFY(!there.follow("not an event"));
        for (const QByteArray &event : std::as_const(events))
            QVERIFY(there.follow(event));
        QCOMPARE(there.head(), here.head());
        QCOMPARE(there.chats(), here.chats());
        QCOMPARE(there.bytes(), here.bytes());
        QVERIFY(!there.follow(events.last()));
        // Ids used there, deleted chat's included, are taken; retries are recognised.
        QCOMPARE(refusal(there, ::newChat(u"c2"_s, u"m9"_s), Ana), u"conflict"_s);
        QCOMPARE(refusal(there, ::addComment(u"c1"_s, u"m3"_s), Ana), u"conflict"_s);
        QVERIFY(there.mayHaveBroadcast(u"b-m3"_s));
        // Followed events are not pending: the store reported them already.
        QVERIFY(!there.isPending(u"b-c1"_s));
    }

    // Users viewing the page on other nodes count with those here, each user once.
    void remoteUsersCountOnce()
    {
        Page page(u"t"_s, u"p"_s, {}, emptyState(), std::nullopt);
        FakeRecipient ana;
        QVERIFY(page.addRecipient(&ana, Ana));
        const quint64 version = page.presenceVersion();
        QVERIFY(page.setRemoteUsers({{Ana.id, Ana.name}, {Bo.id, Bo.name}}));
        QVERIFY(page.presenceVersion() > version);
        QCOMPARE(page.viewers(), 2);
        QCOMPARE(page.users(), (QList<Glosa::Author>{{Ana.id, Ana.name}, {Bo.id, Bo.name}}));
        QCOMPARE(page.localUsers(), (QList<Glosa::Author>{{Ana.id, Ana.name}}));
        // The same again changes nothing.
        QVERIFY(!page.setRemoteUsers({{Bo.id, Bo.name}, {Ana.id, Ana.name}}));
        // Ana leaves here and is still viewing elsewhere.
        QVERIFY(!page.removeRecipient(&ana, Ana.id));
        QCOMPARE(page.viewers(), 2);
        // Bo joins here too: still two.
        FakeRecipient bo;
        page.addRecipient(&bo, Bo);
        QCOMPARE(page.viewers(), 2);
        // Everyone leaves the other nodes: Bo alone.
        QVERIFY(page.setRemoteUsers({}));
        QCOMPARE(page.viewers(), 1);
        QCOMPARE(page.users(), (QList<Glosa::Author>{{Bo.id, Bo.name}}));
        // A rename elsewhere is a change.
        QVERIFY(page.setRemoteUsers({{Mod.id, Mod.name}}));
        QVERIFY(page.setRemoteUsers({{Mod.id, u"Renamed"_s}}));
        QCOMPARE(page.viewers(), 2);
    }
};

QTEST_GUILESS_MAIN(tst_Page)
#include "tst_page.moc"
