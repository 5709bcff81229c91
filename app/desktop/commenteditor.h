#pragma once

#include "draftstore.h"

#include <QDialog>
#include <QPointer>

class QPlainTextEdit;

namespace Glosa {

class CommentField;

// Asks for the first comment of a new chat, or for the new text of a comment, showing the
// passage it is about. What is typed is kept as a draft while the dialog is open; closing it
// with something unsent asks whether to keep the draft, discard it or go on writing.
class CommentEditor : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { NewChat, Edit };

    explicit CommentEditor(const QString &quote, Mode mode = Mode::NewChat,
                           QWidget *parent = nullptr);

    // The comment's text as it is, for an edit.
    void setOriginal(const QString &text);
    // Keeps the text in `drafts` under `key` as it is typed, starting from a draft kept there.
    void keepDraft(DraftStore *drafts, const QString &key, const Anchor &anchor);

    QString text() const;
    QPlainTextEdit *editor() const;
    CommentField *field() const { return m_field; }

    void accept() override;
    void reject() override;

private:
    void saveDraft();

    Mode m_mode;
    CommentField *m_field;
    QString m_original;
    QPointer<DraftStore> m_drafts;
    QString m_key;
    Anchor m_anchor;
};

} // namespace Glosa
