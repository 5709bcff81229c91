#include "mentioninbox.h"

#include "datafile.h"
#include "mentions.h"
#include "pagesession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Glosa {

MentionInbox::MentionInbox(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(1000);
    connect(&m_saveTimer, &QTimer::timeout, this, &MentionInbox::save);
    if (m_path.isEmpty())
        return;
    const QJsonArray list =
        QJsonDocument::fromJson(DataFile::read(m_path)).object().value("mentions"_L1).toArray();
    for (const QJsonValue &value : list) {
        const QJsonObject o = value.toObject();
        const QJsonObject author = o.value("author"_L1).toObject();
        m_mentions.append({QUrl(o.value("server"_L1).toString()),
                           o.value("tenant"_L1).toString(),
                           o.value("page"_L1).toString(),
                           o.value("title"_L1).toString(),
                           o.value("chatId"_L1).toString(),
                           o.value("commentId"_L1).toString(),
                           {author.value("id"_L1).toString(), author.value("name"_L1).toString()},
                           o.value("text"_L1).toString(),
                           o.value("at"_L1).toInteger()});
    }
}

MentionInbox::~MentionInbox()
{
    if (m_saveTimer.isActive())
        save();
}

void MentionInbox::watch(PageSession *session, const QUrl &server, const QString &tenant,
                         const QString &page, const QString &title)
{
    if (m_watched.contains(session))
        return;
    m_watched.insert(session);
    connect(session, &QObject::destroyed, this, [this, session] { m_watched.remove(session); });
    const Mention where{server, tenant, page, title, {}, {}, {}, {}, 0};
    const auto lookAll = [this, session, where] {
        for (auto it = session->chats().cbegin(); it != session->chats().cend(); ++it)
            look(session, where, it.key());
    };
    for (const auto signal : {&PageSession::chatAdded, &PageSession::chatChanged})
        connect(session, signal, this,
                [this, session, where](const QString &chatId) { look(session, where, chatId); });
    connect(session, &PageSession::chatsReset, this, lookAll);
    // The user is known once the server has welcomed them.
    connect(session->client(), &SyncClient::welcomed, this, lookAll);
    lookAll();
}

void MentionInbox::look(PageSession *session, const Mention &where, const QString &chatId)
{
    const QString me = session->client()->user().id;
    const Chat *chat = session->chat(chatId);
    if (me.isEmpty() || !chat)
        return;
    for (const Comment &comment : chat->comments) {
        if (comment.deleted || comment.author.id == me || !Mentions::mentions(comment.mentions, me))
            continue;
        Mention mention = where;
        mention.chatId = chatId;
        mention.commentId = comment.id;
        mention.author = comment.author;
        mention.text = comment.text;
        mention.at = comment.createdAt;
        if (m_mentions.contains(mention))
            continue;
        const auto at = std::find_if(m_mentions.begin(), m_mentions.end(),
                                     [&](const Mention &m) { return m.at < mention.at; });
        m_mentions.insert(at, mention);
        while (m_mentions.size() > MaxMentions)
            m_mentions.removeLast();
        m_saveTimer.start();
        Q_EMIT mentioned(mention, session->isUnread(chatId, comment.id));
        Q_EMIT changed();
    }
}

void MentionInbox::save()
{
    m_saveTimer.stop();
    if (m_path.isEmpty())
        return;
    QJsonArray list;
    for (const Mention &m : std::as_const(m_mentions))
        list.append(QJsonObject{
            {u"server"_s, m.server.toString()},
            {u"tenant"_s, m.tenant},
            {u"page"_s, m.page},
            {u"title"_s, m.title},
            {u"chatId"_s, m.chatId},
            {u"commentId"_s, m.commentId},
            {u"author"_s, QJsonObject{{u"id"_s, m.author.id}, {u"name"_s, m.author.name}}},
            {u"text"_s, m.text},
            {u"at"_s, m.at}});
    DataFile::write(m_path, QJsonDocument(QJsonObject{{u"mentions"_s, list}}).toJson(),
                    DataFile::Access::OwnerOnly);
}

} // namespace Glosa
