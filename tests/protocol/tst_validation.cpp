#include "errorcode.h"
#include "protocollimits.h"
#include "validation.h"

#include <QTest>

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
    void checkName_data();
    void checkName();
    void checkPage_data();
    void checkPage();
    void checkDocumentFormat_data();
    void checkDocumentFormat();

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

QTEST_APPLESS_MAIN(tst_Validation)

#include "tst_validation.moc"
