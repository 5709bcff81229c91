#include "validation.h"

#include "errorcode.h"
#include "protocollimits.h"

#include <QSet>
#include <QUuid>

#include <algorithm>

namespace Glosa::Validation {

namespace {

ProtocolError lengthError(const QString &what, qsizetype length, int max, bool blank)
{
    if (blank || length == 0)
        return {ErrorCode::BadRequest, what + QStringLiteral(" must not be empty")};
    if (length > max)
        return {ErrorCode::TooLarge,
                what + QStringLiteral(" is longer than %1 characters").arg(max)};
    return {};
}

} // namespace

bool isUuid(QStringView s)
{
    if (s.size() != 36)
        return false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s[i].unicode();
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return false;
        } else if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'))) {
            return false;
        }
    }
    return true;
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

ProtocolError checkCommentText(const QString &text)
{
    return lengthError(QStringLiteral("comment text"), text.size(), Limits::CommentTextMax,
                       text.trimmed().isEmpty());
}

ProtocolError checkAnchor(const Anchor &anchor)
{
    if (anchor.start < 0 || anchor.end < anchor.start)
        return {ErrorCode::BadRequest, QStringLiteral("anchor needs 0 <= start <= end, got %1..%2")
                                           .arg(anchor.start)
                                           .arg(anchor.end)};
    if (anchor.isWholeSheet()) {
        if (anchor.end != anchor.start)
            return {
                ErrorCode::BadRequest,
                QStringLiteral("an anchor on a whole sheet has an empty quote and start == end")};
    } else if (ProtocolError e = lengthError(QStringLiteral("anchor exact"), anchor.exact.size(),
                                             Limits::ExactMax, false);
               !e.isNull()) {
        return e;
    }
    if (anchor.sheet > Limits::SheetMax)
        return {ErrorCode::BadRequest,
                QStringLiteral("anchor sheet is at most %1").arg(Limits::SheetMax)};
    if (anchor.prefix.size() > Limits::ContextMax || anchor.suffix.size() > Limits::ContextMax)
        return {ErrorCode::TooLarge,
                QStringLiteral("anchor prefix and suffix are limited to %1 characters")
                    .arg(Limits::ContextMax)};
    return {};
}

ProtocolError checkName(const QString &name)
{
    return lengthError(QStringLiteral("name"), name.size(), Limits::NameMax,
                       name.trimmed().isEmpty());
}

ProtocolError checkMentions(const QList<Author> &mentions, const QString &text)
{
    if (mentions.size() > Limits::MentionsMax)
        return {ErrorCode::TooLarge,
                QStringLiteral("a comment may mention at most %1 users").arg(Limits::MentionsMax)};
    QSet<QString> ids;
    for (const Author &mention : mentions) {
        if (const ProtocolError e = lengthError(QStringLiteral("a mentioned user's id"),
                                                mention.id.size(), Limits::UserIdMax, false);
            !e.isNull())
            return e;
        if (const ProtocolError e = checkName(mention.name); !e.isNull())
            return e;
        if (ids.contains(mention.id))
            return {ErrorCode::BadRequest,
                    QStringLiteral("user %1 is mentioned twice").arg(mention.id)};
        ids.insert(mention.id);
        if (!text.contains(u'@' + mention.name))
            return {ErrorCode::BadRequest,
                    QStringLiteral("the text does not mention @%1").arg(mention.name)};
    }
    return {};
}

ProtocolError checkPage(const QString &page)
{
    return lengthError(QStringLiteral("page"), page.size(), Limits::PageMax, false);
}

ProtocolError checkDocumentFormat(const QString &format)
{
    if (format == QLatin1StringView("markdown") || format == QLatin1StringView("text") ||
        format == QLatin1StringView("pdf"))
        return {};
    return {ErrorCode::BadRequest,
            QStringLiteral("document format must be \"markdown\", \"text\" or \"pdf\"")};
}

bool isSha256(QStringView s)
{
    return s.size() == 64 && std::all_of(s.cbegin(), s.cend(), [](QChar c) {
               return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
           });
}

int contentPieces(qint64 size)
{
    return int((size + Limits::ContentPieceBytes - 1) / Limits::ContentPieceBytes);
}

ProtocolError checkPdfHead(const QByteArray &head)
{
    if (!head.first(std::min(head.size(), qsizetype(1024))).contains("%PDF-"))
        return {ErrorCode::BadRequest, QStringLiteral("the content is not a PDF: no %PDF- header")};
    return {};
}

ProtocolError checkPdfTail(const QByteArray &tail)
{
    if (!tail.last(std::min(tail.size(), qsizetype(1024))).contains("%%EOF"))
        return {ErrorCode::BadRequest,
                QStringLiteral("the content is not a whole PDF: no %%EOF at its end")};
    return {};
}

} // namespace Glosa::Validation
