#include "settingsdialog.h"

#include <QAbstractItemDelegate>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Glosa {

SettingsDialog::SettingsDialog(const AppContext::Settings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_servers(new QListWidget(this))
    , m_addServer(new QPushButton(tr("&Add"), this))
    , m_removeServer(new QPushButton(tr("&Remove"), this))
    , m_upServer(new QPushButton(tr("Move &Up"), this))
    , m_downServer(new QPushButton(tr("Move &Down"), this))
    , m_error(new QLabel(this))
    , m_tenant(new QLineEdit(settings.tenant, this))
    , m_token(new QLineEdit(settings.token, this))
    , m_tokenFile(new QLineEdit(settings.tokenFile, this))
    , m_name(new QLineEdit(settings.displayName, this))
    , m_language(new QComboBox(this))
{
    setWindowTitle(tr("Settings"));
    auto *form = new QFormLayout(this);

    m_servers->setObjectName(u"servers"_s);
    m_addServer->setObjectName(u"addServer"_s);
    m_removeServer->setObjectName(u"removeServer"_s);
    m_upServer->setObjectName(u"moveServerUp"_s);
    m_downServer->setObjectName(u"moveServerDown"_s);
    m_servers->setAccessibleName(tr("Server URLs"));
    m_servers->setMaximumHeight(m_servers->fontMetrics().height() * 6);
    for (const QUrl &url : settings.servers) {
        auto *item = new QListWidgetItem(url.toString(), m_servers);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    // An entry left blank is no entry.
    connect(m_servers->itemDelegate(), &QAbstractItemDelegate::closeEditor, this, [this] {
        for (int row = m_servers->count() - 1; row >= 0; --row) {
            if (m_servers->item(row)->text().trimmed().isEmpty())
                delete m_servers->takeItem(row);
        }
        updateServerButtons();
    });
    connect(m_servers, &QListWidget::currentRowChanged, this, &SettingsDialog::updateServerButtons);
    connect(m_addServer, &QPushButton::clicked, this, &SettingsDialog::addServer);
    connect(m_removeServer, &QPushButton::clicked, this, [this] {
        delete m_servers->takeItem(m_servers->currentRow());
        updateServerButtons();
    });
    connect(m_upServer, &QPushButton::clicked, this, [this] { moveServer(-1); });
    connect(m_downServer, &QPushButton::clicked, this, [this] { moveServer(1); });
    auto *serverButtons = new QVBoxLayout;
    for (QPushButton *button : {m_addServer, m_removeServer, m_upServer, m_downServer})
        serverButtons->addWidget(button);
    serverButtons->addStretch(1);
    auto *serverRow = new QHBoxLayout;
    serverRow->addWidget(m_servers, 1);
    serverRow->addLayout(serverButtons);
    auto *serverHint =
        new QLabel(tr("None: this computer's own server. Several: the nodes of one cluster, "
                      "tried in this order when one cannot be reached."),
                   this);
    serverHint->setWordWrap(true);
    m_error->setObjectName(u"serverError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #a33a3a;"_s);
    m_error->hide();
    auto *serverColumn = new QVBoxLayout;
    serverColumn->addLayout(serverRow);
    serverColumn->addWidget(serverHint);
    serverColumn->addWidget(m_error);
    // A row whose field is a layout has no buddy of its own: the label names the list.
    auto *serverLabel = new QLabel(tr("&Servers:"), this);
    serverLabel->setBuddy(m_servers);
    form->addRow(serverLabel, serverColumn);
    updateServerButtons();

    form->addRow(tr("&Tenant:"), m_tenant);
    m_token->setEchoMode(QLineEdit::Password);
    form->addRow(tr("T&oken:"), m_token);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_tokenFile, 1);
    auto *browse = new QPushButton(tr("Browse…"), this);
    fileRow->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Token file"));
        if (!file.isEmpty())
            m_tokenFile->setText(file);
    });
    // A row whose field is a layout has no buddy of its own: the label names the line edit.
    auto *fileLabel = new QLabel(tr("Token &file:"), this);
    fileLabel->setBuddy(m_tokenFile);
    form->addRow(fileLabel, fileRow);
    m_name->setPlaceholderText(tr("Shown to others when you have no token"));
    m_name->setMaxLength(100);
    form->addRow(tr("Your &name:"), m_name);
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"Español"_s, u"es"_s);
    m_language->setCurrentIndex(qMax(0, m_language->findData(settings.language)));
    form->addRow(tr("&Language:"), m_language);
    auto *note =
        new QLabel(tr("Changes to the server and language apply when Glosa starts again."), this);
    note->setWordWrap(true);
    form->addRow(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

QStringList SettingsDialog::serverTexts() const
{
    QStringList texts;
    for (int row = 0; row < m_servers->count(); ++row)
        texts.append(m_servers->item(row)->text());
    return texts;
}

void SettingsDialog::addServer()
{
    auto *item = new QListWidgetItem(m_servers);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    m_servers->setCurrentItem(item);
    m_servers->editItem(item);
    updateServerButtons();
}

void SettingsDialog::moveServer(int by)
{
    const int row = m_servers->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_servers->count())
        return;
    m_servers->insertItem(to, m_servers->takeItem(row));
    m_servers->setCurrentRow(to);
}

void SettingsDialog::updateServerButtons()
{
    const int row = m_servers->currentRow();
    m_removeServer->setEnabled(row >= 0);
    m_upServer->setEnabled(row > 0);
    m_downServer->setEnabled(row >= 0 && row < m_servers->count() - 1);
}

void SettingsDialog::accept()
{
    QString error;
    if (!AppContext::serversFrom(serverTexts(), &error)) {
        m_error->setText(error);
        m_error->show();
        // The first URL that is wrong is the one to fix.
        for (int row = 0; row < m_servers->count(); ++row) {
            QString ignored;
            if (!AppContext::serversFrom({m_servers->item(row)->text()}, &ignored)) {
                m_servers->setCurrentRow(row);
                break;
            }
        }
        m_servers->setFocus();
        return;
    }
    m_error->hide();
    QDialog::accept();
}

AppContext::Settings SettingsDialog::settings() const
{
    AppContext::Settings s = m_settings;
    QString error;
    s.servers = AppContext::serversFrom(serverTexts(), &error).value_or(m_settings.servers);
    s.tenant = m_tenant->text().trimmed().isEmpty() ? u"local"_s : m_tenant->text().trimmed();
    s.token = m_token->text().trimmed();
    s.tokenFile = m_tokenFile->text().trimmed();
    s.displayName = m_name->text().trimmed();
    s.language = m_language->currentData().toString();
    return s;
}

} // namespace Glosa
