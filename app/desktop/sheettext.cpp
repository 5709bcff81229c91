#include "sheettext.h"

#include <QPdfDocument>
#include <QPdfSelection>

#include <limits>

namespace Glosa {

void SheetText::setDocument(QPdfDocument *document, const PdfText &text)
{
    m_document = document;
    m_text = text;
    m_lines.clear();
    m_rects.clear();
}

bool SheetText::hasText(int sheet) const
{
    return sheet >= 0 && sheet < m_text.sheetCount() &&
           m_text.sheetEnd(sheet) > m_text.sheetStart(sheet);
}

QList<QRectF> SheetText::runs(const QList<QPolygonF> &bounds)
{
    QList<QRectF> runs;
    QRectF run;
    for (const QPolygonF &polygon : bounds) {
        const QRectF r = polygon.boundingRect();
        if (r.isEmpty())
            continue;
        if (run.isNull()) {
            run = r;
            continue;
        }
        // The same run goes on rightwards on the same line, across spaces between words but
        // not across a gap as wide as a column's.
        const qreal overlap = qMin(run.bottom(), r.bottom()) - qMax(run.top(), r.top());
        const qreal height = qMax(run.height(), r.height());
        const bool sameLine = overlap >= 0.5 * qMin(run.height(), r.height());
        const bool onwards = r.left() >= run.right() - 0.5 * height;
        const bool near = r.left() - run.right() <= 2 * height;
        if (sameLine && onwards && near) {
            run = run.united(r);
        } else {
            runs.append(run);
            run = r;
        }
    }
    if (!run.isNull())
        runs.append(run);
    return runs;
}

QList<QRectF> SheetText::passageRects(int sheet, int start, int end)
{
    if (!m_document || !hasText(sheet))
        return {};
    const int sheetStart = m_text.sheetStart(sheet);
    start = qMax(start, sheetStart);
    end = qMin(end, m_text.sheetEnd(sheet));
    if (end <= start)
        return {};
    const Range key{sheet, start, end};
    if (const QList<QRectF> *cached = m_rects.object(key))
        return *cached;
    // Qt PDF's character indices on a sheet count from its start in the text.
    const QPdfSelection selection =
        m_document->getSelectionAtIndex(sheet, start - sheetStart, end - start);
    auto *rects = new QList<QRectF>(runs(selection.bounds()));
    const QList<QRectF> result = *rects;
    m_rects.insert(key, rects, qMax(qsizetype(1), rects->size()));
    return result;
}

const SheetText::Lines &SheetText::lines(int sheet)
{
    auto it = m_lines.find(sheet);
    if (it != m_lines.end())
        return *it;
    Lines lines;
    if (m_document && hasText(sheet)) {
        lines.boxes = runs(m_document->getAllText(sheet).bounds());
        for (const QRectF &box : std::as_const(lines.boxes))
            lines.hull = lines.hull.united(box);
        const QStringView text =
            QStringView(m_text.plainText())
                .mid(m_text.sheetStart(sheet), m_text.sheetEnd(sheet) - m_text.sheetStart(sheet));
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (!text.at(i).isSpace()) {
                lines.first = int(i);
                break;
            }
        }
        if (lines.first >= 0)
            lines.firstBox =
                m_document->getSelectionAtIndex(sheet, lines.first, 1).boundingRectangle();
        if (lines.firstBox.isEmpty())
            lines.boxes.clear();
    }
    return *m_lines.insert(sheet, lines);
}

bool SheetText::isOverText(int sheet, QPointF point)
{
    if (!hasText(sheet))
        return false;
    const Lines &l = lines(sheet);
    if (!l.hull.adjusted(-2, -2, 2, 2).contains(point))
        return false;
    for (const QRectF &box : l.boxes) {
        if (box.adjusted(-2, -2, 2, 2).contains(point))
            return true;
    }
    return false;
}

int SheetText::caretAt(int sheet, QPointF point)
{
    if (sheet < 0 || sheet >= m_text.sheetCount())
        return 0;
    const int sheetStart = m_text.sheetStart(sheet);
    const int sheetEnd = m_text.sheetEnd(sheet);
    const Lines &l = lines(sheet);
    if (l.boxes.isEmpty())
        return sheetStart;
    const qreal lineHeight = l.firstBox.height();
    if (point.y() < l.hull.top() - 2 * lineHeight)
        return sheetStart;
    if (point.y() > l.hull.bottom() + 2 * lineHeight)
        return sheetEnd;

    // The line nearest to the point: across from it if any is, the nearest above or below
    // otherwise.
    const QRectF *line = nullptr;
    qreal bestY = std::numeric_limits<qreal>::max();
    qreal bestX = std::numeric_limits<qreal>::max();
    for (const QRectF &box : l.boxes) {
        const qreal dy = qMax(qreal(0), qMax(box.top() - point.y(), point.y() - box.bottom()));
        const qreal dx = qMax(qreal(0), qMax(box.left() - point.x(), point.x() - box.right()));
        if (dy < bestY || (dy == bestY && dx < bestX)) {
            line = &box;
            bestY = dy;
            bestX = dx;
        }
    }
    const qreal inset = qMin(qreal(0.25), line->width() / 4);
    const QPointF on(qBound(line->left() + inset, point.x(), line->right() - inset),
                     line->center().y());

    // Qt PDF selects from the character under one point to the one under the other, and takes
    // in the last one when the second point is nearer its right edge than its left: from the
    // sheet's first character, that end is the offset wanted.
    const QPdfSelection selection = m_document->getSelection(sheet, l.firstBox.center(), on);
    if (selection.isValid() && selection.endIndex() > l.first)
        return sheetStart + qMin(selection.endIndex(), sheetEnd - sheetStart);
    // On the first character itself.
    return sheetStart + l.first + (on.x() > l.firstBox.center().x() ? 1 : 0);
}

std::pair<int, int> SheetText::wordAt(int offset) const
{
    const QString &text = m_text.plainText();
    offset = qBound(0, offset, int(text.size()));
    const auto inWord = [&](int i) {
        return i >= 0 && i < text.size() &&
               (text.at(i).isLetterOrNumber() || text.at(i) == u'_' || text.at(i).isMark());
    };
    int start = offset;
    int end = offset;
    while (inWord(start - 1))
        --start;
    while (inWord(end))
        ++end;
    return {start, end};
}

} // namespace Glosa
