#pragma once

#include "anchor.h"
#include "loadeddocument.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>
#include <utility>

class QFileSystemWatcher;
class QLineEdit;
class QMenu;
class QProgressBar;
class QStackedWidget;

namespace Glosa {

class AnchorIndex;
class AppContext;
class ChatModel;
class DocumentView;
class NoticeBar;
class OrphanList;
class PageSession;
class PdfTextReader;
class PdfView;
class ChatPanel;
class ContentTransfer;
class LinkOpener;
struct ChatLink;
class TopBar;

// One window on one page: the top bar, the document and its chats.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(AppContext *context, QWidget *parent = nullptr);
    ~MainWindow() override;

    // A local file, on the page it was first opened on; changes to it on disk are shown as
    // they are saved, its chats re-anchored in the new text.
    bool openFile(const QString &path);
    // A document on its page. One that is not local follows the page's document on the
    // server: a new version published there replaces it, its chats re-anchored.
    void openDocument(const LoadedDocument &document);
    // A page of the server whose document arrives with the page's welcome.
    void openServerPage(const QString &page, const QString &title = {});
    // Publishes the local document on its page, or a new version of it there.
    void publish();
    void openSample();
    // The welcome document of a first start.
    static LoadedDocument sampleDocument();
    // The kinds of file Glosa opens, for file dialogs.
    static QString documentFilter();

    // Opens the page of a link to a chat in this window and selects the chat once the page has
    // it (see LinkOpener); false when the window does not open the page.
    bool openLink(const ChatLink &link);
    // Puts a link to the chat on the clipboard.
    void copyLink(const QString &chatId);
    // Selects the chat in the list and shows its passage in the document.
    void showChat(const QString &chatId);
    // Whether the document's text is still to come: a PDF's being read, or a page's document
    // from the server; its chats are not located until then.
    bool awaitingText() const;

    const LoadedDocument &document() const { return m_document; }
    std::shared_ptr<PageSession> session() const { return m_session; }
    TopBar *topBar() const { return m_topBar; }
    DocumentView *documentView() const { return m_view; }
    PdfView *pdfView() const { return m_pdfView; }
    // Shows the progress of a PDF's bytes moving to or from the server.
    QProgressBar *transferProgress() const { return m_progress; }
    ChatPanel *chatPanel() const { return m_panel; }
    OrphanList *orphanList() const { return m_orphans; }
    NoticeBar *notice() const { return m_notice; }
    // Announces threads others started where the document is not shown, with "Show".
    NoticeBar *newThreadsNotice() const { return m_newThreads; }
    ChatModel *model() const { return m_model; }
    LinkOpener *linkOpener() const { return m_links; }

    MainWindow *newWindow();
    // A new chat on the selected passage, or on `anchor`; what was typed for the passage
    // before and kept as a draft comes back.
    void startChat();
    void startChatOn(const Anchor &anchor);

Q_SIGNALS:
    // The document's text is shown: a document opened, a new version, a PDF's text read.
    void documentShown();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void updateRecentMenu();
    void showFind();
    // Asks for a link to open, from the clipboard where it holds one.
    void askForLink();
    void revealChat(const QString &chatId);
    // A chat another started arrived live: where its passage is not on screen, it is announced.
    void announce(const QString &chatId);
    // What to say of a new chat elsewhere in the document; empty where it is on screen.
    QString elsewhere(const QString &chatId) const;
    // Shows the announced chats that are still unread, or hides the notice where none is.
    void showNewThreads();
    void nextUnread();
    void updateUnreadActions();
    void find(bool backwards);
    void toggleSharing(bool on);
    void showSettings();
    // Puts changed settings in force on this window's page.
    void applySettings();
    void showDocument();
    // Shows the document in the view of its format: text, or PDF.
    void showInView();
    void showTitle();
    // Shows another version of the document in place, its chats located afresh.
    void showNewVersion(const LoadedDocument &version);
    void takeServerDocument();
    void watchFile();
    void reloadFile();
    // Once the page's chats are known, says what became of them in this version.
    void reportAnchoring();
    // Brings the bytes of a PDF of the server (from disk where they were kept) and shows it.
    void fetchPdf(const Document &document);
    // Asks for the password of an encrypted PDF until it opens it or the user gives up.
    std::optional<LoadedDocument>
    unlock(const std::function<std::optional<LoadedDocument>(const QString &,
                                                             LoadedDocument::Failure *)> &load);
    void showTransfer(const QString &what, qint64 done, qint64 total);
    QString readingMessage() const;
    // Reads the text of the PDF shown, where it is still to be read, and takes it.
    void readPdfText();
    void takePdfText(const PdfText &text);
    void publishDocument(const Document &document);

    AppContext *m_context;
    std::shared_ptr<PageSession> m_session;
    LoadedDocument m_document;
    ChatModel *m_model = nullptr;
    AnchorIndex *m_index = nullptr;
    TopBar *m_topBar;
    QStackedWidget *m_views;
    DocumentView *m_view;
    PdfView *m_pdfView;
    ChatPanel *m_panel;
    OrphanList *m_orphans;
    NoticeBar *m_notice;
    NoticeBar *m_newThreads;
    // The chats announced, with what was said of each, in the order they arrived.
    QList<std::pair<QString, QString>> m_announced;
    QAction *m_nextUnread = nullptr;
    QAction *m_markAllRead = nullptr;
    QLineEdit *m_find;
    QFileSystemWatcher *m_watcher;
    QTimer m_reload; // lets an editor finish saving before the file is read
    bool m_reportAnchoring = false;
    QProgressBar *m_progress;
    QPointer<ContentTransfer> m_fetch;  // the PDF being brought from the server
    QString m_fetching;                 // its sha256
    QPointer<ContentTransfer> m_upload; // the bytes of the PDF being published
    PdfTextReader *m_textReader;
    LinkOpener *m_links;
    QMenu *m_recent = nullptr;
    QAction *m_share = nullptr;
};

} // namespace Glosa
