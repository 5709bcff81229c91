#pragma once

#include "user.h"

#include <QString>
#include <QUrl>

namespace Glosa {

// Who the user was on one server and tenant at the last welcome: the user (so that an offline
// start shows the user's own name on their changes) and, for an anonymous user, the
// credential that makes the next connection the same user. Kept in a file shared by every
// page and process; an empty path keeps it in memory only. The nodes of a cluster share one
// store, so that the user is one user on all of them.
class CredentialStore
{
public:
    explicit CredentialStore(QString path = {});

    // Reads the file again: another window or process may have been welcomed since.
    void reload();
    const QString &credential() const { return m_credential; }
    const User &user() const { return m_user; }

    void save(const User &user, const QString &credential);
    // The server no longer knows the credential: the next connection is a new user.
    void forgetCredential();

    // `server` names the server: its URL, or the first URL of a cluster's nodes.
    static QString pathFor(const QUrl &server, const QString &tenant);

private:
    void write() const;

    QString m_path;
    QString m_credential;
    User m_user;
};

} // namespace Glosa
