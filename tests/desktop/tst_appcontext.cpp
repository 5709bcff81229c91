#include "testserver.h"

#include "appcontext.h"
#include "mainwindow.h"
#include "outbox.h"
#include "pagesession.h"
#include "validation.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace Glosa;

// What the app's shared context does with the settings: which it saves, and how a change
// reaches the pages already open.
class tst_AppContext : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().clear(); }

    // A server given on the command line is used, but saving other settings does not make it
    // the one in the settings file; a server the user types in is saved.
    void commandLineServerIsNotSaved()
    {
        AppContext::Settings saved;
        saved.server = QUrl(u"ws://saved.example:8765/v1/ws"_s);
        AppContext::Settings inForce = saved;
        inForce.server = QUrl(u"ws://given.example:8765/v1/ws"_s);
        inForce.tenant = u"acme"_s;
        AppContext context(inForce, saved);

        AppContext::Settings changed = context.settings();
        changed.displayName = u"Ana"_s;
        context.saveSettings(changed);
        QCOMPARE(context.settings().server, inForce.server);
        QCOMPARE(AppContext::loadSettings().server, saved.server);
        QCOMPARE(AppContext::loadSettings().tenant, u"local"_s);
        QCOMPARE(AppContext::loadSettings().displayName, u"Ana"_s);

        changed.server = QUrl(u"ws://typed.example:8765/v1/ws"_s);
        context.saveSettings(changed);
        QCOMPARE(AppContext::loadSettings().server, changed.server);
        QVERIFY(context.needsRestart());
    }

    // A new display name reaches the open page without a restart.
    void displayNameAppliesAtOnce()
    {
        TestServer server;
        server.config.batchMs = 0;
        QVERIFY(server.start());
        AppContext::Settings settings;
        settings.server = server.url();
        settings.displayName = u"Ana"_s;
        AppContext context(settings);
        QString error;
        QVERIFY(context.start(&error));
        MainWindow window(&context);
        window.openDocument(LoadedDocument::fromLocalText(u"Doc"_s, u"text"_s, u"Some text"_s));
        SyncClient *client = window.session()->client();
        QTRY_COMPARE(client->state(), SyncClient::State::Live);
        QCOMPARE(client->user().name, u"Ana"_s);
        const QString id = client->user().id;

        settings.displayName = u"Ana Lima"_s;
        context.saveSettings(settings);
        QTRY_COMPARE(client->user().name, u"Ana Lima"_s);
        QCOMPARE(client->user().id, id);
        QVERIFY(!context.needsRestart());
    }

    // In Spanish, Qt's own buttons are in Spanish too (from qt6-translations-l10n).
    void qtButtonsAreTranslated()
    {
        AppContext::installTranslations(u"es"_s);
        QDialogButtonBox buttons(QDialogButtonBox::Cancel | QDialogButtonBox::Discard);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), u"Cancelar"_s);
        const QList<QTranslator *> installed = qApp->findChildren<QTranslator *>();
        for (QTranslator *t : installed) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }

    // Changes that an earlier Glosa kept for its own server, under the server's address, are
    // still sent by this one.
    void embeddedOutboxOfAnEarlierVersionIsSent()
    {
        QTemporaryDir data;
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        AppContext::Settings settings;
        settings.embeddedPort = probe.serverPort();
        settings.embeddedDataDir = data.path();
        probe.close();
        const QString page = u"file/legacy"_s;
        const QUrl byAddress(u"ws://127.0.0.1:%1/v1/ws"_s.arg(settings.embeddedPort));
        Outbox(Outbox::pathFor(byAddress, u"local"_s, page))
            .append(NewChatOp{Validation::newUuid(), Validation::newUuid(),
                              Anchor{0, 4, u"Kept"_s, {}, {}}, Validation::newUuid(),
                              u"Written by an earlier Glosa"_s});

        AppContext context(settings);
        QString error;
        QVERIFY2(context.start(&error), qPrintable(error));
        QVERIFY(context.hostsServer());
        const std::shared_ptr<PageSession> session = context.session(page);
        QCOMPARE(session->client()->pendingCount(), 1);
        QTRY_COMPARE(session->client()->pendingCount(), 0);
        QCOMPARE(session->chats().size(), 1);
        QVERIFY(!QFile::exists(Outbox::pathFor(byAddress, u"local"_s, page)));
    }
};

QTEST_MAIN(tst_AppContext)
#include "tst_appcontext.moc"
