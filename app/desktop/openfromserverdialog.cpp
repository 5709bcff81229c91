#include "openfromserverdialog.h"

#include "documentdirectory.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Glosa {

OpenFromServerDialog::OpenFromServerDialog(DocumentDirectory *directory, QWidget *parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
    , m_status(new QLabel(tr("Asking the server…"), this))
{
    setWindowTitle(tr("Open from Server"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    m_list->setAccessibleName(tr("Documents on the server"));
    layout->addWidget(m_list, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    QPushButton *open = buttons->button(QDialogButtonBox::Open);
    open->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this,
            [open](int row) { open->setEnabled(row >= 0); });
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
    connect(directory, &DocumentDirectory::listed, this, [this](const QList<Document> &documents) {
        m_documents = documents;
        m_status->setText(documents.isEmpty()
                              ? tr("Nothing has been published on this server yet.")
                              : tr("%n document(s)", nullptr, int(documents.size())));
        for (const Document &d : documents) {
            // A PDF says so, with its size: it is brought over before it opens.
            auto *item = new QListWidgetItem(
                d.isPdf() ? tr("%1 (PDF, %2)").arg(d.title, QLocale().formattedDataSize(d.size))
                          : d.title,
                m_list);
            item->setToolTip(
                tr("%1 · published %2")
                    .arg(d.page, QLocale().toString(QDateTime::fromMSecsSinceEpoch(d.updatedAt),
                                                    QLocale::ShortFormat)));
        }
    });
    connect(directory, &DocumentDirectory::failed, this,
            [this](const QString &reason) { m_status->setText(reason); });
    directory->list();
    resize(420, 360);
}

Document OpenFromServerDialog::selected() const
{
    return m_documents.value(m_list->currentRow());
}

} // namespace Glosa
