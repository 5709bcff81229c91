#pragma once

#include "authorcolor.h"

#include <QColor>

namespace Glosa {

// The colours of the chats' highlights over their passages, alike in every view of a document:
// an open chat's in the colour of the user who started it, stronger while it is selected; a
// resolved one's quieter, in grey.
struct HighlightColors
{
    static QColor open(const QString &authorId) { return withAlpha(authorId, 95); }
    static QColor selected(const QString &authorId) { return withAlpha(authorId, 190); }
    static QColor resolved() { return {160, 160, 160, 70}; }

private:
    static QColor withAlpha(const QString &authorId, int alpha)
    {
        QColor color = AuthorColor::of(authorId);
        color.setAlpha(alpha);
        return color;
    }
};

} // namespace Glosa
