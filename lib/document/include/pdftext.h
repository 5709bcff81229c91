#pragma once

#include <QList>
#include <QString>

#include <atomic>

class QPdfDocument;

namespace Glosa {

// The text layer of a PDF as anchors count in it: the text of each sheet as Qt PDF extracts it
// (lines end with "\r\n"), the sheets joined in order by a form feed. A sheet's character index
// in Qt PDF (QPdfSelection::startIndex()) is its offset here less sheetStart().
class PdfText
{
public:
    static constexpr char16_t Separator = u'\f';

    // Reads every sheet's text; where `cancelled` becomes true, stops early with what it read.
    static PdfText of(QPdfDocument &document, const std::atomic<bool> *cancelled = nullptr);

    const QString &plainText() const { return m_text; }
    int sheetCount() const { return int(m_starts.size()); }
    // The offset of the sheet's first character, and of the separator after its last.
    int sheetStart(int sheet) const { return m_starts.at(sheet); }
    int sheetEnd(int sheet) const;
    // The sheet that `offset` is in; a separator belongs to the sheet before it.
    int sheetAt(int offset) const;
    // No sheet has a letter or digit: a scan, whose passages cannot be selected.
    bool isEmpty() const { return m_empty; }

    friend bool operator==(const PdfText &a, const PdfText &b)
    {
        return a.m_text == b.m_text && a.m_starts == b.m_starts;
    }

private:
    QString m_text;
    QList<int> m_starts;
    bool m_empty = true;
};

} // namespace Glosa
