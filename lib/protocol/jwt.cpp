#include "jwt.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray hmac(const QByteArray &data, const QByteArray &secret)
{
    return QMessageAuthenticationCode::hash(data, secret, QCryptographicHash::Sha256);
}

std::optional<QByteArray> decodePart(const QByteArray &part)
{
    auto result =
        QByteArray::fromBase64Encoding(part, Base64Url | QByteArray::AbortOnBase64DecodingErrors);
    // Only the canonical spelling: Qt ignores a dangling last character and the unused low bits
    // of the last one, which would let many strings pass for one token.
    if (!result || part.contains('=') || (*result).toBase64(Base64Url) != part)
        return std::nullopt;
    return *result;
}

std::optional<QJsonObject> decodeObject(const QByteArray &part)
{
    const std::optional<QByteArray> json = decodePart(part);
    if (!json)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

} // namespace

bool Jwt::constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QDateTime Jwt::expiry(const QByteArray &token)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return {};
    const std::optional<QJsonObject> claims = decodeObject(parts[1]);
    if (!claims || !claims->value("exp"_L1).isDouble())
        return {};
    return QDateTime::fromSecsSinceEpoch(qint64(claims->value("exp"_L1).toDouble()));
}

QByteArray Jwt::sign(const QJsonObject &claims, const QByteArray &secret)
{
    const QJsonObject header{{"alg"_L1, "HS256"_L1}, {"typ"_L1, "JWT"_L1}};
    const QByteArray signingInput =
        QJsonDocument(header).toJson(QJsonDocument::Compact).toBase64(Base64Url) + '.' +
        QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(Base64Url);
    return signingInput + '.' + hmac(signingInput, secret).toBase64(Base64Url);
}

std::optional<QJsonObject> Jwt::verify(const QByteArray &token, const QByteArray &secret,
                                       qint64 nowSeconds, QString *error)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3) {
        *error = u"token is not a JWT of three parts"_s;
        return std::nullopt;
    }
    const std::optional<QJsonObject> header = decodeObject(parts[0]);
    if (!header) {
        *error = u"token header is not base64url-encoded JSON"_s;
        return std::nullopt;
    }
    if (header->value("alg"_L1).toString() != "HS256"_L1) {
        *error = u"token must be signed with HS256"_s;
        return std::nullopt;
    }
    const std::optional<QByteArray> signature = decodePart(parts[2]);
    if (!signature) {
        *error = u"token signature is not base64url"_s;
        return std::nullopt;
    }
    const QByteArray signingInput = parts[0] + '.' + parts[1];
    if (!constantTimeEquals(hmac(signingInput, secret), *signature)) {
        *error = u"token signature does not match"_s;
        return std::nullopt;
    }
    const std::optional<QJsonObject> claims = decodeObject(parts[1]);
    if (!claims) {
        *error = u"token claims are not base64url-encoded JSON"_s;
        return std::nullopt;
    }
    const QJsonValue exp = claims->value("exp"_L1);
    if (!exp.isDouble() || !std::isfinite(exp.toDouble())) {
        *error = u"token has no numeric exp claim"_s;
        return std::nullopt;
    }
    if (exp.toDouble() <= double(nowSeconds)) {
        *error = u"token has expired"_s;
        return std::nullopt;
    }
    return claims;
}

} // namespace Glosa
