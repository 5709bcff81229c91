#pragma once

#include "chat.h"
#include "document.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

namespace Glosa {

// Durable state of the server: pages with their event history and current chats, and documents.
// An interface, so that a store shared by several server nodes can stand beside SqliteStore.
class Store
{
public:
    struct PageRecord
    {
        qint64 id = 0;
        QString epoch;
        qint64 head = 0;
    };

    struct PageState
    {
        PageRecord record;
        QList<Chat> chats;           // live chats
        QSet<QString> usedIds;       // every chat and comment id ever used on the page
        QList<QString> broadcastIds; // of every stored event of the page
        qint64 bytes = 0;            // of every stored event of the page
    };

    // One operation's effect: its event, the chat as it stands afterwards (without its
    // comments, so that a long thread is not written again for each reply) and the one comment
    // the operation created or changed, if any.
    struct Write
    {
        qint64 pageId = 0;
        qint64 seq = 0;
        QString broadcastId;
        QByteArray event;
        QString chatId;
        QByteArray chatJson; // the chat after the operation, with an empty comment list
        bool chatDeleted = false;
        QString commentId;
        int commentPosition = 0; // its place in the chat's comments
        QByteArray commentJson;
    };

    virtual ~Store() = default;

    virtual bool open(QString *error) = 0;
    virtual void close() = 0;

    // The page's state, creating the page with a fresh epoch when it is new.
    virtual std::optional<PageState> loadPage(const QString &tenant, const QString &page,
                                              QString *error) = 0;
    // Like loadPage(), but a store may leave a new page uncreated: then it returns nullopt with an
    // empty error, and the page is to be created with loadPage() where the store's writes run.
    virtual std::optional<PageState> findPage(const QString &tenant, const QString &page,
                                              QString *error)
    {
        return loadPage(tenant, page, error);
    }
    // The page's event that carries `broadcastId`: empty if there is none, and then with `error`
    // if the store could not be read.
    virtual QByteArray findBroadcast(qint64 pageId, const QString &broadcastId, QString *error) = 0;
    // The encoded events after `since`, in order, up to `limit` of them.
    virtual QList<QByteArray> eventsAfter(qint64 pageId, qint64 since, int limit) = 0;
    // Stores the writes in one transaction, all of them or none, but for the writes of a page
    // whose stored head is no longer the seq before its first write here (another server node
    // wrote to it meanwhile): those are left out and the page's id goes into `stale`. Returns
    // false, with `error`, when the transaction failed.
    virtual bool commit(const QList<Write> &writes, QSet<qint64> *stale, QString *error) = 0;

    virtual std::optional<Document> document(const QString &tenant, const QString &page) = 0;
    virtual QList<Document> documents(const QString &tenant) = 0;
    // The id of the user who first published the page's document; empty when unknown (a
    // document stored before publishers were recorded).
    virtual QString documentPublisher(const QString &tenant, const QString &page) = 0;
    // Stores the page's document, or its new version, with the user who published it first.
    virtual bool saveDocument(const QString &tenant, const Document &document,
                              const QString &publisher, QString *error) = 0;

    // The bytes of a tenant's PDFs, by their sha256, kept in pieces of Limits::ContentPieceBytes
    // (the last one shorter).
    // The size of the content, -1 where there is none (or the store could not be read: `error`).
    virtual qint64 contentSize(const QString &tenant, const QString &sha256, QString *error) = 0;
    // Piece `piece` of the content; empty where there is none.
    virtual QByteArray contentPiece(const QString &tenant, const QString &sha256, int piece,
                                    QString *error) = 0;
    // Stores the content, all of its pieces or none; content already stored stays as it is.
    virtual bool saveContent(const QString &tenant, const QString &sha256,
                             const QList<QByteArray> &pieces, QString *error) = 0;

    // The key that signs anonymous users' credentials, where the store keeps one for every node
    // that shares it: the key it holds, or `proposed`, kept from now on, when it holds none.
    // Empty, with no error, where the store keeps none and the node keeps its own.
    virtual QByteArray credentialKey(const QByteArray & /*proposed*/, QString * /*error*/)
    {
        return {};
    }

    // Presence over the server nodes that share the store, each named by an id of its own; a
    // store that only one node uses keeps none, and these do nothing.
    //
    // Sets who node `node` has viewing each of `pages` (by page id; an empty list: nobody any
    // more).
    virtual bool setPresence(const QString & /*node*/,
                             const QHash<qint64, QList<Author>> & /*pages*/, QString * /*error*/)
    {
        return true;
    }
    // Who is viewing page `pageId` on the nodes other than `node` whose lease runs.
    virtual QList<Author> presence(qint64 /*pageId*/, const QString & /*node*/, QString * /*error*/)
    {
        return {};
    }
    // Renews the lease of `node` for `leaseMs`, and removes the nodes whose lease ran out with
    // who they had viewing.
    virtual bool renewLease(const QString & /*node*/, int /*leaseMs*/, QString * /*error*/)
    {
        return true;
    }
};

} // namespace Glosa
