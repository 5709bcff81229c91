#pragma once

#include "pdftext.h"

#include <QCache>
#include <QHash>
#include <QList>
#include <QPolygonF>
#include <QRectF>

#include <utility>

class QPdfDocument;

namespace Glosa {

// The text of a PDF where its sheets draw it, read from Qt PDF when it is first needed and kept:
// the rectangles a passage covers, the lines, and the place in the text nearest to a point.
// Positions on a sheet are in points from its top left; places in the text are offsets in the
// PdfText.
class SheetText
{
public:
    void setDocument(QPdfDocument *document, const PdfText &text);

    const PdfText &text() const { return m_text; }
    // Whether the sheet has any characters at all.
    bool hasText(int sheet) const;
    // The rectangles covering the characters of [start, end) on `sheet`, one for each run of
    // characters on a line.
    QList<QRectF> passageRects(int sheet, int start, int end);
    bool isOverText(int sheet, QPointF point);
    // The offset nearest to `point` on `sheet`, between two characters: before the character
    // under it or after it, whichever edge is nearer; at the start or end of the line nearest to
    // it when it is left or right of the text; at the start or end of the sheet's text when it
    // is well above or below it.
    int caretAt(int sheet, QPointF point);
    // The word (letters and digits) around `offset`, or an empty range at it.
    std::pair<int, int> wordAt(int offset) const;

    // Characters' rectangles in the order of the text, merged into one for each run of a line.
    static QList<QRectF> runs(const QList<QPolygonF> &bounds);

private:
    struct Lines
    {
        QList<QRectF> boxes; // the runs of the whole sheet
        QRectF hull;
        int first = -1; // the first character that is not a space, on the sheet
        QRectF firstBox;
    };
    const Lines &lines(int sheet);

    struct Range
    {
        int sheet;
        int start;
        int end;
        friend bool operator==(const Range &a, const Range &b)
        {
            return a.sheet == b.sheet && a.start == b.start && a.end == b.end;
        }
        friend size_t qHash(const Range &r, size_t seed = 0)
        {
            return qHashMulti(seed, r.sheet, r.start, r.end);
        }
    };

    QPdfDocument *m_document = nullptr;
    PdfText m_text;
    QHash<int, Lines> m_lines;
    QCache<Range, QList<QRectF>> m_rects{100000};
};

} // namespace Glosa
