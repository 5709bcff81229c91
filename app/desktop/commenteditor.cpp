#include "commenteditor.h"

#include "commentfield.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Glosa {

CommentEditor::CommentEditor(const QString &quote, QWidget *parent)
    : QDialog(parent)
    , m_field(new CommentField(this))
{
    setWindowTitle(tr("New thread"));
    setObjectName(u"commentEditor"_s);
    auto *layout = new QVBoxLayout(this);
    auto *passage = new QLabel(this);
    const QString shown = quote.size() > 200 ? quote.left(200) + u'…' : quote;
    passage->setText(u"<i>“%1”</i>"_s.arg(shown.toHtmlEscaped()));
    passage->setWordWrap(true);
    layout->addWidget(passage);
    m_field->editor()->setPlaceholderText(tr("Start the discussion…"));
    m_field->editor()->setAccessibleName(tr("Comment"));
    layout->addWidget(m_field);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Comment"));
    const auto update = [this, ok] {
        const QString problem = m_field->problem();
        ok->setEnabled(problem.isEmpty());
        ok->setToolTip(problem.isEmpty() ? tr("Start the thread (Ctrl+Enter)") : problem);
    };
    connect(m_field, &CommentField::textChanged, this, update);
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

QString CommentEditor::text() const
{
    return m_field->text();
}

QPlainTextEdit *CommentEditor::editor() const
{
    return m_field->editor();
}

} // namespace Glosa
