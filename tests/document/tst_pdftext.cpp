#include "anchoring.h"
#include "loadeddocument.h"
#include "pdftext.h"
#include "pdftextreader.h"
#include "testpdf.h"

#include <QBuffer>
#include <QFile>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Glosa;

namespace {

Document pdfDocument(const QByteArray &bytes)
{
    Document d;
    d.title = u"Test"_s;
    d.format = u"pdf"_s;
    d.sha256 = Document::sha256Of(bytes);
    d.page = u"file/"_s + d.sha256;
    return d;
}

LoadedDocument load(const QByteArray &bytes)
{
    LoadedDocument::Failure failure;
    std::optional<LoadedDocument> loaded =
        LoadedDocument::fromPdf(pdfDocument(bytes), bytes, {}, &failure);
    if (!loaded)
        qFatal("cannot load the PDF: %s", qPrintable(failure.message));
    return *loaded;
}

} // namespace

// A PDF's plain text, as anchors count in it, and PDFs that cannot be opened as they are.
class tst_PdfText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sheetsJoinedInOrder()
    {
        const LoadedDocument pdf = load(TestPdf::numbered(3, 2));
        const PdfText &text = pdf.pdfText;
        QCOMPARE(text.sheetCount(), 3);
        QCOMPARE(pdf.plainText, text.plainText());
        QCOMPARE(text.plainText().count(QChar(PdfText::Separator)), 2);
        QVERIFY(!text.isEmpty());
        for (int sheet = 0; sheet < 3; ++sheet) {
            const QString own = text.plainText().mid(text.sheetStart(sheet),
                                                     text.sheetEnd(sheet) - text.sheetStart(sheet));
            QCOMPARE(own,
                     TestPdf::numberedLine(sheet, 0) + u"\r\n"_s + TestPdf::numberedLine(sheet, 1));
            QCOMPARE(text.sheetAt(text.sheetStart(sheet)), sheet);
            QCOMPARE(text.sheetAt(text.sheetEnd(sheet) - 1), sheet);
        }
        // A separator belongs to the sheet before it.
        QCOMPARE(text.sheetAt(text.sheetEnd(0)), 0);
        QCOMPARE(text.sheetEnd(2), text.plainText().size());
    }

    // Qt PDF's character indices on a sheet are plain-text offsets less the sheet's start.
    void selectionIndicesAreOffsets()
    {
        const QByteArray bytes = TestPdf::numbered(3, 2);
        const LoadedDocument pdf = load(bytes);
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        QPdfDocument document;
        document.load(&buffer);
        const QString word = u"brown"_s;
        const int sheet = 2;
        const int offset = int(pdf.plainText.indexOf(word, pdf.pdfText.sheetStart(sheet)));
        const QPdfSelection selection = document.getSelectionAtIndex(
            sheet, offset - pdf.pdfText.sheetStart(sheet), int(word.size()));
        QCOMPARE(selection.text(), word);
        // Where the word is drawn: on the first line of the sheet.
        const QRectF box = selection.boundingRectangle();
        QVERIFY(box.top() > TestPdf::Top - TestPdf::LineHeight);
        QVERIFY(box.bottom() < TestPdf::Top + TestPdf::LineHeight / 2);
    }

    void wholeSheetAnchorsFollowTheirSheet()
    {
        const LoadedDocument pdf = load(TestPdf::numbered(3));
        Anchor anchor;
        anchor.sheet = 2;
        anchor.start = anchor.end = pdf.pdfText.sheetStart(2);
        Anchoring::Match match = Anchoring::locate(pdf.plainText, anchor);
        QCOMPARE(match.kind, Anchoring::Match::Kind::Exact);
        QCOMPARE(match.start, pdf.pdfText.sheetStart(2));
        // A version with a shorter first sheet: the sheet's text starts elsewhere.
        const LoadedDocument shorter =
            load(TestPdf::make({{u"Short."_s}, {u"Two."_s}, {u"Three."_s}}));
        match = Anchoring::locate(shorter.plainText, anchor);
        QCOMPARE(match.kind, Anchoring::Match::Kind::Exact);
        QCOMPARE(match.start, shorter.pdfText.sheetStart(2));
        QCOMPARE(match.end, match.start);
        // And one without that sheet.
        QVERIFY(Anchoring::locate(load(TestPdf::numbered(2)).plainText, anchor).isOrphan());
    }

    // The app reads a PDF's text apart, on a thread, while the PDF shows.
    void readerReadsOnItsThread()
    {
        const QByteArray bytes = TestPdf::numbered(4);
        std::optional<LoadedDocument> later;
        {
            LoadedDocument::Failure failure;
            later = LoadedDocument::fromPdf(pdfDocument(bytes), bytes, {}, &failure,
                                            LoadedDocument::PdfTextLayer::Later);
        }
        QVERIFY(later->textPending);
        QVERIFY(later->plainText.isEmpty());

        PdfTextReader reader;
        QSignalSpy finished(&reader, &PdfTextReader::finished);
        // A read given up for the next one does not finish.
        reader.read(TestPdf::numbered(40), {});
        reader.read(bytes, {});
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.size(), 1);
        later->setPdfText(finished.first().first().value<PdfText>());
        QVERIFY(!later->textPending);
        QCOMPARE(later->pdfText, load(bytes).pdfText);
        QCOMPARE(later->plainText, load(bytes).plainText);

        // One that goes while it reads stops and waits for its thread.
        auto *gone = new PdfTextReader;
        gone->read(TestPdf::numbered(40), {});
        delete gone;
    }

    void scanHasNoText()
    {
        const LoadedDocument scan = load(TestPdf::scan(2));
        QCOMPARE(scan.pdfText.sheetCount(), 2);
        QVERIFY(scan.pdfText.isEmpty());
    }

    void fromFileReadsPdfs()
    {
        QTemporaryDir dir;
        const QByteArray bytes = TestPdf::numbered(2);
        // Known as a PDF by its content, whatever its name.
        QFile file(dir.filePath(u"paper.bin"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();
        LoadedDocument::Failure failure;
        const std::optional<LoadedDocument> loaded =
            LoadedDocument::fromFile(file.fileName(), &failure);
        QVERIFY2(loaded, qPrintable(failure.message));
        QVERIFY(loaded->isPdf());
        QVERIFY(loaded->local);
        QCOMPARE(loaded->pdf, bytes);
        QCOMPARE(loaded->document.title, u"paper"_s);
        QCOMPARE(loaded->document.page, u"file/"_s + Document::sha256Of(bytes));
        QVERIFY(loaded->plainText.contains(TestPdf::numberedLine(1, 2)));
    }

    void damagedPdfIsRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray pdf = TestPdf::numbered(2);
        QTest::newRow("cut short") << pdf.first(pdf.size() / 3);
        QTest::newRow("header only") << "%PDF-1.7\n%%EOF\n"_ba;
        QByteArray scrambled = pdf;
        for (qsizetype i = 200; i < scrambled.size(); i += 7)
            scrambled[i] = char(scrambled.at(i) ^ 0x5a);
        QTest::newRow("scrambled") << scrambled;
    }
    void damagedPdfIsRefused()
    {
        QFETCH(QByteArray, bytes);
        LoadedDocument::Failure failure;
        QVERIFY(!LoadedDocument::fromPdf(pdfDocument(bytes), bytes, {}, &failure));
        QVERIFY(!failure.needsPassword);
        QVERIFY(!failure.message.isEmpty());
    }

    void otherBytesThanTheDocumentSays()
    {
        const QByteArray bytes = TestPdf::numbered(1);
        LoadedDocument::Failure failure;
        QVERIFY(!LoadedDocument::fromPdf(pdfDocument(TestPdf::numbered(2)), bytes, {}, &failure));
        QVERIFY(failure.message.contains(u"not the one expected"_s));
    }

    void encryptedPdfAsksForItsPassword()
    {
        const QByteArray plain = TestPdf::numbered(2);
        const QByteArray locked = TestPdf::encrypted(plain, u"s3cret"_s);
        const Document d = pdfDocument(locked);
        LoadedDocument::Failure failure;
        QVERIFY(!LoadedDocument::fromPdf(d, locked, {}, &failure));
        QVERIFY(failure.needsPassword);
        failure = {};
        QVERIFY(!LoadedDocument::fromPdf(d, locked, u"wrong"_s, &failure));
        QVERIFY(failure.needsPassword);
        QVERIFY(failure.message.contains(u"not correct"_s));
        const std::optional<LoadedDocument> open =
            LoadedDocument::fromPdf(d, locked, u"s3cret"_s, &failure);
        QVERIFY(open);
        QCOMPARE(open->password, u"s3cret"_s);
        QCOMPARE(open->plainText, load(plain).plainText);
    }
};

QTEST_MAIN(tst_PdfText)
#include "tst_pdftext.moc"
