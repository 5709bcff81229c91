#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace Glosa {

// The box a comment is written in. Tab moves the focus on, Ctrl+Enter asks to send, Escape to
// cancel; near the length limit a counter says how many characters are left, or how many over.
class CommentField : public QWidget
{
    Q_OBJECT
public:
    explicit CommentField(QWidget *parent = nullptr);

    QPlainTextEdit *editor() const { return m_editor; }
    QString text() const;
    void setText(const QString &text);
    // Why the text cannot be sent, for people; empty when it can.
    QString problem() const;
    bool isSendable() const { return problem().isEmpty(); }
    QLabel *counter() const { return m_counter; }

    // The counter shows from this many characters left.
    static constexpr int CounterFrom = 1000;

Q_SIGNALS:
    void textChanged();
    void submitRequested();
    void cancelRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateCounter();

    QPlainTextEdit *m_editor;
    QLabel *m_counter;
};

} // namespace Glosa
