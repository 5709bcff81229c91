#pragma once

#include "messages.h"

#include <QCryptographicHash>
#include <QHash>
#include <QObject>

#include <atomic>
#include <memory>

namespace Glosa {

class Recipient;
class StoreThread;

// The bytes of PDFs, moving in pieces (put-content, get-content). A connection's upload is
// gathered here piece by piece, checked once complete (its sha256, that it is a PDF) and stored;
// pieces of stored content are read for whoever asks. Contents are read and stored on the
// store's threads.
class ContentTransfers : public QObject
{
    Q_OBJECT
public:
    ContentTransfers(StoreThread *reads, StoreThread *writer, QObject *parent = nullptr);
    ~ContentTransfers() override;

    void put(Recipient *from, const QString &tenant, const User &user, const PutContent &put);
    void get(Recipient *from, const QString &tenant, const GetContent &get);
    // Ends the upload of `from`, if it has one: its next piece is to be piece 0.
    void drop(Recipient *from);

    // The bytes of unfinished uploads the whole server holds at most.
    static constexpr qint64 HeldBytes = 256 * 1024 * 1024;
    // The get-content requests of a connection that may wait for their answers.
    static constexpr int PendingReads = 4;

private:
    struct Upload;
    // What a connection is moving, forgotten when it goes.
    struct Peer
    {
        std::shared_ptr<Upload> upload;
        int pendingReads = 0;
    };
    Peer &peer(Recipient *from);

    StoreThread *m_reads;
    StoreThread *m_writer;
    QHash<Recipient *, Peer> m_peers;
    static std::atomic<qint64> s_held;
};

} // namespace Glosa
