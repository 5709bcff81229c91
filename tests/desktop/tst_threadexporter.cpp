#include "testclient.h"
#include "testserver.h"
#include "whenmodal.h"

#include "anchoring.h"
#include "appcontext.h"
#include "chatmodel.h"
#include "mainwindow.h"
#include "pagesession.h"
#include "threadexporter.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Glosa;

namespace {

const QString Text =
    u"The quick brown fox jumps over the lazy dog.\n\nA second paragraph follows."_s;

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

// File → Export Threads… in a window over a real in-process server: the threads as the window
// shows them, others' and the user's own not yet confirmed, in each format; the dialog that
// asks where; a file that cannot be written.
class tst_ThreadExporter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<AppContext> m_context;
    QPointer<MainWindow> m_window;

    // A window on the page of "Fox", live.
    bool openWindow()
    {
        AppContext::Settings settings;
        settings.servers = {m_server->url()};
        settings.displayName = u"Ana"_s;
        m_context = std::make_unique<AppContext>(settings);
        QString error;
        if (!m_context->start(&error))
            return false;
        m_window = new MainWindow(m_context.get());
        m_window->openDocument(LoadedDocument::fromLocalText(u"Fox"_s, u"text"_s, Text));
        m_window->show();
        return QTest::qWaitFor(
            [this] { return m_window->session()->client()->state() == SyncClient::State::Live; });
    }

    // Another user starts a thread on "quick" and replies to it.
    void othersThread(TestClient &bo)
    {
        QVERIFY(bo.open(m_server->url()));
        bo.join(m_window->document().document.page);
        const QString chatId = TestClient::uuid();
        bo.send(TestClient::newChat(chatId, TestClient::uuid(), u"Which fox?"_s));
        bo.send(TestClient::update(
            chatId, {{u"op"_s, u"add-comment"_s},
                     {u"comment"_s, QJsonObject{{u"id"_s, TestClient::uuid()},
                                                {u"text"_s, u"<b>The</b> fox."_s}}}}));
        QTRY_VERIFY(m_window->session()->chat(chatId) &&
                    m_window->session()->chat(chatId)->comments.size() == 2);
    }

    // The user's own thread on "lazy dog".
    QString ownThread(const QString &text)
    {
        const QString &plain = m_window->document().plainText;
        const int at = int(plain.indexOf(u"lazy dog"_s));
        return m_window->session()->startChat(Anchoring::anchorFor(plain, at, at + 8), text);
    }

    QAction *exportAction() const
    {
        return m_window->menuBar()->findChild<QAction *>(u"exportThreads"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        AppContext::installTranslations(u"en"_s);
    }

    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        qputenv("HOME", QFile::encodeName(m_home->path()));
        m_server = std::make_unique<TestServer>();
        m_server->config.batchMs = 0;
        QVERIFY(m_server->start());
        QVERIFY(openWindow());
    }

    void cleanup()
    {
        delete m_window.data();
        m_context.reset();
        m_server.reset();
    }

    void eachFormat_data()
    {
        QTest::addColumn<ChatExport::Format>("format");
        QTest::addColumn<QByteArray>("quote");
        QTest::addColumn<QByteArray>("reply");
        QTest::newRow("Markdown") << ChatExport::Format::Markdown << QByteArray("> quick\n")
                                  << QByteArray("<b>The</b> fox.");
        QTest::newRow("JSON") << ChatExport::Format::Json << QByteArray("\"quote\": \"quick\"")
                              << QByteArray("\"text\": \"<b>The</b> fox.\"");
        QTest::newRow("HTML") << ChatExport::Format::Html
                              << QByteArray("<blockquote>quick</blockquote>")
                              << QByteArray("&lt;b&gt;The&lt;/b&gt; fox.");
    }

    // Others' threads and the user's, in document order, as the window shows them.
    void eachFormat()
    {
        QFETCH(ChatExport::Format, format);
        QFETCH(QByteArray, quote);
        QFETCH(QByteArray, reply);
        TestClient bo;
        othersThread(bo);
        ownThread(u"Not lazy: resting."_s);
        QTRY_COMPARE(m_window->model()->rowCount(), 2);

        const QString path = m_home->filePath(u"threads."_s + ChatExport::suffix(format));
        QVERIFY(ThreadExporter::exportTo(m_window, path, format));
        const QByteArray written = readFile(path);
        QVERIFY2(written.contains(quote), written.constData());
        QVERIFY2(written.contains(reply), written.constData());
        QVERIFY(written.contains("Which fox?"));
        QVERIFY(written.indexOf("Which fox?") < written.indexOf("Not lazy: resting."));
        QVERIFY(m_window->statusBar()->currentMessage().contains(path));
    }

    // What the user wrote while the server was away is theirs to export already.
    void pendingChangesIncluded()
    {
        m_server->stop();
        QTRY_VERIFY(m_window->session()->client()->state() != SyncClient::State::Live);
        const QString chatId = ownThread(u"Written offline."_s);
        QVERIFY(m_window->session()->isPending(chatId));

        const QString path = m_home->filePath(u"pending.json"_s);
        QVERIFY(ThreadExporter::exportTo(m_window, path, ChatExport::Format::Json));
        const QJsonArray threads =
            QJsonDocument::fromJson(readFile(path)).object().value("threads"_L1).toArray();
        QCOMPARE(threads.size(), 1);
        const QJsonObject thread = threads.first().toObject();
        QCOMPARE(thread.value("id"_L1).toString(), chatId);
        QCOMPARE(thread.value("quote"_L1).toString(), u"lazy dog"_s);
        QCOMPARE(thread.value("comments"_L1).toArray().first().toObject().value("text"_L1),
                 QJsonValue(u"Written offline."_s));
    }

    // The menu asks where, proposing a name from the title; the filter chosen says the format.
    void menuAsksWhere()
    {
        TestClient bo;
        othersThread(bo);
        QAction *action = exportAction();
        QVERIFY(action);
        QVERIFY(action->isEnabled());
        const QString chosen = m_home->filePath(u"chosen"_s);
        QString proposed, afterFilter;
        whenModal<QFileDialog>([&](QFileDialog *dialog) {
            proposed = dialog->selectedFiles().value(0);
            // JSON, the second format, chosen as a user does.
            auto *formats = dialog->findChild<QComboBox *>(u"fileTypeCombo"_s);
            QVERIFY(formats);
            QTest::keyClick(formats, Qt::Key_Down);
            QCOMPARE(dialog->selectedNameFilter(), dialog->nameFilters().at(1));
            afterFilter = dialog->selectedFiles().value(0);
            dialog->selectFile(chosen);
            static_cast<QDialog *>(dialog)->accept();
        });
        action->trigger();
        QCOMPARE(QFileInfo(proposed).fileName(), u"Fox threads.md"_s);
        QCOMPARE(QFileInfo(afterFilter).fileName(), u"Fox threads.json"_s);
        const QJsonObject root = QJsonDocument::fromJson(readFile(chosen + u".json"_s)).object();
        QCOMPARE(root.value("document"_L1).toObject().value("title"_L1).toString(), u"Fox"_s);
        QCOMPARE(root.value("threads"_L1).toArray().size(), 1);

        // Given up: nothing is written.
        whenModal<QFileDialog>([](QFileDialog *dialog) { dialog->reject(); });
        const QString before = m_window->statusBar()->currentMessage();
        action->trigger();
        QCOMPARE(m_window->statusBar()->currentMessage(), before);
    }

    // A file that cannot be written: the user is told why, and nothing is left behind.
    void failureIsShown()
    {
        const QString path = m_home->filePath(u"no such folder/threads.md"_s);
        QString told;
        whenModal<QMessageBox>([&told](QMessageBox *box) {
            told = box->text();
            box->accept();
        });
        QVERIFY(!ThreadExporter::exportTo(m_window, path, ChatExport::Format::Markdown));
        QVERIFY2(told.contains(path), qPrintable(told));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!m_window->statusBar()->currentMessage().contains(path));
    }
};

QTEST_MAIN(tst_ThreadExporter)
#include "tst_threadexporter.moc"
