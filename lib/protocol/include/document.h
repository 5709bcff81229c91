#pragma once

#include <tuple>

#include <QString>

namespace Glosa {

// A page's stored document. Listings carry it without its content.
struct Document
{
    QString page;
    QString title;
    QString format;  // "markdown", "text" or "pdf"
    QString content; // a PDF's is stored apart, by its sha256
    QString sha256;
    qint64 updatedAt = 0;
    qint64 size = 0; // a PDF's, in bytes

    static QString sha256Of(const QString &content);
    static QString sha256Of(const QByteArray &bytes);
    bool isPdf() const { return format == QLatin1StringView("pdf"); }

    friend bool operator==(const Document &a, const Document &b)
    {
        return std::tie(a.page, a.title, a.format, a.content, a.sha256, a.size, a.updatedAt) ==
               std::tie(b.page, b.title, b.format, b.content, b.sha256, b.size, b.updatedAt);
    }
    friend bool operator!=(const Document &a, const Document &b) { return !(a == b); }
};

} // namespace Glosa
