#include "credentialstore.h"

#include "datafile.h"
#include "synclogging.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Glosa {

CredentialStore::CredentialStore(QString path)
    : m_path(std::move(path))
{
    reload();
}

void CredentialStore::reload()
{
    if (m_path.isEmpty())
        return;
    const QJsonObject o = QJsonDocument::fromJson(DataFile::read(m_path)).object();
    m_credential = o.value("credential"_L1).toString();
    const QJsonObject user = o.value("user"_L1).toObject();
    m_user.id = user.value("id"_L1).toString();
    m_user.name = user.value("name"_L1).toString();
    if (!User::roleFromName(user.value("role"_L1).toString(), &m_user.role))
        m_user.role = User::Role::Member;
}

void CredentialStore::save(const User &user, const QString &credential)
{
    if (user == m_user && credential == m_credential)
        return;
    m_user = user;
    m_credential = credential;
    write();
}

void CredentialStore::forgetCredential()
{
    m_credential.clear();
    write();
}

void CredentialStore::write() const
{
    if (m_path.isEmpty())
        return;
    const QJsonObject o{{"credential"_L1, m_credential},
                        {"user"_L1, QJsonObject{{"id"_L1, m_user.id},
                                                {"name"_L1, m_user.name},
                                                {"role"_L1, User::roleName(m_user.role)}}}};
    DataFile::write(m_path, QJsonDocument(o).toJson(QJsonDocument::Compact),
                    DataFile::Access::OwnerOnly);
}

QString CredentialStore::pathFor(const QUrl &server, const QString &tenant)
{
    return DataFile::pathFor(u"identity"_s, server, {tenant});
}

} // namespace Glosa
