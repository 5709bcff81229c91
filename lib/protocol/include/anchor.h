#pragma once

#include <tuple>

#include <QString>

namespace Glosa {

// A W3C Web Annotation TextPositionSelector and TextQuoteSelector combined; in a PDF, with the
// sheet the passage starts on.
struct Anchor
{
    int start = 0;
    int end = 0;
    QString exact;
    QString prefix;
    QString suffix;
    int sheet = -1; // none

    bool hasSheet() const { return sheet >= 0; }
    // A whole sheet of a PDF, rather than a passage: an empty quote on that sheet.
    bool isWholeSheet() const { return hasSheet() && exact.isEmpty(); }

    friend bool operator==(const Anchor &a, const Anchor &b)
    {
        return std::tie(a.start, a.end, a.exact, a.prefix, a.suffix, a.sheet) ==
               std::tie(b.start, b.end, b.exact, b.prefix, b.suffix, b.sheet);
    }
    friend bool operator!=(const Anchor &a, const Anchor &b) { return !(a == b); }
};

} // namespace Glosa
