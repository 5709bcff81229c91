#include "readmarks.h"

#include "datafile.h"
#include "synclogging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Glosa {

ReadMarks::ReadMarks(QString path)
    : m_path(std::move(path))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(SaveDelayMs);
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { write(); });
    load();
}

ReadMarks::~ReadMarks()
{
    save();
}

QString ReadMarks::pathFor(const QUrl &server, const QString &tenant, const QString &page)
{
    return DataFile::pathFor(u"read"_s, server, {tenant, page});
}

void ReadMarks::load()
{
    if (m_path.isEmpty())
        return;
    const QByteArray content = DataFile::read(m_path);
    if (content.isEmpty())
        return;
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(content, &error);
    const QJsonValue seen = json.object().value("seen"_L1);
    if (!seen.isArray()) {
        qCWarning(lcSync) << "ignoring unreadable read marks" << m_path << error.errorString();
        return;
    }
    const QJsonArray ids = seen.toArray();
    m_seen.reserve(ids.size());
    for (const QJsonValue &id : ids) {
        if (const QString text = id.toString(); !text.isEmpty())
            m_seen.insert(text);
    }
    m_existed = true;
}

bool ReadMarks::markSeen(const QString &id)
{
    if (id.isEmpty() || m_seen.contains(id))
        return false;
    m_seen.insert(id);
    keep();
    return true;
}

void ReadMarks::keep()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void ReadMarks::save()
{
    if (m_timer.isActive())
        write();
}

void ReadMarks::write()
{
    m_timer.stop();
    if (m_pageIds) {
        if (const std::optional<QSet<QString>> onPage = m_pageIds())
            m_seen.intersect(*onPage);
    }
    if (m_path.isEmpty())
        return;
    QStringList ids(m_seen.cbegin(), m_seen.cend());
    std::sort(ids.begin(), ids.end());
    const QJsonObject json{{"seen"_L1, QJsonArray::fromStringList(ids)}};
    DataFile::write(m_path, QJsonDocument(json).toJson(QJsonDocument::Compact));
}

} // namespace Glosa
