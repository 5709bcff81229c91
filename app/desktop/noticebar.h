#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace Glosa {

// A message about the document, shown above it until the user closes it or another replaces
// it: what happened to the chats when the document changed.
class NoticeBar : public QFrame
{
    Q_OBJECT
public:
    explicit NoticeBar(QWidget *parent = nullptr);

    void showNotice(const QString &text);
    QString text() const;
    QToolButton *closeButton() const { return m_close; }

private:
    QLabel *m_text;
    QToolButton *m_close;
};

} // namespace Glosa
