#include "mentionsdialog.h"

#include "chatdelegate.h"
#include "chatlink.h"
#include "mainwindow.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Glosa {

MentionsDialog::MentionsDialog(MentionInbox *inbox, MainWindow *window)
    : QDialog(window)
    , m_inbox(inbox)
    , m_window(window)
    , m_list(new QListWidget(this))
{
    setWindowTitle(tr("Mentions"));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(480, 420);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Comments that mention you, in the pages you have opened."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    layout->addWidget(m_list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_open = buttons->addButton(tr("Open Thread"), QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_open, &QPushButton::clicked, this, [this] { openMention(m_list->currentRow()); });
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { openMention(m_list->row(item)); });
    connect(m_list, &QListWidget::currentRowChanged, this,
            [this](int row) { m_open->setEnabled(row >= 0); });
    connect(inbox, &MentionInbox::changed, this, &MentionsDialog::fill);
    fill();
}

void MentionsDialog::fill()
{
    m_list->clear();
    for (const MentionInbox::Mention &mention : m_inbox->mentions()) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(mention.at);
        auto *item =
            new QListWidgetItem(tr("%1 in “%2” · %3\n%4")
                                    .arg(mention.author.name, mention.title,
                                         ChatDelegate::relativeTime(at), mention.text.simplified()),
                                m_list);
        item->setToolTip(QLocale().toString(at, QLocale::LongFormat));
    }
    if (m_list->count() == 0)
        new QListWidgetItem(tr("Nobody has mentioned you yet. Type @ and a name in a comment to "
                               "mention someone."),
                            m_list);
    m_list->setCurrentRow(m_inbox->mentions().isEmpty() ? -1 : 0);
    m_list->setEnabled(!m_inbox->mentions().isEmpty());
    m_open->setEnabled(m_list->currentRow() >= 0);
}

void MentionsDialog::openMention(int row)
{
    if (row < 0 || row >= m_inbox->mentions().size())
        return;
    const MentionInbox::Mention &mention = m_inbox->mentions().at(row);
    if (m_window->openLink({mention.server, mention.tenant, mention.page, mention.chatId}))
        accept();
}

} // namespace Glosa
