#include "testclient.h"
#include "testpdf.h"
#include "testserver.h"
#include "whenmodal.h"

#include "anchoring.h"
#include "appcontext.h"
#include "authorcolor.h"
#include "chatdelegate.h"
#include "chatlink.h"
#include "chatmodel.h"
#include "chatpanel.h"
#include "commenteditor.h"
#include "commentfield.h"
#include "documentdirectory.h"
#include "documentview.h"
#include "draftstore.h"
#include "highlightcolors.h"
#include "linkopener.h"
#include "mainwindow.h"
#include "mentionnotifier.h"
#include "mentionsdialog.h"
#include "noticebar.h"
#include "openfromserverdialog.h"
#include "orphanlist.h"
#include "pagesession.h"
#include "pdfview.h"
#include "topbar.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <cstdio>

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

// Answers the next question with `button`.
void answerQuestion(QMessageBox::StandardButton button)
{
    whenModal<QMessageBox>([button](QMessageBox *box) {
        QVERIFY(box->button(button));
        box->button(button)->click();
    });
}

// The chats whose passages the view highlights.
QStringList highlighted(const DocumentView *view)
{
    QStringList ids;
    for (const QTextEdit::ExtraSelection &s : view->extraSelections())
        ids.append(s.format.property(QTextFormat::UserProperty).toString());
    return ids;
}

bool writeFile(const QString &path, const QString &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(content.toUtf8()) == content.toUtf8().size();
}

// Saves as many editors do: a new file renamed over the old one.
bool saveByRename(const QString &path, const QString &content)
{
    const QString temporary = path + u".new"_s;
    return writeFile(temporary, content) && std::rename(QFile::encodeName(temporary).constData(),
                                                        QFile::encodeName(path).constData()) == 0;
}

// Where the view highlights a chat's passage, or -1.
int highlightStart(const DocumentView *view, const QString &chatId)
{
    for (const QTextEdit::ExtraSelection &s : view->extraSelections()) {
        if (s.format.property(QTextFormat::UserProperty).toString() == chatId)
            return s.cursor.selectionStart();
    }
    return -1;
}

// A chat started by the window's user on the first occurrence of `quote`.
QString startChatOn(MainWindow *window, const QString &quote)
{
    const QString &text = window->document().plainText;
    const int at = int(text.indexOf(quote));
    return window->session()->startChat(Anchoring::anchorFor(text, at, at + int(quote.size())),
                                        u"About this"_s);
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

// The anchor of `quote` on the sheet it is first found on.
Anchor pdfAnchor(const LoadedDocument &pdf, const QString &quote)
{
    const int at = int(pdf.plainText.indexOf(quote));
    Anchor anchor = Anchoring::anchorFor(pdf.plainText, at, at + int(quote.size()));
    anchor.sheet = pdf.pdfText.sheetAt(at);
    return anchor;
}

} // namespace

// The desktop window over a real in-process server and real clients.
class tst_MainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<AppContext> m_context;

    MainWindow *openWindow(const QString &token = {}, const QString &tenant = u"local"_s)
    {
        AppContext::Settings settings;
        settings.servers = {m_server->url()};
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

    // A new chat by a peer, seen by the window.
    static QString othersChat(TestClient *other, MainWindow *window,
                              const QString &text = u"A remark"_s)
    {
        const QString chatId = TestClient::uuid();
        const int rows = window->model()->rowCount();
        other->send(TestClient::newChat(chatId, TestClient::uuid(), text));
        other->next(u"new-text-chat"_s);
        [&] { QTRY_COMPARE(window->model()->rowCount(), rows + 1); }();
        return chatId;
    }

    void restartWithFrameLimit(qint64 bytes)
    {
        m_server->stop();
        m_server->config.limits.frameBytes = bytes;
        QVERIFY(m_server->restart());
    }

    static QPushButton *sendButton(MainWindow *window)
    {
        return window->chatPanel()->findChild<QPushButton *>(u"sendReply"_s);
    }

    // A link to the chat on the test server, as the window's Glosa makes it.
    ChatLink linkTo(const QString &page, const QString &chatId) const
    {
        return {m_server->url(), u"local"_s, page, chatId};
    }

    // Publishes a text document on `page` as another user.
    void publish(const QString &page, const QString &content)
    {
        TestClient publisher;
        QVERIFY(publisher.open(m_server->url()));
        QVERIFY(!publisher.join(QString()).isEmpty());
        publisher.send({{"type"_L1, "publish-document"_L1},
                        {"broadcastId"_L1, TestClient::uuid()},
                        {"document"_L1, QJsonObject{{"page"_L1, page},
                                                    {"title"_L1, "Published"_L1},
                                                    {"format"_L1, "text"_L1},
                                                    {"content"_L1, content}}}});
        QVERIFY(!publisher.next(u"document-published"_s).isEmpty());
    }

    // The badges a row of the thread list shows.
    static QStringList badges(MainWindow *window, const QModelIndex &index)
    {
        QStringList texts;
        const ChatDelegate::Texts shown = window->chatPanel()->delegate()->textsFor(index);
        for (const ChatDelegate::Badge &badge : shown.badges)
            texts.append(badge.text);
        return texts;
    }

    // A reply by a peer to a chat, seen by the window.
    static void othersReply(TestClient *other, MainWindow *window, const QString &chatId)
    {
        const qsizetype comments = window->session()->chat(chatId)->comments.size();
        other->send(
            TestClient::update(chatId, {{u"op"_s, u"add-comment"_s},
                                        {u"comment"_s, QJsonObject{{u"id"_s, TestClient::uuid()},
                                                                   {u"text"_s, u"Indeed"_s}}}}));
        other->next(u"updated-text-chat"_s);
        [&] { QTRY_COMPARE(window->session()->chat(chatId)->comments.size(), comments + 1); }();
    }

    // A new chat by a peer on `anchor`, seen by the window.
    static QString othersChatOn(TestClient *other, MainWindow *window, const Anchor &anchor)
    {
        QJsonObject request = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
        QJsonObject chat = request.value("chat"_L1).toObject();
        QJsonObject json{{"start"_L1, anchor.start},
                         {"end"_L1, anchor.end},
                         {"exact"_L1, anchor.exact},
                         {"prefix"_L1, anchor.prefix},
                         {"suffix"_L1, anchor.suffix}};
        if (anchor.hasSheet())
            json.insert("sheet"_L1, anchor.sheet);
        chat.insert("anchor"_L1, json);
        request.insert("chat"_L1, chat);
        other->send(request);
        other->next(u"new-text-chat"_s);
        const QString chatId = chat.value("id"_L1).toString();
        [&] { QTRY_VERIFY(window->session()->chat(chatId)); }();
        return chatId;
    }

    static Anchor textAnchor(MainWindow *window, const QString &quote)
    {
        const QString &text = window->document().plainText;
        const int at = int(text.indexOf(quote));
        return Anchoring::anchorFor(text, at, at + int(quote.size()));
    }

    TestClient *peer(QObject *parent, const QString &page = document().document.page)
    {
        auto *client = new TestClient(parent);
        client->open(m_server->url());
        client->join(page);
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
        // A home of its own for every test: what the app keeps (outboxes, page caches, drafts,
        // settings) is named by the server's address, and a port comes round again, in another
        // run or in the test running beside this one.
        m_home = std::make_unique<QTemporaryDir>();
        qputenv("HOME", QFile::encodeName(m_home->path()));
        m_server = std::make_unique<TestServer>();
        m_server->config.batchMs = 0;
        m_server->config.tenants = {{u"local"_s, {}, true, {}}, {u"acme"_s, "s", false, {}}};
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

    void chatFromTheUiReachesOthers()
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
        window->chatPanel()->selectChat(chat.value("id"_L1).toString());
        window->chatPanel()->replyEditor()->setPlainText(u"Because it is."_s);
        auto *reply = window->chatPanel()->findChild<QPushButton *>();
        for (QPushButton *b : window->chatPanel()->findChildren<QPushButton *>())
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
        QVERIFY(window->chatPanel()->replyEditor()->toPlainText().isEmpty());
    }

    void replyBoxKeyboardAndLimit()
    {
        MainWindow *window = openWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QTRY_VERIFY(live(window));
        TestClient *other = peer(this);
        const QString chatId = othersChat(other, window);
        ChatPanel *panel = window->chatPanel();
        panel->selectChat(chatId);
        auto *send = panel->findChild<QPushButton *>(u"sendReply"_s);
        QPlainTextEdit *box = panel->replyEditor();

        box->setPlainText(QString(10001, u'x'));
        QVERIFY(!send->isEnabled());
        QVERIFY(send->toolTip().contains(u"1 character over the limit"_s));
        QVERIFY(panel->replyField()->counter()->isVisible());
        QTest::keyClick(box, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(window->session()->client()->pendingCount(), 0);

        box->clear();
        box->setFocus();
        QTest::keyClicks(box, u"Sent from the keyboard"_s);
        QTest::keyClick(box, Qt::Key_Tab);
        QVERIFY(QApplication::focusWidget() != box);
        QCOMPARE(box->toPlainText(), u"Sent from the keyboard"_s);
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Return, Qt::ControlModifier);
        const QJsonObject added = other->next(u"updated-text-chat"_s);
        QCOMPARE(added["change"_L1]["comment"_L1]["text"_L1].toString(),
                 u"Sent from the keyboard"_s);
        QVERIFY(box->toPlainText().isEmpty());
    }

    void replyStaysWithItsDeletedChat()
    {
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        TestClient *other = peer(this);
        ChatPanel *panel = window->chatPanel();
        const QString doomed = othersChat(other, window, u"To be deleted"_s);
        const QString kept = othersChat(other, window, u"Stays"_s);
        panel->selectChat(doomed);
        panel->replyEditor()->setPlainText(u"My answer"_s);

        other->send(TestClient::deleteChat(doomed));
        other->next(u"deleted-text-chat"_s);
        QTRY_COMPARE(window->model()->rowCount(), 1);
        // The selection moved on; the reply did not.
        QCOMPARE(panel->selectedChat(), kept);
        QVERIFY(panel->deletedNotice()->isVisible());
        QCOMPARE(panel->replyChat(), doomed);
        QCOMPARE(panel->replyEditor()->toPlainText(), u"My answer"_s);
        QVERIFY(!sendButton(window)->isEnabled());
        QCOMPARE(sendButton(window)->toolTip(), u"The thread was deleted."_s);
        QTest::keyClick(panel->replyEditor(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(window->session()->client()->pendingCount(), 0);
        QCOMPARE(window->session()->chat(kept)->comments.size(), 1);

        // A new chat on the same passage, with the reply.
        whenModal<CommentEditor>([](CommentEditor *editor) {
            QCOMPARE(editor->text(), u"My answer"_s);
            editor->accept();
        });
        QTest::mouseClick(panel->deletedNotice()->findChild<QPushButton *>(u"newChatFromDraft"_s),
                          Qt::LeftButton);
        const QJsonObject chat = other->next(u"new-text-chat"_s)["chat"_L1].toObject();
        QCOMPARE(chat["anchor"_L1]["exact"_L1].toString(), u"quick"_s);
        QCOMPARE(chat["anchor"_L1]["start"_L1].toInt(), 10);
        QCOMPARE(chat["comments"_L1][0]["text"_L1].toString(), u"My answer"_s);
        QVERIFY(!panel->deletedNotice()->isVisible());
        QVERIFY2(panel->drafts()->keys().isEmpty(), qPrintable(panel->drafts()->keys().join(u' ')));
    }

    void deletedChatsReplyCanBeCopied()
    {
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        TestClient *other = peer(this);
        ChatPanel *panel = window->chatPanel();
        const QString doomed = othersChat(other, window, u"To be deleted"_s);
        panel->selectChat(doomed);
        panel->replyEditor()->setPlainText(u"Worth keeping"_s);
        other->send(TestClient::deleteChat(doomed));
        QTRY_VERIFY(panel->deletedNotice()->isVisible());
        QTest::mouseClick(panel->deletedNotice()->findChild<QPushButton *>(u"copyDraft"_s),
                          Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), u"Worth keeping"_s);
        QVERIFY(!panel->deletedNotice()->isVisible());
        QVERIFY(panel->replyEditor()->toPlainText().isEmpty());
        QVERIFY2(panel->drafts()->keys().isEmpty(), qPrintable(panel->drafts()->keys().join(u' ')));
    }

    void repliesAreDraftsPerChatThatOutliveTheWindow()
    {
        QPointer<MainWindow> window = openWindow();
        QTRY_VERIFY(live(window));
        TestClient *other = peer(this);
        const QString a = othersChat(other, window, u"First"_s);
        const QString b = othersChat(other, window, u"Second"_s);
        ChatPanel *panel = window->chatPanel();
        panel->selectChat(a);
        panel->replyEditor()->setPlainText(u"Draft for the first"_s);
        panel->selectChat(b);
        QVERIFY(panel->replyEditor()->toPlainText().isEmpty());
        panel->replyEditor()->setPlainText(u"Draft for the second"_s);
        panel->selectChat(a);
        QCOMPARE(panel->replyEditor()->toPlainText(), u"Draft for the first"_s);
        const QString file = DraftStore::pathFor(window->session()->client()->options());

        window->close();
        QTRY_VERIFY(!window);
        QVERIFY(QFile::exists(file));
        auto *again = new MainWindow(m_context.get());
        again->openDocument(document());
        again->show();
        QTRY_COMPARE(again->model()->rowCount(), 2);
        again->chatPanel()->selectChat(b);
        QCOMPARE(again->chatPanel()->replyEditor()->toPlainText(), u"Draft for the second"_s);
        again->chatPanel()->selectChat(a);
        QCOMPARE(again->chatPanel()->replyEditor()->toPlainText(), u"Draft for the first"_s);
    }

    void escapeAsksBeforeDiscardingAReply()
    {
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        TestClient *other = peer(this);
        const QString chatId = othersChat(other, window, u"A chat"_s);
        ChatPanel *panel = window->chatPanel();
        panel->selectChat(chatId);
        QTest::keyClicks(panel->replyEditor(), u"Half a thought"_s);
        answerQuestion(QMessageBox::Cancel);
        QTest::keyClick(panel->replyEditor(), Qt::Key_Escape);
        QCOMPARE(panel->replyEditor()->toPlainText(), u"Half a thought"_s);
        answerQuestion(QMessageBox::Discard);
        QTest::keyClick(panel->replyEditor(), Qt::Key_Escape);
        QVERIFY(panel->replyEditor()->toPlainText().isEmpty());
        QVERIFY(panel->drafts()->text(DraftStore::replyKey(chatId)).isEmpty());
    }

    void cancellingANewChatAsksAndCanKeepADraft()
    {
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        QTextCursor cursor = window->documentView()->textCursor();
        cursor.setPosition(4);
        cursor.setPosition(9, QTextCursor::KeepAnchor);
        window->documentView()->setTextCursor(cursor);
        whenModal<CommentEditor>([](CommentEditor *editor) {
            editor->editor()->setPlainText(u"Half a thought"_s);
            answerQuestion(QMessageBox::Cancel); // keep writing
            QTest::keyClick(editor->editor(), Qt::Key_Escape);
            QVERIFY(editor->isVisible());
            answerQuestion(QMessageBox::Save); // keep as a draft
            editor->reject();
        });
        window->startChat();
        QCOMPARE(window->model()->rowCount(), 0);
        whenModal<CommentEditor>([](CommentEditor *editor) {
            QCOMPARE(editor->text(), u"Half a thought"_s);
            answerQuestion(QMessageBox::Discard);
            editor->reject();
        });
        window->startChat();
        whenModal<CommentEditor>([](CommentEditor *editor) {
            QVERIFY(editor->text().isEmpty());
            editor->reject(); // nothing to lose: no question
        });
        window->startChat();
        QCOMPARE(window->model()->rowCount(), 0);
        QVERIFY2(window->chatPanel()->drafts()->keys().isEmpty(),
                 qPrintable(window->chatPanel()->drafts()->keys().join(u' ')));
    }

    void rejectedReplyComesBackToItsBox()
    {
        restartWithFrameLimit(4096);
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        const QString chatId = othersChat(peer(this), window);
        ChatPanel *panel = window->chatPanel();
        panel->selectChat(chatId);
        const QString text(5000, u'r');
        panel->replyEditor()->setPlainText(text);
        QTest::mouseClick(sendButton(window), Qt::LeftButton);
        QVERIFY(panel->replyEditor()->toPlainText().isEmpty());
        QTRY_COMPARE(panel->replyEditor()->toPlainText(), text);
        QVERIFY(panel->banner()->isVisible());
        QVERIFY(panel->banner()->text().contains(u"back in its reply box"_s));
        QCOMPARE(window->session()->chat(chatId)->comments.size(), 1);
    }

    void refusedEditCanBeEditedAgain()
    {
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        const QString chatId = window->session()->startChat({4, 9, u"quick"_s, {}, {}}, u"Mine"_s);
        QTRY_COMPARE(window->session()->client()->pendingCount(), 0);
        const QString commentId = window->session()->chat(chatId)->comments.first().id;
        // Too long for the server (a client without the dialog's limit could send it).
        const QString tooLong = QString(10001, u'x');
        window->session()->editComment(chatId, commentId, tooLong);
        ChatPanel *panel = window->chatPanel();
        QTRY_VERIFY(panel->banner()->isVisible());
        QCOMPARE(window->session()->chat(chatId)->comments.first().text, u"Mine"_s);
        QVERIFY(panel->banner()->text().contains(u"Edit again"_s));
        whenModal<CommentEditor>([tooLong](CommentEditor *editor) {
            QCOMPARE(editor->windowTitle(), u"Edit comment"_s);
            QCOMPARE(editor->text(), tooLong);
            QCOMPARE(editor->field()->counter()->text(), u"1 character over the limit"_s);
            editor->editor()->setPlainText(u"Mine, shorter"_s);
            editor->accept();
        });
        Q_EMIT panel->banner()->linkActivated(u"#"_s);
        QTRY_COMPARE(window->session()->chat(chatId)->comments.first().text, u"Mine, shorter"_s);
        QVERIFY2(panel->drafts()->keys().isEmpty(), qPrintable(panel->drafts()->keys().join(u' ')));
    }

    void deletingACommentAsksFirst()
    {
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        PageSession *session = window->session().get();
        const QString chatId = session->startChat({4, 9, u"quick"_s, {}, {}}, u"Mine"_s);
        session->reply(chatId, u"A second thought"_s);
        QTRY_COMPARE(session->client()->pendingCount(), 0);
        ChatPanel *panel = window->chatPanel();
        panel->selectChat(chatId);
        QTreeView *view = panel->view();
        const QModelIndex reply = view->model()->index(1, 0, view->currentIndex());
        QCOMPARE(reply.data(ChatModel::TextRole).toString(), u"A second thought"_s);
        const auto deleteFromMenu = [view, reply](QMessageBox::StandardButton answer) {
            QTimer::singleShot(0, [answer] {
                auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
                QVERIFY(menu);
                for (QAction *action : menu->actions()) {
                    if (action->text() == u"Delete…"_s) {
                        answerQuestion(answer);
                        action->trigger();
                    }
                }
                menu->close();
            });
            Q_EMIT view->customContextMenuRequested(view->visualRect(reply).center());
        };
        deleteFromMenu(QMessageBox::No);
        QCOMPARE(session->client()->pendingCount(), 0);
        QVERIFY(!session->chat(chatId)->comments.at(1).deleted);
        deleteFromMenu(QMessageBox::Yes);
        QVERIFY(session->chat(chatId)->comments.at(1).deleted);
    }

    void othersChatsAppear()
    {
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        TestClient *other = peer(this);
        other->send(TestClient::newChat(TestClient::uuid(), TestClient::uuid(), u"From afar"_s));
        QTRY_COMPARE(window->model()->rowCount(), 1);
        // The flash lasts a moment: it is looked at as soon as the chat is there.
        QVERIFY(window->chatPanel()->delegate()->isFlashing(
            window->model()->index(0, 0).data(ChatModel::IdRole).toString()));
        QTRY_COMPARE(window->documentView()->highlightCount(), 1);
        QTRY_COMPARE(window->topBar()->chatsText(), u"1 open thread"_s);
        // Clicking the highlight opens its chat.
        const QString chatId = window->model()->index(0, 0).data(ChatModel::IdRole).toString();
        const QRect at = window->documentView()->cursorRect([&] {
            QTextCursor c(window->documentView()->document());
            c.setPosition(6);
            return c;
        }());
        QTest::mouseClick(window->documentView()->viewport(), Qt::LeftButton, {}, at.center());
        QTRY_COMPARE(window->chatPanel()->selectedChat(), chatId);
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
        window->session()->startChat({0, 3, u"The"_s, {}, {}}, u"Written offline"_s);
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
        first->session()->startChat({4, 9, u"quick"_s, {}, {}}, u"Seen twice"_s);
        QCOMPARE(second->model()->rowCount(), 1);
        QTRY_COMPARE(second->documentView()->highlightCount(), 1);
        const QString chatId = second->model()->index(0, 0).data(ChatModel::IdRole).toString();
        second->session()->setResolved(chatId, true);
        QVERIFY(first->model()->index(0, 0).data(ChatModel::ResolvedRole).toBool());
        // One user in two windows counts once.
        QTRY_VERIFY(!first->session()->isPending(chatId));
        QCOMPARE(first->topBar()->viewersText(), u"1 viewing"_s);
    }

    // A server with a smaller frame limit than the app's own checks refuses a long comment:
    // it shows at once, is undone visibly, and what was typed can be edited again.
    void refusedChangeIsShownAndUndone()
    {
        restartWithFrameLimit(4096);
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        QTextCursor cursor = window->documentView()->textCursor();
        cursor.setPosition(10);
        cursor.setPosition(15, QTextCursor::KeepAnchor);
        window->documentView()->setTextCursor(cursor);
        const QString text(5000, u'w');
        answerCommentEditor(text);
        window->startChat();
        QCOMPARE(window->model()->rowCount(), 1); // shown at once
        QTRY_COMPARE(window->model()->rowCount(), 0);
        QTRY_VERIFY(window->chatPanel()->banner()->isVisible());
        QVERIFY(window->chatPanel()->banner()->text().contains(u"too long"_s));
        // What was typed is kept: "Edit again" opens it.
        whenModal<CommentEditor>([text](CommentEditor *editor) {
            QCOMPARE(editor->text(), text);
            editor->accept();
        });
        Q_EMIT window->chatPanel()->banner()->linkActivated(u"#"_s);
        QCOMPARE(window->model()->rowCount(), 1); // sent again, and refused again
        QTRY_COMPARE(window->model()->rowCount(), 0);
    }

    // A viewer's window is read-only, and says why wherever a change would start.
    void viewerSeesThePageReadOnly()
    {
        TestClient member(this);
        member.open(m_server->url());
        member.join(document().document.page, u"acme"_s,
                    TestServer::token(u"acme"_s, "s", u"mia"_s, u"member"_s));
        const QString chatId = TestClient::uuid();
        member.send(TestClient::newChat(chatId, TestClient::uuid()));
        QVERIFY(!member.next(u"new-text-chat"_s).isEmpty());
        MainWindow *window =
            openWindow(TestServer::token(u"acme"_s, "s", u"vera"_s, u"viewer"_s), u"acme"_s);
        QTRY_VERIFY(live(window));
        QTRY_COMPARE(window->model()->rowCount(), 1);
        ChatPanel *panel = window->chatPanel();
        panel->selectChat(chatId);
        QVERIFY(!panel->replyEditor()->isEnabled());
        QVERIFY(!sendButton(window)->isEnabled());
        QVERIFY(sendButton(window)->toolTip().contains(u"viewer"_s));
        const auto button = [panel](const QString &text) {
            const QList<QPushButton *> buttons = panel->findChildren<QPushButton *>();
            for (QPushButton *b : buttons) {
                if (b->text() == text)
                    return b;
            }
            return static_cast<QPushButton *>(nullptr);
        };
        QVERIFY(button(u"Resolve"_s) && !button(u"Resolve"_s)->isEnabled());
        QVERIFY(button(u"Resolve"_s)->toolTip().contains(u"viewer"_s));
        QVERIFY(button(u"Delete thread"_s) && !button(u"Delete thread"_s)->isEnabled());

        QTextCursor cursor = window->documentView()->textCursor();
        cursor.setPosition(10);
        cursor.setPosition(15, QTextCursor::KeepAnchor);
        window->documentView()->setTextCursor(cursor);
        QTRY_VERIFY(window->documentView()->commentButton()->isVisible());
        QVERIFY(!window->documentView()->commentButton()->isEnabled());
        QVERIFY(window->documentView()->commentButton()->toolTip().contains(u"viewer"_s));
        window->startChat(); // no editor opens
        QVERIFY(!QApplication::activeModalWidget());
        QVERIFY(window->statusBar()->currentMessage().contains(u"viewer"_s));
        QCOMPARE(window->model()->rowCount(), 1);
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
            chats.append(startChatOn(window, u"Line %1 of"_s.arg(i)));
        QTRY_COMPARE(window->session()->client()->pendingCount(), 0);
        DocumentView *view = window->documentView();
        // Every chat whose passage is on screen is highlighted; there is one at least.
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
        const QString chatId = startChatOn(first, u"laid out"_s);
        QTRY_VERIFY(!first->session()->isPending(chatId));

        // Another window opens it with its chats already there.
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

    void fileThatChangesKeepsItsChats()
    {
        const QString original = u"Glosa keeps notes.\n\nThe quick brown fox jumps over the lazy "
                                 "dog.\n\nKeep reading."_s;
        const QString edited = u"A new first line, longer than the old one.\n\nThe quick brown "
                               "fox jumps over the lazy dog.\n\nKeep reading!"_s;
        QTemporaryDir dir;
        const QString path = dir.filePath(u"notes.txt"_s);
        QVERIFY(writeFile(path, original));
        MainWindow *window = openWindow();
        QVERIFY(window->openFile(path));
        const QString page = window->session()->client()->options().page;
        QCOMPARE(page, LoadedDocument::fromLocalText({}, u"text"_s, original).document.page);
        QTRY_VERIFY(live(window));
        const QString gone = startChatOn(window, u"Glosa keeps notes"_s);
        const QString fox = startChatOn(window, u"quick brown fox"_s);
        const QString dog = startChatOn(window, u"lazy dog"_s);
        const QString reading = startChatOn(window, u"Keep reading."_s);
        QTRY_COMPARE(window->session()->client()->pendingCount(), 0);
        QVERIFY(window->notice()->text().isEmpty());
        QVERIFY(window->orphanList()->isHidden());

        // Changed while open: reloaded on the same page, its chats re-anchored.
        QVERIFY(writeFile(path, edited));
        QTRY_COMPARE(window->documentView()->toPlainText(), edited);
        QCOMPARE(window->session()->client()->options().page, page);
        QCOMPARE(window->model()->rowCount(), 4);
        QCOMPARE(window->notice()->text(),
                 u"The file changed: 3 threads moved, 1 could not be placed."_s);
        QTRY_COMPARE(highlightStart(window->documentView(), fox),
                     int(edited.indexOf(u"quick brown fox"_s)));
        QTRY_COMPARE(highlightStart(window->documentView(), reading),
                     int(edited.indexOf(u"Keep reading!"_s)));
        QVERIFY(highlightStart(window->documentView(), dog) > 0);
        QVERIFY(highlightStart(window->documentView(), gone) < 0);
        // The one that could not be placed is listed with its quote, and opens its chat.
        QListWidget *orphans = window->orphanList()->list();
        QTRY_VERIFY(window->orphanList()->isVisible());
        QCOMPARE(orphans->count(), 1);
        QVERIFY(orphans->item(0)->text().contains(u"“Glosa keeps notes”"_s));
        QTest::mouseClick(orphans->viewport(), Qt::LeftButton, {},
                          orphans->visualItemRect(orphans->item(0)).center());
        QTRY_COMPARE(window->chatPanel()->selectedChat(), gone);

        // Saved by renaming a new file over it, then in place again: both are followed.
        const QString more = edited + u"\n\nOne more line."_s;
        QVERIFY(saveByRename(path, more));
        QTRY_COMPARE(window->documentView()->toPlainText(), more);
        QVERIFY(writeFile(path, original));
        QTRY_COMPARE(window->documentView()->toPlainText(), original);
        QTRY_COMPARE(highlightStart(window->documentView(), gone), 0);
        QTRY_VERIFY(window->orphanList()->isHidden());

        // Opened again later, changed, it is still on its first page, and says so.
        QVERIFY(writeFile(path, edited));
        auto *again = new MainWindow(m_context.get());
        QVERIFY(again->openFile(path));
        QCOMPARE(again->session()->client()->options().page, page);
        QCOMPARE(again->model()->rowCount(), 4);
        QCOMPARE(again->notice()->text(),
                 u"The file changed: 3 threads moved, 1 could not be placed."_s);
    }

    void publishedDocumentOpensWithItsBody()
    {
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        window->publish();
        QTRY_VERIFY(window->statusBar()->currentMessage().startsWith(u"Published"_s));
        // The window's own page now has a document on the server: opened from there, it shows.
        window->openServerPage(document().document.page, u"Fox"_s);
        QTRY_COMPARE(window->documentView()->toPlainText(), Text);
        auto *other = new MainWindow(m_context.get());
        other->openServerPage(document().document.page, u"Fox"_s);
        QTRY_COMPARE(other->documentView()->toPlainText(), Text);
    }

    void newVersionFromTheServerIsShownReanchored()
    {
        const QString first = u"Chapter one. The quick brown fox jumps."_s;
        const QString second = u"Preface. The quick brown fox jumps over it."_s;
        TestClient publisher(this);
        QVERIFY(publisher.open(m_server->url()));
        QVERIFY(!publisher.join(QString(), u"acme"_s, TestServer::token(u"acme"_s, "s", u"pia"_s))
                     .isEmpty());
        const auto publish = [&](const QString &title, const QString &content) {
            publisher.send({{"type"_L1, "publish-document"_L1},
                            {"broadcastId"_L1, TestClient::uuid()},
                            {"document"_L1, QJsonObject{{"page"_L1, "handbook"_L1},
                                                        {"title"_L1, title},
                                                        {"format"_L1, "text"_L1},
                                                        {"content"_L1, content}}}});
            return !publisher.next(u"document-published"_s).isEmpty();
        };
        QVERIFY(publish(u"Handbook"_s, first));

        MainWindow *window = openWindow(TestServer::token(u"acme"_s, "s", u"rob"_s), u"acme"_s);
        window->openServerPage(u"handbook"_s, u"Handbook"_s);
        QTRY_COMPARE(window->documentView()->toPlainText(), first);
        QTRY_VERIFY(live(window));
        const QString chapter = startChatOn(window, u"Chapter one"_s);
        const QString fox = startChatOn(window, u"quick brown fox"_s);
        QTRY_COMPARE(window->session()->client()->pendingCount(), 0);

        QVERIFY(publish(u"Handbook, 2nd edition"_s, second));
        QTRY_COMPARE(window->documentView()->toPlainText(), second);
        QVERIFY(window->windowTitle().startsWith(u"Handbook, 2nd edition"_s));
        QCOMPARE(window->notice()->text(),
                 u"The document changed: 1 thread moved, 1 could not be placed."_s);
        QTRY_COMPARE(highlightStart(window->documentView(), fox),
                     int(second.indexOf(u"quick brown fox"_s)));
        QVERIFY(highlightStart(window->documentView(), chapter) < 0);
        QTRY_COMPARE(window->orphanList()->list()->count(), 1);
        QCOMPARE(window->orphanList()->list()->item(0)->data(Qt::UserRole).toString(), chapter);
    }

    // Each author has a colour of their own, the same everywhere: their highlights have it.
    void authorsHaveTheirColours()
    {
        QCOMPARE(AuthorColor::of(u"anon:abc"_s), AuthorColor::of(u"anon:abc"_s));
        QVERIFY(AuthorColor::of(u"anon:abc"_s) != AuthorColor::of(u"anon:abd"_s));
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        TestClient *other = peer(this);
        const QString mine = startChatOn(window, u"second paragraph"_s);
        const QString theirs = othersChat(other, window);
        QTRY_COMPARE(window->documentView()->highlightCount(), 2);
        QHash<QString, QColor> colours;
        for (const QTextEdit::ExtraSelection &s : window->documentView()->extraSelections())
            colours.insert(s.format.property(QTextFormat::UserProperty).toString(),
                           s.format.background().color());
        for (const QString &id : {mine, theirs}) {
            const QString author = window->session()->chat(id)->author.id;
            QCOMPARE(colours.value(id), HighlightColors::open(author));
        }
        QVERIFY(colours.value(mine) != colours.value(theirs));
    }

    // Finding threads as one types (quotes, comments, authors), one author's threads, and going
    // from one thread to the next with F8 (Shift+F8 back), the document following.
    void findAndFollowThreads()
    {
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        TestClient *other = peer(this);
        const QString first = startChatOn(window, u"quick"_s);
        const QString second = othersChat(other, window, u"Foxes are not lazy"_s);
        const QString third = startChatOn(window, u"second paragraph"_s);
        QTRY_COMPARE(window->session()->client()->pendingCount(), 0);
        ChatPanel *panel = window->chatPanel();
        QTreeView *list = panel->view();
        QCOMPARE(list->model()->rowCount(), 3);

        QTest::keyClicks(panel->searchField(), u"LAZY"_s);
        QCOMPARE(list->model()->rowCount(), 1);
        QCOMPARE(list->model()->index(0, 0).data(ChatModel::IdRole).toString(), second);
        panel->searchField()->clear();
        QTest::keyClicks(panel->searchField(), u"paragraph"_s); // a quote
        QCOMPARE(list->model()->rowCount(), 1);
        QCOMPARE(list->model()->index(0, 0).data(ChatModel::IdRole).toString(), third);
        panel->searchField()->clear();
        QTest::keyClicks(panel->searchField(), u"ana"_s); // an author's name
        QCOMPARE(list->model()->rowCount(), 2);
        panel->searchField()->clear();
        QTest::keyClicks(panel->searchField(), u"nothing like it"_s);
        QCOMPARE(list->model()->rowCount(), 0);
        QVERIFY(panel->findChild<QLabel *>(u"noChats"_s)->isVisible());
        panel->searchField()->clear();

        // The other user's threads: the author list knows both.
        QComboBox *author = panel->authorFilter();
        QCOMPARE(author->count(), 3); // anyone, Ana and the guest
        author->setCurrentIndex(author->findText(u"Ana"_s));
        QCOMPARE(list->model()->rowCount(), 2);
        author->setCurrentIndex(0);
        QCOMPARE(list->model()->rowCount(), 3);

        // F8 goes through them in document order and round again; Shift+F8 back.
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        for (const QString &id : {first, second, third, first}) {
            QTest::keyClick(window, Qt::Key_F8);
            QCOMPARE(panel->selectedChat(), id);
            QCOMPARE(window->documentView()->selectedChat(), id);
        }
        QTest::keyClick(window, Qt::Key_F8, Qt::ShiftModifier);
        QCOMPARE(panel->selectedChat(), third);

        // A thread the search hides, opened from its highlight: the search gives way.
        QTest::keyClicks(panel->searchField(), u"lazy"_s);
        panel->selectChat(first);
        QCOMPARE(panel->selectedChat(), first);
        QVERIFY(panel->searchField()->text().isEmpty());
    }

    // A PDF from a file: shown as sheets, on the page of its bytes (the same file meets on the
    // same page), its chats anchored in its text with their sheet, both ways, in every window.
    void pdfChatsTravelWithTheirSheet()
    {
        QTemporaryDir dir;
        const QByteArray bytes = TestPdf::numbered(5);
        QVERIFY(writeBytes(dir.filePath(u"paper.pdf"_s), bytes));
        MainWindow *window = openWindow();
        QVERIFY(window->openFile(dir.filePath(u"paper.pdf"_s)));
        QVERIFY(window->document().isPdf());
        // The text of a PDF is read after it shows.
        QVERIFY(window->document().textPending);
        QTRY_VERIFY(!window->document().textPending);
        const QString page = u"file/"_s + Document::sha256Of(bytes);
        QCOMPARE(window->session()->client()->options().page, page);
        QCOMPARE(window->findChild<QStackedWidget *>()->currentWidget(), window->pdfView());
        QCOMPARE(window->pdfView()->sheetCount(), 5);
        QTRY_VERIFY(live(window));
        TestClient other(this);
        QVERIFY(other.open(m_server->url()));
        QVERIFY(!other.join(page).isEmpty());
        QVERIFY(!other.next(u"snapshot"_s).isEmpty());

        // Found with Ctrl+F, selected, commented on.
        const QString quote = TestPdf::numberedLine(2, 1).left(20);
        const Anchor anchor = pdfAnchor(window->document(), quote);
        QCOMPARE(anchor.sheet, 2);
        QVERIFY(window->pdfView()->find(quote, false));
        answerCommentEditor(u"On page three"_s);
        window->startChat();
        // The passage has its thread: no selection is left to offer another.
        QVERIFY(!window->pdfView()->selectionAnchor());
        const QJsonObject sent = other.next(u"new-text-chat"_s)
                                     .value("chat"_L1)
                                     .toObject()
                                     .value("anchor"_L1)
                                     .toObject();
        QCOMPARE(sent.value("sheet"_L1).toInt(), 2);
        QCOMPARE(sent.value("exact"_L1).toString(), quote);
        QCOMPARE(sent.value("start"_L1).toInt(), anchor.start);

        // The other user's chat on the fifth page: listed, and selecting it shows its passage
        // highlighted, in this window and in a second one on the page.
        const Anchor theirs = pdfAnchor(window->document(), TestPdf::numberedLine(4, 2));
        QJsonObject request = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
        QJsonObject chat = request.value("chat"_L1).toObject();
        chat.insert("anchor"_L1, QJsonObject{{"start"_L1, theirs.start},
                                             {"end"_L1, theirs.end},
                                             {"exact"_L1, theirs.exact},
                                             {"prefix"_L1, theirs.prefix},
                                             {"sheet"_L1, theirs.sheet}});
        request.insert("chat"_L1, chat);
        other.send(request);
        const QString chatId = chat.value("id"_L1).toString();
        QTRY_COMPARE(window->model()->rowCount(), 2);
        QCOMPARE(window->session()->chat(chatId)->anchor.sheet, 4);
        // The view's keys work wherever the focus is in the window.
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        window->chatPanel()->replyEditor()->setFocus();
        const qreal zoom = window->pdfView()->zoom();
        QTest::keyClick(window->chatPanel()->replyEditor(), Qt::Key_Equal, Qt::ControlModifier);
        QVERIFY(window->pdfView()->zoom() > zoom);

        MainWindow *second = window->newWindow();
        for (MainWindow *w : {window, second}) {
            w->chatPanel()->selectChat(chatId);
            QTRY_COMPARE(w->pdfView()->currentSheet(), 4);
            QTRY_VERIFY(!w->pdfView()->highlightRects(chatId).isEmpty());
            const QRectF shown = w->pdfView()->highlightRects(chatId).first();
            QVERIFY(w->pdfView()->viewport()->rect().intersects(shown.toRect()));
        }
    }

    // Published, a PDF's bytes go to the server with their progress shown, and a window that
    // opens the page from the server brings them back, checked, and shows the PDF; offline too,
    // from the copy it kept.
    void publishedPdfOpensFromTheServer()
    {
        QTemporaryDir dir;
        // Three pieces and a bit: the transfer takes several steps.
        QByteArray bytes = TestPdf::numbered(4);
        bytes.insert(bytes.lastIndexOf("%%EOF"), "%" + QByteArray(3 * 512 * 1024, 'x') + "\n");
        QVERIFY(writeBytes(dir.filePath(u"big.pdf"_s), bytes));
        MainWindow *window = openWindow();
        QVERIFY(window->openFile(dir.filePath(u"big.pdf"_s)));
        QTRY_VERIFY(live(window));
        QSignalSpy uploading(window->transferProgress(), &QProgressBar::valueChanged);
        window->publish();
        QTRY_VERIFY_WITH_TIMEOUT(window->statusBar()->currentMessage().startsWith(u"Published"_s),
                                 20000);
        QVERIFY(uploading.size() >= 3);
        QCOMPARE(uploading.last().first().toInt(), window->transferProgress()->maximum());
        QVERIFY(!window->transferProgress()->isVisible());

        // Another computer: its own folder of kept contents.
        QStandardPaths::setTestModeEnabled(false);
        qputenv("XDG_DATA_HOME", dir.filePath(u"elsewhere"_s).toUtf8());
        const auto restore = qScopeGuard([] {
            qunsetenv("XDG_DATA_HOME");
            QStandardPaths::setTestModeEnabled(true);
        });
        // Listed as a PDF, with its size.
        {
            DocumentDirectory *directory = m_context->newDirectory(this);
            OpenFromServerDialog dialog(directory);
            auto *list = dialog.findChild<QListWidget *>();
            QTRY_COMPARE(list->count(), 1);
            QCOMPARE(list->item(0)->text(),
                     u"big (PDF, %1)"_s.arg(QLocale().formattedDataSize(bytes.size())));
        }

        // A thread on it, which the reader finds in place, with nothing said about moving.
        QTRY_VERIFY(!window->document().textPending);
        window->session()->startChat(pdfAnchor(window->document(), TestPdf::numberedLine(3, 0)),
                                     u"Last page"_s);
        QTRY_COMPARE(window->session()->client()->pendingCount(), 0);
        const QString page = window->document().document.page;
        auto *reader = new MainWindow(m_context.get());
        QSignalSpy downloading(reader->transferProgress(), &QProgressBar::valueChanged);
        reader->openServerPage(page, u"Big"_s);
        QTRY_VERIFY_WITH_TIMEOUT(reader->document().isPdf(), 20000);
        QCOMPARE(reader->document().pdf, bytes);
        QCOMPARE(reader->pdfView()->sheetCount(), 4);
        QVERIFY(downloading.size() >= 3);
        QCOMPARE(reader->windowTitle(), u"big — Glosa"_s);
        QTRY_VERIFY(!reader->document().textPending);
        QCOMPARE(reader->model()->rowCount(), 1);
        QCOMPARE(reader->orphanList()->list()->count(), 0);
        QVERIFY(reader->notice()->isHidden());
        delete reader;

        m_server->stop();
        auto *offline = new MainWindow(m_context.get());
        offline->openServerPage(page, u"Big"_s);
        QTRY_VERIFY(offline->document().isPdf());
        QCOMPARE(offline->document().pdf, bytes);
        delete offline;
    }

    // A scan has no text: a thread is about a whole page, started from the page's menu, and
    // listed as such.
    void scanTakesThreadsOnWholePages()
    {
        QTemporaryDir dir;
        QVERIFY(writeBytes(dir.filePath(u"scan.pdf"_s), TestPdf::scan(3)));
        MainWindow *window = openWindow();
        QVERIFY(window->openFile(dir.filePath(u"scan.pdf"_s)));
        QTRY_VERIFY(!window->document().textPending);
        QTRY_VERIFY(live(window));
        window->startChat();
        QVERIFY(window->statusBar()->currentMessage().contains(u"right-click a page"_s));

        PdfView *view = window->pdfView();
        view->goToSheet(1);
        const QPoint onSecond = view->viewportPoint(1, {100, 100}).toPoint();
        std::unique_ptr<QMenu> menu(view->createContextMenu(onSecond));
        QAction *onPage = menu->findChild<QAction *>(u"commentOnSheetAction"_s);
        QVERIFY(onPage);
        QCOMPARE(onPage->text(), u"Comment on Page 2…"_s);
        answerCommentEditor(u"The chart on this page"_s);
        onPage->trigger();
        QTRY_COMPARE(window->model()->rowCount(), 1);
        const QModelIndex chat = window->model()->index(0, 0);
        const Chat *stored = window->session()->chat(chat.data(ChatModel::IdRole).toString());
        QVERIFY(stored->anchor.isWholeSheet());
        QCOMPARE(stored->anchor.sheet, 1);
        const auto *delegate =
            qobject_cast<ChatDelegate *>(window->chatPanel()->view()->itemDelegate());
        QCOMPARE(delegate->textsFor(chat).heading, u"All of page 2"_s);
        QTRY_VERIFY(!view->highlightRects(stored->id).isEmpty());
    }

    void encryptedPdfAsksForItsPassword()
    {
        QTemporaryDir dir;
        QVERIFY(writeBytes(dir.filePath(u"locked.pdf"_s),
                           TestPdf::encrypted(TestPdf::numbered(2), u"open sesame"_s)));
        MainWindow *window = openWindow();
        // A wrong password is asked again; cancelling leaves the window as it was.
        whenModal<QInputDialog>([](QInputDialog *dialog) {
            dialog->setTextValue(u"wrong"_s);
            dialog->accept();
            whenModal<QInputDialog>([](QInputDialog *again) {
                QVERIFY(again->labelText().contains(u"not correct"_s));
                again->reject();
            });
        });
        QVERIFY(!window->openFile(dir.filePath(u"locked.pdf"_s)));
        QVERIFY(!window->document().isPdf());

        whenModal<QInputDialog>([](QInputDialog *dialog) {
            QVERIFY(dialog->labelText().contains(u"protected by a password"_s));
            dialog->setTextValue(u"open sesame"_s);
            dialog->accept();
        });
        QVERIFY(window->openFile(dir.filePath(u"locked.pdf"_s)));
        QVERIFY(window->document().isPdf());
        QCOMPARE(window->pdfView()->sheetCount(), 2);
    }

    void damagedPdfIsSaidSo()
    {
        QTemporaryDir dir;
        const QByteArray bytes = TestPdf::numbered(3);
        QVERIFY(writeBytes(dir.filePath(u"broken.pdf"_s), bytes.first(bytes.size() / 2)));
        MainWindow *window = openWindow();
        QString said;
        whenModal<QMessageBox>([&said](QMessageBox *box) {
            said = box->text();
            box->accept();
        });
        QVERIFY(!window->openFile(dir.filePath(u"broken.pdf"_s)));
        QVERIFY2(said.contains(u"damaged"_s), qPrintable(said));
        QVERIFY(said.contains(u"broken.pdf"_s));
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
        window->session()->startChat({23, 27, u"owls"_s, {}, {}}, u"Which owls?"_s);
        QTRY_VERIFY(!window->session()->isPending(
            window->model()->index(0, 0).data(ChatModel::IdRole).toString()));
        QCOMPARE(window->model()->rowCount(), 1);
        QCOMPARE(window->model()->index(0, 0).data(ChatModel::QuoteRole).toString(), u"owls"_s);
        QCOMPARE(window->topBar()->chatsText(), u"1 open thread"_s);
        QTRY_COMPARE(window->documentView()->highlightCount(), 1);
    }

    // Copy Link, in the thread's context menu, puts the thread's link on the clipboard, as text
    // and as a URL.
    void copyLinkPutsTheThreadsLinkOnTheClipboard()
    {
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        TestClient *other = peer(this);
        const QString chatId = othersChat(other, window);
        QGuiApplication::clipboard()->clear();
        QTreeView *view = window->chatPanel()->view();
        QTimer::singleShot(0, [] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            QVERIFY(menu);
            auto *copy = menu->findChild<QAction *>(u"copyLinkAction"_s);
            QVERIFY(copy);
            QCOMPARE(copy->text(), u"Copy Link"_s);
            copy->trigger();
            menu->close();
        });
        Q_EMIT view->customContextMenuRequested(
            view->visualRect(view->model()->index(0, 0)).center());
        const ChatLink expected = linkTo(document().document.page, chatId);
        QCOMPARE(QGuiApplication::clipboard()->text(), expected.toString());
        QCOMPARE(QGuiApplication::clipboard()->mimeData()->urls(), QList<QUrl>{expected.toUrl()});
        QCOMPARE(ChatLink::parse(QGuiApplication::clipboard()->text()), std::optional(expected));
        QCOMPARE(window->statusBar()->currentMessage(), u"Link copied"_s);

        // Edit → Copy Link to Thread: the selected one.
        QGuiApplication::clipboard()->clear();
        auto *action = window->findChild<QAction *>(u"copyLinkAction"_s);
        action->trigger();
        QCOMPARE(window->statusBar()->currentMessage(), u"Select a thread first."_s);
        window->chatPanel()->selectChat(chatId);
        action->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), expected.toString());
    }

    // A link to a thread on a published document opens the document from the server and
    // selects the thread, its passage shown, once they have arrived.
    // Someone mentions the user: a desktop notification, the Mentions view listing it and
    // opening its thread; @ in a reply completes the names of the page's people.
    void mentionsNotifyListAndComplete()
    {
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        const Glosa::User me = window->session()->client()->user();
        TestClient other(this);
        QVERIFY(other.open(m_server->url()));
        const QString page = window->document().document.page;
        const QString otherName =
            other.join(page).value("user"_L1).toObject().value("name"_L1).toString();
        QVERIFY(otherName.size() >= 2);
        QSignalSpy notified(m_context->notifier(), &Glosa::MentionNotifier::notified);

        const QString chatId = TestClient::uuid();
        QJsonObject op = TestClient::newChat(chatId, TestClient::uuid(), u"Look, @"_s + me.name);
        QJsonObject chat = op.value("chat"_L1).toObject();
        QJsonObject comment = chat.value("comment"_L1).toObject();
        comment.insert("mentions"_L1,
                       QJsonArray{QJsonObject{{"id"_L1, me.id}, {"name"_L1, me.name}}});
        chat.insert("comment"_L1, comment);
        op.insert("chat"_L1, chat);
        other.send(op);
        QVERIFY(!other.next(u"new-text-chat"_s).isEmpty());
        QTRY_COMPARE(notified.size(), 1);
        QVERIFY(notified.first().at(0).toString().contains(otherName));
        QCOMPARE(notified.first().at(1).toString(), u"Look, @"_s + me.name);

        auto *mentions = window->findChild<QAction *>(u"mentionsAction"_s);
        QVERIFY(mentions);
        mentions->trigger();
        auto *dialog = window->findChild<Glosa::MentionsDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->list()->count(), 1);
        QVERIFY(dialog->list()->item(0)->text().contains(otherName));
        dialog->openMention(0);
        QTRY_COMPARE(window->chatPanel()->selectedChat(), chatId);

        // Completing a name: @ and its start offer it; Return takes it.
        QPlainTextEdit *editor = window->chatPanel()->replyEditor();
        QTRY_VERIFY(editor->isEnabled());
        editor->setFocus();
        QTest::keyClicks(editor, u"Thanks @"_s + otherName.left(2));
        QCompleter *completer = window->chatPanel()->replyField()->completer();
        QTRY_VERIFY(completer->popup()->isVisible());
        QCOMPARE(completer->currentCompletion(), otherName);
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QTRY_COMPARE(editor->toPlainText(), u"Thanks @"_s + otherName + u' ');
        QVERIFY(!completer->popup()->isVisible());
        // The user is not offered to themselves.
        QTest::keyClicks(editor, u"@"_s + me.name.left(2));
        QVERIFY(!completer->popup()->isVisible() || completer->currentCompletion() != me.name);
    }

    void linkToAPublishedPageSelectsItsThread()
    {
        const QString page = u"handbook/links"_s;
        publish(page, Text);
        TestClient author(this);
        QVERIFY(author.open(m_server->url()));
        QVERIFY(!author.join(page).isEmpty());
        const QString chatId = TestClient::uuid();
        author.send(TestClient::newChat(chatId, TestClient::uuid()));
        QVERIFY(!author.next(u"new-text-chat"_s).isEmpty());

        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        QVERIFY(window->openLink(linkTo(page, chatId)));
        QCOMPARE(window->document().document.page, page);
        QTRY_COMPARE(window->chatPanel()->selectedChat(), chatId);
        QTRY_COMPARE(window->documentView()->toPlainText(), Text);
        QTRY_COMPARE(window->documentView()->selectedChat(), chatId);
        QTRY_COMPARE(window->documentView()->textCursor().position(),
                     int(Text.indexOf(u"quick"_s)));
        QVERIFY(!window->notice()->text().contains(u"deleted"_s));
    }

    // A link to a thread on a local file opens the user's copy: a file Glosa knows on that page
    // or, where it knows none, one the user chooses (another file is said not to be it).
    void linkToALocalFileOpensTheUsersCopy()
    {
        QTemporaryDir dir;
        const QString content = Text + u"\n\nMy notes."_s;
        const QString path = dir.filePath(u"notes.txt"_s);
        QVERIFY(writeFile(path, content));
        MainWindow *window = openWindow();
        QVERIFY(window->openFile(path));
        QTRY_VERIFY(live(window));
        const QString page = window->document().document.page;
        const QString chatId = startChatOn(window, u"lazy dog"_s);
        QTRY_COMPARE(window->session()->client()->pendingCount(), 0);
        const ChatLink link = linkTo(page, chatId);

        // Among the recent files.
        window->openSample();
        QVERIFY(window->openLink(link));
        QCOMPARE(window->document().sourcePath, path);
        QCOMPARE(window->session()->client()->options().page, page);
        QTRY_COMPARE(window->chatPanel()->selectedChat(), chatId);
        QCOMPARE(window->documentView()->textCursor().position(),
                 int(content.indexOf(u"lazy dog"_s)));

        // Moved away: the user is asked for it, by its name.
        window->openSample();
        const QString moved = dir.filePath(u"moved.txt"_s);
        QVERIFY(QFile::rename(path, moved));
        const QString wrong = dir.filePath(u"other.txt"_s);
        QVERIFY(writeFile(wrong, u"Something else."_s));
        QStringList captions;
        whenModal<QFileDialog>([&](QFileDialog *dialog) {
            captions.append(dialog->windowTitle());
            whenModal<QMessageBox>([&](QMessageBox *box) {
                QVERIFY2(box->text().contains(u"“other.txt” is not the file of this thread"_s),
                         qPrintable(box->text()));
                whenModal<QFileDialog>([&](QFileDialog *again) {
                    captions.append(again->windowTitle());
                    again->selectFile(moved);
                    static_cast<QDialog *>(again)->accept();
                });
                box->button(QMessageBox::Retry)->click();
            });
            dialog->selectFile(wrong);
            static_cast<QDialog *>(dialog)->accept();
        });
        QVERIFY(window->openLink(link));
        QCOMPARE(captions.size(), 2);
        QCOMPARE(captions.first(),
                 u"This thread is on a local file, “notes.txt”; choose your copy of it"_s);
        QCOMPARE(window->document().sourcePath, moved);
        QCOMPARE(window->session()->client()->options().page, page);
        QTRY_COMPARE(window->chatPanel()->selectedChat(), chatId);

        // Given up: the window stays as it was.
        window->openSample();
        QVERIFY(QFile::remove(moved));
        whenModal<QFileDialog>([](QFileDialog *dialog) { dialog->reject(); });
        QVERIFY(!window->openLink(link));
        QCOMPARE(window->document().document.page, MainWindow::sampleDocument().document.page);
    }

    // A link to a thread the page does not have (any more) says so once the page is synced.
    void linkToADeletedThreadSaysSo()
    {
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        TestClient *other = peer(this);
        const QString doomed = othersChat(other, window);
        other->send(TestClient::deleteChat(doomed));
        QTRY_COMPARE(window->model()->rowCount(), 0);
        for (const QString &chatId : {doomed, TestClient::uuid()}) {
            window->notice()->hide();
            QVERIFY(window->openLink(linkTo(document().document.page, chatId)));
            QTRY_COMPARE(window->notice()->text(),
                         u"This thread was deleted or is not on this page."_s);
            QVERIFY(window->notice()->isVisible());
            QVERIFY(window->chatPanel()->selectedChat().isEmpty());
        }
    }

    // File → Open Link… takes a link pasted into it (the clipboard's, where it holds one) and
    // says what is wrong with one it cannot open.
    void openLinkAsksForALink()
    {
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        const QString chatId = startChatOn(window, u"second paragraph"_s);
        QTRY_COMPARE(window->session()->client()->pendingCount(), 0);
        auto *action = window->findChild<QAction *>(u"openLinkAction"_s);
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(u"Ctrl+Shift+O"_s));

        QGuiApplication::clipboard()->setText(u"Not a link"_s);
        const QString broken = u"glosa://example.org/acme?chat="_s + chatId;
        QString asked;
        whenModal<QInputDialog>([&](QInputDialog *dialog) {
            QVERIFY(dialog->textValue().isEmpty());
            dialog->setTextValue(broken);
            whenModal<QInputDialog>([&](QInputDialog *again) {
                asked = again->labelText();
                QCOMPARE(again->textValue(), broken);
                again->reject();
            });
            dialog->accept();
        });
        action->trigger();
        QVERIFY2(asked.startsWith(u"The link names no page."_s), qPrintable(asked));

        const ChatLink link = linkTo(document().document.page, chatId);
        QGuiApplication::clipboard()->setText(link.toString());
        whenModal<QInputDialog>([&](QInputDialog *dialog) {
            QCOMPARE(dialog->textValue(), link.toString());
            dialog->accept();
        });
        action->trigger();
        QTRY_COMPARE(window->chatPanel()->selectedChat(), chatId);
        QCOMPARE(window->documentView()->textCursor().position(),
                 int(Text.indexOf(u"second paragraph"_s)));
    }

    // A link to another server, or another tenant, is offered to a new Glosa on that server.
    void linkToAnotherServerOffersANewGlosa()
    {
        MainWindow *window = openWindow();
        QStringList launched;
        window->linkOpener()->setLauncher([&launched](const QStringList &arguments) {
            launched = arguments;
            return true;
        });
        const ChatLink elsewhere{QUrl(u"wss://glosa.example.org/v1/ws"_s), u"acme"_s, u"handbook"_s,
                                 TestClient::uuid()};
        whenModal<QMessageBox>([this](QMessageBox *box) {
            QVERIFY2(box->text().contains(u"wss://glosa.example.org/v1/ws, tenant “acme”"_s),
                     qPrintable(box->text()));
            QVERIFY(box->text().contains(m_server->url().toString()));
            const QList<QAbstractButton *> buttons = box->buttons();
            for (QAbstractButton *button : buttons) {
                if (button->text() == u"Open in New Glosa"_s)
                    button->click();
            }
        });
        QVERIFY(!window->openLink(elsewhere));
        QCOMPARE(launched, (QStringList{u"--server"_s, u"wss://glosa.example.org/v1/ws"_s,
                                        u"--tenant"_s, u"acme"_s, elsewhere.toString()}));
        QCOMPARE(window->document().document.page, document().document.page);

        // The same server, another tenant; and cancelled.
        launched.clear();
        ChatLink acme = linkTo(u"handbook"_s, TestClient::uuid());
        acme.tenant = u"acme"_s;
        whenModal<QMessageBox>([](QMessageBox *box) { box->button(QMessageBox::Cancel)->click(); });
        QVERIFY(!window->openLink(acme));
        QVERIFY(launched.isEmpty());
    }

    // A thread and a reply from someone else are new, counted in the top bar, until the thread
    // is selected in the active window; a reply arriving in it then is read at once.
    void unreadThreadsAreMarkedUntilLookedAt()
    {
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        QVERIFY(window->topBar()->unreadText().isEmpty());
        TestClient *other = peer(this);
        const QString chatId = othersChat(other, window);
        const QModelIndex chat = window->model()->indexOfChat(chatId);
        QVERIFY(chat.data(ChatModel::UnreadRole).toBool());
        QCOMPARE(badges(window, chat), QStringList{u"New"_s});
        QTRY_COMPARE(window->topBar()->unreadText(), u"1 unread"_s);
        QVERIFY(window->topBar()->unreadButton()->isVisible());
        othersReply(other, window, chatId);
        // "1 new reply" once the English plurals have it.
        QCOMPARE(badges(window, chat).size(), 2);
        QCOMPARE(badges(window, chat).first(), u"New"_s);
        QVERIFY(badges(window, chat).last().startsWith(u"1 new repl"_s));
        QCOMPARE(badges(window, window->model()->index(1, 0, chat)), QStringList{u"New"_s});
        QCOMPARE(window->topBar()->unreadText(), u"2 unread"_s);

        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        window->chatPanel()->selectChat(chatId);
        QVERIFY(!chat.data(ChatModel::UnreadRole).toBool());
        QVERIFY(badges(window, chat).isEmpty());
        QVERIFY(badges(window, window->model()->index(1, 0, chat)).isEmpty());
        QVERIFY(window->topBar()->unreadText().isEmpty());
        QVERIFY(window->topBar()->unreadButton()->isHidden());

        othersReply(other, window, chatId);
        QCOMPARE(window->session()->unreadCount(), 0);
        QVERIFY(badges(window, window->model()->index(2, 0, chat)).isEmpty());
        QVERIFY(window->topBar()->unreadText().isEmpty());

        // Selected in a window in the background, a thread is read when that window comes to
        // the front.
        const QString later = othersChat(other, window);
        MainWindow *second = window->newWindow();
        second->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(second));
        window->chatPanel()->selectChat(later);
        QVERIFY(window->session()->isUnread(later));
        QCOMPARE(second->topBar()->unreadText(), u"1 unread"_s);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QTRY_VERIFY(!window->session()->isUnread(later));
        QVERIFY(second->topBar()->unreadText().isEmpty());

        // The user's own thread is not new to them.
        const QString own = startChatOn(window, u"lazy dog"_s);
        QTRY_VERIFY(!window->session()->isPending(own));
        QVERIFY(!window->model()->indexOfChat(own).data(ChatModel::UnreadRole).toBool());
        QVERIFY(window->topBar()->unreadText().isEmpty());
    }

    void markAllAsReadFromTheTopBar()
    {
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        TestClient *other = peer(this);
        const QString first = othersChat(other, window);
        othersReply(other, window, first);
        const QString second = othersChat(other, window);
        const QString third = othersChat(other, window);
        QTRY_COMPARE(window->topBar()->unreadText(), u"4 unread"_s);
        const QList<QAction *> offered = window->topBar()->unreadButton()->menu()->actions();
        auto *next = window->findChild<QAction *>(u"nextUnreadAction"_s);
        auto *markAll = window->findChild<QAction *>(u"markAllReadAction"_s);
        QVERIFY(next && markAll);
        QVERIFY(offered.contains(next) && offered.contains(markAll));

        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        next->trigger();
        QCOMPARE(window->chatPanel()->selectedChat(), first);
        QCOMPARE(window->topBar()->unreadText(), u"2 unread"_s);

        markAll->trigger();
        QCOMPARE(window->session()->unreadCount(), 0);
        QVERIFY(window->topBar()->unreadText().isEmpty());
        QVERIFY(window->topBar()->unreadButton()->isHidden());
        for (const QString &id : {second, third}) {
            QVERIFY(!window->model()->indexOfChat(id).data(ChatModel::UnreadRole).toBool());
            QVERIFY(badges(window, window->model()->indexOfChat(id)).isEmpty());
        }
        QVERIFY(!next->isEnabled() && !markAll->isEnabled());
        QCOMPARE(window->chatPanel()->selectedChat(), first);
    }

    // What was read is kept: a new window on the page, after the last one closed, counts only
    // the thread not looked at.
    void unreadCountSurvivesReopening()
    {
        MainWindow *window = openWindow();
        QTRY_VERIFY(live(window));
        TestClient *other = peer(this);
        const QString seen = othersChat(other, window);
        const QString unseen = othersChat(other, window);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        window->chatPanel()->selectChat(seen);
        QCOMPARE(window->topBar()->unreadText(), u"1 unread"_s);
        QPointer<MainWindow> closing = window;
        window->close();
        QTRY_VERIFY(!closing);

        auto *again = new MainWindow(m_context.get());
        again->openDocument(document());
        again->show();
        QTRY_VERIFY(live(again));
        QTRY_COMPARE(again->topBar()->unreadText(), u"1 unread"_s);
        QVERIFY(again->model()->indexOfChat(unseen).data(ChatModel::UnreadRole).toBool());
        QVERIFY(!again->model()->indexOfChat(seen).data(ChatModel::UnreadRole).toBool());
    }

    // A thread someone starts where the document is not scrolled to is announced, and Show goes
    // there; one on screen is not; several together are announced once.
    void newThreadElsewhereIsAnnounced()
    {
        QString text;
        for (int i = 0; i < 600; ++i)
            text += u"Line %1 of a document many screens tall.\n"_s.arg(i);
        MainWindow *window = openWindow();
        window->resize(900, 600);
        const LoadedDocument tall = LoadedDocument::fromLocalText(u"Tall"_s, u"text"_s, text);
        window->openDocument(tall);
        QTRY_VERIFY(live(window));
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        TestClient *other = peer(this, tall.document.page);
        NoticeBar *notice = window->newThreadsNotice();
        QVERIFY(notice->isHidden());

        // On screen: it shows for itself.
        othersChatOn(other, window, textAnchor(window, u"Line 2 of"_s));
        QVERIFY(notice->isHidden());

        const QString far = othersChatOn(other, window, textAnchor(window, u"Line 500 of"_s));
        QTRY_VERIFY(notice->isVisible());
        QVERIFY2(notice->text().endsWith(u" started a thread further down"_s),
                 qPrintable(notice->text()));
        QVERIFY(notice->actionButton()->isVisible());
        QTest::mouseClick(notice->actionButton(), Qt::LeftButton);
        QCOMPARE(window->chatPanel()->selectedChat(), far);
        QCOMPARE(window->documentView()->selectedChat(), far);
        QCOMPARE(window->documentView()->placeOf(far), DocumentView::Place::Visible);
        QVERIFY(!window->session()->isUnread(far));
        QVERIFY(notice->isHidden());

        // Far below what is shown now, and far above it.
        const QString below = othersChatOn(other, window, textAnchor(window, u"Line 590 of"_s));
        const QString above = othersChatOn(other, window, textAnchor(window, u"Line 10 of"_s));
        QTRY_VERIFY(notice->isVisible());
        QCOMPARE(notice->text(), u"2 new threads"_s);
        QTest::mouseClick(notice->actionButton(), Qt::LeftButton);
        QCOMPARE(window->chatPanel()->selectedChat(), below);
        // The one left is announced on its own, where it is from here.
        QVERIFY(notice->isVisible());
        QVERIFY2(notice->text().endsWith(u" started a thread further up"_s),
                 qPrintable(notice->text()));
        QTest::mouseClick(notice->actionButton(), Qt::LeftButton);
        QCOMPARE(window->chatPanel()->selectedChat(), above);
        QVERIFY(notice->isHidden());

        // Closed, it stays closed.
        othersChatOn(other, window, textAnchor(window, u"Line 400 of"_s));
        QTRY_VERIFY(notice->isVisible());
        QTest::mouseClick(notice->closeButton(), Qt::LeftButton);
        QVERIFY(notice->isHidden());
        othersChatOn(other, window, textAnchor(window, u"Line 11 of"_s));
        QVERIFY(notice->isHidden());
    }

    void newThreadOnAnotherPdfPageIsAnnounced()
    {
        QTemporaryDir dir;
        QVERIFY(writeBytes(dir.filePath(u"paper.pdf"_s), TestPdf::numbered(5)));
        MainWindow *window = openWindow();
        QVERIFY(window->openFile(dir.filePath(u"paper.pdf"_s)));
        QTRY_VERIFY(!window->document().textPending);
        QTRY_VERIFY(live(window));
        TestClient *other = peer(this, window->document().document.page);
        NoticeBar *notice = window->newThreadsNotice();
        othersChatOn(other, window, pdfAnchor(window->document(), TestPdf::numberedLine(0, 1)));
        QVERIFY(notice->isHidden());
        const QString far =
            othersChatOn(other, window, pdfAnchor(window->document(), TestPdf::numberedLine(4, 2)));
        QTRY_VERIFY(notice->isVisible());
        QVERIFY2(notice->text().endsWith(u" started a thread on page 5"_s),
                 qPrintable(notice->text()));
        QTest::mouseClick(notice->actionButton(), Qt::LeftButton);
        QCOMPARE(window->chatPanel()->selectedChat(), far);
        QTRY_COMPARE(window->pdfView()->currentSheet(), 4);
        QVERIFY(window->pdfView()->isChatVisible(far));
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
