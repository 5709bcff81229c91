#pragma once

#include "mentioninbox.h"

#include <QObject>

namespace Glosa {

// Tells the user at once of a new mention: a desktop notification (freedesktop notifications
// over D-Bus, else the system tray's message), and the windows asking for attention.
class MentionNotifier : public QObject
{
    Q_OBJECT
public:
    explicit MentionNotifier(MentionInbox *inbox, QObject *parent = nullptr);

Q_SIGNALS:
    // The user was told of a mention.
    void notified(const QString &summary, const QString &body);

private:
    void notify(const MentionInbox::Mention &mention);
};

} // namespace Glosa
