#include "permessagedeflate.h"

#include <QRandomGenerator>
#include <QTest>

using Glosa::PerMessageDeflate;
using namespace Qt::StringLiterals;

class tst_PerMessageDeflate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void negotiate_data();
    void negotiate();
    void rfcExampleInflates();
    void roundTrip_data();
    void roundTrip();
    void broadcastIsCompressedOnce();
    void oversizedMessageIsRefused();
    void corruptDataIsRefused();
};

void tst_PerMessageDeflate::negotiate_data()
{
    QTest::addColumn<QByteArray>("offers");
    QTest::addColumn<QByteArray>("response"); // null: declined
    QTest::addColumn<int>("windowBits");

    const QByteArray plain = "permessage-deflate; server_no_context_takeover; "
                             "client_no_context_takeover";
    QTest::newRow("bare") << "permessage-deflate"_ba << plain << 15;
    QTest::newRow("browser") << "permessage-deflate; client_max_window_bits"_ba << plain << 15;
    QTest::newRow("both takeovers")
        << "permessage-deflate; client_no_context_takeover; server_no_context_takeover"_ba << plain
        << 15;
    QTest::newRow("client window value")
        << "permessage-deflate; client_max_window_bits=10"_ba << plain << 15;
    QTest::newRow("server window") << "permessage-deflate; server_max_window_bits=10"_ba
                                   << plain + "; server_max_window_bits=10" << 10;
    QTest::newRow("quoted server window") << R"(permessage-deflate; server_max_window_bits="12")"_ba
                                          << plain + "; server_max_window_bits=12" << 12;
    QTest::newRow("first acceptable offer wins")
        << "permessage-deflate; server_max_window_bits=8, permessage-deflate"_ba << plain << 15;
    QTest::newRow("after another extension")
        << "x-webkit-deflate-frame, permessage-deflate"_ba << plain << 15;
    QTest::newRow("case of the name") << "Permessage-Deflate"_ba << plain << 15;

    QTest::newRow("other extension") << "x-webkit-deflate-frame"_ba << QByteArray() << 0;
    QTest::newRow("empty") << QByteArray() << QByteArray() << 0;
    QTest::newRow("unknown parameter") << "permessage-deflate; mystery"_ba << QByteArray() << 0;
    QTest::newRow("repeated parameter")
        << "permessage-deflate; client_max_window_bits; client_max_window_bits"_ba << QByteArray()
        << 0;
    QTest::newRow("server window without value")
        << "permessage-deflate; server_max_window_bits"_ba << QByteArray() << 0;
    QTest::newRow("window 8, which zlib cannot keep")
        << "permessage-deflate; server_max_window_bits=8"_ba << QByteArray() << 0;
    QTest::newRow("window 16") << "permessage-deflate; client_max_window_bits=16"_ba << QByteArray()
                               << 0;
    QTest::newRow("takeover with a value")
        << "permessage-deflate; server_no_context_takeover=1"_ba << QByteArray() << 0;
}

void tst_PerMessageDeflate::negotiate()
{
    QFETCH(QByteArray, offers);
    QFETCH(QByteArray, response);
    QFETCH(int, windowBits);
    int bits = 0;
    const std::optional<QByteArray> agreed = PerMessageDeflate::negotiate(offers, &bits);
    QCOMPARE(agreed.has_value(), !response.isNull());
    if (agreed) {
        QCOMPARE(*agreed, response);
        QCOMPARE(bits, windowBits);
    }
}

// RFC 7692, 7.2.3.1: "Hello" in one compressed message, as any client may send it.
void tst_PerMessageDeflate::rfcExampleInflates()
{
    bool tooLarge = true;
    const std::optional<QByteArray> hello =
        PerMessageDeflate::decompress("\xf2\x48\xcd\xc9\xc9\x07\x00"_ba, 1024, &tooLarge);
    QVERIFY(hello);
    QCOMPARE(*hello, "Hello"_ba);
    QVERIFY(!tooLarge);
    QCOMPARE(PerMessageDeflate::compress("Hello"_ba), "\xf2\x48\xcd\xc9\xc9\x07\x00"_ba);
}

void tst_PerMessageDeflate::roundTrip_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<int>("windowBits");
    const QByteArray event =
        R"({"broadcastId":"b8c9caf4-0000-0000-0000-00000eff5520","chat":{"anchor":{"end":1232,)"
        R"("exact":"of every page is kept for replay","prefix":"ses it at once; and the history ",)"
        R"("start":1200,"suffix":", so a client that comes back la"},"author":{"id":)"
        R"("anon:1rmip0oercpx9","name":"Ana Lima"},"comments":[{"author":{"id":"anon:1rmip0oercpx9",)"
        R"("name":"Ana Lima"},"createdAt":1795652415707,"id":"4736350b-0000-0002-8000-000000000002",)"
        R"("text":"Is this still true after the server restarts? A link to the design notes would )"
        R"(help."}],"createdAt":1795652415707,"id":"4736350b-0000-0001-8000-000000000001",)"
        R"("resolved":false,"updatedAt":1795652415707},"seq":1,"type":"new-text-chat"})"_ba;
    QByteArray noise(300000, Qt::Uninitialized);
    QRandomGenerator rng(7);
    rng.fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
    QTest::newRow("create event") << event << 15;
    QTest::newRow("create event, window 9") << event << 9;
    QTest::newRow("empty") << QByteArray() << 15;
    QTest::newRow("incompressible 300 kB") << noise << 15;
    QTest::newRow("repetitive 1 MiB") << event.repeated(1024 * 1024 / event.size()) << 10;
}

void tst_PerMessageDeflate::roundTrip()
{
    QFETCH(QByteArray, message);
    QFETCH(int, windowBits);
    const QByteArray compressed = PerMessageDeflate::compress(message, windowBits);
    QVERIFY(!compressed.endsWith("\x00\x00\xff\xff"_ba));
    bool tooLarge = true;
    const std::optional<QByteArray> back =
        PerMessageDeflate::decompress(compressed, message.size(), &tooLarge);
    QVERIFY(back);
    QCOMPARE(*back, message);
    QVERIFY(!tooLarge);
}

// The recipients of a broadcast share the bytes; a different message with the same length and
// a message at the address of a freed one are compressed afresh.
void tst_PerMessageDeflate::broadcastIsCompressedOnce()
{
    const QByteArray a(600, 'a');
    const QByteArray first = PerMessageDeflate::compress(a);
    const QByteArray again = PerMessageDeflate::compress(a);
    QCOMPARE(again.constData(), first.constData());

    const QByteArray b(600, 'b');
    const QByteArray other = PerMessageDeflate::compress(b);
    bool tooLarge = false;
    QCOMPARE(PerMessageDeflate::decompress(other, 600, &tooLarge).value_or(QByteArray()), b);
    QCOMPARE(PerMessageDeflate::decompress(PerMessageDeflate::compress(a, 9), 600, &tooLarge)
                 .value_or(QByteArray()),
             a);
}

void tst_PerMessageDeflate::oversizedMessageIsRefused()
{
    const QByteArray bomb = PerMessageDeflate::compress(QByteArray(4 * 1024 * 1024, '\0'));
    QVERIFY(bomb.size() < 64 * 1024);
    bool tooLarge = false;
    QVERIFY(!PerMessageDeflate::decompress(bomb, 1024 * 1024, &tooLarge));
    QVERIFY(tooLarge);
}

void tst_PerMessageDeflate::corruptDataIsRefused()
{
    bool tooLarge = true;
    QVERIFY(!PerMessageDeflate::decompress("\xff\xff\xff\xff\xff"_ba, 1024, &tooLarge));
    QVERIFY(!tooLarge);
}

QTEST_APPLESS_MAIN(tst_PerMessageDeflate)
#include "tst_permessagedeflate.moc"
