#pragma once

#include <QCache>
#include <QHash>
#include <QImage>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QWaitCondition>

#include <optional>

class QPdfDocument;
class QThread;

namespace Glosa {

// Renders the sheets of a PDF on a thread of its own and keeps the images in a cache bounded in
// bytes. Only what was asked for last is rendered: a sheet that scrolled away before its turn is
// never rendered, and an image that is no longer wanted when it is ready is dropped.
class SheetRenderer : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        int sheet = 0;
        QSize size; // in device pixels
        friend bool operator==(const Request &a, const Request &b)
        {
            return a.sheet == b.sheet && a.size == b.size;
        }
    };

    // About twenty sheets a window wide: several screens to scroll back to at once, in every
    // window that shows a PDF.
    static constexpr qint64 DefaultCacheBytes = 128 * 1024 * 1024;

    explicit SheetRenderer(QObject *parent = nullptr);
    ~SheetRenderer() override;

    // Renders from `document` from now on, forgetting every image of the one before; the caller
    // keeps it alive until it is replaced (nullptr renders nothing).
    void setDocument(QPdfDocument *document);
    // The images wanted now, the most urgent first. It replaces what was asked for before.
    void request(const QList<Request> &wanted);

    // The image of `sheet` at `size` (device pixels), or a null image while it is not rendered.
    QImage image(int sheet, QSize size);
    // The largest image of `sheet` at any size, to show scaled while the right one is rendered.
    QImage anyImage(int sheet);

    void setCacheLimit(qint64 bytes);
    qint64 cacheBytes() const { return m_cache.totalCost(); }
    qint64 peakCacheBytes() const { return m_peakBytes; }
    qint64 cacheLimit() const { return m_cache.maxCost(); }

Q_SIGNALS:
    void rendered(int sheet);

private:
    void run();
    void deliver(const Request &request, quint64 generation, const QImage &image);

    // Shared with the thread.
    QMutex m_mutex;
    QWaitCondition m_wake;
    QWaitCondition m_idle;
    QList<Request> m_queue;
    QPdfDocument *m_document = nullptr;
    quint64 m_generation = 0;
    std::optional<Request> m_busy;
    // Taken by the thread and not yet delivered.
    QSet<Request> m_taken;
    bool m_stop = false;

    // The GUI thread's own.
    QThread *m_thread;
    QList<Request> m_wanted;
    QCache<Request, QImage> m_cache;
    QHash<int, QList<QSize>> m_sizes;
    QSet<Request> m_failed;
    qint64 m_peakBytes = 0;
};

size_t qHash(const SheetRenderer::Request &request, size_t seed = 0);

} // namespace Glosa
