#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace Glosa {

// JSON Web Tokens signed with HS256 (RFC 7519, RFC 7515 compact form).
class Jwt
{
public:
    static QByteArray sign(const QJsonObject &claims, const QByteArray &secret);

    // The claims of `token` when it is well formed, signed with `secret` using HS256 and carries
    // an `exp` (seconds since the epoch) later than `nowSeconds`; otherwise `error` says why.
    static std::optional<QJsonObject> verify(const QByteArray &token, const QByteArray &secret,
                                             qint64 nowSeconds, QString *error);
    // The `exp` claim of a token, read without checking its signature (invalid: none).
    static QDateTime expiry(const QByteArray &token);
    // Compares two signatures in constant time: where they differ tells nothing.
    static bool constantTimeEquals(const QByteArray &a, const QByteArray &b);
};

} // namespace Glosa
