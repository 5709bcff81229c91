#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QListWidget;

namespace Glosa {

class AnchorIndex;
class PageSession;

// The chats whose passage is no longer in the document, each with the quote it was about
// and how it began; choosing one opens it. Hidden while every chat has its place.
class OrphanList : public QWidget
{
    Q_OBJECT
public:
    explicit OrphanList(QWidget *parent = nullptr);

    void setIndex(PageSession *session, AnchorIndex *index);
    QListWidget *list() const { return m_list; }
    QLabel *heading() const { return m_heading; }

Q_SIGNALS:
    void chatSelected(const QString &chatId);

private:
    void refresh();

    QPointer<PageSession> m_session;
    QPointer<AnchorIndex> m_index;
    QLabel *m_heading;
    QListWidget *m_list;
    QTimer m_refresh;
};

} // namespace Glosa
