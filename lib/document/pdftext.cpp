#include "pdftext.h"

#include <QPdfDocument>
#include <QPdfSelection>

#include <algorithm>

namespace Glosa {

PdfText PdfText::of(QPdfDocument &document, const std::atomic<bool> *cancelled)
{
    PdfText text;
    const int sheets = document.pageCount();
    text.m_starts.reserve(sheets);
    for (int sheet = 0; sheet < sheets && !(cancelled && cancelled->load()); ++sheet) {
        if (sheet > 0)
            text.m_text.append(QChar(Separator));
        text.m_starts.append(int(text.m_text.size()));
        text.m_text.append(document.getAllText(sheet).text());
    }
    text.m_empty = std::none_of(text.m_text.cbegin(), text.m_text.cend(),
                                [](QChar c) { return c.isLetterOrNumber(); });
    return text;
}

int PdfText::sheetEnd(int sheet) const
{
    return sheet + 1 < sheetCount() ? m_starts.at(sheet + 1) - 1 : int(m_text.size());
}

int PdfText::sheetAt(int offset) const
{
    if (m_starts.isEmpty())
        return -1;
    // The last sheet starting at or before `offset`.
    const auto after = std::upper_bound(m_starts.cbegin(), m_starts.cend(), offset);
    return std::max(0, int(after - m_starts.cbegin()) - 1);
}

} // namespace Glosa
