#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace Glosa {

// Asks for the first comment of a new thread, showing the passage it is about.
class CommentEditor : public QDialog
{
    Q_OBJECT
public:
    CommentEditor(const QString &quote, QWidget *parent = nullptr);

    QString text() const;
    QPlainTextEdit *editor() const { return m_editor; }

private:
    QPlainTextEdit *m_editor;
};

} // namespace Glosa
