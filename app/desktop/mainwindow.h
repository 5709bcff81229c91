#pragma once

#include "anchor.h"
#include "loadeddocument.h"

#include <QMainWindow>

#include <memory>

class QLineEdit;
class QMenu;

namespace Glosa {

class AnchorIndex;
class AppContext;
class ChatModel;
class DocumentView;
class PageSession;
class ThreadPanel;
class TopBar;

// One window on one page: the top bar, the document and its threads.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(AppContext *context, QWidget *parent = nullptr);
    ~MainWindow() override;

    bool openFile(const QString &path);
    void openDocument(const LoadedDocument &document);
    // A page of the server whose document arrives with the page's welcome.
    void openServerPage(const QString &page, const QString &title = {});
    void openSample();

    const LoadedDocument &document() const { return m_document; }
    std::shared_ptr<PageSession> session() const { return m_session; }
    TopBar *topBar() const { return m_topBar; }
    DocumentView *documentView() const { return m_view; }
    ThreadPanel *threadPanel() const { return m_panel; }
    ChatModel *model() const { return m_model; }

    MainWindow *newWindow();
    // A new thread on the selected passage, or on `anchor`; what was typed for the passage
    // before and kept as a draft comes back.
    void startThread();
    void startThreadOn(const Anchor &anchor);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void updateRecentMenu();
    void publish();
    void showFind();
    void find(bool backwards);
    void toggleSharing(bool on);
    void showSettings();
    // Puts changed settings in force on this window's page.
    void applySettings();
    void showDocument();

    AppContext *m_context;
    std::shared_ptr<PageSession> m_session;
    LoadedDocument m_document;
    ChatModel *m_model = nullptr;
    AnchorIndex *m_index = nullptr;
    TopBar *m_topBar;
    DocumentView *m_view;
    ThreadPanel *m_panel;
    QLineEdit *m_find;
    QMenu *m_recent = nullptr;
    QAction *m_share = nullptr;
};

} // namespace Glosa
