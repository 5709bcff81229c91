#include "document.h"

#include <QCryptographicHash>

namespace Glosa {

QString Document::sha256Of(const QString &content)
{
    return sha256Of(content.toUtf8());
}

QString Document::sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace Glosa
