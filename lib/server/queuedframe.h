#pragma once

#include <QByteArray>
#include <QExplicitlySharedDataPointer>
#include <QSharedData>

namespace Glosa {

// A frame waiting in a connection's queue: a reference (8 bytes) to bytes that every connection
// queueing the same frame shares, as the recipients of a broadcast do (see Batcher::queued()).
class QueuedFrame
{
public:
    QueuedFrame() = default;
    const QByteArray &bytes() const { return m_d->bytes; }
    qsizetype size() const { return m_d->bytes.size(); }
    bool isSameAs(const QueuedFrame &other) const { return m_d == other.m_d; }

private:
    friend class Batcher;
    struct Data : QSharedData
    {
        QByteArray bytes;
    };
    explicit QueuedFrame(const Data *d)
        : m_d(d)
    {}
    QExplicitlySharedDataPointer<const Data> m_d;
};

} // namespace Glosa
