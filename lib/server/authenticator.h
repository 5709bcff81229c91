#pragma once

#include "messages.h"
#include "protocolerror.h"
#include "serverconfig.h"

#include <QHash>

namespace Glosa {

// Decides who a hello speaks for: checks the tenant and the token (HS256 JWT with `tid`, `sub`,
// `name`, `role`, `exp`) or admits an anonymous user where the tenant allows it, the same user
// again when the hello presents the credential of an earlier welcome. Credentials are signed
// with `credentialKey`; without one, they hold while this object lives.
class Authenticator
{
public:
    explicit Authenticator(const QList<TenantConfig> &tenants, QByteArray credentialKey = {});

    struct Result
    {
        User user;
        ProtocolError error; // set when refused
        int closeCode = 0;   // 4401 or 4403 when refused
    };

    Result authenticate(const Hello &hello, qint64 nowSeconds) const;
    // What an anonymous user presents to be the same user again; empty for other users.
    QString credentialFor(const QString &tenant, const User &user) const;
    bool hasTenant(const QString &tenant) const { return m_tenants.contains(tenant); }

    // 32 random bytes, for a server that has no credential key yet.
    static QByteArray newCredentialKey();

private:
    QHash<QString, TenantConfig> m_tenants;
    QByteArray m_credentialKey;
};

} // namespace Glosa
