#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <optional>

namespace Glosa {

// A link to a chat: the server, tenant and page it is on, and its id, written as a glosa: URL
// that any client can open (docs/protocol.md, "Links to a thread"):
//   glosa://HOST[:PORT]/TENANT/PAGE?chat=ID[&scheme=ws][&path=PATH]
// The server is wss://HOST[:PORT]PATH (ws:// with scheme=ws), PATH being /v1/ws unless given;
// TENANT and every '/'-separated part of PAGE are percent-encoded.
struct ChatLink
{
    QUrl server; // ws:// or wss://, with its path
    QString tenant;
    QString page;
    QString chatId;

    // What makes a link unusable, from its text or from its parts.
    enum class Fault {
        None,
        NotALink,  // not a glosa: URL
        Malformed, // not a URL at all
        NoServer,  // no host
        BadServer, // a server that is not a plain ws:// or wss:// URL
        NoTenant,
        NoPage,
        TooLong, // a tenant or page over the protocol's limits
        NoChat,
        BadChat, // a chat id that is not a lowercase canonical UUID
    };

    static constexpr QLatin1StringView Scheme{"glosa"};
    static constexpr QLatin1StringView DefaultPath{"/v1/ws"};

    // Why the parts make no link; Fault::None when they do.
    Fault fault() const;
    bool isValid() const { return fault() == Fault::None; }
    // The link as text; empty when it is not valid.
    QString toString() const;
    QUrl toUrl() const { return QUrl(toString(), QUrl::StrictMode); }

    // The link that `text` (surrounding white space aside) writes, or std::nullopt with the
    // reason in `fault`.
    static std::optional<ChatLink> parse(const QString &text, Fault *fault = nullptr);
    // Whether `text` is meant as a glosa: link, well formed or not.
    static bool isLinkText(const QString &text);
    // What is wrong, for people.
    static QString describe(Fault fault);

    friend bool operator==(const ChatLink &a, const ChatLink &b)
    {
        return a.server == b.server && a.tenant == b.tenant && a.page == b.page &&
               a.chatId == b.chatId;
    }
    friend bool operator!=(const ChatLink &a, const ChatLink &b) { return !(a == b); }

    Q_DECLARE_TR_FUNCTIONS(Glosa::ChatLink)
};

} // namespace Glosa
