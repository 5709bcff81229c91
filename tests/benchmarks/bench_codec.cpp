#include "codec.h"
#include "jsonsyntax.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A typical new-text-chat as a client sends it (about 400 bytes), and a publish-document of
// 512 KiB of text: the frames a server decodes most often, and the largest.
QByteArray typicalOperation()
{
    return Glosa::Codec::encode(Glosa::ClientMessage(Glosa::NewChatOp{
        uuid(), uuid(),
        Glosa::Anchor{1200, 1264, u"the passage that the reader selected, as it stands"_s,
                      u"a little context before it"_s, u"and a little after it"_s},
        uuid(), u"A comment of a sentence or two, with \"quotes\" and an accent: café."_s}));
}

QByteArray largeDocument()
{
    Glosa::PublishDocumentOp op;
    op.broadcastId = uuid();
    op.document.title = u"Handbook"_s;
    op.document.format = u"markdown"_s;
    QString content;
    while (content.size() < 512 * 1024)
        content +=
            u"## A heading\n\nA paragraph with \"quotes\", a tab\tand é, then more text.\n"_s;
    op.document.content = content;
    return Glosa::Codec::encode(Glosa::ClientMessage(op));
}

// Microseconds per call of `f`, over enough calls to take about half a second.
template<typename F>
double microseconds(F f)
{
    QElapsedTimer timer;
    timer.start();
    qint64 calls = 0;
    while (timer.elapsed() < 500) {
        f();
        ++calls;
    }
    return timer.nsecsElapsed() / 1e3 / double(calls);
}

} // namespace

// The cost of decoding a client's frame, and the share of it that the strict RFC 8259 check
// (JsonSyntax) takes: decodeClient runs the check, then QJsonDocument, then the field checks.
class bench_Codec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodeClient_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::newRow("new-text-chat") << typicalOperation();
        QTest::newRow("publish-document, 512 KiB") << largeDocument();
    }

    void decodeClient()
    {
        QFETCH(QByteArray, frame);
        Glosa::ProtocolError error;
        QVERIFY(Glosa::Codec::decodeClient(frame, &error));
        QVERIFY(Glosa::JsonSyntax::check(frame).isValid());
        const double syntax = microseconds([&] { (void)Glosa::JsonSyntax::check(frame); });
        const double parse =
            microseconds([&] { (void)QJsonDocument::fromJson(frame).object().size(); });
        const double decode =
            microseconds([&] { (void)Glosa::Codec::decodeClient(frame, &error); });
        std::printf("%s, %lld bytes: decodeClient %.2f us, of which JsonSyntax::check %.2f us "
                    "(%.0f %%, %.0f MB/s); QJsonDocument::fromJson alone %.2f us\n",
                    QTest::currentDataTag(), qlonglong(frame.size()), decode, syntax,
                    100.0 * syntax / decode, frame.size() / syntax, parse);
    }
};

QTEST_GUILESS_MAIN(bench_Codec)
#include "bench_codec.moc"
