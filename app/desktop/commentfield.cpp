#include "commentfield.h"

#include "protocollimits.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Glosa {

CommentField::CommentField(QWidget *parent)
    : QWidget(parent)
    , m_editor(new QPlainTextEdit(this))
    , m_counter(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_editor->setTabChangesFocus(true);
    m_editor->installEventFilter(this);
    layout->addWidget(m_editor);
    m_counter->setObjectName(u"characterCount"_s);
    m_counter->setAlignment(Qt::AlignRight);
    m_counter->hide();
    layout->addWidget(m_counter);
    setFocusProxy(m_editor);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        updateCounter();
        Q_EMIT textChanged();
    });
}

QString CommentField::text() const
{
    return m_editor->toPlainText();
}

void CommentField::setText(const QString &text)
{
    if (text == m_editor->toPlainText())
        return;
    m_editor->setPlainText(text);
    m_editor->moveCursor(QTextCursor::End);
}

QString CommentField::problem() const
{
    // Lengths count UTF-16 code units, as the server does.
    const QString t = m_editor->toPlainText();
    if (t.trimmed().isEmpty())
        return tr("Write something first.");
    if (t.size() > Limits::CommentTextMax)
        return tr("The text is %n character(s) over the limit of %1.", nullptr,
                  int(t.size()) - Limits::CommentTextMax)
            .arg(QLocale().toString(Limits::CommentTextMax));
    return {};
}

void CommentField::updateCounter()
{
    const int left = Limits::CommentTextMax - int(m_editor->toPlainText().size());
    m_counter->setVisible(left <= CounterFrom);
    if (left >= 0) {
        m_counter->setText(tr("%n character(s) left", nullptr, left));
        m_counter->setStyleSheet({});
    } else {
        m_counter->setText(tr("%n character(s) over the limit", nullptr, -left));
        m_counter->setStyleSheet(u"QLabel { color: #b3261e; font-weight: bold; }"_s);
    }
}

bool CommentField::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers().testFlag(Qt::ControlModifier)) {
            Q_EMIT submitRequested();
            return true;
        }
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
            Q_EMIT cancelRequested();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Glosa
