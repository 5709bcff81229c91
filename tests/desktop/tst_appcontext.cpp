#include "testserver.h"

#include "appcontext.h"
#include "credentialstore.h"
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
        saved.servers = {QUrl(u"ws://saved.example:8765/v1/ws"_s)};
        AppContext::Settings inForce = saved;
        inForce.servers = {QUrl(u"ws://given.example:8765/v1/ws"_s)};
        inForce.tenant = u"acme"_s;
        AppContext context(inForce, saved);

        AppContext::Settings changed = context.settings();
        changed.displayName = u"Ana"_s;
        context.saveSettings(changed);
        QCOMPARE(context.settings().servers, inForce.servers);
        QCOMPARE(AppContext::loadSettings().servers, saved.servers);
        QCOMPARE(AppContext::loadSettings().tenant, u"local"_s);
        QCOMPARE(AppContext::loadSettings().displayName, u"Ana"_s);

        changed.servers = {QUrl(u"ws://typed.example:8765/v1/ws"_s)};
        context.saveSettings(changed);
        QCOMPARE(AppContext::loadSettings().servers, changed.servers);
        QVERIFY(context.needsRestart());
    }

    // Several servers are kept as a list; the single URL of earlier versions is read, and
    // still written (the list's first) for them.
    void serverListIsSavedBesideTheSingleUrl()
    {
        const QUrl a(u"wss://a.example.org/v1/ws"_s), b(u"wss://b.example.org/v1/ws"_s);
        QSettings().setValue(u"server/url"_s, a.toString());
        QCOMPARE(AppContext::loadSettings().servers, QList<QUrl>{a});

        AppContext context(AppContext::loadSettings());
        AppContext::Settings changed = context.settings();
        changed.servers = {a, b};
        context.saveSettings(changed);
        QCOMPARE(AppContext::loadSettings().servers, QList<QUrl>({a, b}));
        QCOMPARE(QSettings().value(u"server/url"_s).toString(), a.toString());

        // An earlier Glosa that changed its one server since is followed.
        QSettings().setValue(u"server/url"_s, b.toString());
        QCOMPARE(AppContext::loadSettings().servers, QList<QUrl>{b});
        QSettings().setValue(u"server/url"_s, QString());
        QVERIFY(AppContext::loadSettings().servers.isEmpty());

        changed.servers = {};
        context.saveSettings(changed);
        QVERIFY(AppContext::loadSettings().servers.isEmpty());
    }

    void serversFromTheirUrls_data()
    {
        QTest::addColumn<QStringList>("texts");
        QTest::addColumn<QList<QUrl>>("servers");
        QTest::addColumn<QString>("wrong");
        const QUrl a(u"ws://a.example.org:8765/v1/ws"_s), b(u"wss://b.example.org/v1/ws"_s);
        QTest::newRow("none") << QStringList() << QList<QUrl>() << QString();
        QTest::newRow("several") << QStringList{a.toString(), u" "_s, u" "_s + b.toString(),
                                                a.toString()}
                                 << QList<QUrl>{a, b} << QString();
        QTest::newRow("http") << QStringList{a.toString(), u"http://c.example.org/v1/ws"_s}
                              << QList<QUrl>() << u"http://c.example.org/v1/ws"_s;
        QTest::newRow("no scheme")
            << QStringList{u"c.example.org:8765"_s} << QList<QUrl>() << u"c.example.org:8765"_s;
        QTest::newRow("no host") << QStringList{u"wss:///v1/ws"_s} << QList<QUrl>()
                                 << u"wss:///v1/ws"_s;
    }

    // Every server given must be a ws:// or wss:// URL; the message names the one that is not.
    void serversFromTheirUrls()
    {
        QFETCH(QStringList, texts);
        QFETCH(QList<QUrl>, servers);
        QFETCH(QString, wrong);
        QString error;
        const std::optional<QList<QUrl>> parsed = AppContext::serversFrom(texts, &error);
        QCOMPARE(!parsed, !wrong.isEmpty());
        if (parsed) {
            QCOMPARE(*parsed, servers);
        } else {
            QVERIFY2(error.contains(wrong), qPrintable(error));
            QVERIFY2(error.contains(u"wss://"_s), qPrintable(error));
        }
    }

    // The files of a cluster are named by its first URL; those kept under another of its URLs
    // (the one server of before, or a list in another order) are taken over, nothing lost.
    void clusterKeepsTheFilesOfItsOtherUrls()
    {
        const QUrl a(u"wss://a.example.org/v1/ws"_s), b(u"wss://b.example.org/v1/ws"_s);
        const QString page = u"doc/kept"_s;
        for (const QUrl &url : {a, b}) {
            QFile::remove(Outbox::pathFor(url, u"local"_s, page));
            QFile::remove(CredentialStore::pathFor(url, u"local"_s));
        }
        const User ana{u"anon:ana"_s, u"Ana"_s, User::Role::Member};
        CredentialStore(CredentialStore::pathFor(b, u"local"_s)).save(ana, u"1.x.y"_s);
        Outbox(Outbox::pathFor(b, u"local"_s, page))
            .append(NewChatOp{Validation::newUuid(), Validation::newUuid(),
                              Anchor{0, 4, u"Kept"_s, {}, {}}, Validation::newUuid(),
                              u"Written for node b"_s});
        AppContext::Settings settings;
        settings.servers = {a, b};
        AppContext context(settings);
        QString error;
        QVERIFY(context.start(&error));
        QCOMPARE(context.serverUrls(), settings.servers);
        const SyncClient::Options o = context.optionsFor(page);
        QCOMPARE(o.urls, settings.servers);
        QCOMPARE(o.outboxPath, Outbox::pathFor(a, u"local"_s, page));
        QCOMPARE(Outbox(o.outboxPath).size(), 1);
        QCOMPARE(CredentialStore(o.credentialPath).user(), ana);
        QCOMPARE(CredentialStore(o.credentialPath).credential(), u"1.x.y"_s);
        QVERIFY(!QFile::exists(Outbox::pathFor(b, u"local"_s, page)));
        QVERIFY(!QFile::exists(CredentialStore::pathFor(b, u"local"_s)));
    }

    // A new display name reaches the open page without a restart.
    void displayNameAppliesAtOnce()
    {
        TestServer server;
        server.config.batchMs = 0;
        QVERIFY(server.start());
        AppContext::Settings settings;
        settings.servers = {server.url()};
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
