#pragma once

#include "pdftext.h"

#include <QByteArray>
#include <QObject>

#include <atomic>
#include <memory>

class QThread;

namespace Glosa {

// Reads the text layer of a PDF on a thread of its own: Qt PDF reads each sheet afresh, a few
// milliseconds each, so a long PDF takes seconds, which the window does not wait for.
class PdfTextReader : public QObject
{
    Q_OBJECT
public:
    explicit PdfTextReader(QObject *parent = nullptr);
    // Stops reading, and waits for the thread.
    ~PdfTextReader() override;

    // Reads the text of `pdf`, opened with `password`; a read under way is given up.
    void read(const QByteArray &pdf, const QString &password);
    // Gives up the read under way, if any: it finishes no more.
    void cancel();

Q_SIGNALS:
    void finished(const Glosa::PdfText &text);

private:
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
};

} // namespace Glosa
