#include "draftstore.h"

#include "datafile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

QMap<QString, std::weak_ptr<DraftStore>> &registry()
{
    static QMap<QString, std::weak_ptr<DraftStore>> stores;
    return stores;
}

QJsonObject toJson(const Anchor &a)
{
    return {{"start"_L1, a.start},   {"end"_L1, a.end},       {"exact"_L1, a.exact},
            {"prefix"_L1, a.prefix}, {"suffix"_L1, a.suffix}, {"sheet"_L1, a.sheet}};
}

Anchor anchorFrom(const QJsonObject &o)
{
    return {o.value("start"_L1).toInt(),     o.value("end"_L1).toInt(),
            o.value("exact"_L1).toString(),  o.value("prefix"_L1).toString(),
            o.value("suffix"_L1).toString(), o.value("sheet"_L1).toInt(-1)};
}

} // namespace

DraftStore::DraftStore(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
{
    m_save.setSingleShot(true);
    m_save.setInterval(SaveDelayMs);
    connect(&m_save, &QTimer::timeout, this, &DraftStore::flush);
    if (QCoreApplication *app = QCoreApplication::instance())
        connect(app, &QCoreApplication::aboutToQuit, this, &DraftStore::flush);
    load();
}

DraftStore::~DraftStore()
{
    flush();
}

std::shared_ptr<DraftStore> DraftStore::open(const SyncClient::Options &options)
{
    const QString path = pathFor(options);
    if (path.isEmpty())
        return std::make_shared<DraftStore>(path);
    if (std::shared_ptr<DraftStore> existing = registry().value(path).lock())
        return existing;
    std::shared_ptr<DraftStore> store(new DraftStore(path), [path](DraftStore *s) {
        if (registry().value(path).expired())
            registry().remove(path);
        delete s;
    });
    registry().insert(path, store);
    return store;
}

QString DraftStore::pathFor(const SyncClient::Options &options)
{
    if (options.outboxPath.isEmpty())
        return {};
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/drafts/"_s +
           QFileInfo(options.outboxPath).fileName();
}

QString DraftStore::replyKey(const QString &chatId)
{
    return u"reply:"_s + chatId;
}

QString DraftStore::editKey(const QString &commentId)
{
    return u"edit:"_s + commentId;
}

QString DraftStore::newChatKey(const Anchor &anchor)
{
    return u"new:%1:%2"_s.arg(anchor.start).arg(anchor.end);
}

QString DraftStore::chatOfReplyKey(const QString &key)
{
    return key.startsWith("reply:"_L1) ? key.mid(6) : QString();
}

void DraftStore::setDraft(const QString &key, const Draft &draft)
{
    const auto it = m_drafts.constFind(key);
    if (draft.text.isEmpty()) {
        if (it == m_drafts.constEnd())
            return;
        m_drafts.erase(it);
    } else {
        if (it != m_drafts.constEnd() && *it == draft)
            return;
        m_drafts.insert(key, draft);
    }
    if (!m_path.isEmpty())
        m_save.start();
    Q_EMIT draftChanged(key);
}

void DraftStore::merge(const QString &key, const Draft &draft)
{
    const QString kept = text(key);
    if (kept.isEmpty() || kept == draft.text)
        return setDraft(key, draft);
    setDraft(key, {kept + u"\n\n"_s + draft.text, draft.anchor});
}

void DraftStore::load()
{
    if (m_path.isEmpty())
        return;
    const QJsonObject drafts = QJsonDocument::fromJson(DataFile::read(m_path)).object();
    for (auto it = drafts.constBegin(); it != drafts.constEnd(); ++it) {
        const QJsonObject d = it.value().toObject();
        const QString text = d.value("text"_L1).toString();
        if (!text.isEmpty())
            m_drafts.insert(it.key(), {text, anchorFrom(d.value("anchor"_L1).toObject())});
    }
}

void DraftStore::flush()
{
    // The timer runs while there are changes not written yet.
    if (m_path.isEmpty() || !m_save.isActive())
        return;
    m_save.stop();
    QJsonObject drafts;
    for (auto it = m_drafts.constBegin(); it != m_drafts.constEnd(); ++it)
        drafts.insert(it.key(),
                      QJsonObject{{"text"_L1, it->text}, {"anchor"_L1, toJson(it->anchor)}});
    DataFile::write(m_path, QJsonDocument(drafts).toJson(QJsonDocument::Compact),
                    DataFile::Access::OwnerOnly);
}

} // namespace Glosa
