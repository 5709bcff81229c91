#pragma once

#include "anchor.h"
#include "syncclient.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

namespace Glosa {

// What the user has written on a page and not sent, kept on disk so that it outlives the window
// and the process: a reply per chat, an edit per comment and a new chat per passage, each
// with the passage it is about. Every window on a page shares one store (see open()).
class DraftStore : public QObject
{
    Q_OBJECT
public:
    struct Draft
    {
        QString text;
        Anchor anchor; // the passage of the chat
        friend bool operator==(const Draft &a, const Draft &b)
        {
            return a.text == b.text && a.anchor == b.anchor;
        }
        friend bool operator!=(const Draft &a, const Draft &b) { return !(a == b); }
    };

    // Kept in the file `path`, or in memory where it is empty.
    explicit DraftStore(QString path, QObject *parent = nullptr);
    ~DraftStore() override;

    // The store of the page of a server and tenant, shared while anyone holds it.
    static std::shared_ptr<DraftStore> open(const SyncClient::Options &options);
    // Beside the page's outbox, under the same name; empty where the outbox is in memory.
    static QString pathFor(const SyncClient::Options &options);

    static QString replyKey(const QString &chatId);
    static QString editKey(const QString &commentId);
    static QString newChatKey(const Anchor &anchor);
    // The chat of a reply draft's key; empty for other keys.
    static QString chatOfReplyKey(const QString &key);

    Draft draft(const QString &key) const { return m_drafts.value(key); }
    QString text(const QString &key) const { return m_drafts.value(key).text; }
    QStringList keys() const { return m_drafts.keys(); }
    // An empty text removes the draft.
    void setDraft(const QString &key, const Draft &draft);
    void remove(const QString &key) { setDraft(key, {}); }
    // Adds the text of `draft` after what the draft of `key` holds already.
    void merge(const QString &key, const Draft &draft);
    // Writes what is not written yet (changes are written shortly after they are made).
    void flush();

    static constexpr int SaveDelayMs = 300;

Q_SIGNALS:
    void draftChanged(const QString &key);

private:
    void load();

    QString m_path;
    QHash<QString, Draft> m_drafts;
    QTimer m_save;
};

} // namespace Glosa
