#include "authorcolor.h"

#include <QCryptographicHash>

namespace Glosa {

QColor AuthorColor::of(const QString &userId)
{
    // A hash every process agrees on (qHash is seeded per process).
    const QByteArray digest = QCryptographicHash::hash(userId.toUtf8(), QCryptographicHash::Md5);
    const int hue = ((uchar(digest.at(0)) << 8) | uchar(digest.at(1))) % 360;
    return QColor::fromHsv(hue, 170, 215);
}

} // namespace Glosa
