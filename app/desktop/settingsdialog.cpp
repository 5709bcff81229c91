#include "settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Glosa {

SettingsDialog::SettingsDialog(const AppContext::Settings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_server(new QLineEdit(settings.server.toString(), this))
    , m_tenant(new QLineEdit(settings.tenant, this))
    , m_token(new QLineEdit(settings.token, this))
    , m_tokenFile(new QLineEdit(settings.tokenFile, this))
    , m_name(new QLineEdit(settings.displayName, this))
    , m_language(new QComboBox(this))
{
    setWindowTitle(tr("Settings"));
    auto *form = new QFormLayout(this);
    m_server->setPlaceholderText(tr("This computer (wss://… for a team server)"));
    form->addRow(tr("&Server:"), m_server);
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

AppContext::Settings SettingsDialog::settings() const
{
    AppContext::Settings s = m_settings;
    s.server = QUrl(m_server->text().trimmed());
    s.tenant = m_tenant->text().trimmed().isEmpty() ? u"local"_s : m_tenant->text().trimmed();
    s.token = m_token->text().trimmed();
    s.tokenFile = m_tokenFile->text().trimmed();
    s.displayName = m_name->text().trimmed();
    s.language = m_language->currentData().toString();
    return s;
}

} // namespace Glosa
