#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace Glosa {

// PDFs made at test time with QPdfWriter, A4 at 72 dpi: each sheet's lines of text drawn from the
// top in 12-point DejaVu Sans, 28 points apart (closer lines of QPdfWriter's make PDFium read their
// glyphs as lines of their own), at most 26 lines to a sheet.
class TestPdf
{
public:
    static QByteArray make(const QList<QStringList> &sheets);
    // `count` sheets whose lines say which sheet and line they are ("Sheet 3, line 2: …"), with
    // `linesPerSheet` lines each.
    static QByteArray numbered(int count, int linesPerSheet = 3);
    // Sheets that are only pictures: a scan without a text layer.
    static QByteArray scan(int count);
    // `pdf` encrypted with the user password `password` (AES-256, by qpdf).
    static QByteArray encrypted(const QByteArray &pdf, const QString &password);
    // The text of line `line` of sheet `sheet` of numbered().
    static QString numberedLine(int sheet, int line);

    // Where the top-left corner of line `line` of a sheet is drawn, in points.
    static constexpr int Left = 50;
    static constexpr int Top = 80;
    static constexpr int LineHeight = 28;
};

} // namespace Glosa
