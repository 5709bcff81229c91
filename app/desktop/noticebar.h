#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;
class QToolButton;

namespace Glosa {

// A message about the document, shown above it until the user closes it or another replaces
// it: what happened to the chats when the document changed, a thread that arrived elsewhere in
// it. It may offer one action, a button that hides the message and does it.
class NoticeBar : public QFrame
{
    Q_OBJECT
public:
    explicit NoticeBar(QWidget *parent = nullptr);

    void showNotice(const QString &text, const QString &action = {},
                    std::function<void()> onAction = {});
    QString text() const;
    QToolButton *closeButton() const { return m_close; }
    QPushButton *actionButton() const { return m_action; }

private:
    QLabel *m_text;
    QPushButton *m_action;
    QToolButton *m_close;
    std::function<void()> m_onAction;
};

} // namespace Glosa
