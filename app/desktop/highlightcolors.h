#pragma once

#include <QColor>

namespace Glosa {

// The colours of the chats' highlights over their passages, alike in every view of a document:
// an open chat's, a resolved one's (quieter) and the selected one's (stronger).
struct HighlightColors
{
    static QColor open() { return {255, 214, 102, 150}; }
    static QColor resolved() { return {160, 160, 160, 70}; }
    static QColor selected() { return {255, 170, 0, 200}; }
};

} // namespace Glosa
