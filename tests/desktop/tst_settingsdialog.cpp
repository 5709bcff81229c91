#include "settingsdialog.h"

#include <QApplication>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
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

    // A list of servers comes back as it was given, and as the user adds, removes and orders
    // its URLs.
    void serverListRoundTrips()
    {
        const QUrl a(u"wss://a.example.org/v1/ws"_s), b(u"ws://b.example.org:8765/v1/ws"_s),
            c(u"wss://c.example.org/v1/ws"_s);
        AppContext::Settings settings;
        settings.servers = {a, b};
        SettingsDialog dialog(settings);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QCOMPARE(dialog.serverList()->count(), 2);
        QCOMPARE(dialog.settings().servers, settings.servers);

        QTest::mouseClick(dialog.addServerButton(), Qt::LeftButton);
        QTRY_VERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
        QTest::keyClicks(QApplication::focusWidget(), c.toString());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(dialog.settings().servers, QList<QUrl>({a, b, c}));

        dialog.serverList()->setCurrentRow(0);
        QTest::mouseClick(dialog.removeServerButton(), Qt::LeftButton);
        QCOMPARE(dialog.settings().servers, QList<QUrl>({b, c}));
        dialog.serverList()->setCurrentRow(1);
        QTest::mouseClick(dialog.findChild<QPushButton *>(u"moveServerUp"_s), Qt::LeftButton);
        QCOMPARE(dialog.settings().servers, QList<QUrl>({c, b}));

        // A new entry left blank is no entry.
        QTest::mouseClick(dialog.addServerButton(), Qt::LeftButton);
        QTRY_VERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(dialog.serverList()->count(), 2);

        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.errorLabel()->isHidden());
    }

    // A URL that is not ws:// or wss:// keeps the dialog open, says why and selects it.
    void wrongServerUrlIsRefused()
    {
        AppContext::Settings settings;
        settings.servers = {QUrl(u"wss://a.example.org/v1/ws"_s)};
        SettingsDialog dialog(settings);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto *wrong = new QListWidgetItem(u"http://b.example.org/v1/ws"_s, dialog.serverList());
        wrong->setFlags(wrong->flags() | Qt::ItemIsEditable);
        dialog.serverList()->setCurrentRow(0);
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.errorLabel()->isHidden());
        QVERIFY2(dialog.errorLabel()->text().contains(u"http://b.example.org/v1/ws"_s),
                 qPrintable(dialog.errorLabel()->text()));
        QVERIFY(dialog.errorLabel()->text().contains(u"ws://"_s));
        QCOMPARE(dialog.serverList()->currentRow(), 1);

        // Fixed, it is taken.
        wrong->setText(u"wss://b.example.org/v1/ws"_s);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.settings().servers.size(), 2);
    }
};

QTEST_MAIN(tst_SettingsDialog)
#include "tst_settingsdialog.moc"
