#include "document.h"

#include <QCryptographicHash>

namespace Glosa {

QString Document::sha256Of(const QString &content)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(content.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace Glosa
