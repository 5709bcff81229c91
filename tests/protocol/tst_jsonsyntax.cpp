#include "jsonsyntax.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Glosa::JsonSyntax;

namespace {

QByteArray nested(int depth)
{
    QByteArray text;
    for (int i = 0; i < depth; ++i)
        text += i % 2 ? "{\"a\":" : "[";
    text += "0";
    for (int i = depth - 1; i >= 0; --i)
        text += i % 2 ? "}" : "]";
    return text;
}

} // namespace

// RFC 8259, strictly: what QJsonDocument::fromJson would take as well, and what it would take
// that is not JSON.
class tst_JsonSyntax : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty object") << "{}"_ba;
        QTest::newRow("empty array") << "[]"_ba;
        QTest::newRow("scalars at the top") << "0"_ba;
        QTest::newRow("literals") << "[true,false,null]"_ba;
        QTest::newRow("object") << "{\"a\":1,\"b\":[2,{\"c\":\"d\"}],\"\":\"\"}"_ba;
        QTest::newRow("whitespace everywhere")
            << " \t\r\n{ \"a\" :\t[ 1 , 2 ]\r\n, \"b\" : { } , \"c\":[ ] }\n "_ba;
        QTest::newRow("integers") << "[0,-0,1,-1,10,9007199254740993]"_ba;
        QTest::newRow("fractions") << "[0.5,-0.5,10.25,0.000]"_ba;
        QTest::newRow("exponents") << "[1e2,1E2,1e+2,1e-2,-1.5E-07,0e0,0.0e00]"_ba;
        QTest::newRow("simple escapes") << "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]"_ba;
        QTest::newRow("\\u escapes") << "[\"\\u0000\\u001f\\u00e9\\uFFFF\\uabcd\"]"_ba;
        QTest::newRow("surrogate pair")
            << "[\"\\uD83D\\uDE00\",\"\\ud800\\udc00\\udbff\\udfff\"]"_ba;
        QTest::newRow("UTF-8 in strings") << "[\"caf\xc3\xa9 \xf0\x9f\x98\x80\"]"_ba;
        QTest::newRow("DEL in a string") << "[\"\x7f\"]"_ba;
        QTest::newRow("long string, quote at every offset")
            << QByteArray("[\"" + QByteArray(37, 'x') + "\\\"" + QByteArray(29, 'y') + "\"]");
        QTest::newRow("nested 64 deep") << nested(JsonSyntax::MaxDepth);
    }

    void valid()
    {
        QFETCH(QByteArray, text);
        const JsonSyntax::Result r = JsonSyntax::check(text);
        QVERIFY2(r.isValid(), r.fault);
    }

    void invalid_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("offset"); // where the fault is found
        // The seven that QJsonDocument takes.
        QTest::newRow("1.") << "[1.]"_ba << 3;
        QTest::newRow("1.e2") << "[1.e2]"_ba << 3;
        QTest::newRow("TAB in a string") << "[\"a\tb\"]"_ba << 3;
        QTest::newRow("NUL in a string") << QByteArray("[\"a\0b\"]", 7) << 3;
        QTest::newRow("newline in a string") << "[\"a\nb\"]"_ba << 3;
        QTest::newRow("escape \\q") << "[\"a\\qb\"]"_ba << 4;
        QTest::newRow("byte-order mark") << "\xef\xbb\xbf{}"_ba << 0;
        // And the rest of the grammar.
        QTest::newRow("empty") << QByteArray() << 0;
        QTest::newRow("only whitespace") << " \r\n\t"_ba << 4;
        QTest::newRow("other whitespace") << "[\f1]"_ba << 1;
        QTest::newRow("no-break space") << "[\xc2\xa0"
                                           "1]"_ba
                                        << 1;
        QTest::newRow("control at the end of a long string")
            << QByteArray("[\"" + QByteArray(15, 'x') + '\x01' + "\"]") << 17;
        QTest::newRow("DEL outside a string") << "[1\x7f]"_ba << 2;
        QTest::newRow("leading zero") << "[01]"_ba << 2;
        QTest::newRow("minus alone") << "[-]"_ba << 2;
        QTest::newRow("plus") << "[+1]"_ba << 1;
        QTest::newRow("leading dot") << "[.5]"_ba << 1;
        QTest::newRow("exponent without digits") << "[1e]"_ba << 3;
        QTest::newRow("exponent sign only") << "[1e+]"_ba << 4;
        QTest::newRow("hexadecimal") << "[0x1]"_ba << 2;
        QTest::newRow("NaN") << "[NaN]"_ba << 1;
        QTest::newRow("Infinity") << "[-Infinity]"_ba << 2;
        QTest::newRow("truncated literal") << "[tru]"_ba << 1;
        QTest::newRow("capital literal") << "[True]"_ba << 1;
        QTest::newRow("single quotes") << "['a']"_ba << 1;
        QTest::newRow("unterminated string") << "[\"abc"_ba << 5;
        QTest::newRow("backslash at the end") << "[\"abc\\"_ba << 6;
        QTest::newRow("short \\u") << "[\"\\u12\"]"_ba << 6;
        QTest::newRow("\\u with a non-hex digit") << "[\"\\u12g4\"]"_ba << 6;
        QTest::newRow("\\U") << "[\"\\U1234\"]"_ba << 3;
        QTest::newRow("lone high surrogate") << "[\"\\ud800\"]"_ba << 8;
        QTest::newRow("high surrogate, then a letter") << "[\"\\ud800x\"]"_ba << 8;
        QTest::newRow("two high surrogates") << "[\"\\ud800\\ud800\"]"_ba << 14;
        QTest::newRow("lone low surrogate") << "[\"\\udc00\"]"_ba << 8;
        QTest::newRow("trailing comma in an array") << "[1,]"_ba << 3;
        QTest::newRow("trailing comma in an object") << "{\"a\":1,}"_ba << 7;
        QTest::newRow("missing comma") << "[1 2]"_ba << 3;
        QTest::newRow("missing colon") << "{\"a\" 1}"_ba << 5;
        QTest::newRow("name not a string") << "{a:1}"_ba << 1;
        QTest::newRow("number as a name") << "{1:1}"_ba << 1;
        QTest::newRow("missing value") << "{\"a\":}"_ba << 5;
        QTest::newRow("unclosed array") << "[1"_ba << 2;
        QTest::newRow("unclosed object") << "{\"a\":1"_ba << 6;
        QTest::newRow("mismatched close") << "[1}"_ba << 2;
        QTest::newRow("close without open") << "]"_ba << 0;
        QTest::newRow("two values") << "{} {}"_ba << 3;
        QTest::newRow("trailing garbage") << "{}x"_ba << 2;
        QTest::newRow("comment") << "[1/*x*/]"_ba << 2;
        const QByteArray tooDeep = nested(JsonSyntax::MaxDepth + 1);
        QTest::newRow("nested 65 deep") << tooDeep << int(tooDeep.indexOf('0') - 1);
    }

    void invalid()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, offset);
        const JsonSyntax::Result r = JsonSyntax::check(text);
        QVERIFY(!r.isValid());
        QVERIFY(r.fault[0] != '\0');
        QCOMPARE(r.offset, qsizetype(offset));
    }

    // A truncated text is never valid, wherever it is cut.
    void everyPrefixOfAnObjectIsInvalid()
    {
        const QByteArray text =
            "{\"a\":[1.5e3,\"x\\u00e9\\ud83d\\ude00\",true,null,{}],\"b\":-0}"_ba;
        QVERIFY(JsonSyntax::check(text).isValid());
        for (qsizetype n = 0; n < text.size(); ++n)
            QVERIFY2(!JsonSyntax::check(QByteArrayView(text).first(n)).isValid(),
                     text.left(n).constData());
    }
};

QTEST_GUILESS_MAIN(tst_JsonSyntax)
#include "tst_jsonsyntax.moc"
