#include "datafile.h"

#include <QCryptographicHash>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Glosa::DataFile {

QString pathFor(const QString &folder, const QUrl &server, const QStringList &parts)
{
    QByteArray key = server.toString(QUrl::RemoveUserInfo).toUtf8();
    for (const QString &part : parts)
        key += '\n' + part.toUtf8();
    const QString name =
        QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex());
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u'/' + folder +
           u'/' + name + u".json"_s;
}

} // namespace Glosa::DataFile
