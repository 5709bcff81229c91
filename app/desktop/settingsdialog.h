#pragma once

#include "appcontext.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace Glosa {

// Server URL (empty: this computer's own server), tenant, token or token file, display name
// and language.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(const AppContext::Settings &settings, QWidget *parent = nullptr);

    AppContext::Settings settings() const;

private:
    AppContext::Settings m_settings;
    QLineEdit *m_server;
    QLineEdit *m_tenant;
    QLineEdit *m_token;
    QLineEdit *m_tokenFile;
    QLineEdit *m_name;
    QComboBox *m_language;
};

} // namespace Glosa
