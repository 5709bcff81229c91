#pragma once

#include <tuple>

#include <QString>

namespace Glosa {

// A page's stored document. Listings carry it without its content.
struct Document
{
    QString page;
    QString title;
    QString format; // "markdown" or "text"
    QString content;
    QString sha256;
    qint64 updatedAt = 0;

    static QString sha256Of(const QString &content);

    friend bool operator==(const Document &a, const Document &b)
    {
        return std::tie(a.page, a.title, a.format, a.content, a.sha256, a.updatedAt) ==
               std::tie(b.page, b.title, b.format, b.content, b.sha256, b.updatedAt);
    }
    friend bool operator!=(const Document &a, const Document &b) { return !(a == b); }
};

} // namespace Glosa
