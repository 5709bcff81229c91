#include "authenticator.h"

#include "anonymouscredential.h"
#include "errorcode.h"
#include "jwt.h"
#include "validation.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

Authenticator::Result refuse(QLatin1StringView code, int closeCode, const QString &message)
{
    Authenticator::Result r;
    r.error = {code, message};
    r.closeCode = closeCode;
    return r;
}

Authenticator::Result unauthorized(const QString &message)
{
    return refuse(ErrorCode::Unauthorized, CloseCode::Unauthorized, message);
}

} // namespace

Authenticator::Authenticator(const QList<TenantConfig> &tenants, QByteArray credentialKey)
    : m_credentialKey(std::move(credentialKey))
{
    for (const TenantConfig &t : tenants)
        m_tenants.insert(t.id, t);
    if (m_credentialKey.isEmpty())
        m_credentialKey = newCredentialKey();
}

QByteArray Authenticator::newCredentialKey()
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()),
                                          key.size() / int(sizeof(quint32)));
    return key;
}

Authenticator::Result Authenticator::authenticate(const Hello &hello, qint64 nowSeconds) const
{
    const auto tenant = m_tenants.constFind(hello.tenant);
    if (tenant == m_tenants.constEnd())
        return refuse(ErrorCode::Forbidden, CloseCode::Forbidden,
                      u"unknown tenant \"%1\""_s.arg(hello.tenant));

    Result result;
    if (!hello.token) {
        if (!tenant->anonymous)
            return unauthorized(u"tenant \"%1\" needs a token"_s.arg(hello.tenant));
        if (!hello.credential) {
            const QString id = AnonymousCredential::newUserId();
            result.user = {id, u"Guest "_s + id.mid(5, 4), User::Role::Member};
        } else {
            const std::optional<User> known =
                AnonymousCredential::verify(m_credentialKey, hello.tenant, *hello.credential);
            if (!known)
                return unauthorized(u"the credential was not issued by this server for tenant "
                                    u"\"%1\""_s.arg(hello.tenant));
            result.user = *known;
        }
        if (!hello.name.isEmpty())
            result.user.name = hello.name;
        return result;
    }
    if (tenant->secret.isEmpty())
        return unauthorized(u"tenant \"%1\" admits anonymous users only"_s.arg(hello.tenant));

    QString why;
    const std::optional<QJsonObject> claims =
        Jwt::verify(hello.token->toUtf8(), tenant->secret, nowSeconds, &why);
    if (!claims)
        return unauthorized(why);
    if (claims->value("tid"_L1).toString() != hello.tenant)
        return unauthorized(u"token was issued for another tenant"_s);
    const QJsonValue sub = claims->value("sub"_L1);
    if (!sub.isString() || sub.toString().isEmpty())
        return unauthorized(u"token has no sub claim"_s);
    if (AnonymousCredential::isAnonymous(sub.toString()))
        return unauthorized(
            u"token sub must not start with \"anon:\", which names anonymous users"_s);
    result.user.id = sub.toString();
    result.user.name = result.user.id.left(Limits::NameMax);
    if (claims->contains("name"_L1)) {
        const QJsonValue name = claims->value("name"_L1);
        if (!name.isString() || !Validation::checkName(name.toString()).isNull())
            return unauthorized(u"token name must have 1 to %1 characters"_s.arg(Limits::NameMax));
        result.user.name = name.toString();
    }
    if (claims->contains("role"_L1) &&
        !User::roleFromName(claims->value("role"_L1).toString(), &result.user.role))
        return unauthorized(u"token role must be viewer, member or moderator"_s);
    return result;
}

QString Authenticator::credentialFor(const QString &tenant, const User &user) const
{
    if (!AnonymousCredential::isAnonymous(user.id))
        return {};
    return AnonymousCredential::issue(m_credentialKey, tenant, user);
}

} // namespace Glosa
