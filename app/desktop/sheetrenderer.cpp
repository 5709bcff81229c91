#include "sheetrenderer.h"

#include <QPainter>
#include <QPdfDocument>
#include <QThread>

namespace Glosa {

size_t qHash(const SheetRenderer::Request &request, size_t seed)
{
    return qHashMulti(seed, request.sheet, request.size.width(), request.size.height());
}

SheetRenderer::SheetRenderer(QObject *parent)
    : QObject(parent)
    , m_thread(QThread::create([this] { run(); }))
{
    m_cache.setMaxCost(DefaultCacheBytes);
    m_thread->setObjectName(QStringLiteral("SheetRenderer"));
    m_thread->start(QThread::LowPriority);
}

SheetRenderer::~SheetRenderer()
{
    {
        QMutexLocker locker(&m_mutex);
        m_stop = true;
        m_queue.clear();
        m_wake.wakeAll();
    }
    m_thread->wait();
    delete m_thread;
}

void SheetRenderer::setDocument(QPdfDocument *document)
{
    {
        QMutexLocker locker(&m_mutex);
        m_queue.clear();
        // The sheet being rendered is from the document going away: wait for it.
        while (m_busy)
            m_idle.wait(&m_mutex);
        m_document = document;
        m_taken.clear();
        ++m_generation;
    }
    m_wanted.clear();
    m_cache.clear();
    m_sizes.clear();
    m_failed.clear();
}

void SheetRenderer::request(const QList<Request> &wanted)
{
    m_wanted = wanted;
    QList<Request> queue;
    for (const Request &r : wanted) {
        if (!r.size.isEmpty() && !m_cache.contains(r) && !m_failed.contains(r))
            queue.append(r);
    }
    QMutexLocker locker(&m_mutex);
    queue.removeIf([this](const Request &r) { return m_taken.contains(r); });
    m_queue = queue;
    if (!m_queue.isEmpty())
        m_wake.wakeOne();
}

QImage SheetRenderer::image(int sheet, QSize size)
{
    const QImage *image = m_cache.object({sheet, size});
    return image ? *image : QImage();
}

QImage SheetRenderer::anyImage(int sheet)
{
    const auto sizes = m_sizes.find(sheet);
    if (sizes == m_sizes.end())
        return {};
    QImage best;
    // Sizes whose image the cache has let go of are forgotten on the way.
    for (auto it = sizes->begin(); it != sizes->end();) {
        if (const QImage *image = m_cache.object({sheet, *it})) {
            if (image->width() > best.width())
                best = *image;
            ++it;
        } else {
            it = sizes->erase(it);
        }
    }
    if (sizes->isEmpty())
        m_sizes.erase(sizes);
    return best;
}

void SheetRenderer::setCacheLimit(qint64 bytes)
{
    m_cache.setMaxCost(bytes);
}

void SheetRenderer::run()
{
    for (;;) {
        Request request;
        QPdfDocument *document = nullptr;
        quint64 generation = 0;
        {
            QMutexLocker locker(&m_mutex);
            while (!m_stop && (m_queue.isEmpty() || !m_document))
                m_wake.wait(&m_mutex);
            if (m_stop)
                return;
            request = m_queue.takeFirst();
            document = m_document;
            generation = m_generation;
            m_busy = request;
            m_taken.insert(request);
        }
        // Qt PDF makes every call into PDFium under one lock, this render's too: the GUI
        // thread's reads of the document's text wait for it. The sheet is drawn over white: an
        // opaque image is the quickest to paint.
        const QImage rendered = document->render(request.sheet, request.size);
        QImage image;
        if (!rendered.isNull()) {
            image = QImage(rendered.size(), QImage::Format_RGB32);
            image.fill(Qt::white);
            QPainter painter(&image);
            painter.drawImage(0, 0, rendered);
        }
        {
            QMutexLocker locker(&m_mutex);
            m_busy.reset();
            m_idle.wakeAll();
        }
        QMetaObject::invokeMethod(
            this, [this, request, generation, image] { deliver(request, generation, image); },
            Qt::QueuedConnection);
    }
}

void SheetRenderer::deliver(const Request &request, quint64 generation, const QImage &image)
{
    {
        QMutexLocker locker(&m_mutex);
        if (generation != m_generation)
            return;
        m_taken.remove(request);
    }
    if (!m_wanted.contains(request))
        return;
    if (image.isNull()) {
        m_failed.insert(request);
        return;
    }
    if (!m_cache.insert(request, new QImage(image), image.sizeInBytes()))
        return;
    QList<QSize> &sizes = m_sizes[request.sheet];
    if (!sizes.contains(request.size))
        sizes.append(request.size);
    m_peakBytes = qMax(m_peakBytes, qint64(m_cache.totalCost()));
    Q_EMIT rendered(request.sheet);
}

} // namespace Glosa
