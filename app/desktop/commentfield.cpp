#include "commentfield.h"

#include "pagesession.h"
#include "protocollimits.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Glosa {

CommentField::CommentField(QWidget *parent)
    : QWidget(parent)
    , m_editor(new QPlainTextEdit(this))
    , m_counter(new QLabel(this))
    , m_completer(new QCompleter(this))
    , m_names(new QStringListModel(this))
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
    m_completer->setModel(m_names);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setWidget(m_editor);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &CommentField::insertMention);
    // Ahead of the completer, which gives these keys to the editor first.
    m_completer->popup()->installEventFilter(this);
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this,
            &CommentField::updateCompletion);
}

void CommentField::setPeopleOf(PageSession *session)
{
    m_session = session;
}

qsizetype CommentField::mentionTyped() const
{
    const QTextCursor cursor = m_editor->textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    const qsizetype at = before.lastIndexOf(u'@');
    if (at < 0 || (at > 0 && before.at(at - 1).isLetterOrNumber()) ||
        before.size() - at > Limits::NameMax + 1)
        return -1;
    return before.size() - at;
}

void CommentField::updateCompletion()
{
    const qsizetype typed = m_session ? mentionTyped() : -1;
    if (typed < 0) {
        m_completer->popup()->hide();
        return;
    }
    const QTextCursor cursor = m_editor->textCursor();
    const QString prefix =
        cursor.block().text().mid(cursor.positionInBlock() - typed + 1, typed - 1);
    const QString me = m_session->client()->user().id;
    QStringList names;
    for (const Author &person : m_session->people()) {
        if (person.id != me && person.name.startsWith(prefix, Qt::CaseInsensitive) &&
            person.name != prefix && !names.contains(person.name))
            names.append(person.name);
    }
    if (names.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    names.sort(Qt::CaseInsensitive);
    m_names->setStringList(names);
    m_completer->setCompletionPrefix(prefix);
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    QRect rect = m_editor->cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0) +
                  m_completer->popup()->verticalScrollBar()->sizeHint().width());
    m_completer->complete(rect);
}

void CommentField::insertMention(const QString &name)
{
    const qsizetype typed = mentionTyped();
    if (typed < 0 || name.isEmpty())
        return;
    QTextCursor cursor = m_editor->textCursor();
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, int(typed));
    cursor.insertText(u'@' + name + u' ');
    m_editor->setTextCursor(cursor);
    m_completer->popup()->hide();
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
    // Return, Enter or Tab among the names offered takes the current one.
    if (watched == m_completer->popup() && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Tab) {
            QModelIndex current = m_completer->popup()->currentIndex();
            if (!current.isValid())
                current = m_completer->completionModel()->index(0, 0);
            insertMention(current.data().toString());
            return true;
        }
    }
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
