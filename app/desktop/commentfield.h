#pragma once

#include <QPointer>
#include <QWidget>

class QCompleter;
class QLabel;
class QPlainTextEdit;
class QStringListModel;

namespace Glosa {

class PageSession;

// The box a comment is written in. Tab moves the focus on, Ctrl+Enter asks to send, Escape to
// cancel; near the length limit a counter says how many characters are left, or how many over.
// Typing @ and the start of a name offers the names of the page's people to mention.
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
    // The people whose names @ completes: those of `session`'s page, the user excepted.
    void setPeopleOf(PageSession *session);
    QCompleter *completer() const { return m_completer; }

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
    // Offers the names that complete the @name being typed, if any.
    void updateCompletion();
    void insertMention(const QString &name);
    // The length of the @name being typed before the cursor, the @ included; -1 where none.
    qsizetype mentionTyped() const;

    QPlainTextEdit *m_editor;
    QLabel *m_counter;
    QPointer<PageSession> m_session;
    QCompleter *m_completer;
    QStringListModel *m_names;
};

} // namespace Glosa
