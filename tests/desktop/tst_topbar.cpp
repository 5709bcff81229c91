#include "testserver.h"

#include "appcontext.h"
#include "chatmodel.h"
#include "pagesession.h"
#include "topbar.h"

#include <QApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace Glosa;

// The top bar over a real page session on a real in-process server: what it says of the
// viewers, the connection and the chats as they change.
class tst_TopBar : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_dir;

    SyncClient::Options options(const QString &tenant = u"local"_s) const
    {
        SyncClient::Options o;
        o.urls = {m_server->url()};
        o.tenant = tenant;
        o.page = u"p"_s;
        o.minBackoffMs = 20;
        o.maxBackoffMs = 200;
        o.watchNetwork = false;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        AppContext::installTranslations(u"en"_s);
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_server->config.batchMs = 0;
        m_server->config.tenants = {{u"local"_s, {}, true, {}}, {u"acme"_s, "s", false, {}}};
        QVERIFY(m_server->start());
    }

    void cleanup() { m_server.reset(); }

    // A number of viewers is shown only while it is known.
    void viewersUnknownWhileDisconnected()
    {
        PageSession session(options());
        TopBar bar;
        bar.setClient(session.client());
        QCOMPARE(bar.viewersText(), u"— viewing"_s);
        session.client()->start();
        QTRY_COMPARE(bar.viewersText(), u"1 viewing"_s);
        m_server->stop();
        QTRY_COMPARE(bar.viewersText(), u"— viewing"_s);
        QVERIFY(bar.viewersToolTip().contains(u"not known"_s));
    }

    // The connection's tooltip names the server's URL in use, which with several is the node
    // the client reached.
    void toolTipNamesTheUrlInUse()
    {
        QUrl closed;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closed = QUrl(u"ws://127.0.0.1:%1/v1/ws"_s.arg(probe.serverPort()));
        }
        SyncClient::Options o = options();
        o.urls = {closed, m_server->url()};
        PageSession session(o);
        TopBar bar;
        bar.setClient(session.client());
        QCOMPARE(bar.connectionToolTip(), u"Not connected to %1"_s.arg(closed.toString()));
        session.client()->start();
        QTRY_COMPARE(bar.connectionText(), u"Live"_s);
        QCOMPARE(bar.connectionToolTip(), u"Connected to %1"_s.arg(m_server->url().toString()));
        m_server->stop();
        QTRY_VERIFY(bar.connectionToolTip().startsWith(u"Next attempt: "_s));
    }

    // A sign-in the server refuses is named, lastingly, with the way to fix it.
    void signInFaultOffersTheSettings()
    {
        SyncClient::Options o = options(u"acme"_s);
        o.tokenProvider = [] {
            return TestServer::token(u"acme"_s, "s", u"ana"_s, u"member"_s, {}, -60);
        };
        PageSession session(o);
        TopBar bar;
        bar.show();
        bar.setClient(session.client());
        QSignalSpy requested(&bar, &TopBar::settingsRequested);
        session.client()->start();
        QTRY_VERIFY(bar.connectionText().contains(u"expired"_s));
        QVERIFY(bar.settingsButton()->isVisible());
        QTest::mouseClick(bar.settingsButton(), Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
    }

    // The count of chats says how many are open, as the panel's default filter shows them.
    void chatCountSaysWhatIsOpen()
    {
        PageSession session(options());
        ChatModel model(&session);
        TopBar bar;
        bar.setClient(session.client());
        bar.setModel(&model);
        QCOMPARE(bar.chatsText(), u"0 open threads"_s);
        session.client()->start();
        QTRY_COMPARE(session.client()->state(), SyncClient::State::Live);
        const QString id = session.startChat({0, 5, u"Hello"_s, {}, {}}, u"One"_s);
        session.startChat({6, 11, u"World"_s, {}, {}}, u"Two"_s);
        QCOMPARE(bar.chatsText(), u"2 open threads"_s);
        session.setResolved(id, true);
        QCOMPARE(bar.chatsText(), u"1 open thread, 1 resolved"_s);
    }

    // Opened from the cache before the server answers, the page says it is what was seen last.
    void cachedPageSaysItIsLastSeen()
    {
        SyncClient::Options o = options();
        o.cachePath = m_dir.filePath(u"cache.json"_s);
        {
            PageSession first(o);
            first.client()->start();
            QTRY_COMPARE(first.client()->state(), SyncClient::State::Live);
        }
        m_server->stop();
        PageSession later(o);
        TopBar bar;
        bar.setClient(later.client());
        later.client()->start();
        QTRY_VERIFY(bar.connectionText().contains(u"showing what was last seen"_s));
        QVERIFY(m_server->restart());
        QTRY_COMPARE(bar.connectionText(), u"Live"_s);
    }
};

QTEST_MAIN(tst_TopBar)
#include "tst_topbar.moc"
