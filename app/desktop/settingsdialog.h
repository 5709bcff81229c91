#pragma once

#include "appcontext.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Glosa {

// The server's URLs (none: this computer's own server; several: the nodes of one cluster, in
// the order they are tried), tenant, token or token file, display name and language. OK keeps
// the dialog open, saying why, while a URL is not a ws:// or wss:// one.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(const AppContext::Settings &settings, QWidget *parent = nullptr);

    AppContext::Settings settings() const;

    // The list of server URLs and its buttons, and where a wrong URL is named.
    QListWidget *serverList() const { return m_servers; }
    QPushButton *addServerButton() const { return m_addServer; }
    QPushButton *removeServerButton() const { return m_removeServer; }
    QLabel *errorLabel() const { return m_error; }

    void accept() override;

private:
    QStringList serverTexts() const;
    void addServer();
    void moveServer(int by);
    void updateServerButtons();

    AppContext::Settings m_settings;
    QListWidget *m_servers;
    QPushButton *m_addServer;
    QPushButton *m_removeServer;
    QPushButton *m_upServer;
    QPushButton *m_downServer;
    QLabel *m_error;
    QLineEdit *m_tenant;
    QLineEdit *m_token;
    QLineEdit *m_tokenFile;
    QLineEdit *m_name;
    QComboBox *m_language;
};

} // namespace Glosa
