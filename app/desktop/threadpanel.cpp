#include "threadpanel.h"

#include "chatmodel.h"
#include "commentfield.h"
#include "pagesession.h"
#include "threaddelegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Glosa {

void ThreadPanel::ResolvedFilter::setFilter(Filter f)
{
    filter = f;
    invalidateFilter();
}

bool ThreadPanel::ResolvedFilter::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    if (parent.isValid() || filter == Filter::All)
        return true;
    const bool resolved =
        sourceModel()->index(row, 0, parent).data(ChatModel::ResolvedRole).toBool();
    return resolved == (filter == Filter::Resolved);
}

ThreadPanel::ThreadPanel(QWidget *parent)
    : QWidget(parent)
    , m_proxy(new ResolvedFilter(this))
    , m_filter(new QComboBox(this))
    , m_banner(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_delegate(new ThreadDelegate(this))
    , m_reply(new CommentField(this))
    , m_send(new QPushButton(tr("Reply"), this))
    , m_resolve(new QPushButton(this))
    , m_delete(new QPushButton(QIcon(u":/icons/delete.svg"_s), tr("Delete thread"), this))
{
    setObjectName(u"threadPanel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    auto *header = new QHBoxLayout;
    auto *title = new QLabel(tr("Threads"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    header->addWidget(title, 1);
    m_filter->addItem(tr("Open"), QVariant::fromValue(Filter::Open));
    m_filter->addItem(tr("Resolved"), QVariant::fromValue(Filter::Resolved));
    m_filter->addItem(tr("All"), QVariant::fromValue(Filter::All));
    m_filter->setAccessibleName(tr("Show threads"));
    header->addWidget(m_filter);
    layout->addLayout(header);

    m_banner->setObjectName(u"problem"_s);
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(u"QLabel { background: #fde8e8; color: #7a1f1f; border-radius: 6px; "
                            "padding: 6px 8px; }"_s);
    m_banner->hide();
    layout->addWidget(m_banner);
    m_bannerTimer.setSingleShot(true);
    m_bannerTimer.setInterval(8000);
    connect(&m_bannerTimer, &QTimer::timeout, m_banner, &QLabel::hide);

    m_proxy->setDynamicSortFilter(true);
    m_view->setObjectName(u"threadList"_s);
    m_view->setAccessibleName(tr("Threads"));
    m_view->setModel(m_proxy);
    m_view->setHeaderHidden(true);
    m_view->setItemDelegate(m_delegate);
    m_view->setIndentation(14);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(false);
    m_view->setWordWrap(true);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setExpandsOnDoubleClick(false);
    layout->addWidget(m_view, 1);
    m_empty->setObjectName(u"noThreads"_s);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setStyleSheet(u"QLabel { color: palette(placeholder-text); padding: 24px; }"_s);
    layout->addWidget(m_empty, 1);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &ThreadPanel::updateEmpty);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ThreadPanel::updateEmpty);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ThreadPanel::updateEmpty);
    connect(m_delegate, &ThreadDelegate::repaintNeeded, m_view->viewport(),
            qOverload<>(&QWidget::update));

    m_reply->editor()->setPlaceholderText(tr("Reply to the selected thread…"));
    m_reply->editor()->setAccessibleName(tr("Reply"));
    m_reply->editor()->setMaximumHeight(90);
    layout->addWidget(m_reply);
    auto *actions = new QHBoxLayout;
    m_resolve->setIcon(QIcon(u":/icons/resolve.svg"_s));
    actions->addWidget(m_resolve);
    actions->addWidget(m_delete);
    actions->addStretch(1);
    m_send->setObjectName(u"sendReply"_s);
    m_send->setDefault(true);
    actions->addWidget(m_send);
    layout->addLayout(actions);

    connect(m_filter, &QComboBox::currentIndexChanged, this,
            [this] { setFilter(m_filter->currentData().value<Filter>()); });
    connect(m_send, &QPushButton::clicked, this, &ThreadPanel::sendReply);
    connect(m_reply, &CommentField::textChanged, this, &ThreadPanel::updateActions);
    connect(m_reply, &CommentField::submitRequested, this, &ThreadPanel::sendReply);
    connect(m_resolve, &QPushButton::clicked, this, [this] {
        const QString id = selectedChat();
        if (const Chat *chat = m_model ? m_model->session()->chat(id) : nullptr)
            m_model->session()->setResolved(id, !chat->resolved);
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const QString id = selectedChat();
        if (id.isEmpty() || !m_model)
            return;
        if (QMessageBox::question(this, tr("Delete thread"),
                                  tr("Delete this thread and all its comments for everyone?")) ==
            QMessageBox::Yes)
            m_model->session()->deleteThread(id);
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &ThreadPanel::contextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                m_view->setExpanded(current.parent().isValid() ? current.parent() : current, true);
                updateActions();
                Q_EMIT chatSelected(selectedChat());
            });
    updateActions();
    updateEmpty();
}

void ThreadPanel::updateEmpty()
{
    const bool empty = m_proxy->rowCount() == 0;
    if (m_proxy->filter == Filter::Resolved)
        m_empty->setText(tr("No resolved threads."));
    else
        m_empty->setText(tr("No open threads yet.\n\nSelect a passage in the document and choose "
                            "Comment to start a discussion."));
    m_empty->setVisible(empty);
    m_view->setVisible(!empty);
}

void ThreadPanel::setModel(ChatModel *model, AnchorIndex *index)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    m_delegate->setAnchorIndex(index);
    m_proxy->setSourceModel(model);
    connect(model, &QAbstractItemModel::dataChanged, this, &ThreadPanel::updateActions);
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (parent.isValid())
                    return;
                for (int row = first; row <= last; ++row) {
                    const QModelIndex index = m_model->index(row, 0);
                    if (!index.data(ChatModel::PendingRole).toBool())
                        m_delegate->flash(index.data(ChatModel::IdRole).toString());
                }
            });
    updateActions();
}

void ThreadPanel::setFilter(Filter filter)
{
    m_proxy->setFilter(filter);
    updateEmpty();
    const int i = m_filter->findData(QVariant::fromValue(filter));
    if (i != m_filter->currentIndex())
        m_filter->setCurrentIndex(i);
}

void ThreadPanel::selectChat(const QString &chatId)
{
    if (!m_model)
        return;
    QModelIndex index = m_proxy->mapFromSource(m_model->indexOfChat(chatId));
    if (!index.isValid()) {
        setFilter(Filter::All);
        index = m_proxy->mapFromSource(m_model->indexOfChat(chatId));
    }
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->setExpanded(index, true);
    m_view->scrollTo(index);
}

QPlainTextEdit *ThreadPanel::replyEditor() const
{
    return m_reply->editor();
}

QString ThreadPanel::selectedChat() const
{
    if (!m_model)
        return {};
    return m_model->chatIdAt(m_proxy->mapToSource(m_view->currentIndex()));
}

void ThreadPanel::showProblem(const QString &message)
{
    m_banner->setText(message);
    m_banner->show();
    m_bannerTimer.start();
}

void ThreadPanel::updateActions()
{
    const QString id = selectedChat();
    const Chat *chat = m_model && !id.isEmpty() ? m_model->session()->chat(id) : nullptr;
    m_reply->setEnabled(chat);
    const QString problem = chat ? m_reply->problem() : tr("Select the thread to reply to.");
    m_send->setEnabled(problem.isEmpty());
    m_send->setToolTip(problem.isEmpty() ? tr("Send the reply (Ctrl+Enter)") : problem);
    m_resolve->setEnabled(chat);
    m_resolve->setText(chat && chat->resolved ? tr("Reopen") : tr("Resolve"));
    const QString me = m_model ? m_model->session()->client()->user().id : QString();
    m_delete->setEnabled(
        chat && (chat->author.id == me || m_model->session()->client()->user().isModerator()));
}

void ThreadPanel::sendReply()
{
    const QString id = selectedChat();
    if (id.isEmpty() || !m_reply->isSendable() || !m_model)
        return;
    m_model->session()->reply(id, m_reply->text());
    m_reply->setText({});
}

bool ThreadPanel::isOwn(const QModelIndex &index) const
{
    return m_model && index.data(ChatModel::AuthorIdRole).toString() ==
                          m_model->session()->client()->user().id;
}

void ThreadPanel::contextMenu(const QPoint &at)
{
    const QModelIndex index = m_view->indexAt(at);
    if (!index.isValid() || !m_model || index.data(ChatModel::IsThreadRole).toBool() ||
        index.data(ChatModel::DeletedRole).toBool() || !isOwn(index))
        return;
    const QString chatId = m_model->chatIdAt(m_proxy->mapToSource(index));
    const QString commentId = index.data(ChatModel::IdRole).toString();
    QMenu menu(this);
    menu.addAction(tr("Edit…"), this, [this, index, chatId, commentId] {
        bool ok = false;
        const QString text =
            QInputDialog::getMultiLineText(this, tr("Edit comment"), tr("Comment:"),
                                           index.data(ChatModel::TextRole).toString(), &ok);
        if (ok && !text.trimmed().isEmpty())
            m_model->session()->editComment(chatId, commentId, text);
    });
    menu.addAction(QIcon(u":/icons/delete.svg"_s), tr("Delete"), this, [this, chatId, commentId] {
        m_model->session()->deleteComment(chatId, commentId);
    });
    menu.exec(m_view->viewport()->mapToGlobal(at));
}

} // namespace Glosa
