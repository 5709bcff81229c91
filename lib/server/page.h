#pragma once

#include "messages.h"
#include "protocolerror.h"
#include "serverconfig.h"
#include "store.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <optional>
#include <set>

namespace Glosa {

class Recipient;

// One page of one tenant as the server holds it: its chats, the ids it has used, its head seq and
// the connections viewing it, with the users they act for. Operations are checked against its
// rules (roles, authorship, ids, limits) and applied here; the commit pipeline stores them and
// sends their events.
class Page
{
public:
    Page(QString tenant, QString name, PageLimits limits, Store::PageState state,
         std::optional<Document> document);

    const QString &tenant() const { return m_tenant; }
    const QString &name() const { return m_name; }
    qint64 id() const { return m_record.id; }
    const QString &epoch() const { return m_record.epoch; }
    qint64 head() const { return m_record.head; }
    const std::optional<Document> &document() const { return m_document; }
    void setDocument(const Document &document) { m_document = document; }

    // A commit of the page failed: the writes applied since are lost, and their broadcastIds
    // are new again. Starts a generation.
    void loseUnstored();
    // Replaces the state with what the store holds, after a failed commit.
    void reset(Store::PageState state);

    // Follows an event another server node stored for the page: applies it when it is the next
    // after the head, as its seq says. False, with nothing changed, when it cannot be read or is
    // not the next.
    bool follow(const QByteArray &event);
    // The seq of the last event that went to the page's viewers.
    qint64 delivered() const { return m_delivered; }
    void setDelivered(qint64 seq) { m_delivered = qMax(m_delivered, seq); }

    // Chats in document order: by anchor start, then creation.
    QList<Chat> chats() const;

    // The bytes of its events, stored and applied.
    qint64 bytes() const { return m_bytes; }

    // Checks an operation of `user` at `now` against the page's rules and limits and applies it:
    // returns what to store, its event encoded once in it, or nullopt with `error`.
    std::optional<Store::Write> apply(const NewChatOp &op, const User &user, qint64 now,
                                      ProtocolError *error);
    std::optional<Store::Write> apply(const UpdateChatOp &op, const User &user, qint64 now,
                                      ProtocolError *error);
    std::optional<Store::Write> apply(const DeleteChatOp &op, const User &user, qint64 now,
                                      ProtocolError *error);

    // Presence: returns true when who is viewing changed (a user came or left, or came back with
    // a new name), and then a new presence version begins. The cost does not grow with the viewers
    // already there.
    bool addRecipient(Recipient *recipient, const User &user);
    bool removeRecipient(Recipient *recipient, const QString &userId);
    const QList<Recipient *> &recipients() const { return m_recipients; }
    // Distinct users viewing the page, here and on the other server nodes.
    int viewers() const { return int(m_users.size()) + m_remoteOnly; }
    // Who is viewing, here and on the other nodes, by name, at most Limits::PresenceUsersMax of
    // them.
    QList<Author> users() const;
    // Who is viewing the page on this node.
    QList<Author> localUsers() const;
    // Who is viewing the page on the other server nodes that share the store: returns true when
    // that changes who is viewing it, and then a new presence version begins.
    bool setRemoteUsers(const QList<Author> &users);
    // Counts the changes of presence: a connection told the page's presence at version N (in
    // its welcome or a presence frame) knows it until the next change.
    quint64 presenceVersion() const { return m_presenceVersion; }

    // Whether an event of the page may carry `broadcastId`: false means the id is new for sure,
    // true that the store must be asked. Every stored event's id counts, and every applied one.
    bool mayHaveBroadcast(const QString &broadcastId) const
    {
        return m_broadcasts.contains(qHash(broadcastId));
    }

    // Whether an operation of `broadcastId` was applied and the store has not reported on it.
    bool isPending(const QString &broadcastId) const { return m_pending.contains(broadcastId); }
    // The store reported on the write of `broadcastId`, stored or not.
    void reported(const QString &broadcastId) { m_pending.remove(broadcastId); }
    // Writes applied and not yet reported by the store, stored or not.
    int unstored() const { return m_unstored; }
    void addUnstored(int count) { m_unstored += count; }
    // Changes with every loseUnstored(): writes applied before it are no longer the page's.
    quint64 generation() const { return m_generation; }

private:
    // Whether the page can take `text` more (a new chat's, a new or edited comment's);
    // if not, `error` says which limit it would pass.
    bool hasRoomFor(qsizetype textBytes, ProtocolError *error) const;
    Store::Write finish(const QString &broadcastId, const Chat &chat, bool deleted,
                        const ServerMessage &event, const QString &commentId = {});

    QString m_tenant;
    QString m_name;
    PageLimits m_limits;
    Store::PageRecord m_record;
    qint64 m_bytes = 0;
    qint64 m_delivered = 0;
    QHash<QString, Chat> m_chats;
    QSet<QString> m_usedIds;
    std::optional<Document> m_document;
    QList<Recipient *> m_recipients;
    struct Viewer
    {
        QString name;
        int connections = 0;
    };
    QHash<QString, Viewer> m_users;
    std::set<std::pair<QString, QString>> m_byName; // (name, id) of every user in m_users
    QHash<QString, QString> m_remote;               // names of the users on other nodes, by id
    int m_remoteOnly = 0;                           // of m_remote, those not in m_users
    quint64 m_presenceVersion = 0;
    QSet<QString> m_pending;   // broadcastIds applied, not reported by the store
    QSet<size_t> m_broadcasts; // hashes of the broadcastIds the page's events may carry
    int m_unstored = 0;
    quint64 m_generation = 0;
};

} // namespace Glosa
