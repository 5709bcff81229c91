#include "outbox.h"

#include "chatreducer.h"
#include "codec.h"
#include "datafile.h"
#include "synclogging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Glosa {

Outbox::Outbox(QString path)
    : m_path(std::move(path))
{
    load();
}

bool Outbox::contains(const QString &broadcastId) const
{
    for (const ClientMessage &op : m_operations) {
        if (ChatReducer::broadcastIdOf(op) == broadcastId)
            return true;
    }
    return false;
}

void Outbox::append(const ClientMessage &op)
{
    m_operations.append(op);
    save();
}

bool Outbox::remove(const QString &broadcastId)
{
    for (qsizetype i = 0; i < m_operations.size(); ++i) {
        if (ChatReducer::broadcastIdOf(m_operations.at(i)) == broadcastId) {
            m_operations.removeAt(i);
            save();
            return true;
        }
    }
    return false;
}

QString Outbox::pathFor(const QUrl &server, const QString &tenant, const QString &page)
{
    return DataFile::pathFor(u"outbox"_s, server, {tenant, page});
}

void Outbox::load()
{
    if (m_path.isEmpty())
        return;
    const QJsonArray frames = QJsonDocument::fromJson(DataFile::read(m_path)).array();
    for (const QJsonValue &frame : frames) {
        ProtocolError error;
        const std::optional<ClientMessage> op = Codec::decodeClient(
            QJsonDocument(frame.toObject()).toJson(QJsonDocument::Compact), &error);
        if (op)
            m_operations.append(*op);
        else
            qCWarning(lcSync) << "dropping an unreadable outbox entry of" << m_path
                              << error.message;
    }
}

void Outbox::save() const
{
    if (m_path.isEmpty())
        return;
    QJsonArray frames;
    for (const ClientMessage &op : m_operations)
        frames.append(QJsonDocument::fromJson(Codec::encode(op)).object());
    DataFile::write(m_path, QJsonDocument(frames).toJson(QJsonDocument::Compact));
}

} // namespace Glosa
