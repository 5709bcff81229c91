#pragma once

#include <QBuffer>
#include <QPdfDocument>

namespace Glosa {

// A PDF opened from its bytes, with the password it may need. Qt PDF reads the bytes as it
// needs them, so they stay with the document for as long as it lives.
class OpenedPdf
{
public:
    OpenedPdf(const QByteArray &bytes, const QString &password);

    QPdfDocument *document() { return &m_document; }
    bool isReady() const { return m_document.status() == QPdfDocument::Status::Ready; }

private:
    QBuffer m_buffer; // before the document, which it outlives
    QPdfDocument m_document;
};

} // namespace Glosa
