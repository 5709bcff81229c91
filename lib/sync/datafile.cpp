#include "datafile.h"

#include "synclogging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
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

void adopt(const QString &path, const QStringList &formerPaths)
{
    if (QFileInfo::exists(path))
        return;
    for (const QString &former : formerPaths) {
        if (former == path || !QFileInfo::exists(former))
            continue;
        QDir().mkpath(QFileInfo(path).absolutePath());
        if (QFile::rename(former, path))
            qCInfo(lcSync) << "took over" << former << "as" << path;
        else
            qCWarning(lcSync) << "cannot move" << former << "to" << path;
        return;
    }
}

QByteArray read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool write(const QString &path, const QByteArray &content, Access access)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    const bool written = file.open(QIODevice::WriteOnly) &&
                         (access == Access::Everyone ||
                          file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) &&
                         file.write(content) == content.size() && file.commit();
    if (!written)
        qCWarning(lcSync) << "cannot save" << path << file.errorString();
    return written;
}

} // namespace Glosa::DataFile
