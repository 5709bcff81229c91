#pragma once

#include <QColor>
#include <QString>

namespace Glosa {

// The colour of a user, from their id: the same in every window, every Glosa and every run, so
// that a person's comments and highlights are known by it at a glance.
class AuthorColor
{
public:
    static QColor of(const QString &userId);
};

} // namespace Glosa
