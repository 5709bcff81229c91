#include "testclient.h"
#include "testserver.h"

#include "anchoring.h"
#include "appcontext.h"
#include "chatmodel.h"
#include "commenteditor.h"
#include "documentview.h"
#include "mainwindow.h"
#include "pagesession.h"
#include "threaddelegate.h"
#include "threadpanel.h"
#include "topbar.h"

#include <QApplication>
#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Glosa;

namespace {

const QString Text =
    u"The quick brown fox jumps over the lazy dog.\n\nA second paragraph follows."_s;

LoadedDocument document()
{
    return LoadedDocument::fromLocalText(u"Fox"_s, u"text"_s, Text);
}

// Answers the next modal comment editor with `text`.
void answerCommentEditor(const QString &text)
{
    QTimer::singleShot(0, [text] {
        auto *editor = qobject_cast<CommentEditor *>(QApplication::activeModalWidget());
        QVERIFY(editor);
        editor->editor()->setPlainText(text);
        editor->accept();
    });
}

// The threads whose passages the view highlights.
QStringList highlighted(const DocumentView *view)
{
    QStringList ids;
    for (const QTextEdit::ExtraSelection &s : view->extraSelections())
        ids.append(s.format.property(QTextFormat::UserProperty).toString());
    return ids;
}

// A thread started by the window's user on the first occurrence of `quote`.
QString startThreadOn(MainWindow *window, const QString &quote)
{
    const QString &text = window->document().plainText;
    const int at = int(text.indexOf(quote));
    return window->session()->startThread(Anchoring::anchorFor(text, at, at + int(quote.size())),
                                          u"About this"_s);
}

} // namespace

// The desktop window over a real in-process server and real clients.
class tst_MainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<AppContext> m_context;

    MainWindow *openWindow(const QString &token = {}, const QString &tenant = u"local"_s)
    {
        AppContext::Settings settings;
        settings.server = m_server->url();
        settings.tenant = tenant;
        settings.token = token;
        settings.displayName = u"Ana"_s;
        m_context = std::make_unique<AppContext>(settings);
        QString error;
        if (!m_context->start(&error))
            return nullptr;
        auto *window = new MainWindow(m_context.get());
        window->openDocument(document());
        window->show();
        return window;
    }

    static bool live(MainWindow *w)
    {
        return w->session()->client()->state() == SyncClient::State::Live;
    }

    TestClient *peer(QObject *parent)
    {
        auto *client = new TestClient(parent);
        client->open(m_server->url());
        client->join(document().document.page);
        client->next(u"snapshot"_s);
        return client;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        AppContext::installTranslations(u"en"_s);
    }

    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_server->config.batchMs = 0;
        m_server->config.tenants = {{u"local"_s, {}, true}, {u"acme"_s, "s", false}};
        QVERIFY(m_server->start());
    }

    void cleanup()
    {
        QList<QPointer<MainWindow>> windows;
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *window = qobject_cast<MainWindow *>(w))
                windows.append(window);
        }
        for (const QPointer<MainWindow> &window : std::as_const(windows))
            delete window.data();
        m_context.reset();
        m_server.reset();
    }

    void threadFromTheUiReachesOthers()
    {
        MainWindow *window = openWindow();
        QVERIFY(window);
        QTRY_VERIFY(live(window));
        TestClient *other = peer(this);

        QTextCursor cursor = window->documentView()->textCursor();
        cursor.setPosition(4);
        cursor.setPosition(9, QTextCursor::KeepAnchor);
        window->documentView()->setTextCursor(cursor);
        QToolButton *comment = window->documentView()->commentButton();
        QTRY_VERIFY(comment->isVisible());
        answerCommentEditor(u"Why quick?"_s);
        QTest::mouseClick(comment, Qt::LeftButton);

        const QJsonObject event = other->next(u"new-text-chat"_s);
        const QJsonObject chat = event.value("chat"_L1).toObject();
        QCOMPARE(chat.value("anchor"_L1).toObject().value("exact"_L1).toString(), u"quick"_s);
        QCOMPARE(chat.value("anchor"_L1).toObject().value("start"_L1).toInt(), 4);
        QCOMPARE(chat.value("comments"_L1).toArray().first().toObject().value("text"_L1).toString(),
                 u"Why quick?"_s);
        QCOMPARE(chat.value("author"_L1).toObject().value("name"_L1).toString(), u"Ana"_s);
        QCOMPARE(window->model()->rowCount(), 1);
        QTRY_COMPARE(window->documentView()->highlightCount(), 1);

        // Replying through the panel.
        window->threadPanel()->selectChat(chat.value("id"_L1).toString());
        window->threadPanel()->replyEditor()->setPlainText(u"Because it is."_s);
        auto *reply = window->threadPanel()->findChild<QPushButton *>();
        for (QPushButton *b : window->threadPanel()->findChildren<QPushButton *>())
            if (b->text() == u"Reply"_s)
                reply = b;
        QVERIFY(reply->isEnabled());
        QTest::mouseClick(reply, Qt::LeftButton);
        const QJsonObject added = other->next(u"updated-text-chat"_s);
        QCOMPARE(added.value("change"_L1)
                     .toObject()
                     .value("comment"_L1)
                     .toObject()
                     .value("text"_L1)
                     .toString(),
                 u"Because it is."_s);
        QVERIFY(window->threadPanel()->replyEditor()->toPlainText().isEmpty());
    }

    void othersThreadsAppear()
    {
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        TestClient *other = peer(this);
        other->send(TestClient::newChat(TestClient::uuid(), TestClient::uuid(), u"From afar"_s));
        QTRY_COMPARE(window->model()->rowCount(), 1);
        QTRY_COMPARE(window->documentView()->highlightCount(), 1);
        QVERIFY(window->threadPanel()->delegate()->isFlashing(
            window->model()->index(0, 0).data(ChatModel::IdRole).toString()));
        QTRY_COMPARE(window->topBar()->threadsText(), u"1 thread"_s);
        // Clicking the highlight opens its thread.
        const QString chatId = window->model()->index(0, 0).data(ChatModel::IdRole).toString();
        const QRect at = window->documentView()->cursorRect([&] {
            QTextCursor c(window->documentView()->document());
            c.setPosition(6);
            return c;
        }());
        QTest::mouseClick(window->documentView()->viewport(), Qt::LeftButton, {}, at.center());
        QTRY_COMPARE(window->threadPanel()->selectedChat(), chatId);
        QCOMPARE(window->documentView()->selectedChat(), chatId);
    }

    void viewerCountFollowsJoinsAndLeaves()
    {
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        QTRY_COMPARE(window->topBar()->viewersText(), u"1 viewing"_s);
        auto *other = peer(this);
        QTRY_COMPARE(window->topBar()->viewersText(), u"2 viewing"_s);
        // Who they are, by name.
        QVERIFY(window->topBar()->viewersToolTip().contains(u"Ana"_s));
        QVERIFY(window->topBar()->viewersToolTip().contains(u"Guest "_s));
        other->socket().close();
        QTRY_COMPARE(window->topBar()->viewersText(), u"1 viewing"_s);
    }

    void connectionLabelFollowsTheServer()
    {
        MainWindow *window = openWindow();
        QTRY_COMPARE(window->topBar()->connectionText(), u"Live"_s);
        m_server->stop();
        QTRY_VERIFY(window->topBar()->connectionText().startsWith(u"Reconnecting in"_s));
        QVERIFY(window->topBar()->findChild<QToolButton *>(u"retry"_s)->isVisible());
        window->session()->startThread({0, 3, u"The"_s, {}, {}}, u"Written offline"_s);
        QTRY_VERIFY(window->topBar()->connectionText().contains(u"1 change waiting"_s));
        QVERIFY(m_server->restart());
        QTest::mouseClick(window->topBar()->findChild<QToolButton *>(u"retry"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window->topBar()->connectionText(), u"Live"_s, 10000);
        QTRY_COMPARE(window->session()->client()->pendingCount(), 0);
    }

    void twoWindowsStayInStep()
    {
        MainWindow *first = openWindow();
        QTRY_VERIFY(live(first));
        MainWindow *second = first->newWindow();
        QCOMPARE(second->session().get(), first->session().get());
        first->session()->startThread({4, 9, u"quick"_s, {}, {}}, u"Seen twice"_s);
        QCOMPARE(second->model()->rowCount(), 1);
        QTRY_COMPARE(second->documentView()->highlightCount(), 1);
        const QString chatId = second->model()->index(0, 0).data(ChatModel::IdRole).toString();
        second->session()->setResolved(chatId, true);
        QVERIFY(first->model()->index(0, 0).data(ChatModel::ResolvedRole).toBool());
        // One user in two windows counts once.
        QTRY_VERIFY(!first->session()->isPending(chatId));
        QCOMPARE(first->topBar()->viewersText(), u"1 viewing"_s);
    }

    void refusedChangeIsShownAndUndone()
    {
        MainWindow *window =
            openWindow(TestServer::token(u"acme"_s, "s", u"vera"_s, u"viewer"_s), u"acme"_s);
        QTRY_VERIFY(live(window));
        QTextCursor cursor = window->documentView()->textCursor();
        cursor.setPosition(10);
        cursor.setPosition(15, QTextCursor::KeepAnchor);
        window->documentView()->setTextCursor(cursor);
        answerCommentEditor(u"Viewers cannot say this"_s);
        window->startThread();
        QCOMPARE(window->model()->rowCount(), 1); // shown at once
        QTRY_COMPARE(window->model()->rowCount(), 0);
        QTRY_VERIFY(window->threadPanel()->banner()->isVisible());
        QVERIFY(window->threadPanel()->banner()->text().contains(u"not allowed"_s));
    }

    void highlightsFollowScrollingAndResizing()
    {
        QString text;
        for (int i = 0; i < 600; ++i)
            text += u"Line %1 of a document many screens tall.\n"_s.arg(i);
        MainWindow *window = openWindow();
        window->resize(900, 600);
        window->openDocument(LoadedDocument::fromLocalText(u"Tall"_s, u"text"_s, text));
        QTRY_VERIFY(live(window));
        QStringList chats; // one every ten lines
        for (int i = 0; i < 600; i += 10)
            chats.append(startThreadOn(window, u"Line %1 of"_s.arg(i)));
        QTRY_COMPARE(window->session()->client()->pendingCount(), 0);
        DocumentView *view = window->documentView();
        // Every thread whose passage is on screen is highlighted; there is one at least.
        const auto onScreenHighlighted = [&] {
            const int first = view->cursorForPosition({0, 0}).position();
            const int last =
                view->cursorForPosition({view->viewport()->width(), view->viewport()->height()})
                    .position();
            const QStringList shown = highlighted(view);
            int visible = 0;
            for (const QString &id : std::as_const(chats)) {
                const int start = window->session()->chat(id)->anchor.start;
                if (start < first || start > last)
                    continue;
                ++visible;
                if (!shown.contains(id))
                    return false;
            }
            return visible > 0;
        };
        QTRY_VERIFY(onScreenHighlighted());
        QVERIFY(!highlighted(view).contains(chats.last()));

        QScrollBar *scroll = view->verticalScrollBar();
        scroll->setValue(scroll->maximum());
        QTRY_VERIFY(onScreenHighlighted());
        QVERIFY(highlighted(view).contains(chats.last()));
        QVERIFY(!highlighted(view).contains(chats.first()));
        scroll->setValue(scroll->maximum() / 2);
        QTRY_VERIFY(onScreenHighlighted());
        // Narrower, the lines wrap and other passages come into view.
        window->resize(360, 600);
        QTRY_VERIFY(onScreenHighlighted());
        window->resize(900, 1000);
        QTRY_VERIFY(onScreenHighlighted());
    }

    void highlightsOnFirstOpenOfALargeDocument()
    {
        QString text;
        while (text.size() < 1000000)
            text += u"A long document, laid out a piece at a time after it is loaded. "_s +
                    (text.size() % 7 == 0 ? u"\n\n"_s : QString());
        const LoadedDocument large = LoadedDocument::fromLocalText(u"Large"_s, u"text"_s, text);
        MainWindow *first = openWindow();
        first->openDocument(large);
        QTRY_VERIFY(live(first));
        const QString chatId = startThreadOn(first, u"laid out"_s);
        QTRY_VERIFY(!first->session()->isPending(chatId));

        // Another window opens it with its threads already there.
        auto *window = new MainWindow(m_context.get());
        window->resize(900, 600);
        window->openDocument(large);
        window->show();
        QTRY_VERIFY(highlighted(window->documentView()).contains(chatId));
    }

    void commentFromTheContextMenu()
    {
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        DocumentView *view = window->documentView();
        const std::unique_ptr<QMenu> plain(view->createContextMenu({10, 10}));
        QVERIFY(!plain->findChild<QAction *>(u"commentAction"_s));

        QTextCursor cursor = view->textCursor();
        cursor.setPosition(4);
        cursor.setPosition(9, QTextCursor::KeepAnchor);
        view->setTextCursor(cursor);
        const std::unique_ptr<QMenu> menu(view->createContextMenu(view->cursorRect().center()));
        auto *comment = menu->findChild<QAction *>(u"commentAction"_s);
        QVERIFY(comment);
        QCOMPARE(menu->actions().first(), comment);
        answerCommentEditor(u"From the menu"_s);
        comment->trigger();
        QTRY_COMPARE(window->model()->rowCount(), 1);
        QCOMPARE(window->model()->index(0, 0).data(ChatModel::QuoteRole).toString(), u"quick"_s);
        QCOMPARE(window->model()->index(0, 0).data(ChatModel::TextRole).toString(),
                 u"From the menu"_s);
    }

    void anotherDocumentInTheSameWindow()
    {
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        TestClient *onFirst = peer(this);
        const LoadedDocument owls = LoadedDocument::fromLocalText(
            u"Owls"_s, u"text"_s, u"Another text entirely, about owls."_s);
        window->openDocument(owls);
        QCOMPARE(window->session()->client()->options().page, owls.document.page);
        QTRY_VERIFY(live(window));
        onFirst->send(TestClient::newChat(TestClient::uuid(), TestClient::uuid()));
        QVERIFY(!onFirst->next(u"new-text-chat"_s).isEmpty());
        window->session()->startThread({23, 27, u"owls"_s, {}, {}}, u"Which owls?"_s);
        QTRY_VERIFY(!window->session()->isPending(
            window->model()->index(0, 0).data(ChatModel::IdRole).toString()));
        QCOMPARE(window->model()->rowCount(), 1);
        QCOMPARE(window->model()->index(0, 0).data(ChatModel::QuoteRole).toString(), u"owls"_s);
        QCOMPARE(window->topBar()->threadsText(), u"1 thread"_s);
        QTRY_COMPARE(window->documentView()->highlightCount(), 1);
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
