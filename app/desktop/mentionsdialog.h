#pragma once

#include "mentioninbox.h"

#include <QDialog>

class QListWidget;
class QPushButton;

namespace Glosa {

class MainWindow;

// The Mentions view: the comments that mention the user across the pages they have opened,
// newest first; opening one opens its thread in the window (as a link to it would).
class MentionsDialog : public QDialog
{
    Q_OBJECT
public:
    MentionsDialog(MentionInbox *inbox, MainWindow *window);

    QListWidget *list() const { return m_list; }
    // Opens the thread of the mention in row `row`.
    void openMention(int row);

private:
    void fill();

    MentionInbox *m_inbox;
    MainWindow *m_window;
    QListWidget *m_list;
    QPushButton *m_open;
};

} // namespace Glosa
