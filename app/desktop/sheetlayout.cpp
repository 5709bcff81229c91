#include "sheetlayout.h"

#include <QtMath>

#include <algorithm>

namespace Glosa {

void SheetLayout::setSheetSizes(const QList<QSizeF> &points)
{
    m_points.clear();
    m_points.reserve(points.size());
    m_max = {};
    for (const QSizeF &size : points) {
        const bool usable = size.width() > 0 && size.height() > 0 && qIsFinite(size.width()) &&
                            qIsFinite(size.height());
        m_points.append(usable ? size : QSizeF(595, 842));
        m_max = m_max.expandedTo(m_points.last());
    }
    relayout();
}

void SheetLayout::setScale(qreal scale)
{
    m_scale = scale;
    relayout();
}

void SheetLayout::setViewportWidth(int width)
{
    m_viewportWidth = width;
}

void SheetLayout::relayout()
{
    m_tops.resize(m_points.size());
    m_pixels.resize(m_points.size());
    int y = Margin;
    int widest = 0;
    for (qsizetype i = 0; i < m_points.size(); ++i) {
        const QSize pixels(qMax(1, qFloor(m_points.at(i).width() * m_scale)),
                           qMax(1, qFloor(m_points.at(i).height() * m_scale)));
        m_pixels[i] = pixels;
        m_tops[i] = y;
        y += pixels.height() + Gap;
        widest = qMax(widest, pixels.width());
    }
    m_height = m_points.isEmpty() ? 0 : y - Gap + Margin;
    m_width = m_points.isEmpty() ? 0 : widest + 2 * Margin;
}

QRect SheetLayout::sheetRect(int sheet) const
{
    const QSize pixels = m_pixels.at(sheet);
    return {(size().width() - pixels.width()) / 2, m_tops.at(sheet), pixels.width(),
            pixels.height()};
}

int SheetLayout::sheetAt(int y) const
{
    if (m_tops.isEmpty())
        return -1;
    // The last sheet starting at or above `y`, unless `y` is in the gap above the next one and
    // nearer to it.
    const auto after = std::upper_bound(m_tops.cbegin(), m_tops.cend(), y);
    const int sheet = qMax(0, int(after - m_tops.cbegin()) - 1);
    if (sheet + 1 < count()) {
        const int bottom = m_tops.at(sheet) + m_pixels.at(sheet).height();
        if (y > bottom && y - bottom > m_tops.at(sheet + 1) - y)
            return sheet + 1;
    }
    return sheet;
}

std::pair<int, int> SheetLayout::sheetsBetween(int top, int bottom) const
{
    if (m_tops.isEmpty() || bottom <= top)
        return {0, -1};
    // The first sheet whose bottom is below `top`, the last whose top is above `bottom`.
    int first = int(std::upper_bound(m_tops.cbegin(), m_tops.cend(), top) - m_tops.cbegin()) - 1;
    if (first < 0)
        first = 0;
    else if (m_tops.at(first) + m_pixels.at(first).height() <= top)
        ++first;
    const int last =
        int(std::lower_bound(m_tops.cbegin(), m_tops.cend(), bottom) - m_tops.cbegin()) - 1;
    return {first, last};
}

QPointF SheetLayout::toStrip(int sheet, QPointF point) const
{
    const QRect rect = sheetRect(sheet);
    const QSizeF points = m_points.at(sheet);
    return {rect.x() + point.x() * rect.width() / points.width(),
            rect.y() + point.y() * rect.height() / points.height()};
}

QPointF SheetLayout::toSheet(int sheet, QPointF strip) const
{
    const QRect rect = sheetRect(sheet);
    const QSizeF points = m_points.at(sheet);
    return {(strip.x() - rect.x()) * points.width() / rect.width(),
            (strip.y() - rect.y()) * points.height() / rect.height()};
}

} // namespace Glosa
