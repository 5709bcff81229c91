#include "testpdf.h"
#include "testserver.h"

#include "contenttransfer.h"
#include "document.h"
#include "documentdirectory.h"
#include "protocollimits.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Glosa;

namespace {

// A PDF of `pieces` pieces and a bit: TestPdf's, with a comment of random bytes before its end.
QByteArray largePdf(int pieces)
{
    QByteArray pdf = TestPdf::numbered(2);
    const qsizetype eof = pdf.lastIndexOf("%%EOF");
    QByteArray filler(qsizetype(pieces) * Limits::ContentPieceBytes + 1000, '\0');
    QRandomGenerator random(7);
    for (char &c : filler)
        c = char(0x80 | random.bounded(0x7f)); // binary, and no line end: one comment
    pdf.insert(eof, "%" + filler + "\n");
    return pdf;
}

} // namespace

// A PDF's bytes between the app and a real server: put in pieces with their progress, brought
// back by another computer, kept on disk, and refusals said.
class tst_ContentTransfer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    ContentTransfer *transfer(const QList<QUrl> &urls, const QString &cache)
    {
        auto *t = new ContentTransfer(urls, u"local"_s, {}, m_dir.filePath(u"identity.json"_s),
                                      m_dir.filePath(cache), this);
        return t;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void putThenGetElsewhere()
    {
        TestServer server;
        QVERIFY(server.start());
        const QByteArray pdf = largePdf(3);
        const QString sha256 = Document::sha256Of(pdf);

        ContentTransfer *up = transfer({server.url()}, u"up"_s);
        QSignalSpy progress(up, &ContentTransfer::progress);
        QSignalSpy stored(up, &ContentTransfer::stored);
        QSignalSpy failed(up, &ContentTransfer::failed);
        up->put(pdf);
        QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, 20000);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(stored.first().first().toString(), sha256);
        // One report per piece, growing to the whole.
        QCOMPARE(progress.size(), 4);
        QCOMPARE(progress.last().at(0).toLongLong(), pdf.size());
        QCOMPARE(progress.last().at(1).toLongLong(), pdf.size());
        for (int i = 1; i < progress.size(); ++i)
            QVERIFY(progress.at(i).at(0).toLongLong() > progress.at(i - 1).at(0).toLongLong());
        // The uploader keeps what it sent.
        QCOMPARE(up->cached(sha256), pdf);

        ContentTransfer *down = transfer({server.url()}, u"down"_s);
        QVERIFY(down->cached(sha256).isEmpty());
        QSignalSpy fetched(down, &ContentTransfer::fetched);
        QSignalSpy got(down, &ContentTransfer::progress);
        down->get(sha256, pdf.size());
        QTRY_COMPARE_WITH_TIMEOUT(fetched.size(), 1, 20000);
        QCOMPARE(fetched.first().first().toByteArray(), pdf);
        QCOMPARE(got.size(), 4);
        QCOMPARE(got.last().at(0).toLongLong(), pdf.size());

        // Kept on disk: it opens again with the server gone.
        server.stop();
        ContentTransfer *offline = transfer({server.url()}, u"down"_s);
        QSignalSpy again(offline, &ContentTransfer::fetched);
        offline->get(sha256, pdf.size());
        QTRY_COMPARE(again.size(), 1);
        QCOMPARE(again.first().first().toByteArray(), pdf);
    }

    // A PDF's document is published once its bytes are on the server, and lists with its size.
    void publishedPdfNamesItsContent()
    {
        TestServer server;
        QVERIFY(server.start());
        const QByteArray pdf = TestPdf::numbered(3);
        Document d;
        d.title = u"Paper"_s;
        d.format = u"pdf"_s;
        d.sha256 = Document::sha256Of(pdf);
        DocumentDirectory directory({server.url()}, u"local"_s, {},
                                    m_dir.filePath(u"identity.json"_s));
        QSignalSpy published(&directory, &DocumentDirectory::published);
        QSignalSpy failed(&directory, &DocumentDirectory::failed);
        directory.publish(d);
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY2(failed.first().first().toString().contains(d.sha256),
                 qPrintable(failed.first().first().toString()));

        ContentTransfer *up = transfer({server.url()}, u"up"_s);
        QSignalSpy stored(up, &ContentTransfer::stored);
        up->put(pdf);
        QTRY_COMPARE(stored.size(), 1);
        directory.publish(d);
        QTRY_VERIFY(published.size() == 1 || failed.size() == 2);
        QCOMPARE(failed.size(), 1);
        const Document listed = published.first().first().value<Document>();
        QCOMPARE(listed.page, u"doc/"_s + d.sha256);
        QCOMPARE(listed.format, u"pdf"_s);
        QCOMPARE(listed.size, pdf.size());
        QVERIFY(listed.content.isEmpty());
    }

    void refusalsAreSaid()
    {
        TestServer server;
        QVERIFY(server.start());
        ContentTransfer *notPdf = transfer({server.url()}, u"up"_s);
        QSignalSpy refused(notPdf, &ContentTransfer::failed);
        notPdf->put("Just some text, not a PDF at all.\n"_ba);
        QTRY_COMPARE(refused.size(), 1);
        QVERIFY2(refused.first().first().toString().contains(u"not a PDF"_s),
                 qPrintable(refused.first().first().toString()));

        ContentTransfer *unknown = transfer({server.url()}, u"down"_s);
        QSignalSpy missing(unknown, &ContentTransfer::failed);
        unknown->get(Document::sha256Of("nothing"_ba), 1000);
        QTRY_COMPARE(missing.size(), 1);
        QVERIFY(!missing.first().first().toString().isEmpty());
    }

    // Given the nodes of a cluster, a transfer that cannot reach the first goes to the next.
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
        ContentTransfer *up = transfer({closed, server.url()}, u"up"_s);
        QSignalSpy stored(up, &ContentTransfer::stored);
        up->put(TestPdf::numbered(1));
        QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, 20000);
    }
};

QTEST_MAIN(tst_ContentTransfer)
#include "tst_contenttransfer.moc"
