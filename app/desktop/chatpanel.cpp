#include "chatpanel.h"

#include "chatdelegate.h"
#include "chatmodel.h"
#include "commenteditor.h"
#include "commentfield.h"

#include <algorithm>

#include <QClipboard>
#include <QComboBox>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Glosa {

ChatPanel::ChatPanel(QWidget *parent)
    : QWidget(parent)
    , m_proxy(new ChatFilter(this))
    , m_filter(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_author(new QComboBox(this))
    , m_banner(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_delegate(new ChatDelegate(this))
    , m_reply(new CommentField(this))
    , m_send(new QPushButton(tr("Reply"), this))
    , m_resolve(new QPushButton(this))
    , m_delete(new QPushButton(QIcon(u":/icons/delete.svg"_s), tr("Delete thread"), this))
    , m_deletedNotice(new QFrame(this))
    , m_deletedText(new QLabel(m_deletedNotice))
    , m_newFromDraft(new QPushButton(tr("New Thread with It"), m_deletedNotice))
{
    setObjectName(u"chatPanel"_s);
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
    // Searching as one types, and one author's threads.
    auto *searching = new QHBoxLayout;
    m_search->setObjectName(u"searchThreads"_s);
    m_search->setPlaceholderText(tr("Search threads"));
    m_search->setAccessibleName(tr("Search threads"));
    m_search->setClearButtonEnabled(true);
    searching->addWidget(m_search, 1);
    m_author->setObjectName(u"threadAuthor"_s);
    m_author->setAccessibleName(tr("Threads of"));
    m_author->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_author->addItem(tr("Anyone"), QString());
    searching->addWidget(m_author);
    layout->addLayout(searching);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setQuery(text);
        updateEmpty();
    });
    connect(m_author, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setAuthor(m_author->currentData().toString());
        updateEmpty();
    });

    m_banner->setObjectName(u"problem"_s);
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(u"QLabel { background: #fde8e8; color: #7a1f1f; border-radius: 6px; "
                            "padding: 6px 8px; }"_s);
    m_banner->hide();
    layout->addWidget(m_banner);
    m_bannerTimer.setSingleShot(true);
    m_bannerTimer.setInterval(8000);
    connect(&m_bannerTimer, &QTimer::timeout, m_banner, &QLabel::hide);
    m_banner->setTextFormat(Qt::RichText);
    connect(m_banner, &QLabel::linkActivated, this, [this] {
        m_banner->hide();
        if (m_bannerAction)
            m_bannerAction();
    });

    m_proxy->setDynamicSortFilter(true);
    m_view->setObjectName(u"chatList"_s);
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
    m_empty->setObjectName(u"noChats"_s);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setStyleSheet(u"QLabel { color: palette(placeholder-text); padding: 24px; }"_s);
    layout->addWidget(m_empty, 1);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &ChatPanel::updateEmpty);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ChatPanel::updateEmpty);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ChatPanel::updateEmpty);
    connect(m_delegate, &ChatDelegate::repaintNeeded, m_view->viewport(),
            qOverload<>(&QWidget::update));

    m_deletedNotice->setObjectName(u"deletedChatNotice"_s);
    m_deletedNotice->setStyleSheet(u"#deletedChatNotice { background: #fff4d6; "
                                   "border-radius: 6px; }"_s);
    auto *notice = new QVBoxLayout(m_deletedNotice);
    m_deletedText->setWordWrap(true);
    notice->addWidget(m_deletedText);
    auto *choices = new QHBoxLayout;
    m_newFromDraft->setObjectName(u"newChatFromDraft"_s);
    m_newFromDraft->setToolTip(tr("Start a new thread on the same passage with your reply"));
    auto *copy = new QPushButton(tr("Copy"), m_deletedNotice);
    copy->setObjectName(u"copyDraft"_s);
    copy->setToolTip(tr("Copy your reply to the clipboard"));
    auto *discard = new QPushButton(tr("Discard"), m_deletedNotice);
    discard->setObjectName(u"discardDraft"_s);
    choices->addWidget(m_newFromDraft);
    choices->addWidget(copy);
    choices->addStretch(1);
    choices->addWidget(discard);
    notice->addLayout(choices);
    m_deletedNotice->hide();
    layout->addWidget(m_deletedNotice);
    connect(m_newFromDraft, &QPushButton::clicked, this, [this] {
        const QString key = DraftStore::replyKey(m_replyChat);
        const DraftStore::Draft draft = m_drafts->draft(key);
        m_drafts->merge(DraftStore::newChatKey(draft.anchor), draft);
        m_drafts->remove(key);
        leaveDeleted();
        Q_EMIT newChatRequested(draft.anchor);
    });
    connect(copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_reply->text());
        m_drafts->remove(DraftStore::replyKey(m_replyChat));
        leaveDeleted();
    });
    connect(discard, &QPushButton::clicked, this, [this] {
        m_drafts->remove(DraftStore::replyKey(m_replyChat));
        leaveDeleted();
    });

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
    connect(m_send, &QPushButton::clicked, this, &ChatPanel::sendReply);
    connect(m_reply, &CommentField::textChanged, this, &ChatPanel::updateActions);
    connect(m_reply, &CommentField::textChanged, this, &ChatPanel::saveReply);
    connect(m_reply, &CommentField::submitRequested, this, &ChatPanel::sendReply);
    connect(m_reply, &CommentField::cancelRequested, this, &ChatPanel::cancelReply);
    connect(m_resolve, &QPushButton::clicked, this, [this] {
        const QString id = selectedChat();
        if (const Chat *chat = m_model ? m_model->session()->chat(id) : nullptr)
            m_model->session()->setResolved(id, !chat->resolved);
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const QString id = selectedChat();
        if (id.isEmpty() || !m_model)
            return;
        const QString key = DraftStore::replyKey(id);
        const QString question =
            m_drafts->text(key).isEmpty()
                ? tr("Delete this thread and all its comments for everyone?")
                : tr("Delete this thread and all its comments for everyone? Your unsent reply "
                     "to it is discarded too.");
        if (QMessageBox::question(this, tr("Delete thread"), question) != QMessageBox::Yes)
            return;
        m_drafts->remove(key);
        m_model->session()->deleteChat(id);
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &ChatPanel::contextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                m_view->setExpanded(current.parent().isValid() ? current.parent() : current, true);
                if (m_replyDeleted)
                    updateActions();
                else
                    bindReply(selectedChat());
                readSelected();
                Q_EMIT chatSelected(selectedChat());
            });
    updateActions();
    updateEmpty();
}

void ChatPanel::updateEmpty()
{
    const bool empty = m_proxy->rowCount() == 0;
    if (!m_proxy->query().isEmpty() || !m_proxy->author().isEmpty())
        m_empty->setText(tr("No threads match."));
    else if (m_proxy->filter() == Filter::Resolved)
        m_empty->setText(tr("No resolved threads."));
    else
        m_empty->setText(tr("No open threads yet.\n\nSelect a passage in the document and choose "
                            "Comment to start a discussion."));
    m_empty->setVisible(empty);
    m_view->setVisible(!empty);
}

void ChatPanel::setModel(ChatModel *model, AnchorIndex *index)
{
    if (m_model)
        m_model->disconnect(this);
    if (m_session) {
        m_session->disconnect(this);
        m_session->client()->disconnect(this);
    }
    if (m_drafts)
        m_drafts->disconnect(this);
    m_model = model;
    m_session = model->session();
    m_reply->setPeopleOf(m_session);
    m_drafts = DraftStore::open(m_session->client()->options());
    m_replyDeleted = false;
    connect(m_session, &PageSession::chatRemoved, this, &ChatPanel::onChatRemoved);
    connect(m_session, &PageSession::chatsReset, this, &ChatPanel::findDeletedDrafts);
    connect(m_session, &PageSession::changeRejected, this, &ChatPanel::onRejected);
    // A reply arriving in the chat being looked at is read at once.
    connect(m_session, &PageSession::chatChanged, this, [this](const QString &chatId) {
        if (chatId == selectedChat())
            readSelected();
    });
    // The welcome says who the user is, and so what they may do.
    connect(m_session->client(), &SyncClient::welcomed, this, &ChatPanel::updateActions);
    // Another window on the page may write to the same draft.
    connect(m_drafts.get(), &DraftStore::draftChanged, this, [this](const QString &key) {
        if (key == DraftStore::replyKey(m_replyChat))
            m_reply->setText(m_drafts->text(key));
    });
    m_delegate->setAnchorIndex(index);
    m_proxy->setSourceModel(model);
    connect(model, &QAbstractItemModel::dataChanged, this, &ChatPanel::updateActions);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model, signal, this, &ChatPanel::updateAuthors);
    connect(model, &QAbstractItemModel::modelReset, this, &ChatPanel::updateAuthors);
    updateAuthors();
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
    bindReply(selectedChat());
    if (m_session->client()->state() == SyncClient::State::Live)
        findDeletedDrafts();
}

void ChatPanel::setFilter(Filter filter)
{
    m_proxy->setFilter(filter);
    updateEmpty();
    const int i = m_filter->findData(QVariant::fromValue(filter));
    if (i != m_filter->currentIndex())
        m_filter->setCurrentIndex(i);
}

void ChatPanel::updateAuthors()
{
    QMap<QString, QString> names; // by id
    for (int row = 0, rows = m_model ? m_model->rowCount() : 0; row < rows; ++row) {
        const QModelIndex chat = m_model->index(row, 0);
        for (int i = 0, n = m_model->rowCount(chat); i < n; ++i) {
            const QModelIndex comment = m_model->index(i, 0, chat);
            const QString id = comment.data(ChatModel::AuthorIdRole).toString();
            if (!id.isEmpty())
                names.insert(id, comment.data(ChatModel::AuthorNameRole).toString());
        }
    }
    const QString chosen = m_author->currentData().toString();
    QList<std::pair<QString, QString>> people;
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        people.append({it.value(), it.key()});
    std::sort(people.begin(), people.end(),
              [](const auto &a, const auto &b) { return a.first.localeAwareCompare(b.first) < 0; });
    const QSignalBlocker blocker(m_author);
    while (m_author->count() > 1)
        m_author->removeItem(1);
    for (const auto &[name, id] : std::as_const(people))
        m_author->addItem(name, id);
    // Whoever was chosen stays chosen while they have a thread.
    const int keep = m_author->findData(chosen);
    m_author->setCurrentIndex(keep >= 0 ? keep : 0);
    if (keep < 0 && !chosen.isEmpty())
        m_proxy->setAuthor({});
}

void ChatPanel::search(const QString &query, const QString &authorId)
{
    m_search->setText(query);
    const int i = m_author->findData(authorId);
    m_author->setCurrentIndex(i >= 0 ? i : 0);
}

void ChatPanel::selectNext(bool backwards)
{
    const int rows = m_proxy->rowCount();
    if (rows == 0)
        return;
    QModelIndex current = m_view->currentIndex();
    if (current.parent().isValid())
        current = current.parent();
    const int row = !current.isValid() ? (backwards ? rows - 1 : 0)
                                       : (current.row() + (backwards ? rows - 1 : 1)) % rows;
    const QModelIndex next = m_proxy->index(row, 0);
    m_view->setCurrentIndex(next);
    m_view->setExpanded(next, true);
    m_view->scrollTo(next);
}

bool ChatPanel::selectNextUnread()
{
    if (!m_model)
        return false;
    const int rows = m_model->rowCount();
    const QModelIndex current = m_model->indexOfChat(selectedChat());
    const int start = current.isValid() ? current.row() + 1 : 0;
    for (int i = 0; i < rows; ++i) {
        const QModelIndex chat = m_model->index((start + i) % rows, 0);
        if (chat.data(ChatModel::UnreadCountRole).toInt() > 0) {
            selectChat(m_model->chatIdAt(chat));
            readSelected();
            return true;
        }
    }
    return false;
}

void ChatPanel::readSelected()
{
    if (const QString chatId = selectedChat(); m_session && !chatId.isEmpty() && isActiveWindow())
        m_session->markRead(chatId);
}

bool ChatPanel::event(QEvent *event)
{
    // The window coming to the front shows the selected chat to the user.
    if (event->type() == QEvent::WindowActivate)
        readSelected();
    return QWidget::event(event);
}

void ChatPanel::selectChat(const QString &chatId)
{
    if (!m_model)
        return;
    QModelIndex index = m_proxy->mapFromSource(m_model->indexOfChat(chatId));
    if (!index.isValid()) {
        // Hidden by the filters: they give way.
        setFilter(Filter::All);
        search({});
        index = m_proxy->mapFromSource(m_model->indexOfChat(chatId));
    }
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->setExpanded(index, true);
    m_view->scrollTo(index);
}

QPlainTextEdit *ChatPanel::replyEditor() const
{
    return m_reply->editor();
}

QString ChatPanel::selectedChat() const
{
    if (!m_model)
        return {};
    return m_model->chatIdAt(m_proxy->mapToSource(m_view->currentIndex()));
}

void ChatPanel::showProblem(const QString &message, const QString &action,
                            std::function<void()> onAction)
{
    m_bannerAction = std::move(onAction);
    m_banner->setText(action.isEmpty() ? message.toHtmlEscaped()
                                       : u"%1 <a href=\"#\">%2</a>"_s.arg(message.toHtmlEscaped(),
                                                                          action.toHtmlEscaped()));
    m_banner->show();
    m_bannerTimer.start();
}

void ChatPanel::updateActions()
{
    const QString id = selectedChat();
    const Chat *chat = m_model && !id.isEmpty() ? m_model->session()->chat(id) : nullptr;
    const bool target = m_session && m_session->chat(m_replyChat);
    // A viewer reads only: every way to change the page says so.
    const QString readOnly =
        m_session && !m_session->canWrite() ? PageSession::readOnlyReason() : QString();
    m_reply->setEnabled(!m_replyChat.isEmpty() && readOnly.isEmpty());
    m_reply->setToolTip(readOnly);
    const QString problem = !readOnly.isEmpty() ? readOnly
                            : m_replyDeleted    ? tr("The thread was deleted.")
                            : target            ? m_reply->problem()
                                                : tr("Select the thread to reply to.");
    m_send->setEnabled(problem.isEmpty());
    m_send->setToolTip(problem.isEmpty() ? tr("Send the reply (Ctrl+Enter)") : problem);
    m_resolve->setEnabled(chat && readOnly.isEmpty());
    m_resolve->setText(chat && chat->resolved ? tr("Reopen") : tr("Resolve"));
    m_resolve->setToolTip(readOnly);
    const bool deletable = chat && m_session->canDeleteChat(id);
    m_delete->setEnabled(deletable);
    m_delete->setToolTip(!chat || deletable ? QString()
                         : !readOnly.isEmpty()
                             ? readOnly
                             : tr("Only the one who started this thread or a moderator may "
                                  "delete it."));
}

void ChatPanel::sendReply()
{
    if (!m_send->isEnabled())
        return;
    // Emptied first: a reply refused at once comes back into the box.
    const QString text = m_reply->text();
    m_reply->setText({});
    m_session->reply(m_replyChat, text);
}

void ChatPanel::cancelReply()
{
    if (m_reply->text().trimmed().isEmpty())
        return m_reply->setText({});
    if (QMessageBox::question(this, tr("Discard reply"), tr("Discard your unsent reply?"),
                              QMessageBox::Discard | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Discard)
        return;
    m_drafts->remove(DraftStore::replyKey(m_replyChat));
    if (m_replyDeleted)
        leaveDeleted();
}

void ChatPanel::bindReply(const QString &chatId)
{
    m_replyChat = chatId;
    m_replyDeleted = false;
    m_deletedNotice->hide();
    m_reply->editor()->setPlaceholderText(tr("Reply to the selected thread…"));
    m_reply->setText(m_drafts && !chatId.isEmpty() ? m_drafts->text(DraftStore::replyKey(chatId))
                                                   : QString());
    updateActions();
}

void ChatPanel::saveReply()
{
    if (!m_drafts || m_replyChat.isEmpty())
        return;
    const QString key = DraftStore::replyKey(m_replyChat);
    DraftStore::Draft draft = m_drafts->draft(key);
    draft.text = m_reply->text();
    if (const Chat *chat = m_session ? m_session->chat(m_replyChat) : nullptr)
        draft.anchor = chat->anchor;
    m_drafts->setDraft(key, draft);
}

void ChatPanel::onChatRemoved(const QString &chatId)
{
    if (!m_replyDeleted && !m_drafts->text(DraftStore::replyKey(chatId)).isEmpty())
        showDeleted(chatId);
}

void ChatPanel::findDeletedDrafts()
{
    if (m_replyDeleted) {
        // The chat may be back (a snapshot); otherwise the reply stays where it is.
        if (m_session->chat(m_replyChat))
            bindReply(selectedChat());
        return;
    }
    const QStringList keys = m_drafts->keys();
    for (const QString &key : keys) {
        const QString chatId = DraftStore::chatOfReplyKey(key);
        if (!chatId.isEmpty() && !m_session->chat(chatId))
            return showDeleted(chatId);
    }
}

void ChatPanel::showDeleted(const QString &chatId)
{
    const DraftStore::Draft draft = m_drafts->draft(DraftStore::replyKey(chatId));
    m_replyChat = chatId;
    m_replyDeleted = true;
    m_reply->setText(draft.text);
    const QString quote = draft.anchor.exact.simplified();
    m_deletedText->setText(tr("The thread on “%1” has been deleted. Your reply to it is kept here.")
                               .arg(quote.size() > 60 ? quote.left(60) + u'…' : quote));
    m_newFromDraft->setVisible(!draft.anchor.exact.isEmpty());
    m_deletedNotice->show();
    m_reply->editor()->setPlaceholderText({});
    updateActions();
}

void ChatPanel::leaveDeleted()
{
    bindReply(selectedChat());
    findDeletedDrafts();
}

void ChatPanel::onRejected(const QString &chatId, const QString &reason,
                           const PageSession::RefusedText &refused)
{
    using Kind = PageSession::RefusedText::Kind;
    const Chat *chat = m_session->chat(chatId);
    const Anchor anchor = chat ? chat->anchor : refused.anchor;
    switch (refused.kind) {
    case Kind::Reply:
        m_drafts->merge(DraftStore::replyKey(chatId), {refused.text, anchor});
        if (chat) {
            if (!m_replyDeleted)
                selectChat(chatId);
            showProblem(tr("%1 Your reply is back in its reply box.").arg(reason));
        } else {
            onChatRemoved(chatId);
            showProblem(reason);
        }
        break;
    case Kind::NewChat:
        m_drafts->merge(DraftStore::newChatKey(anchor), {refused.text, anchor});
        showProblem(reason, tr("Edit again"), [this, anchor] { Q_EMIT newChatRequested(anchor); });
        break;
    case Kind::Edit:
        m_drafts->setDraft(DraftStore::editKey(refused.commentId), {refused.text, anchor});
        showProblem(reason, tr("Edit again"), [this, chatId, commentId = refused.commentId] {
            editComment(chatId, commentId);
        });
        break;
    case Kind::None:
        showProblem(reason);
        break;
    }
}

void ChatPanel::editComment(const QString &chatId, const QString &commentId)
{
    const Chat *chat = m_session ? m_session->chat(chatId) : nullptr;
    if (!chat)
        return;
    const auto comment =
        std::find_if(chat->comments.cbegin(), chat->comments.cend(),
                     [&](const Comment &c) { return c.id == commentId && !c.deleted; });
    if (comment == chat->comments.cend())
        return;
    const QString original = comment->text;
    CommentEditor editor(chat->anchor.exact, CommentEditor::Mode::Edit, this);
    editor.setOriginal(original);
    editor.field()->setPeopleOf(m_session);
    editor.keepDraft(m_drafts.get(), DraftStore::editKey(commentId), chat->anchor);
    if (editor.exec() == QDialog::Accepted && editor.text() != original && m_session)
        m_session->editComment(chatId, commentId, editor.text());
}

void ChatPanel::contextMenu(const QPoint &at)
{
    const QModelIndex index = m_view->indexAt(at);
    if (!index.isValid() || !m_model)
        return;
    const QString chatId = m_model->chatIdAt(m_proxy->mapToSource(index));
    QMenu menu(this);
    menu.addAction(tr("Copy Link"), this, [this, chatId] { Q_EMIT linkRequested(chatId); })
        ->setObjectName(u"copyLinkAction"_s);
    const QString commentId = index.data(ChatModel::IdRole).toString();
    if (!index.data(ChatModel::IsChatRole).toBool() &&
        !index.data(ChatModel::DeletedRole).toBool() &&
        m_session->canChangeComment(chatId, commentId)) {
        menu.addSeparator();
        menu.addAction(tr("Edit…"), this,
                       [this, chatId, commentId] { editComment(chatId, commentId); });
        menu.addAction(QIcon(u":/icons/delete.svg"_s), tr("Delete…"), this,
                       [this, chatId, commentId] { deleteComment(chatId, commentId); });
    }
    menu.exec(m_view->viewport()->mapToGlobal(at));
}

void ChatPanel::deleteComment(const QString &chatId, const QString &commentId)
{
    if (QMessageBox::question(this, tr("Delete comment"),
                              tr("Delete this comment for everyone?")) == QMessageBox::Yes &&
        m_session)
        m_session->deleteComment(chatId, commentId);
}

} // namespace Glosa
