#pragma once

#include <QDialog>

class QPlainTextEdit;

namespace Glosa {

class CommentField;

// Asks for the first comment of a new thread, showing the passage it is about.
class CommentEditor : public QDialog
{
    Q_OBJECT
public:
    CommentEditor(const QString &quote, QWidget *parent = nullptr);

    QString text() const;
    QPlainTextEdit *editor() const;
    CommentField *field() const { return m_field; }

private:
    CommentField *m_field;
};

} // namespace Glosa
