#include "commenteditor.h"

#include "commentfield.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Glosa {

CommentEditor::CommentEditor(const QString &quote, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_field(new CommentField(this))
{
    const bool creating = mode == Mode::NewChat;
    setWindowTitle(creating ? tr("New thread") : tr("Edit comment"));
    setObjectName(u"commentEditor"_s);
    auto *layout = new QVBoxLayout(this);
    auto *passage = new QLabel(this);
    const QString shown = quote.size() > 200 ? quote.left(200) + u'…' : quote;
    passage->setText(u"<i>“%1”</i>"_s.arg(shown.toHtmlEscaped()));
    passage->setWordWrap(true);
    layout->addWidget(passage);
    if (creating)
        m_field->editor()->setPlaceholderText(tr("Start the discussion…"));
    m_field->editor()->setAccessibleName(tr("Comment"));
    layout->addWidget(m_field);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(creating ? tr("Comment") : tr("Save"));
    const QString okTip =
        creating ? tr("Start the thread (Ctrl+Enter)") : tr("Save the comment (Ctrl+Enter)");
    const auto update = [this, ok, okTip] {
        const QString problem = m_field->problem();
        ok->setEnabled(problem.isEmpty());
        ok->setToolTip(problem.isEmpty() ? okTip : problem);
    };
    connect(m_field, &CommentField::textChanged, this, update);
    connect(m_field, &CommentField::textChanged, this, &CommentEditor::saveDraft);
    update();
    connect(m_field, &CommentField::submitRequested, this, [this] {
        if (m_field->isSendable())
            accept();
    });
    connect(m_field, &CommentField::cancelRequested, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(420, 220);
}

void CommentEditor::setOriginal(const QString &text)
{
    m_original = text;
    m_field->setText(text);
}

void CommentEditor::keepDraft(DraftStore *drafts, const QString &key, const Anchor &anchor)
{
    m_drafts = drafts;
    m_key = key;
    m_anchor = anchor;
    const DraftStore::Draft kept = drafts->draft(key);
    // A draft of a passage whose text has changed since is not this passage's.
    if (!kept.text.isEmpty() && kept.anchor.exact == anchor.exact)
        m_field->setText(kept.text);
    saveDraft();
}

QString CommentEditor::text() const
{
    return m_field->text();
}

QPlainTextEdit *CommentEditor::editor() const
{
    return m_field->editor();
}

void CommentEditor::saveDraft()
{
    if (!m_drafts)
        return;
    const QString text = m_field->text();
    m_drafts->setDraft(m_key, {text == m_original ? QString() : text, m_anchor});
}

void CommentEditor::accept()
{
    // What is accepted is sent: it is no longer a draft.
    if (m_drafts)
        m_drafts->remove(m_key);
    QDialog::accept();
}

void CommentEditor::reject()
{
    const QString text = m_field->text();
    if (text.trimmed().isEmpty() || text == m_original) {
        if (m_drafts)
            m_drafts->remove(m_key);
        return QDialog::reject();
    }
    QMessageBox ask(QMessageBox::Question, windowTitle(),
                    m_mode == Mode::NewChat ? tr("Discard this comment?")
                                            : tr("Discard your changes to the comment?"),
                    QMessageBox::Discard | QMessageBox::Cancel, this);
    ask.button(QMessageBox::Cancel)->setText(tr("Keep Writing"));
    if (m_drafts) {
        ask.addButton(QMessageBox::Save)->setText(tr("Keep as Draft"));
        ask.setInformativeText(m_mode == Mode::NewChat
                                   ? tr("A draft comes back when you comment on the same "
                                        "passage again.")
                                   : tr("A draft comes back when you edit the comment again."));
    }
    ask.setDefaultButton(QMessageBox::Cancel);
    switch (ask.exec()) {
    case QMessageBox::Discard:
        if (m_drafts)
            m_drafts->remove(m_key);
        QDialog::reject();
        break;
    case QMessageBox::Save:
        QDialog::reject();
        break;
    default:
        m_field->setFocus();
        break;
    }
}

} // namespace Glosa
