#include "user.h"

namespace Glosa {

QString User::roleName(Role role)
{
    switch (role) {
    case Role::Viewer:
        return QStringLiteral("viewer");
    case Role::Member:
        return QStringLiteral("member");
    case Role::Moderator:
        return QStringLiteral("moderator");
    }
    return {};
}

bool User::roleFromName(QStringView name, Role *role)
{
    for (Role r : {Role::Viewer, Role::Member, Role::Moderator}) {
        if (name == roleName(r)) {
            *role = r;
            return true;
        }
    }
    return false;
}

} // namespace Glosa
