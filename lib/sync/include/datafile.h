#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Glosa::DataFile {

// Where the client keeps a file about a server (and a tenant, a page…) in the app-data folder:
// `folder`/<sha256 of the server's URL and the parts>.json.
QString pathFor(const QString &folder, const QUrl &server, const QStringList &parts);

// Where no file is at `path`, moves there the first of `formerPaths` that exists: what was kept
// under another name of the same server (another URL of its nodes) is found again.
void adopt(const QString &path, const QStringList &formerPaths);

// The file's bytes; empty when it does not exist or cannot be read.
QByteArray read(const QString &path);

enum class Access { Everyone, OwnerOnly };
// Replaces the file whole (a crash leaves the old one), making its folder where needed; logs
// and returns false when it cannot.
bool write(const QString &path, const QByteArray &content, Access access = Access::Everyone);

} // namespace Glosa::DataFile
