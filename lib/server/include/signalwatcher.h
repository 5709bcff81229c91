#pragma once

#include <QObject>

class QSocketNotifier;

namespace Glosa {

// Turns SIGINT and SIGTERM into a Qt signal, through a socket pair written from the handler.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Glosa
