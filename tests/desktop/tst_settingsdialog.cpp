#include "settingsdialog.h"

#include <QApplication>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Glosa;

// The settings dialog: every label with a mnemonic shows it as one and moves to its field.
class tst_SettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyMnemonicHasItsField()
    {
        SettingsDialog dialog(AppContext::Settings{});
        const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
        QVERIFY(labels.size() >= 6);
        for (const QLabel *label : labels) {
            // Without a buddy a label shows its ampersand literally.
            if (label->text().contains(u'&'))
                QVERIFY2(label->buddy(), qPrintable(label->text()));
        }
    }

    void altFMovesToTheTokenFile()
    {
        AppContext::Settings settings;
        settings.tokenFile = u"/etc/glosa/token"_s;
        SettingsDialog dialog(settings);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTest::keyClick(&dialog, Qt::Key_F, Qt::AltModifier);
        auto *focused = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(focused);
        QCOMPARE(focused->text(), u"/etc/glosa/token"_s);
    }
};

QTEST_MAIN(tst_SettingsDialog)
#include "tst_settingsdialog.moc"
