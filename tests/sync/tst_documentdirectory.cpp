#include "testserver.h"

#include "documentdirectory.h"
#include "syncclient.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Glosa::Document;
using Glosa::DocumentDirectory;
using Glosa::SyncClient;

// The documents of a server over the real server: an anonymous user publishes and replaces
// their own document as the same user who reads the pages.
class tst_DocumentDirectory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void anonymousPublisherReplacesTheirDocument()
    {
        TestServer server;
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString credential = dir.filePath(u"identity.json"_s);
        // Reading a page first gives the user an identity.
        SyncClient::Options o;
        o.urls = {server.url()};
        o.page = u"notes"_s;
        o.credentialPath = credential;
        o.watchNetwork = false;
        SyncClient reader(o);
        reader.start();
        QTRY_COMPARE(reader.state(), SyncClient::State::Live);

        Document document;
        document.page = u"doc/notes"_s;
        document.title = u"Notes"_s;
        document.format = u"text"_s;
        document.content = u"First version"_s;
        DocumentDirectory directory({server.url()}, u"local"_s, {}, credential);
        QSignalSpy published(&directory, &DocumentDirectory::published);
        QSignalSpy failed(&directory, &DocumentDirectory::failed);
        directory.publish(document);
        QTRY_COMPARE(published.size(), 1);
        document.content = u"Second version"_s;
        directory.publish(document);
        QTRY_COMPARE(published.size(), 2);
        QCOMPARE(failed.size(), 0);

        // Someone else, anonymous too, may not.
        DocumentDirectory stranger({server.url()}, u"local"_s, {});
        QSignalSpy refused(&stranger, &DocumentDirectory::failed);
        document.content = u"Not theirs"_s;
        stranger.publish(document);
        QTRY_COMPARE(refused.size(), 1);
        QVERIFY(refused.first().first().toString().contains(u"not allowed"_s));
    }

    // Given the nodes of a cluster, a request that cannot reach one goes to the next, and the
    // next request starts from the node that answered.
    void unreachableNodeIsSkipped()
    {
        TestServer server;
        QVERIFY(server.start());
        QUrl closed;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closed = QUrl(u"ws://127.0.0.1:%1/v1/ws"_s.arg(probe.serverPort()));
        }
        DocumentDirectory directory({closed, server.url()}, u"local"_s, {});
        QSignalSpy listed(&directory, &DocumentDirectory::listed);
        QSignalSpy failed(&directory, &DocumentDirectory::failed);
        directory.list();
        QTRY_COMPARE(listed.size(), 1);
        QCOMPARE(directory.url(), server.url());
        directory.list();
        QTRY_COMPARE(listed.size(), 2);
        QCOMPARE(failed.size(), 0);

        // When no node can be reached, the request fails, having tried each.
        server.stop();
        directory.list();
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().toString().contains(u"Cannot reach the server"_s));
        QCOMPARE(listed.size(), 2);
    }
};

QTEST_GUILESS_MAIN(tst_DocumentDirectory)
#include "tst_documentdirectory.moc"
