#include "errorcode.h"
#include "protocollimits.h"
#include "validation.h"

#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace Glosa;

namespace {

// One character outside the Basic Multilingual Plane: two UTF-16 code units.
const QString Emoji = u"\U0001F600"_s;

QString ok()
{
    return {};
}

QString badRequest()
{
    return ErrorCode::BadRequest;
}

QString tooLarge()
{
    return ErrorCode::TooLarge;
}

} // namespace

class tst_Validation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isUuid_data();
    void isUuid();
    void newUuid();
    void checkCommentText_data();
    void checkCommentText();
    void checkAnchor_data();
    void checkAnchor();
    void checkAnchorOnSheet_data();
    void checkAnchorOnSheet();
    void checkName_data();
    void checkName();
    void checkPage_data();
    void checkPage();
    void checkDocumentFormat_data();
    void checkDocumentFormat();
    void isSha256_data();
    void isSha256();
    void contentPieces_data();
    void contentPieces();
    void checkPdfHead_data();
    void checkPdfHead();
    void checkPdfTail_data();
    void checkPdfTail();

private:
    static void verifyError(const ProtocolError &error, const QString &expectedCode);
};

// An accepted value yields a null error with no message; a refused one names its code and says
// why.
void tst_Validation::verifyError(const ProtocolError &error, const QString &expectedCode)
{
    QCOMPARE(error.code, expectedCode);
    QCOMPARE(error.isNull(), expectedCode.isEmpty());
    QCOMPARE(error.message.isEmpty(), expectedCode.isEmpty());
}

void tst_Validation::isUuid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");

    const QString good = u"0f8fad5b-d9cb-469f-a165-70867728950e"_s;
    QTest::newRow("lowercase canonical") << good << true;
    QTest::newRow("nil") << u"00000000-0000-0000-0000-000000000000"_s << true;
    QTest::newRow("all f") << u"ffffffff-ffff-ffff-ffff-ffffffffffff"_s << true;
    QTest::newRow("uppercase") << good.toUpper() << false;
    QTest::newRow("one uppercase digit") << u"0f8fad5b-d9cb-469f-a165-70867728950E"_s << false;
    QTest::newRow("braces") << u'{' + good + u'}' << false;
    QTest::newRow("urn prefix") << u"urn:uuid:"_s + good << false;
    QTest::newRow("35 chars") << good.chopped(1) << false;
    QTest::newRow("37 chars") << good + u'0' << false;
    QTest::newRow("no hyphens") << QString(good).remove(u'-') << false;
    QTest::newRow("hyphen misplaced") << u"0f8fad5bd-9cb-469f-a165-70867728950e"_s << false;
    QTest::newRow("underscore for hyphen") << u"0f8fad5b_d9cb-469f-a165-70867728950e"_s << false;
    QTest::newRow("non-hex g") << u"0f8fad5b-d9cb-469f-a165-70867728950g"_s << false;
    QTest::newRow("space") << u"0f8fad5b-d9cb-469f-a165-70867728950 "_s << false;
    QTest::newRow("fullwidth digit") << u"0f8fad5b-d9cb-469f-a165-70867728950\uFF10"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_Validation::isUuid()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QCOMPARE(Validation::isUuid(input), valid);
}

void tst_Validation::newUuid()
{
    const QString a = Validation::newUuid();
    const QString b = Validation::newUuid();
    QVERIFY2(Validation::isUuid(a), qPrintable(a));
    QVERIFY2(Validation::isUuid(b), qPrintable(b));
    QVERIFY(a != b);
}

void tst_Validation::checkCommentText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");

    const int max = Limits::CommentTextMax;
    QTest::newRow("short") << u"Nice point"_s << ok();
    QTest::newRow("one char") << u"x"_s << ok();
    QTest::newRow("surrounded by spaces") << u"  x  "_s << ok();
    QTest::newRow("max") << QString(max, u'a') << ok();
    QTest::newRow("max + 1") << QString(max + 1, u'a') << tooLarge();
    // Two UTF-8 bytes each, one UTF-16 code unit each: the limit is in code units.
    QTest::newRow("max accented") << QString(max, u'\u00e9') << ok();
    QTest::newRow("max + 1 accented") << QString(max + 1, u'\u00e9') << tooLarge();
    QTest::newRow("surrogate pairs at max") << Emoji.repeated(max / 2) << ok();
    QTest::newRow("surrogate pairs over max") << Emoji.repeated(max / 2 + 1) << tooLarge();
    QTest::newRow("empty") << QString() << badRequest();
    QTest::newRow("spaces") << u"   "_s << badRequest();
    QTest::newRow("tabs and newlines") << u"\t\n\r "_s << badRequest();
    QTest::newRow("no-break space") << u"\u00a0"_s << badRequest();
}

void tst_Validation::checkCommentText()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    verifyError(Validation::checkCommentText(text), code);
}

void tst_Validation::checkAnchor_data()
{
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("end");
    QTest::addColumn<QString>("exact");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("code");

    const QString exact = u"the quoted passage"_s;
    const QString ctx = QString(Limits::ContextMax, u'c');
    const QString ctxOver = QString(Limits::ContextMax + 1, u'c');
    QTest::newRow("plain") << 120 << 164 << exact << QString() << QString() << ok();
    QTest::newRow("with context") << 10 << 28 << exact << u"before "_s << u" after"_s << ok();
    QTest::newRow("start 0") << 0 << 18 << exact << QString() << QString() << ok();
    QTest::newRow("start == end") << 7 << 7 << exact << QString() << QString() << ok();
    QTest::newRow("start negative") << -1 << 17 << exact << QString() << QString() << badRequest();
    QTest::newRow("start > end") << 165 << 164 << exact << QString() << QString() << badRequest();
    QTest::newRow("exact empty") << 1 << 2 << QString() << QString() << QString() << badRequest();
    QTest::newRow("exact max") << 0 << Limits::ExactMax << QString(Limits::ExactMax, u'e')
                               << QString() << QString() << ok();
    QTest::newRow("exact max + 1")
        << 0 << Limits::ExactMax + 1 << QString(Limits::ExactMax + 1, u'e') << QString()
        << QString() << tooLarge();
    QTest::newRow("exact surrogate pairs at max")
        << 0 << Limits::ExactMax << Emoji.repeated(Limits::ExactMax / 2) << QString() << QString()
        << ok();
    QTest::newRow("exact surrogate pairs over max")
        << 0 << Limits::ExactMax + 2 << Emoji.repeated(Limits::ExactMax / 2 + 1) << QString()
        << QString() << tooLarge();
    QTest::newRow("prefix and suffix max") << 5 << 23 << exact << ctx << ctx << ok();
    QTest::newRow("prefix max + 1") << 5 << 23 << exact << ctxOver << QString() << tooLarge();
    QTest::newRow("suffix max + 1") << 5 << 23 << exact << QString() << ctxOver << tooLarge();
    QTest::newRow("prefix surrogate pairs at max")
        << 5 << 23 << exact << Emoji.repeated(Limits::ContextMax / 2) << QString() << ok();
    QTest::newRow("suffix surrogate pairs over max")
        << 5 << 23 << exact << QString() << Emoji.repeated(Limits::ContextMax / 2 + 1)
        << tooLarge();
}

void tst_Validation::checkAnchor()
{
    QFETCH(int, start);
    QFETCH(int, end);
    QFETCH(QString, exact);
    QFETCH(QString, prefix);
    QFETCH(QString, suffix);
    QFETCH(QString, code);
    verifyError(Validation::checkAnchor(Anchor{start, end, exact, prefix, suffix}), code);
}

// An anchor in a PDF names the sheet it starts on, 0 to 99999; with an empty quote and
// start == end, it is a whole sheet. An empty quote anywhere else is still refused.
void tst_Validation::checkAnchorOnSheet_data()
{
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("end");
    QTest::addColumn<QString>("exact");
    QTest::addColumn<int>("sheet");
    QTest::addColumn<QString>("code");

    const QString exact = u"the quoted passage"_s;
    QTest::newRow("passage on sheet 0") << 0 << 18 << exact << 0 << ok();
    QTest::newRow("passage on the last sheet") << 120 << 138 << exact << Limits::SheetMax << ok();
    QTest::newRow("passage beyond the last sheet")
        << 120 << 138 << exact << Limits::SheetMax + 1 << badRequest();
    QTest::newRow("passage on sheet 2^31 - 1")
        << 120 << 138 << exact << std::numeric_limits<int>::max() << badRequest();
    QTest::newRow("passage of 5001 on a sheet")
        << 0 << Limits::ExactMax + 1 << QString(Limits::ExactMax + 1, u'e') << 3 << tooLarge();
    QTest::newRow("whole sheet") << 7 << 7 << QString() << 2 << ok();
    QTest::newRow("whole sheet 0, at 0") << 0 << 0 << QString() << 0 << ok();
    QTest::newRow("whole last sheet") << 40 << 40 << QString() << Limits::SheetMax << ok();
    QTest::newRow("whole sheet, start < end") << 7 << 8 << QString() << 2 << badRequest();
    QTest::newRow("whole sheet, start > end") << 8 << 7 << QString() << 2 << badRequest();
    QTest::newRow("whole sheet, start negative") << -1 << -1 << QString() << 2 << badRequest();
    QTest::newRow("whole sheet beyond the last")
        << 7 << 7 << QString() << Limits::SheetMax + 1 << badRequest();
    QTest::newRow("empty quote without a sheet") << 7 << 7 << QString() << -1 << badRequest();
    QTest::newRow("empty quote without a sheet, start < end")
        << 7 << 9 << QString() << -1 << badRequest();
}

void tst_Validation::checkAnchorOnSheet()
{
    QFETCH(int, start);
    QFETCH(int, end);
    QFETCH(QString, exact);
    QFETCH(int, sheet);
    QFETCH(QString, code);
    const Anchor anchor{start, end, exact, {}, {}, sheet};
    QCOMPARE(anchor.isWholeSheet(), sheet >= 0 && exact.isEmpty());
    verifyError(Validation::checkAnchor(anchor), code);
}

void tst_Validation::checkName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("code");

    QTest::newRow("Ana") << u"Ana"_s << ok();
    QTest::newRow("one char") << u"A"_s << ok();
    QTest::newRow("max") << QString(Limits::NameMax, u'n') << ok();
    QTest::newRow("max + 1") << QString(Limits::NameMax + 1, u'n') << tooLarge();
    QTest::newRow("surrogate pairs at max") << Emoji.repeated(Limits::NameMax / 2) << ok();
    QTest::newRow("surrogate pairs over max")
        << Emoji.repeated(Limits::NameMax / 2 + 1) << tooLarge();
    QTest::newRow("empty") << QString() << badRequest();
    QTest::newRow("blank") << u"  \t "_s << badRequest();
}

void tst_Validation::checkName()
{
    QFETCH(QString, name);
    QFETCH(QString, code);
    verifyError(Validation::checkName(name), code);
}

void tst_Validation::checkPage_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("code");

    QTest::newRow("handbook/intro") << u"handbook/intro"_s << ok();
    QTest::newRow("one char") << u"p"_s << ok();
    QTest::newRow("file sha") << u"file/"_s + QString(64, u'a') << ok();
    QTest::newRow("max") << QString(Limits::PageMax, u'p') << ok();
    QTest::newRow("max + 1") << QString(Limits::PageMax + 1, u'p') << tooLarge();
    QTest::newRow("surrogate pairs at max") << Emoji.repeated(Limits::PageMax / 2) << ok();
    QTest::newRow("surrogate pairs over max")
        << Emoji.repeated(Limits::PageMax / 2 + 1) << tooLarge();
    QTest::newRow("empty") << QString() << badRequest();
}

void tst_Validation::checkPage()
{
    QFETCH(QString, page);
    QFETCH(QString, code);
    verifyError(Validation::checkPage(page), code);
}

void tst_Validation::checkDocumentFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("code");

    QTest::newRow("markdown") << u"markdown"_s << ok();
    QTest::newRow("text") << u"text"_s << ok();
    QTest::newRow("Markdown") << u"Markdown"_s << badRequest();
    QTest::newRow("TEXT") << u"TEXT"_s << badRequest();
    QTest::newRow("md") << u"md"_s << badRequest();
    QTest::newRow("html") << u"html"_s << badRequest();
    QTest::newRow("leading space") << u" text"_s << badRequest();
    QTest::newRow("trailing space") << u"markdown "_s << badRequest();
    QTest::newRow("empty") << QString() << badRequest();
}

void tst_Validation::checkDocumentFormat()
{
    QFETCH(QString, format);
    QFETCH(QString, code);
    verifyError(Validation::checkDocumentFormat(format), code);
}

void tst_Validation::isSha256_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");

    // The SHA-256 of no bytes.
    const QString good = u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s;
    QTest::newRow("lowercase hexadecimal") << good << true;
    QTest::newRow("all 0") << QString(64, u'0') << true;
    QTest::newRow("all f") << QString(64, u'f') << true;
    QTest::newRow("uppercase") << good.toUpper() << false;
    QTest::newRow("one uppercase digit") << u'E' + good.mid(1) << false;
    QTest::newRow("63 digits") << good.chopped(1) << false;
    QTest::newRow("65 digits") << good + u'0' << false;
    QTest::newRow("128 digits") << good + good << false;
    QTest::newRow("non-hex g") << u'g' + good.mid(1) << false;
    QTest::newRow("space") << good.chopped(1) + u' ' << false;
    QTest::newRow("0x prefix") << u"0x"_s + good.mid(2) << false;
    QTest::newRow("fullwidth digit") << u'\uFF10' + good.mid(1) << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_Validation::isSha256()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QCOMPARE(Validation::isSha256(input), valid);
}

void tst_Validation::contentPieces_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<int>("pieces");

    const qint64 piece = Limits::ContentPieceBytes;
    QTest::newRow("nothing") << qint64(0) << 0;
    QTest::newRow("a byte") << qint64(1) << 1;
    QTest::newRow("a piece less a byte") << piece - 1 << 1;
    QTest::newRow("a piece") << piece << 1;
    QTest::newRow("a piece and a byte") << piece + 1 << 2;
    QTest::newRow("1.3 MiB") << qint64(1300 * 1024) << 3;
    QTest::newRow("the largest content") << Limits::ContentBytes << 128;
    QTest::newRow("the largest content less a byte") << Limits::ContentBytes - 1 << 128;
}

void tst_Validation::contentPieces()
{
    QFETCH(qint64, size);
    QFETCH(int, pieces);
    QCOMPARE(Validation::contentPieces(size), pieces);
}

void tst_Validation::checkPdfHead_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("code");

    QTest::newRow("a PDF") << "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"_ba << ok();
    QTest::newRow("only the marker") << "%PDF-"_ba << ok();
    QTest::newRow("after junk, as readers allow") << "\xef\xbb\xbfjunk\n%PDF-2.0\n"_ba << ok();
    QTest::newRow("ending the first KiB") << QByteArray(1019, ' ') + "%PDF-1.4" << ok();
    QTest::newRow("past the first KiB") << QByteArray(1020, ' ') + "%PDF-1.4" << badRequest();
    QTest::newRow("far into a piece")
        << QByteArray(Limits::ContentPieceBytes - 8, '\0') + "%PDF-1.4" << badRequest();
    QTest::newRow("cut short") << "%PDF"_ba << badRequest();
    QTest::newRow("lowercase") << "%pdf-1.7\n"_ba << badRequest();
    QTest::newRow("no percent sign") << "PDF-1.7\n"_ba << badRequest();
    QTest::newRow("plain text") << "Dear diary,\n"_ba << badRequest();
    QTest::newRow("nothing") << QByteArray() << badRequest();
}

void tst_Validation::checkPdfHead()
{
    QFETCH(QByteArray, head);
    QFETCH(QString, code);
    verifyError(Validation::checkPdfHead(head), code);
}

void tst_Validation::checkPdfTail_data()
{
    QTest::addColumn<QByteArray>("tail");
    QTest::addColumn<QString>("code");

    QTest::newRow("a PDF's end") << "trailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"_ba << ok();
    QTest::newRow("only the marker") << "%%EOF"_ba << ok();
    QTest::newRow("CR LF after it") << "%%EOF\r\n"_ba << ok();
    QTest::newRow("starting the last KiB") << "%%EOF" + QByteArray(1019, '\n') << ok();
    QTest::newRow("before the last KiB") << "%%EOF" + QByteArray(1020, '\n') << badRequest();
    QTest::newRow("early in a whole piece")
        << "%%EOF" + QByteArray(Limits::ContentPieceBytes - 5, ' ') << badRequest();
    QTest::newRow("cut short") << "startxref\n9\n%%EO"_ba << badRequest();
    QTest::newRow("lowercase") << "%%eof\n"_ba << badRequest();
    QTest::newRow("one percent sign") << "%EOF\n"_ba << badRequest();
    QTest::newRow("nothing") << QByteArray() << badRequest();
}

void tst_Validation::checkPdfTail()
{
    QFETCH(QByteArray, tail);
    QFETCH(QString, code);
    verifyError(Validation::checkPdfTail(tail), code);
}

QTEST_APPLESS_MAIN(tst_Validation)

#include "tst_validation.moc"
