#pragma once

#include "pagesession.h"

#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace Glosa {

class DocumentDirectory;
class Server;

// What every window of the process shares: the settings, the server it talks to (its own
// embedded one unless a team server is configured) and the page sessions.
class AppContext : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QUrl server; // empty: the embedded server
        QString tenant = QStringLiteral("local");
        QString token;
        QString tokenFile;   // read afresh before every connection; wins over token
        QString displayName; // for anonymous use
        QString language;    // empty: the system's
        quint16 embeddedPort = 8765;
        QString embeddedDataDir; // empty: the app-data folder
    };

    explicit AppContext(Settings settings, QObject *parent = nullptr);
    ~AppContext() override;

    static Settings loadSettings();
    // Loads Glosa's and Qt's translations for `language` (empty: the system's).
    static void installTranslations(const QString &language);
    void saveSettings(const Settings &settings);
    const Settings &settings() const { return m_settings; }

    // Starts the embedded server when no server is configured. Where another Glosa on this
    // computer already serves the port, this one connects to it instead.
    bool start(QString *error);
    QUrl serverUrl() const { return m_url; }
    bool isEmbedded() const { return m_settings.server.isEmpty(); }
    bool hostsServer() const { return m_server != nullptr; }
    bool isSharing() const { return m_sharing; }
    // Makes the embedded server listen on every interface (or loopback only again).
    bool setSharing(bool on, QString *error);
    // Addresses others on the network can use to join.
    QStringList shareAddresses() const;

    QString token() const;
    SyncClient::Options optionsFor(const QString &page) const;
    std::shared_ptr<PageSession> session(const QString &page) const;
    DocumentDirectory *newDirectory(QObject *parent) const;

    QStringList recentFiles() const;
    void addRecentFile(const QString &path);
    // The page of the file at `path`: the one of the content it had when it was first opened
    // (remembered from then on), so that its threads stay with it as it is edited while anyone
    // with that first content still meets on the same page. `page` is the page of its content.
    QString pageOfFile(const QString &path, const QString &page) const;

    static constexpr int MaxRecentFiles = 8;

Q_SIGNALS:
    void sharingChanged(bool sharing);
    void recentFilesChanged();

private:
    bool startServer(bool everywhere, QString *error);

    Settings m_settings;
    Server *m_server = nullptr;
    QUrl m_url;
    bool m_sharing = false;
};

} // namespace Glosa
