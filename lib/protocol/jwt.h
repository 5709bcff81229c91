#pragma once

#include <QByteArray>
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
};

} // namespace Glosa
