#pragma once

#include "messages.h"
#include "protocolerror.h"
#include "serverconfig.h"

#include <QHash>

namespace Glosa {

// Decides who a hello speaks for: checks the tenant and the token (HS256 JWT with `tid`, `sub`,
// `name`, `role`, `exp`) or admits an anonymous guest where the tenant allows it.
class Authenticator
{
public:
    explicit Authenticator(const QList<TenantConfig> &tenants);

    struct Result
    {
        User user;
        ProtocolError error; // set when refused
        int closeCode = 0;   // 4401 or 4403 when refused
    };

    Result authenticate(const Hello &hello, qint64 nowSeconds) const;
    bool hasTenant(const QString &tenant) const { return m_tenants.contains(tenant); }

private:
    QHash<QString, TenantConfig> m_tenants;
};

} // namespace Glosa
