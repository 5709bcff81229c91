#pragma once

#include <tuple>

#include <QString>

namespace Glosa {

// Who a connection acts for, from its token or given to an anonymous guest.
struct User
{
    enum class Role { Viewer, Member, Moderator };

    QString id;
    QString name;
    Role role = Role::Member;

    bool canWrite() const { return role != Role::Viewer; }
    bool isModerator() const { return role == Role::Moderator; }

    static QString roleName(Role role);
    static bool roleFromName(QStringView name, Role *role);

    friend bool operator==(const User &a, const User &b)
    {
        return std::tie(a.id, a.name, a.role) == std::tie(b.id, b.name, b.role);
    }
    friend bool operator!=(const User &a, const User &b) { return !(a == b); }
};

} // namespace Glosa
