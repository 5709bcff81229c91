#pragma once

#include "user.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Glosa {

// The credential that gives an anonymous user the same identity on every connection: the
// user's id and name, signed with the server's key for one tenant (HMAC-SHA256), as
// "1.<payload>.<signature>" in base64url. It stays under Limits::CredentialMax characters.
class AnonymousCredential
{
public:
    static QString issue(const QByteArray &key, const QString &tenant, const User &user);
    // The user a credential names, when it was issued with `key` for `tenant`.
    static std::optional<User> verify(const QByteArray &key, const QString &tenant,
                                      const QString &credential);

    // A new anonymous user's id, "anon:<random>".
    static QString newUserId();
    static bool isAnonymous(const QString &userId);
};

} // namespace Glosa
