#include "linkopener.h"

#include "mainwindow.h"
#include "noticebar.h"
#include "pagesession.h"
#include "uilogging.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QHostAddress>
#include <QMessageBox>
#include <QNetworkInterface>
#include <QProcess>
#include <QPushButton>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

bool isLoopback(const QString &host)
{
    return host.compare("localhost"_L1, Qt::CaseInsensitive) == 0 ||
           QHostAddress(host).isLoopback();
}

bool isThisComputer(const QString &host)
{
    const QHostAddress address(host);
    return isLoopback(host) ||
           (!address.isNull() && QNetworkInterface::allAddresses().contains(address));
}

// A server's URL as what tells servers apart: loopback names as one, default ports and path
// filled in.
struct Endpoint
{
    QString scheme;
    QString host;
    int port;
    QString path;

    explicit Endpoint(const QUrl &url)
        : scheme(url.scheme().toLower())
        , host(isLoopback(url.host()) ? u"localhost"_s : url.host().toLower())
        , port(url.port(scheme == "wss"_L1 ? 443 : 80))
        , path(url.path().isEmpty() ? QString(ChatLink::DefaultPath) : url.path())
    {}
    bool operator==(const Endpoint &o) const
    {
        return scheme == o.scheme && host == o.host && port == o.port && path == o.path;
    }
};

} // namespace

LinkOpener::LinkOpener(MainWindow *window, AppContext *context)
    : QObject(window)
    , m_window(window)
    , m_context(context)
    , m_launch([](const QStringList &arguments) {
        return QProcess::startDetached(QCoreApplication::applicationFilePath(), arguments);
    })
{}

bool LinkOpener::isServerOf(const QUrl &server, const QList<QUrl> &urls, bool embedded)
{
    const Endpoint wanted(server);
    // This computer's own server is reached under any of its addresses, as when it is shared.
    const bool here = embedded && isThisComputer(server.host());
    for (const QUrl &url : urls) {
        Endpoint endpoint(url);
        if (here)
            endpoint.host = wanted.host;
        if (endpoint == wanted)
            return true;
    }
    return false;
}

AppContext::Settings LinkOpener::settingsFor(const ChatLink &link, AppContext::Settings settings,
                                             const AppContext::Settings &saved, Given given)
{
    const bool embedded = settings.servers.isEmpty();
    const QList<QUrl> urls =
        embedded ? QList<QUrl>{QUrl(u"ws://127.0.0.1:%1/v1/ws"_s.arg(settings.embeddedPort))}
                 : settings.servers;
    if (!given.server && !isServerOf(link.server, urls, embedded))
        settings.servers = {link.server};
    if (!given.tenant)
        settings.tenant = link.tenant;
    if (settings.servers != saved.servers || settings.tenant != saved.tenant) {
        settings.token.clear();
        if (!given.tokenFile)
            settings.tokenFile.clear();
    }
    return settings;
}

bool LinkOpener::open(const ChatLink &link)
{
    stop();
    if (!isServerOf(link.server, m_context->serverUrls(), m_context->isEmbedded()) ||
        link.tenant != m_context->tenant()) {
        offerNewProcess(link);
        return false;
    }
    qCInfo(lcUi) << "opening the link to thread" << link.chatId << "of page" << link.page;
    if (m_window->session() && m_window->document().document.page == link.page) {
        // The page is shown already.
    } else if (link.page.startsWith("file/"_L1)) {
        if (!openLocalPage(link.page))
            return false;
    } else {
        m_window->openServerPage(link.page);
    }
    await(link);
    return true;
}

void LinkOpener::offerNewProcess(const ChatLink &link)
{
    const QString current = m_context->isEmbedded() ? tr("this computer's own server")
                                                    : m_context->serverUrls().value(0).toString();
    QMessageBox box(QMessageBox::Question, tr("Open Link"),
                    tr("This thread is on %1, tenant “%2”; this Glosa uses %3, tenant “%4”.")
                        .arg(link.server.toString(), link.tenant, current, m_context->tenant()),
                    QMessageBox::Cancel, m_window);
    box.setInformativeText(tr("Open it in a new Glosa that uses that server?"));
    QPushButton *start = box.addButton(tr("Open in New Glosa"), QMessageBox::AcceptRole);
    box.setDefaultButton(start);
    box.exec();
    if (box.clickedButton() != start)
        return;
    if (m_launch(
            {u"--server"_s, link.server.toString(), u"--tenant"_s, link.tenant, link.toString()}))
        m_window->statusBar()->showMessage(tr("The thread opens in a new Glosa."), 8000);
    else
        QMessageBox::warning(m_window, tr("Open Link"), tr("A new Glosa could not be started."));
}

bool LinkOpener::openLocalPage(const QString &page)
{
    // Another window of this Glosa shows it, or it is the welcome document.
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *widget : windows) {
        const auto *other = qobject_cast<MainWindow *>(widget);
        if (other && other != m_window && other->session() && other->document().local &&
            other->document().document.page == page) {
            m_window->openDocument(other->document());
            return true;
        }
    }
    if (const LoadedDocument sample = MainWindow::sampleDocument(); sample.document.page == page) {
        m_window->openDocument(sample);
        return true;
    }
    const QString path = chooseCopy(page);
    return !path.isEmpty() && m_window->openFile(path);
}

QString LinkOpener::chooseCopy(const QString &page)
{
    const QStringList known = m_context->filesOfPage(page);
    for (const QString &path : known) {
        if (QFileInfo::exists(path))
            return path;
    }
    // A file that was on the page and is gone names it, and where to look.
    const QString title = known.isEmpty() ? QString() : QFileInfo(known.first()).fileName();
    QString folder = known.isEmpty() ? QString() : QFileInfo(known.first()).absolutePath();
    for (;;) {
        const QString path = QFileDialog::getOpenFileName(
            m_window,
            title.isEmpty()
                ? tr("This thread is on a local file; choose your copy of it")
                : tr("This thread is on a local file, “%1”; choose your copy of it").arg(title),
            folder, MainWindow::documentFilter());
        if (path.isEmpty())
            return {};
        const QFileInfo chosen(path);
        folder = chosen.absolutePath();
        LoadedDocument::Failure failure;
        QString its = m_context->rememberedPageOfFile(chosen.absoluteFilePath());
        if (its.isEmpty())
            its = LoadedDocument::contentPageOf(path, &failure).value_or(QString());
        if (its == page)
            return path;
        const QString why = !failure.message.isEmpty()
                                ? failure.message
                                : tr("“%1” is not the file of this thread: it belongs to another "
                                     "page, its content is not the one the thread was written on.")
                                      .arg(chosen.fileName());
        if (QMessageBox::question(
                m_window, tr("Another File"), why + u"\n\n"_s + tr("Choose another file?"),
                QMessageBox::Retry | QMessageBox::Cancel, QMessageBox::Retry) != QMessageBox::Retry)
            return {};
    }
}

void LinkOpener::await(const ChatLink &link)
{
    m_awaited = link;
    m_session = m_window->session().get();
    auto *watch = new QObject(this);
    m_watch = watch;
    const auto settleNow = [this] { settle(); };
    connect(m_session, &PageSession::chatAdded, watch, settleNow);
    connect(m_session, &PageSession::chatsReset, watch, settleNow);
    connect(m_session->client(), &SyncClient::stateChanged, watch, settleNow);
    connect(m_window, &MainWindow::documentShown, watch, settleNow);
    settle();
}

void LinkOpener::settle()
{
    if (!m_awaited)
        return;
    const ChatLink link = *m_awaited;
    // The window went on to another page meanwhile.
    if (!m_session || m_window->session().get() != m_session.data())
        return stop();
    const SyncClient *client = m_session->client();
    const bool synced = client->state() == SyncClient::State::Live;
    if (m_session->chat(link.chatId)) {
        m_window->showChat(link.chatId);
        // Its passage is shown once the document's text is there; a page of the server without
        // a document has none.
        if (m_window->awaitingText() && !(synced && !client->document()))
            return;
        qCInfo(lcUi) << "showing thread" << link.chatId << "of page" << link.page;
        return stop();
    }
    if (synced) {
        m_window->notice()->showNotice(tr("This thread was deleted or is not on this page."));
        qCInfo(lcUi) << "thread" << link.chatId << "is not on page" << link.page;
        stop();
    }
}

void LinkOpener::stop()
{
    m_awaited.reset();
    if (m_watch)
        m_watch->deleteLater();
    m_watch = nullptr;
}

} // namespace Glosa
