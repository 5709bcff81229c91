#pragma once

#include <tuple>

#include <QString>

namespace Glosa {

struct Author
{
    QString id;
    QString name;

    friend bool operator==(const Author &a, const Author &b)
    {
        return std::tie(a.id, a.name) == std::tie(b.id, b.name);
    }
    friend bool operator!=(const Author &a, const Author &b) { return !(a == b); }
};

} // namespace Glosa
