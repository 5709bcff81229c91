#include "openedpdf.h"

namespace Glosa {

OpenedPdf::OpenedPdf(const QByteArray &bytes, const QString &password)
{
    m_buffer.setData(bytes);
    m_buffer.open(QIODevice::ReadOnly);
    m_document.setPassword(password);
    m_document.load(&m_buffer);
}

} // namespace Glosa
