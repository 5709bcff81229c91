#include "pdftextreader.h"

#include "openedpdf.h"

#include <QThread>

namespace Glosa {

PdfTextReader::PdfTextReader(QObject *parent)
    : QObject(parent)
{}

PdfTextReader::~PdfTextReader()
{
    cancel();
}

void PdfTextReader::cancel()
{
    if (!m_thread)
        return;
    m_cancelled->store(true);
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void PdfTextReader::read(const QByteArray &pdf, const QString &password)
{
    cancel();
    m_cancelled = std::make_shared<std::atomic<bool>>(false);
    m_thread = QThread::create([this, pdf, password, cancelled = m_cancelled] {
        OpenedPdf opened(pdf, password);
        PdfText text = PdfText::of(*opened.document(), cancelled.get());
        if (cancelled->load())
            return;
        // Delivered on the reader's thread, unless it is gone by then (a posted call dies
        // with its receiver).
        QMetaObject::invokeMethod(this, [this, text = std::move(text), cancelled] {
            if (!cancelled->load())
                Q_EMIT finished(text);
        });
    });
    m_thread->setObjectName(QStringLiteral("glosa-pdftext"));
    m_thread->start(QThread::LowPriority);
}

} // namespace Glosa
