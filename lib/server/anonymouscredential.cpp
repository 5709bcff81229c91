#include "anonymouscredential.h"

#include "jwt.h"
#include "protocollimits.h"
#include "validation.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

constexpr auto Prefix = "1."_L1;
constexpr auto IdPrefix = "anon:"_L1;
constexpr auto Base64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray signature(const QByteArray &key, const QString &tenant, const QByteArray &signedPart)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, key);
    mac.addData(tenant.toUtf8());
    mac.addData("\n", 1);
    mac.addData(signedPart);
    return mac.result();
}

// The 64 random bits of an anonymous id, which its base-36 digits spell.
std::optional<quint64> idBits(const QString &id)
{
    if (!id.startsWith(IdPrefix))
        return std::nullopt;
    bool ok = false;
    const quint64 bits = QStringView(id).mid(IdPrefix.size()).toULongLong(&ok, 36);
    return ok ? std::optional<quint64>(bits) : std::nullopt;
}

} // namespace

QString AnonymousCredential::newUserId()
{
    return IdPrefix + QString::number(QRandomGenerator::system()->generate64(), 36);
}

bool AnonymousCredential::isAnonymous(const QString &userId)
{
    return userId.startsWith(IdPrefix);
}

QString AnonymousCredential::issue(const QByteArray &key, const QString &tenant, const User &user)
{
    const std::optional<quint64> bits = idBits(user.id);
    Q_ASSERT(bits);
    QByteArray payload(sizeof(quint64), Qt::Uninitialized);
    qToBigEndian(*bits, payload.data());
    payload += user.name.toUtf8();
    const QByteArray signedPart =
        QByteArray(Prefix.data(), Prefix.size()) + payload.toBase64(Base64);
    return QString::fromLatin1(signedPart + '.' +
                               signature(key, tenant, signedPart).toBase64(Base64));
}

std::optional<User> AnonymousCredential::verify(const QByteArray &key, const QString &tenant,
                                                const QString &credential)
{
    if (credential.size() > Limits::CredentialMax || !credential.startsWith(Prefix))
        return std::nullopt;
    const QByteArray text = credential.toLatin1();
    const qsizetype dot = text.lastIndexOf('.');
    if (dot <= Prefix.size())
        return std::nullopt;
    const QByteArray signedPart = text.left(dot);
    const auto mac = QByteArray::fromBase64Encoding(
        text.mid(dot + 1), Base64 | QByteArray::AbortOnBase64DecodingErrors);
    const auto payload = QByteArray::fromBase64Encoding(
        signedPart.mid(Prefix.size()), Base64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!mac || !payload)
        return std::nullopt;
    if (!Jwt::constantTimeEquals(mac.decoded, signature(key, tenant, signedPart)) ||
        payload.decoded.size() < qsizetype(sizeof(quint64)))
        return std::nullopt;
    User user;
    user.id = IdPrefix + QString::number(qFromBigEndian<quint64>(payload.decoded.constData()), 36);
    user.name = QString::fromUtf8(payload.decoded.mid(sizeof(quint64)));
    user.role = User::Role::Member;
    if (!Validation::checkName(user.name).isNull())
        return std::nullopt;
    return user;
}

} // namespace Glosa
