#include "anchoring.h"

#include "pdftext.h"
#include "protocollimits.h"

#include <QList>

#include <algorithm>
#include <limits>
#include <tuple>

namespace Glosa {

namespace {

// Characters of context that agree: the prefix read backwards from `start`, the suffix forwards
// from `end`.
int contextScore(const QString &text, int start, int end, const Anchor &anchor)
{
    int score = 0;
    for (qsizetype i = 1; i <= anchor.prefix.size() && start - i >= 0; ++i) {
        if (text.at(start - i) != anchor.prefix.at(anchor.prefix.size() - i))
            break;
        ++score;
    }
    for (qsizetype i = 0; i < anchor.suffix.size() && end + i < text.size(); ++i) {
        if (text.at(end + i) != anchor.suffix.at(i))
            break;
        ++score;
    }
    return score;
}

// The substring of `text` closest to `pattern` by edit distance (Sellers' algorithm), the one
// starting nearest to `expected` among equals; returns its distance and sets [start, end).
int closestSubstring(QStringView text, QStringView pattern, int expected, int *start, int *end)
{
    const qsizetype m = pattern.size();
    // column[i]: distance of pattern[0, i) to the best substring ending here; origin[i]: where
    // that substring starts.
    QList<int> column(m + 1), origin(m + 1), previous(m + 1), previousOrigin(m + 1);
    for (qsizetype i = 0; i <= m; ++i) {
        previous[i] = int(i);
        previousOrigin[i] = 0;
    }
    int best = std::numeric_limits<int>::max();
    for (qsizetype j = 1; j <= text.size(); ++j) {
        column[0] = 0;
        origin[0] = int(j);
        for (qsizetype i = 1; i <= m; ++i) {
            const int substitute = previous[i - 1] + (pattern[i - 1] == text[j - 1] ? 0 : 1);
            const int skipText = previous[i] + 1;
            const int skipPattern = column[i - 1] + 1;
            if (substitute <= skipText && substitute <= skipPattern) {
                column[i] = substitute;
                origin[i] = previousOrigin[i - 1];
            } else if (skipText <= skipPattern) {
                column[i] = skipText;
                origin[i] = previousOrigin[i];
            } else {
                column[i] = skipPattern;
                origin[i] = origin[i - 1];
            }
        }
        // Among equals: the nearest to where it was, then the one closest to the quote's length.
        const auto key = [&](int distance, int from, int to) {
            return std::make_tuple(distance, qAbs(from - expected), qAbs(to - from - int(m)));
        };
        if (key(column[m], origin[m], int(j)) < key(best, *start, *end)) {
            best = column[m];
            *start = origin[m];
            *end = int(j);
        }
        std::swap(column, previous);
        std::swap(origin, previousOrigin);
    }
    return best;
}

} // namespace

Anchoring::Match Anchoring::locate(const QString &text, const Anchor &anchor, int shift)
{
    if (anchor.isWholeSheet()) {
        // Where the sheet's text starts: after as many separators as sheets before it.
        qsizetype at = 0;
        for (int sheet = 0; sheet < anchor.sheet && at >= 0; ++sheet) {
            at = text.indexOf(QChar(PdfText::Separator), at);
            if (at >= 0)
                ++at;
        }
        if (at < 0)
            return {};
        // The sheet is what it is about, wherever its text starts now.
        return {Match::Kind::Exact, int(at), int(at)};
    }
    const int length = int(anchor.exact.size());
    if (length == 0)
        return {};
    const auto quoteAt = [&](int at) {
        return at >= 0 && at + length <= text.size() &&
               QStringView(text).mid(at, length) == anchor.exact;
    };
    if (quoteAt(anchor.start))
        return {Match::Kind::Exact, anchor.start, anchor.start + length};
    // No other occurrence can fit its context better.
    if (const int at = anchor.start + shift;
        shift != 0 && quoteAt(at) &&
        contextScore(text, at, at + length, anchor) == anchor.prefix.size() + anchor.suffix.size())
        return {Match::Kind::Moved, at, at + length};

    // Every occurrence of the quote: the best context wins, then the nearest to where it was.
    int bestStart = -1;
    int bestScore = -1;
    qsizetype bestDistance = std::numeric_limits<qsizetype>::max();
    for (qsizetype at = text.indexOf(anchor.exact); at >= 0;
         at = text.indexOf(anchor.exact, at + 1)) {
        const int score = contextScore(text, int(at), int(at + length), anchor);
        const qsizetype distance = qAbs(at - anchor.start);
        if (score > bestScore || (score == bestScore && distance < bestDistance)) {
            bestStart = int(at);
            bestScore = score;
            bestDistance = distance;
        }
    }
    if (bestStart >= 0)
        return {Match::Kind::Moved, bestStart, bestStart + length};

    // Approximately, in a window around the old position.
    const int slack = qMax(2000, length * 2);
    const int from = qBound(0, anchor.start - slack, int(text.size()));
    const int to = qBound(from, anchor.start + length + slack, int(text.size()));
    int start = 0, end = 0;
    const int distance = closestSubstring(QStringView(text).mid(from, to - from), anchor.exact,
                                          anchor.start - from, &start, &end);
    if (end > start && distance <= int(length * MaxErrorRate))
        return {Match::Kind::Fuzzy, from + start, from + end};
    return {};
}

Anchor Anchoring::anchorFor(const QString &text, int start, int end)
{
    start = qBound(0, start, int(text.size()));
    end = qBound(start, end, int(text.size()));
    const int before = qMax(0, start - Limits::ContextMax);
    return {start, end, text.mid(start, end - start), text.mid(before, start - before),
            text.mid(end, Limits::ContextMax)};
}

} // namespace Glosa
