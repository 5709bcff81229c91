#include "mainwindow.h"

#include "anchorindex.h"
#include "appcontext.h"
#include "chatlink.h"
#include "chatmodel.h"
#include "chatpanel.h"
#include "commenteditor.h"
#include "commentfield.h"
#include "contenttransfer.h"
#include "documentdirectory.h"
#include "documentview.h"
#include "draftstore.h"
#include "linkopener.h"
#include "mentionsdialog.h"
#include "noticebar.h"
#include "openfromserverdialog.h"
#include "orphanlist.h"
#include "pagesession.h"
#include "pdftextreader.h"
#include "pdfview.h"
#include "settingsdialog.h"
#include "threadexporter.h"
#include "topbar.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Glosa {

MainWindow::MainWindow(AppContext *context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_topBar(new TopBar(this))
    , m_views(new QStackedWidget(this))
    , m_view(new DocumentView(this))
    , m_pdfView(new PdfView(this))
    , m_panel(new ChatPanel(this))
    , m_orphans(new OrphanList(this))
    , m_notice(new NoticeBar(this))
    , m_newThreads(new NoticeBar(this))
    , m_find(new QLineEdit(this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_progress(new QProgressBar(this))
    , m_textReader(new PdfTextReader(this))
    , m_links(new LinkOpener(this, context))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowIcon(QIcon(u":/icons/glosa.svg"_s));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_topBar);
    layout->addWidget(m_notice);
    m_newThreads->setObjectName(u"newThreads"_s);
    m_newThreads->setAccessibleName(tr("New threads"));
    connect(m_newThreads->closeButton(), &QToolButton::clicked, this,
            [this] { m_announced.clear(); });
    layout->addWidget(m_newThreads);
    auto *splitter = new QSplitter(Qt::Horizontal, central);
    splitter->setObjectName(u"splitter"_s);
    m_views->addWidget(m_view);
    m_views->addWidget(m_pdfView);
    splitter->addWidget(m_views);
    // The chats, and below them those whose text is not in the document.
    auto *side = new QWidget(splitter);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->setSpacing(0);
    sideLayout->addWidget(m_panel, 1);
    sideLayout->addWidget(m_orphans);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);
    m_find->setObjectName(u"findBar"_s);
    m_find->setPlaceholderText(
        tr("Find in document (Enter: next, Shift+Enter: previous, Esc: close)"));
    m_find->setAccessibleName(tr("Find"));
    m_find->hide();
    layout->addWidget(m_find);
    setCentralWidget(central);

    connect(m_find, &QLineEdit::returnPressed, this,
            [this] { find(QApplication::keyboardModifiers() & Qt::ShiftModifier); });
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_find);
    connect(escape, &QShortcut::activated, m_find, &QWidget::hide);

    connect(m_view, &DocumentView::commentRequested, this, &MainWindow::startChat);
    connect(m_view, &DocumentView::chatClicked, m_panel, &ChatPanel::selectChat);
    connect(m_pdfView, &PdfView::commentRequested, this, &MainWindow::startChatOn);
    connect(m_pdfView, &PdfView::chatClicked, m_panel, &ChatPanel::selectChat);
    connect(m_panel, &ChatPanel::newChatRequested, this, &MainWindow::startChatOn);
    connect(m_panel, &ChatPanel::chatSelected, this, &MainWindow::revealChat);
    connect(m_panel, &ChatPanel::linkRequested, this, &MainWindow::copyLink);
    connect(m_orphans, &OrphanList::chatSelected, m_panel, &ChatPanel::selectChat);
    connect(m_textReader, &PdfTextReader::finished, this, &MainWindow::takePdfText);

    m_reload.setSingleShot(true);
    m_reload.setInterval(150);
    connect(&m_reload, &QTimer::timeout, this, &MainWindow::reloadFile);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, &m_reload, qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, &m_reload,
            qOverload<>(&QTimer::start));

    connect(m_topBar, &TopBar::settingsRequested, this, &MainWindow::showSettings);
    connect(m_context, &AppContext::settingsChanged, this, &MainWindow::applySettings);

    m_progress->setObjectName(u"transferProgress"_s);
    m_progress->setMaximumWidth(320);
    m_progress->setTextVisible(true);
    m_progress->hide();
    statusBar()->addPermanentWidget(m_progress);

    createMenus();
    QSettings settings;
    if (!restoreGeometry(settings.value(u"window/geometry"_s).toByteArray()))
        resize(1200, 780);
    splitter->restoreState(settings.value(u"window/splitter"_s).toByteArray());
    QStringList servers;
    for (const QUrl &url : m_context->serverUrls())
        servers.append(url.toString());
    if (!m_context->serverNotice().isEmpty())
        statusBar()->showMessage(m_context->serverNotice());
    else
        statusBar()->showMessage(
            m_context->hostsServer()
                ? tr("Serving on this computer")
                : tr("Server(s): %1", nullptr, int(servers.size())).arg(servers.join(u", "_s)),
            5000);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(QIcon(u":/icons/open.svg"_s), tr("&Open…"), QKeySequence::Open, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open Document"), {}, documentFilter());
        if (!path.isEmpty())
            openFile(path);
    });
    file->addAction(tr("Open from &Server…"), this, [this] {
        DocumentDirectory *directory = m_context->newDirectory(this);
        OpenFromServerDialog dialog(directory, this);
        if (dialog.exec() == QDialog::Accepted && !dialog.selected().page.isEmpty())
            openServerPage(dialog.selected().page, dialog.selected().title);
        directory->deleteLater();
    });
    file->addAction(tr("Open &Link…"), QKeySequence(u"Ctrl+Shift+O"_s), this,
                    &MainWindow::askForLink)
        ->setObjectName(u"openLinkAction"_s);
    m_recent = file->addMenu(tr("Open &Recent"));
    connect(m_context, &AppContext::recentFilesChanged, this, &MainWindow::updateRecentMenu);
    updateRecentMenu();
    file->addAction(tr("&Publish to Server"), this, &MainWindow::publish);
    file->addAction(tr("&Export Threads…"), this, [this] { ThreadExporter::ask(this); })
        ->setObjectName(u"exportThreads"_s);
    file->addSeparator();
    file->addAction(tr("&New Window"), QKeySequence(u"Ctrl+Shift+N"_s), this,
                    &MainWindow::newWindow);
    file->addAction(tr("&Close Window"), QKeySequence::Close, this, &QWidget::close);
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(QIcon(u":/icons/comment.svg"_s), tr("&Comment on Selection…"),
                    QKeySequence(u"Ctrl+Alt+M"_s), this, &MainWindow::startChat);
    edit->addAction(tr("&Find…"), QKeySequence::Find, this, &MainWindow::showFind);
    edit->addAction(tr("Find &Next"), QKeySequence::FindNext, this, [this] { find(false); });
    edit->addSeparator();
    edit->addAction(tr("Copy &Link to Thread"), this, [this] { copyLink(m_panel->selectedChat()); })
        ->setObjectName(u"copyLinkAction"_s);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Open Threads"), this,
                    [this] { m_panel->setFilter(ChatPanel::Filter::Open); });
    view->addAction(tr("&Resolved Threads"), this,
                    [this] { m_panel->setFilter(ChatPanel::Filter::Resolved); });
    view->addAction(tr("&All Threads"), this,
                    [this] { m_panel->setFilter(ChatPanel::Filter::All); });
    view->addAction(tr("&Next Thread"), QKeySequence(Qt::Key_F8), this,
                    [this] { m_panel->selectNext(false); });
    view->addAction(tr("Pre&vious Thread"), QKeySequence(Qt::SHIFT | Qt::Key_F8), this,
                    [this] { m_panel->selectNext(true); });
    view->addAction(tr("&Search Threads…"), QKeySequence(u"Ctrl+Shift+F"_s), this, [this] {
        m_panel->searchField()->setFocus(Qt::ShortcutFocusReason);
        m_panel->searchField()->selectAll();
    });
    m_nextUnread = view->addAction(tr("Next &Unread Thread"), QKeySequence(u"Ctrl+Alt+N"_s), this,
                                   &MainWindow::nextUnread);
    m_nextUnread->setObjectName(u"nextUnreadAction"_s);
    m_markAllRead = view->addAction(tr("&Mark All as Read"), this, [this] {
        if (m_session)
            m_session->markAllRead();
    });
    m_markAllRead->setObjectName(u"markAllReadAction"_s);
    m_topBar->addUnreadActions({m_nextUnread, m_markAllRead});
    updateUnreadActions();
    view->addAction(tr("M&entions…"), QKeySequence(u"Ctrl+Shift+M"_s), this,
                    [this] { (new MentionsDialog(m_context->mentions(), this))->show(); })
        ->setObjectName(u"mentionsAction"_s);
    view->addSeparator();
    view->addActions(m_pdfView->viewActions());

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    m_share = tools->addAction(QIcon(u":/icons/share.svg"_s), tr("&Share on Network"));
    m_share->setCheckable(true);
    m_share->setChecked(m_context->isSharing());
    m_share->setEnabled(m_context->hostsServer());
    connect(m_share, &QAction::triggered, this, &MainWindow::toggleSharing);
    connect(m_context, &AppContext::sharingChanged, m_share, &QAction::setChecked);
    tools->addAction(tr("&Settings…"), QKeySequence::Preferences, this, &MainWindow::showSettings);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Glosa"), this, [this] {
        QMessageBox::about(this, tr("About Glosa"),
                           tr("<b>Glosa %1</b><p>Annotate shared documents together, live.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_context->settings(), this);
    if (dialog.exec() == QDialog::Accepted)
        m_context->saveSettings(dialog.settings());
}

void MainWindow::applySettings()
{
    if (!m_session)
        return;
    SyncClient *client = m_session->client();
    client->setDisplayName(m_context->settings().displayName);
    // A refusal the settings caused may be over: try them at once.
    if (client->needsSettings())
        client->retryNow();
    if (m_context->needsRestart())
        statusBar()->showMessage(tr("Glosa uses the new server and tenant from its next start."),
                                 8000);
}

void MainWindow::updateRecentMenu()
{
    m_recent->clear();
    const QStringList files = m_context->recentFiles();
    for (const QString &path : files)
        m_recent->addAction(QFileInfo(path).fileName(), this, [this, path] { openFile(path); })
            ->setToolTip(path);
    m_recent->setEnabled(!files.isEmpty());
}

bool MainWindow::openFile(const QString &path)
{
    std::optional<LoadedDocument> loaded =
        unlock([&path](const QString &password, LoadedDocument::Failure *failure) {
            return LoadedDocument::fromFile(path, failure, password,
                                            LoadedDocument::PdfTextLayer::Later);
        });
    if (!loaded)
        return false;
    loaded->document.page = m_context->pageOfFile(loaded->sourcePath, loaded->document.page);
    m_context->addRecentFile(loaded->sourcePath);
    openDocument(*loaded);
    return true;
}

void MainWindow::openSample()
{
    openDocument(sampleDocument());
}

LoadedDocument MainWindow::sampleDocument()
{
    QFile sample(u":/samples/welcome.md"_s);
    sample.open(QIODevice::ReadOnly);
    return LoadedDocument::fromLocalText(tr("Welcome to Glosa"), u"markdown"_s,
                                         QString::fromUtf8(sample.readAll()));
}

QString MainWindow::documentFilter()
{
    return tr("Documents (*.md *.markdown *.txt *.pdf);;PDF (*.pdf);;All files (*)");
}

bool MainWindow::openLink(const ChatLink &link)
{
    return m_links->open(link);
}

void MainWindow::askForLink()
{
    QString text = QGuiApplication::clipboard()->text().trimmed();
    if (!ChatLink::isLinkText(text))
        text.clear();
    QString problem;
    for (;;) {
        bool ok = false;
        const QString ask = tr("Paste a link to a thread (glosa://…):");
        text = QInputDialog::getText(this, tr("Open Link"),
                                     problem.isEmpty() ? ask : problem + u"\n\n"_s + ask,
                                     QLineEdit::Normal, text, &ok)
                   .trimmed();
        if (!ok || text.isEmpty())
            return;
        ChatLink::Fault fault = ChatLink::Fault::None;
        if (const std::optional<ChatLink> link = ChatLink::parse(text, &fault)) {
            openLink(*link);
            return;
        }
        problem = ChatLink::describe(fault);
    }
}

void MainWindow::copyLink(const QString &chatId)
{
    if (!m_session || chatId.isEmpty()) {
        statusBar()->showMessage(tr("Select a thread first."), 5000);
        return;
    }
    const ChatLink link = m_context->linkTo(m_document.document.page, chatId);
    auto *data = new QMimeData;
    data->setText(link.toString());
    data->setUrls({link.toUrl()});
    QGuiApplication::clipboard()->setMimeData(data);
    statusBar()->showMessage(tr("Link copied"), 5000);
}

void MainWindow::showChat(const QString &chatId)
{
    m_panel->selectChat(chatId);
    revealChat(chatId);
}

void MainWindow::revealChat(const QString &chatId)
{
    if (m_document.isPdf()) {
        m_pdfView->setSelectedChat(chatId);
        m_pdfView->revealChat(chatId);
    } else {
        m_view->setSelectedChat(chatId);
        m_view->revealChat(chatId);
    }
}

void MainWindow::nextUnread()
{
    if (!m_panel->selectNextUnread())
        statusBar()->showMessage(tr("No unread threads."), 4000);
}

void MainWindow::updateUnreadActions()
{
    const bool unread = m_session && m_session->unreadCount() > 0;
    m_nextUnread->setEnabled(unread);
    m_markAllRead->setEnabled(unread);
}

void MainWindow::announce(const QString &chatId)
{
    // Only what arrives while the page is live: not what a connection catches up with, nor the
    // user's own, nor what was read at once.
    if (m_session->client()->state() != SyncClient::State::Live || !m_session->isUnread(chatId))
        return;
    const QString text = elsewhere(chatId);
    if (text.isEmpty())
        return;
    m_announced.append({chatId, text});
    showNewThreads();
}

QString MainWindow::elsewhere(const QString &chatId) const
{
    const Chat *chat = m_session->chat(chatId);
    if (!chat)
        return {};
    const QString who = chat->author.name;
    if (m_document.isPdf()) {
        if (m_pdfView->isChatVisible(chatId))
            return {};
        // Before the text is read, a passage is known by the sheet it was written on.
        const int located = m_pdfView->sheetOf(chatId);
        const int sheet = located >= 0 ? located : chat->anchor.sheet;
        if (sheet < 0 || (located < 0 && sheet == m_pdfView->currentSheet()))
            return {};
        return tr("%1 started a thread on page %2").arg(who).arg(sheet + 1);
    }
    switch (m_view->placeOf(chatId)) {
    case DocumentView::Place::Above:
        return tr("%1 started a thread further up").arg(who);
    case DocumentView::Place::Below:
        return tr("%1 started a thread further down").arg(who);
    case DocumentView::Place::Visible:
    case DocumentView::Place::Unknown:
        break;
    }
    return {};
}

void MainWindow::showNewThreads()
{
    m_announced.removeIf([this](const std::pair<QString, QString> &announced) {
        return !m_session || !m_session->isUnread(announced.first);
    });
    if (m_announced.isEmpty()) {
        m_newThreads->hide();
        return;
    }
    const QString text = m_announced.size() == 1
                             ? m_announced.first().second
                             : tr("%n new threads", nullptr, int(m_announced.size()));
    m_newThreads->showNotice(text, tr("Show"), [this] {
        if (m_announced.isEmpty())
            return;
        const QString chatId = m_announced.takeFirst().first;
        showChat(chatId);
        showNewThreads();
    });
}

void MainWindow::openDocument(const LoadedDocument &document)
{
    if (m_session) {
        m_session->disconnect(this);
        m_session->client()->disconnect(this);
    }
    m_document = document;
    m_session = m_context->session(document.document.page);
    delete m_model;
    m_model = new ChatModel(m_session.get(), this);
    m_notice->hide();
    m_announced.clear();
    m_newThreads->hide();
    m_reportAnchoring = true;
    showDocument();
    m_topBar->setClient(m_session->client());
    m_topBar->setModel(m_model);
    m_context->watchMentions(m_session.get(), document.document.page,
                             document.document.title.isEmpty() ? document.document.page
                                                               : document.document.title);
    connect(
        m_session.get(), &PageSession::changeRejected, this,
        [this](const QString &, const QString &reason) { statusBar()->showMessage(reason, 8000); });
    connect(m_session->client(), &SyncClient::serverError, this,
            [this](const QString &reason) { statusBar()->showMessage(reason, 8000); });
    // After the index's own connection: it has located the chat by then.
    connect(m_session.get(), &PageSession::chatAdded, this, &MainWindow::announce);
    connect(m_session.get(), &PageSession::readChanged, this, &MainWindow::showNewThreads);
    connect(m_session.get(), &PageSession::chatRemoved, this, &MainWindow::showNewThreads);
    connect(m_session.get(), &PageSession::unreadCountChanged, this,
            &MainWindow::updateUnreadActions);
    updateUnreadActions();
    // After the index's own connection: it has located the chats of a snapshot by then.
    connect(m_session.get(), &PageSession::chatsReset, this, [this] {
        if (m_reportAnchoring)
            reportAnchoring();
    });
    watchFile();
    if (!m_document.local) {
        connect(m_session->client(), &SyncClient::documentChanged, this,
                &MainWindow::takeServerDocument);
        // A document that could not be brought over is tried again on the next connection.
        connect(m_session->client(), &SyncClient::welcomed, this, [this] {
            if (m_document.document.sha256.isEmpty())
                takeServerDocument();
        });
        takeServerDocument();
    }
}

std::optional<LoadedDocument> MainWindow::unlock(
    const std::function<std::optional<LoadedDocument>(const QString &, LoadedDocument::Failure *)>
        &load)
{
    QString password;
    for (;;) {
        LoadedDocument::Failure failure;
        std::optional<LoadedDocument> loaded = load(password, &failure);
        if (loaded)
            return loaded;
        if (!failure.needsPassword) {
            QMessageBox::warning(this, tr("Cannot open document"), failure.message);
            return std::nullopt;
        }
        bool ok = false;
        password = QInputDialog::getText(this, tr("Password"),
                                         failure.message + u'\n' + tr("Password of the PDF:"),
                                         QLineEdit::Password, {}, &ok);
        if (!ok)
            return std::nullopt;
    }
}

bool MainWindow::awaitingText() const
{
    // A page of the server shows a placeholder until its document arrives.
    return m_document.textPending || (!m_document.local && m_document.document.sha256.isEmpty());
}

QString MainWindow::readingMessage() const
{
    return tr("Reading the text of “%1”…").arg(m_document.document.title);
}

void MainWindow::readPdfText()
{
    if (awaitingText())
        m_index->awaitText();
    if (!m_document.textPending) {
        m_textReader->cancel();
        return;
    }
    if (statusBar()->currentMessage().isEmpty())
        statusBar()->showMessage(readingMessage());
    m_textReader->read(m_document.pdf, m_document.password);
}

void MainWindow::takePdfText(const PdfText &text)
{
    m_document.setPdfText(text);
    m_pdfView->setTextLayer(text);
    m_index->setText(m_document.plainText);
    if (statusBar()->currentMessage() == readingMessage())
        statusBar()->clearMessage();
    reportAnchoring();
    Q_EMIT documentShown();
}

void MainWindow::showDocument()
{
    delete m_index;
    m_index = new AnchorIndex(m_session.get(), m_document.plainText, this);
    readPdfText();
    showInView();
    m_panel->setModel(m_model, m_index);
    m_orphans->setIndex(m_session.get(), m_index);
    showTitle();
    reportAnchoring();
    Q_EMIT documentShown();
}

void MainWindow::showInView()
{
    const bool pdf = m_document.isPdf();
    // The view not shown lets go of what it showed (a PDF's sheets are many megabytes).
    if (pdf) {
        m_pdfView->setDocument(m_document, m_session.get(), m_index);
        m_view->setDocument({}, nullptr, nullptr);
    } else {
        m_view->setDocument(m_document, m_session.get(), m_index);
        m_pdfView->setDocument({}, nullptr, nullptr);
    }
    m_views->setCurrentWidget(pdf ? static_cast<QWidget *>(m_pdfView) : m_view);
    for (QAction *action : m_pdfView->viewActions())
        action->setEnabled(pdf);
}

void MainWindow::showTitle()
{
    const QString title =
        m_document.document.title.isEmpty() ? m_document.document.page : m_document.document.title;
    m_topBar->setTitle(title);
    setWindowTitle(tr("%1 — Glosa").arg(title));
}

void MainWindow::showNewVersion(const LoadedDocument &version)
{
    const bool wasPdf = m_document.isPdf();
    const int scrolled = m_view->verticalScrollBar()->value();
    const int sheet = m_pdfView->currentSheet();
    m_document = version;
    m_reportAnchoring = true;
    if (!awaitingText())
        m_index->setText(m_document.plainText);
    readPdfText();
    showInView();
    if (m_document.isPdf() && wasPdf)
        m_pdfView->goToSheet(sheet);
    else if (!m_document.isPdf())
        m_view->verticalScrollBar()->setValue(scrolled);
    m_panel->view()->viewport()->update();
    showTitle();
    reportAnchoring();
    Q_EMIT documentShown();
}

void MainWindow::reportAnchoring()
{
    // The page's chats are known once its snapshot has arrived, and where they are once the
    // document's text is.
    if (!m_reportAnchoring || m_session->client()->epoch().isEmpty() || awaitingText())
        return;
    m_reportAnchoring = false;
    const AnchorIndex::Summary summary = m_index->summary();
    QStringList what;
    if (summary.moved > 0)
        what.append(tr("%n thread(s) moved", nullptr, summary.moved));
    if (summary.orphans > 0)
        what.append(summary.moved > 0
                        ? tr("%n could not be placed", nullptr, summary.orphans)
                        : tr("%n thread(s) could not be placed", nullptr, summary.orphans));
    if (what.isEmpty())
        return;
    const QString list = what.join(tr(", "));
    m_notice->showNotice(m_document.local ? tr("The file changed: %1.").arg(list)
                                          : tr("The document changed: %1.").arg(list));
}

void MainWindow::openServerPage(const QString &page, const QString &title)
{
    Document placeholder;
    placeholder.page = page;
    placeholder.title = title;
    openDocument(LoadedDocument::fromDocument(placeholder));
}

void MainWindow::takeServerDocument()
{
    const std::optional<Document> &d = m_session->client()->document();
    if (!d || *d == m_document.document)
        return;
    if (d->isPdf())
        return fetchPdf(*d);
    // Until the welcome brings it, the window shows a placeholder with no version.
    const bool newVersion = !m_document.document.sha256.isEmpty();
    showNewVersion(LoadedDocument::fromDocument(*d));
    if (newVersion)
        statusBar()->showMessage(tr("A new version of “%1” was published.").arg(d->title), 8000);
}

void MainWindow::fetchPdf(const Document &document)
{
    if (m_fetch && m_fetching == document.sha256)
        return;
    // Another document came meanwhile: the one under way is not wanted any more.
    delete m_fetch;
    m_fetching = document.sha256;
    ContentTransfer *transfer = m_context->newTransfer(this);
    m_fetch = transfer;
    const QString what = tr("Downloading “%1”").arg(document.title);
    connect(transfer, &ContentTransfer::progress, this,
            [this, what](qint64 done, qint64 total) { showTransfer(what, done, total); });
    connect(transfer, &ContentTransfer::failed, this,
            [this, transfer, document](const QString &reason) {
                transfer->deleteLater();
                m_progress->hide();
                m_notice->showNotice(tr("Cannot open “%1”: %2").arg(document.title, reason));
            });
    connect(transfer, &ContentTransfer::fetched, this, [this, transfer](const QByteArray &bytes) {
        transfer->deleteLater();
        m_progress->hide();
        // The window or its page may have another document by now.
        const std::optional<Document> current = m_session->client()->document();
        if (m_document.local || !current)
            return;
        if (current->sha256 != Document::sha256Of(bytes))
            return takeServerDocument();
        const Document &document = *current;
        const bool newVersion = !m_document.document.sha256.isEmpty();
        std::optional<LoadedDocument> loaded =
            unlock([&](const QString &password, LoadedDocument::Failure *failure) {
                return LoadedDocument::fromPdf(document, bytes, password, failure,
                                               LoadedDocument::PdfTextLayer::Later);
            });
        if (!loaded) {
            m_notice->showNotice(tr("“%1” could not be opened.").arg(document.title));
            return;
        }
        showNewVersion(*loaded);
        if (newVersion)
            statusBar()->showMessage(tr("A new version of “%1” was published.").arg(document.title),
                                     8000);
    });
    transfer->get(document.sha256, document.size);
}

void MainWindow::showTransfer(const QString &what, qint64 done, qint64 total)
{
    m_progress->setRange(0, 1000);
    m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
    m_progress->setFormat(u"%1… %p%"_s.arg(what));
    m_progress->setVisible(done < total);
}

void MainWindow::watchFile()
{
    if (const QStringList watched = m_watcher->files() + m_watcher->directories();
        !watched.isEmpty())
        m_watcher->removePaths(watched);
    if (!m_document.sourcePath.isEmpty())
        m_watcher->addPath(m_document.sourcePath);
}

void MainWindow::reloadFile()
{
    const QString &path = m_document.sourcePath;
    if (path.isEmpty())
        return;
    if (!QFileInfo::exists(path)) {
        // Editors that save by renaming a new file over the old one leave it gone for a
        // moment: its folder says when it is back.
        m_watcher->addPath(QFileInfo(path).absolutePath());
        return;
    }
    if (const QStringList folders = m_watcher->directories(); !folders.isEmpty())
        m_watcher->removePaths(folders);
    if (!m_watcher->files().contains(path))
        m_watcher->addPath(path);
    LoadedDocument::Failure failure;
    std::optional<LoadedDocument> loaded = LoadedDocument::fromFile(
        path, &failure, m_document.password, LoadedDocument::PdfTextLayer::Later);
    if (!loaded) {
        statusBar()->showMessage(failure.message, 8000);
        return;
    }
    if (loaded->document.sha256 == m_document.document.sha256)
        return;
    loaded->document.page = m_document.document.page;
    showNewVersion(*loaded);
    statusBar()->showMessage(
        tr("Reloaded “%1”: the file changed on disk.").arg(m_document.document.title), 8000);
}

MainWindow *MainWindow::newWindow()
{
    auto *window = new MainWindow(m_context);
    window->openDocument(m_document);
    window->move(pos() + QPoint(40, 40));
    window->show();
    return window;
}

void MainWindow::startChat()
{
    const std::optional<Anchor> anchor =
        m_document.isPdf() ? m_pdfView->selectionAnchor() : m_view->selectionAnchor();
    if (!anchor || !m_session) {
        const bool scan =
            m_document.isPdf() && !m_document.textPending && m_document.pdfText.isEmpty();
        statusBar()->showMessage(scan ? tr("This PDF has no text: right-click a page to comment "
                                           "on all of it.")
                                      : tr("Select the passage you want to comment on first."),
                                 5000);
        return;
    }
    startChatOn(*anchor);
}

void MainWindow::startChatOn(const Anchor &anchor)
{
    if (m_session && !m_session->canWrite()) {
        statusBar()->showMessage(PageSession::readOnlyReason(), 8000);
        return;
    }
    CommentEditor editor(anchor.isWholeSheet() ? tr("All of page %1").arg(anchor.sheet + 1)
                                               : anchor.exact,
                         CommentEditor::Mode::NewChat, this);
    editor.keepDraft(m_panel->drafts(), DraftStore::newChatKey(anchor), anchor);
    editor.field()->setPeopleOf(m_session.get());
    if (editor.exec() != QDialog::Accepted || !m_session)
        return;
    const QString chatId = m_session->startChat(anchor, editor.text());
    // The passage has its thread now: its selection would only offer a second one.
    if (m_document.isPdf()) {
        m_pdfView->clearSelection();
    } else {
        QTextCursor cursor = m_view->textCursor();
        cursor.clearSelection();
        m_view->setTextCursor(cursor);
    }
    m_panel->selectChat(chatId);
}

void MainWindow::publish()
{
    if (!m_document.local) {
        statusBar()->showMessage(tr("This document is already on the server."), 5000);
        return;
    }
    if (m_upload) {
        statusBar()->showMessage(tr("“%1” is being published.").arg(m_document.document.title),
                                 5000);
        return;
    }
    if (m_document.isPdf()) {
        // The PDF's bytes first, then the document that names them.
        ContentTransfer *transfer = m_context->newTransfer(this);
        m_upload = transfer;
        const QString what = tr("Uploading “%1”").arg(m_document.document.title);
        connect(transfer, &ContentTransfer::progress, this,
                [this, what](qint64 done, qint64 total) { showTransfer(what, done, total); });
        connect(transfer, &ContentTransfer::failed, this, [this, transfer](const QString &reason) {
            transfer->deleteLater();
            m_progress->hide();
            QMessageBox::warning(this, tr("Cannot publish"), reason);
        });
        connect(transfer, &ContentTransfer::stored, this,
                [this, transfer, document = m_document.document] {
                    transfer->deleteLater();
                    m_progress->hide();
                    publishDocument(document);
                });
        transfer->put(m_document.pdf);
        return;
    }
    publishDocument(m_document.document);
}

void MainWindow::publishDocument(const Document &document)
{
    DocumentDirectory *directory = m_context->newDirectory(this);
    connect(directory, &DocumentDirectory::published, this, [this, directory](const Document &d) {
        statusBar()->showMessage(tr("Published “%1” to the server.").arg(d.title), 8000);
        directory->deleteLater();
    });
    connect(directory, &DocumentDirectory::failed, this, [this, directory](const QString &reason) {
        QMessageBox::warning(this, tr("Cannot publish"), reason);
        directory->deleteLater();
    });
    directory->publish(document);
}

void MainWindow::showFind()
{
    m_find->show();
    m_find->setFocus();
    m_find->selectAll();
}

void MainWindow::find(bool backwards)
{
    if (m_find->text().isEmpty())
        return showFind();
    if (m_document.isPdf() && m_document.textPending) {
        statusBar()->showMessage(readingMessage(), 4000);
        return;
    }
    if (m_document.isPdf()) {
        if (!m_pdfView->find(m_find->text(), backwards))
            statusBar()->showMessage(tr("“%1” is not in the document.").arg(m_find->text()), 4000);
        return;
    }
    const QTextDocument::FindFlags flags =
        backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (!m_view->find(m_find->text(), flags)) {
        QTextCursor wrap = m_view->textCursor();
        wrap.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
        m_view->setTextCursor(wrap);
        if (!m_view->find(m_find->text(), flags))
            statusBar()->showMessage(tr("“%1” is not in the document.").arg(m_find->text()), 4000);
    }
}

void MainWindow::toggleSharing(bool on)
{
    QString error;
    if (!m_context->setSharing(on, &error)) {
        m_share->setChecked(m_context->isSharing());
        QMessageBox::warning(this, tr("Share on Network"), error);
        return;
    }
    if (on) {
        const QStringList addresses = m_context->shareAddresses();
        QMessageBox::information(
            this, tr("Share on Network"),
            addresses.isEmpty()
                ? tr("Glosa now accepts connections from the network, but this computer has no "
                     "network address right now.")
                : tr("Others on your network can join with this server address in their "
                     "Settings:<p><b>%1</b></p>")
                      .arg(addresses.join(u"<br>"_s)));
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/splitter"_s, findChild<QSplitter *>(u"splitter"_s)->saveState());
    QMainWindow::closeEvent(event);
}

} // namespace Glosa
