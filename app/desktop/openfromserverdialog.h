#pragma once

#include "document.h"

#include <QDialog>

class QLabel;
class QListWidget;

namespace Glosa {

class DocumentDirectory;

// Lists the documents published on the server and lets the user pick one to open.
class OpenFromServerDialog : public QDialog
{
    Q_OBJECT
public:
    OpenFromServerDialog(DocumentDirectory *directory, QWidget *parent = nullptr);

    Document selected() const;

private:
    QListWidget *m_list;
    QLabel *m_status;
    QList<Document> m_documents;
};

} // namespace Glosa
