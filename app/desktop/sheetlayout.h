#pragma once

#include <QList>
#include <QPointF>
#include <QRect>
#include <QSizeF>

#include <utility>

namespace Glosa {

// Where the sheets of a PDF stand in a continuous vertical strip at a scale: one under the
// other, each centred across the strip, with a margin around them all and a gap between two.
// Sheet sizes are in points; positions in the strip are in pixels.
class SheetLayout
{
public:
    static constexpr int Margin = 16;
    static constexpr int Gap = 12;

    // Sheets whose own size is missing or empty are laid out as A4.
    void setSheetSizes(const QList<QSizeF> &points);
    // Pixels per point.
    void setScale(qreal scale);
    // The strip is at least as wide as the viewport it is shown in.
    void setViewportWidth(int width);

    int count() const { return int(m_points.size()); }
    qreal scale() const { return m_scale; }
    QSizeF pointSize(int sheet) const { return m_points.at(sheet); }
    // The widest sheet's width and the tallest sheet's height.
    QSizeF maxPointSize() const { return m_max; }
    QRect sheetRect(int sheet) const;
    QSize size() const { return {qMax(m_width, m_viewportWidth), m_height}; }

    // The sheet at the strip's `y`, or the one nearest to it.
    int sheetAt(int y) const;
    // The first and last sheets with a part in the strip's rows [top, bottom); first > last
    // when there is none.
    std::pair<int, int> sheetsBetween(int top, int bottom) const;
    QPointF toStrip(int sheet, QPointF point) const;
    QPointF toSheet(int sheet, QPointF strip) const;

private:
    void relayout();

    QList<QSizeF> m_points;
    QList<int> m_tops;
    QList<QSize> m_pixels;
    QSizeF m_max;
    qreal m_scale = 1;
    int m_viewportWidth = 0;
    int m_width = 0;
    int m_height = 0;
};

} // namespace Glosa
