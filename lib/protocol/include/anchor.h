#pragma once

#include <tuple>

#include <QString>

namespace Glosa {

// A W3C Web Annotation TextPositionSelector and TextQuoteSelector combined.
struct Anchor
{
    int start = 0;
    int end = 0;
    QString exact;
    QString prefix;
    QString suffix;

    friend bool operator==(const Anchor &a, const Anchor &b)
    {
        return std::tie(a.start, a.end, a.exact, a.prefix, a.suffix) ==
               std::tie(b.start, b.end, b.exact, b.prefix, b.suffix);
    }
    friend bool operator!=(const Anchor &a, const Anchor &b) { return !(a == b); }
};

} // namespace Glosa
