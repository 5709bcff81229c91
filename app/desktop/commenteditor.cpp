#include "commenteditor.h"

#include "protocollimits.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Glosa {

CommentEditor::CommentEditor(const QString &quote, QWidget *parent)
    : QDialog(parent)
    , m_editor(new QPlainTextEdit(this))
{
    setWindowTitle(tr("New thread"));
    setObjectName(u"commentEditor"_s);
    auto *layout = new QVBoxLayout(this);
    auto *passage = new QLabel(this);
    const QString shown = quote.size() > 200 ? quote.left(200) + u'…' : quote;
    passage->setText(u"<i>“%1”</i>"_s.arg(shown.toHtmlEscaped()));
    passage->setWordWrap(true);
    layout->addWidget(passage);
    m_editor->setPlaceholderText(tr("Start the discussion…"));
    m_editor->setAccessibleName(tr("Comment"));
    layout->addWidget(m_editor);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Comment"));
    ok->setEnabled(false);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this, ok] {
        const QString t = m_editor->toPlainText();
        ok->setEnabled(!t.trimmed().isEmpty() && t.size() <= Limits::CommentTextMax);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(420, 220);
}

QString CommentEditor::text() const
{
    return m_editor->toPlainText();
}

} // namespace Glosa
