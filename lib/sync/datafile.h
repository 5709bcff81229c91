#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace Glosa::DataFile {

// Where the client keeps a file about a server (and a tenant, a page…) in the app-data folder:
// `folder`/<sha256 of the server's URL and the parts>.json.
QString pathFor(const QString &folder, const QUrl &server, const QStringList &parts);

} // namespace Glosa::DataFile
