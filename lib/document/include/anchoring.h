#pragma once

#include "anchor.h"

#include <QString>

namespace Glosa {

// Finds where an anchor stands in a document's plain text, as W3C Web Annotation clients do:
// the recorded position when the quote is still there, otherwise the occurrence of the quote
// whose context fits best, otherwise the closest approximate match near the old position.
class Anchoring
{
public:
    struct Match
    {
        enum class Kind { Exact, Moved, Fuzzy, Orphan };
        Kind kind = Kind::Orphan;
        int start = -1;
        int end = -1;
        bool isOrphan() const { return kind == Kind::Orphan; }
    };

    // Up to this share of the quote's characters may differ in a fuzzy match.
    static constexpr double MaxErrorRate = 0.25;

    // An anchor on a whole sheet of a PDF is located where that sheet's text starts, and is an
    // orphan where the document has no such sheet.
    // `shift` is how far the text around the anchor is expected to have moved, e.g. the shift
    // of the anchor before it when many are located in document order: the quote found there
    // with all of its context is taken at once, without searching the whole text.
    static Match locate(const QString &text, const Anchor &anchor, int shift = 0);

    // An anchor for the selection [start, end) of `text`, with up to 32 characters of context.
    static Anchor anchorFor(const QString &text, int start, int end);
};

} // namespace Glosa
