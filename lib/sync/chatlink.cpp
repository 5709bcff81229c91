#include "chatlink.h"

#include "protocollimits.h"
#include "validation.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

// One part of the path: everything but the unreserved characters percent-encoded (UTF-8), and
// a part that is only dots written with %2E, so that no URL tool takes it for "." or "..".
QString encodePart(const QString &part)
{
    if (part == "."_L1 || part == ".."_L1)
        return u"%2E"_s.repeated(part.size());
    return QString::fromLatin1(QUrl::toPercentEncoding(part));
}

QString decodePart(QStringView part)
{
    return QUrl::fromPercentEncoding(part.toUtf8());
}

bool isWebSocketScheme(const QString &scheme)
{
    return scheme == "ws"_L1 || scheme == "wss"_L1;
}

} // namespace

ChatLink::Fault ChatLink::fault() const
{
    if (server.host().isEmpty())
        return Fault::NoServer;
    if (!server.isValid() || !isWebSocketScheme(server.scheme()) || !server.userInfo().isEmpty() ||
        server.hasQuery() || server.hasFragment() ||
        (!server.path().isEmpty() && !server.path().startsWith(u'/')))
        return Fault::BadServer;
    if (tenant.isEmpty())
        return Fault::NoTenant;
    if (page.isEmpty())
        return Fault::NoPage;
    if (tenant.size() > Limits::TenantMax || page.size() > Limits::PageMax)
        return Fault::TooLong;
    if (chatId.isEmpty())
        return Fault::NoChat;
    if (!Validation::isUuid(chatId))
        return Fault::BadChat;
    return Fault::None;
}

QString ChatLink::toString() const
{
    if (!isValid())
        return {};
    QStringList parts;
    const QStringList pageParts = page.split(u'/');
    parts.reserve(pageParts.size() + 1);
    parts.append(encodePart(tenant));
    for (const QString &part : pageParts)
        parts.append(encodePart(part));
    QString text = u"%1://%2/%3?chat=%4"_s.arg(Scheme, server.authority(QUrl::FullyEncoded),
                                               parts.join(u'/'), chatId);
    if (server.scheme() == "ws"_L1)
        text += u"&scheme=ws"_s;
    if (const QString path = server.path(QUrl::FullyEncoded);
        !path.isEmpty() && path != DefaultPath)
        text += u"&path="_s + QString::fromLatin1(QUrl::toPercentEncoding(server.path(), "/"));
    return text;
}

bool ChatLink::isLinkText(const QString &text)
{
    return text.trimmed().startsWith(QString(Scheme) + u':', Qt::CaseInsensitive);
}

std::optional<ChatLink> ChatLink::parse(const QString &text, Fault *fault)
{
    const auto fail = [fault](Fault why) -> std::optional<ChatLink> {
        if (fault)
            *fault = why;
        return std::nullopt;
    };
    if (!isLinkText(text))
        return fail(Fault::NotALink);
    const QUrl url(text.trimmed(), QUrl::TolerantMode);
    if (!url.isValid())
        return fail(Fault::Malformed);
    if (url.host().isEmpty())
        return fail(Fault::NoServer);
    if (!url.userInfo().isEmpty())
        return fail(Fault::BadServer);

    const QUrlQuery query(url);
    const auto only = [&query](const QString &key,
                               const QString &absent) -> std::optional<QString> {
        const QStringList values = query.allQueryItemValues(key, QUrl::FullyDecoded);
        if (values.size() > 1)
            return std::nullopt;
        return values.isEmpty() ? absent : values.first();
    };
    const std::optional<QString> scheme = only(u"scheme"_s, u"wss"_s);
    const std::optional<QString> path = only(u"path"_s, DefaultPath);
    if (!scheme || !path || !isWebSocketScheme(*scheme) || !path->startsWith(u'/'))
        return fail(Fault::BadServer);
    ChatLink link;
    link.server.setScheme(*scheme);
    link.server.setAuthority(url.authority(QUrl::FullyEncoded), QUrl::StrictMode);
    link.server.setPath(*path, QUrl::DecodedMode);

    // The tenant is the first part of the path, the page all the rest, '/' included.
    const QString encoded = url.path(QUrl::FullyEncoded);
    const qsizetype slash = encoded.indexOf(u'/', 1);
    link.tenant = decodePart(QStringView(encoded).mid(1, slash < 0 ? -1 : slash - 1));
    if (slash >= 0)
        link.page = decodePart(QStringView(encoded).mid(slash + 1));
    const std::optional<QString> chat = only(u"chat"_s, {});
    if (!chat)
        return fail(Fault::BadChat);
    link.chatId = *chat;
    if (const Fault why = link.fault(); why != Fault::None)
        return fail(why);
    if (fault)
        *fault = Fault::None;
    return link;
}

QString ChatLink::describe(Fault fault)
{
    switch (fault) {
    case Fault::None:
        break;
    case Fault::NotALink:
        return tr("It is not a link to a thread: such links start with glosa://.");
    case Fault::Malformed:
        return tr("The link is damaged: it cannot be read as a URL.");
    case Fault::NoServer:
        return tr("The link names no server.");
    case Fault::BadServer:
        return tr("The link's server is not a ws:// or wss:// server.");
    case Fault::NoTenant:
        return tr("The link names no tenant.");
    case Fault::NoPage:
        return tr("The link names no page.");
    case Fault::TooLong:
        return tr("The link's tenant or page is longer than a server allows.");
    case Fault::NoChat:
        return tr("The link names no thread.");
    case Fault::BadChat:
        return tr("The link's thread id is not valid.");
    }
    return {};
}

} // namespace Glosa
