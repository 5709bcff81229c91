#include "chatexport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using Glosa::Anchor;
using Glosa::Author;
using Glosa::Chat;
using Glosa::ChatExport;
using Glosa::Comment;
using Glosa::Document;

namespace {

qint64 at(int hour, int minute, int second = 0, int ms = 0)
{
    return QDateTime(QDate(2026, 3, 14), QTime(hour, minute, second, ms), QTimeZone::utc())
        .toMSecsSinceEpoch();
}

const Author Ana{u"u-ana"_s, u"Ana"_s};
const Author Bo{u"u-bo"_s, u"Bo <img src=x onerror=alert(1)>"_s};

Comment comment(const QString &id, const Author &author, const QString &text, qint64 createdAt)
{
    Comment c;
    c.id = id;
    c.author = author;
    c.text = text;
    c.createdAt = createdAt;
    return c;
}

Document document(const QString &format = u"markdown"_s)
{
    Document d;
    d.title = u"Field notes"_s;
    d.page = u"file/abc123"_s;
    d.format = format;
    return d;
}

// Two threads, given in the reverse of document order: a resolved one late in the text with
// an edited reply and a deleted comment, and an open one early in the text.
QList<Chat> threads()
{
    Chat late;
    late.id = u"c-late"_s;
    late.anchor = {120, 133, u"the lazy dog."_s, u"jumps over "_s, u"\n"_s};
    late.author = Ana;
    late.createdAt = at(9, 0);
    late.updatedAt = at(11, 30);
    late.resolved = true;
    Comment edited = comment(u"m-2"_s, Bo, u"Lazy? *Resting.*"_s, at(9, 5));
    edited.editedAt = at(9, 7);
    Comment deleted;
    deleted.id = u"m-3"_s;
    deleted.deleted = true;
    late.comments = {comment(u"m-1"_s, Ana, u"Is the dog **really** lazy?"_s, at(9, 0)), edited,
                     deleted, comment(u"m-4"_s, Ana, u"Fair enough."_s, at(11, 30))};

    Chat early;
    early.id = u"c-early"_s;
    early.anchor = {4, 19, u"quick *brown* <fox>"_s, u"The "_s, u" jumps"_s};
    early.author = Bo;
    early.createdAt = at(10, 0, 1, 250);
    early.updatedAt = at(10, 0, 1, 250);
    early.comments = {
        comment(u"m-5"_s, Bo,
                u"<script>alert('x')</script> See [the guide](https://example.org/g)"
                ", [a trap](javascript:alert(1)) and ![a diagram](https://example.org/d.png)."_s,
                at(10, 0, 1, 250))};
    return {late, early};
}

const QDateTime ExportedAt(QDate(2026, 3, 15), QTime(8, 0), QTimeZone::utc());

} // namespace

// A page's threads written out as Markdown, JSON and HTML: document order, states, replies,
// edits, deleted comments, PDF sheets, and nothing a comment says runs in the HTML.
class tst_ChatExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatNames()
    {
        QCOMPARE(ChatExport::formatNamed(u"md"_s), ChatExport::Format::Markdown);
        QCOMPARE(ChatExport::formatNamed(u"Markdown"_s), ChatExport::Format::Markdown);
        QCOMPARE(ChatExport::formatNamed(u"json"_s), ChatExport::Format::Json);
        QCOMPARE(ChatExport::formatNamed(u"HTML"_s), ChatExport::Format::Html);
        QVERIFY(!ChatExport::formatNamed(u"pdf"_s));
        QVERIFY(!ChatExport::formatNamed(QString()));
        QCOMPARE(ChatExport::suffix(ChatExport::Format::Json), u"json"_s);
    }

    // Who resolved a thread, and when, where the server recorded it.
    void resolverIsExported()
    {
        QList<Chat> chats = threads();
        const Author cy{u"u-cy"_s, u"Cy"_s};
        chats[0].resolve(true, cy, at(11, 30));
        const ChatExport exported(document(), chats, ExportedAt);
        const QString md = QString::fromUtf8(exported.toMarkdown());
        QVERIFY2(md.contains(u"## Thread 2 · resolved by Cy, 2026-03-14T11:30:00Z\n"_s),
                 qPrintable(md));
        const QJsonArray list =
            QJsonDocument::fromJson(exported.toJson()).object().value("threads"_L1).toArray();
        const QJsonObject late = list.at(1).toObject();
        QCOMPARE(late.value("resolvedBy"_L1).toObject(),
                 (QJsonObject{{u"id"_s, cy.id}, {u"name"_s, cy.name}}));
        QCOMPARE(late.value("resolvedAt"_L1).toString(), u"2026-03-14T11:30:00.000Z"_s);
        QVERIFY(!list.at(0).toObject().contains("resolvedBy"_L1));
        QVERIFY(QString::fromUtf8(exported.toHtml()).contains(u"resolved by Cy"_s));
    }

    void markdown()
    {
        const QString md =
            QString::fromUtf8(ChatExport(document(), threads(), ExportedAt).toMarkdown());
        QVERIFY2(md.startsWith(u"# Threads of “Field notes”\n"_s), qPrintable(md));
        QVERIFY2(md.contains(u"2026-03-15T08:00:00Z. Threads: 2, resolved: 1."_s), qPrintable(md));

        // Document order, whatever the order given; the state of each.
        const qsizetype first =
            md.indexOf(u"## Thread 1 · open\n\n> quick \\*brown\\* \\<fox\\>\n"_s);
        const qsizetype second = md.indexOf(u"## Thread 2 · resolved\n\n> the lazy dog.\n"_s);
        QVERIFY2(first > 0 && second > first, qPrintable(md));

        // Comments as written, with their authors and times, edits and deletions, in order.
        const QString late = md.mid(second);
        const QStringList expected{
            u"**Ana** · 2026-03-14T09:00:00Z\n\nIs the dog **really** lazy?\n"_s,
            u"**Bo \\<img src=x onerror=alert(1)\\>** · 2026-03-14T09:05:00Z · edited "
            "2026-03-14T09:07:00Z\n\nLazy? *Resting.*\n"_s,
            u"*(deleted)*\n"_s,
            u"**Ana** · 2026-03-14T11:30:00Z\n\nFair enough.\n"_s,
        };
        qsizetype from = 0;
        for (const QString &part : expected) {
            const qsizetype found = late.indexOf(part, from);
            QVERIFY2(found >= from, qPrintable(part + u"\nnot in order in\n"_s + late));
            from = found + part.size();
        }
        QVERIFY(md.mid(first, second - first).contains(u"2026-03-14T10:00:01Z\n\n<script>"_s));
    }

    void json()
    {
        const QByteArray bytes = ChatExport(document(), threads(), ExportedAt).toJson();
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(bytes, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value("glosaExport"_L1).toInt(), ChatExport::Version);
        QCOMPARE(root.value("exportedAt"_L1).toString(), u"2026-03-15T08:00:00.000Z"_s);
        const QJsonObject doc = root.value("document"_L1).toObject();
        QCOMPARE(doc.value("title"_L1).toString(), u"Field notes"_s);
        QCOMPARE(doc.value("page"_L1).toString(), u"file/abc123"_s);
        QCOMPARE(doc.value("format"_L1).toString(), u"markdown"_s);

        const QJsonArray list = root.value("threads"_L1).toArray();
        QCOMPARE(list.size(), 2);
        const QJsonObject early = list.at(0).toObject();
        QCOMPARE(early.value("id"_L1).toString(), u"c-early"_s);
        QCOMPARE(early.value("quote"_L1).toString(), u"quick *brown* <fox>"_s);
        QCOMPARE(early.value("prefix"_L1).toString(), u"The "_s);
        QCOMPARE(early.value("suffix"_L1).toString(), u" jumps"_s);
        QCOMPARE(early.value("start"_L1).toInt(), 4);
        QCOMPARE(early.value("end"_L1).toInt(), 19);
        QVERIFY(!early.contains("sheet"_L1));
        QCOMPARE(early.value("resolved"_L1), QJsonValue(false));
        QCOMPARE(early.value("author"_L1).toObject().value("name"_L1).toString(), Bo.name);
        QCOMPARE(early.value("createdAt"_L1).toString(), u"2026-03-14T10:00:01.250Z"_s);

        const QJsonObject late = list.at(1).toObject();
        QCOMPARE(late.value("resolved"_L1), QJsonValue(true));
        QCOMPARE(late.value("author"_L1).toObject().value("id"_L1).toString(), u"u-ana"_s);
        QCOMPARE(late.value("updatedAt"_L1).toString(), u"2026-03-14T11:30:00.000Z"_s);
        const QJsonArray comments = late.value("comments"_L1).toArray();
        QCOMPARE(comments.size(), 4);
        const QJsonObject first = comments.at(0).toObject();
        QCOMPARE(first.value("id"_L1).toString(), u"m-1"_s);
        QCOMPARE(first.value("text"_L1).toString(), u"Is the dog **really** lazy?"_s);
        QCOMPARE(first.value("author"_L1).toObject(),
                 (QJsonObject{{u"id"_s, u"u-ana"_s}, {u"name"_s, u"Ana"_s}}));
        QCOMPARE(first.value("createdAt"_L1).toString(), u"2026-03-14T09:00:00.000Z"_s);
        QVERIFY(!first.contains("editedAt"_L1));
        QVERIFY(!first.contains("deleted"_L1));
        QCOMPARE(comments.at(1).toObject().value("editedAt"_L1).toString(),
                 u"2026-03-14T09:07:00.000Z"_s);
        QCOMPARE(comments.at(2).toObject(),
                 (QJsonObject{{u"id"_s, u"m-3"_s}, {u"deleted"_s, true}}));
    }

    // A thread on a whole sheet of a PDF, which has no quote, and one on a passage of a PDF.
    void pdfSheets()
    {
        Chat sheet;
        sheet.id = u"c-sheet"_s;
        sheet.anchor = {300, 300, {}, {}, {}, 2};
        sheet.author = Ana;
        sheet.createdAt = sheet.updatedAt = at(12, 0);
        sheet.comments = {comment(u"m-6"_s, Ana, u"This figure is blurry."_s, at(12, 0))};
        Chat passage = sheet;
        passage.id = u"c-passage"_s;
        passage.anchor = {20, 40, u"end of a line\r\nand the next"_s, {}, {}, 0};
        const ChatExport exported(document(u"pdf"_s), {sheet, passage}, ExportedAt);

        const QString md = QString::fromUtf8(exported.toMarkdown());
        QVERIFY2(md.contains(u"## Thread 1 · page 1 · open\n\n> end of a line\n> and the next\n"_s),
                 qPrintable(md));
        QVERIFY2(md.contains(u"## Thread 2 · page 3 · open\n\n> *All of page 3*\n"_s),
                 qPrintable(md));

        const QString html = QString::fromUtf8(exported.toHtml());
        QVERIFY2(html.contains(u"<blockquote class=\"sheet\">All of page 3</blockquote>"_s),
                 qPrintable(html));

        const QJsonArray list =
            QJsonDocument::fromJson(exported.toJson()).object().value("threads"_L1).toArray();
        QCOMPARE(list.at(1).toObject().value("sheet"_L1).toInt(), 2);
        QCOMPARE(list.at(1).toObject().value("quote"_L1).toString(), QString());
        QCOMPARE(list.at(0).toObject().value("sheet"_L1).toInt(), 0);
        QCOMPARE(list.at(0).toObject().value("quote"_L1).toString(),
                 u"end of a line\r\nand the next"_s);
    }

    void html()
    {
        const QString html =
            QString::fromUtf8(ChatExport(document(), threads(), ExportedAt).toHtml());
        QVERIFY(html.startsWith(u"<!DOCTYPE html>"_s));
        QVERIFY(html.contains(u"<title>Threads of “Field notes”</title>"_s));
        QVERIFY(html.contains(u"@media print"_s));
        QVERIFY(html.contains(u"Content-Security-Policy"_s));

        // What the people wrote is text, never markup of the page.
        QVERIFY2(!html.contains(u"<script"_s, Qt::CaseInsensitive), qPrintable(html));
        QVERIFY2(html.contains(u"&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"_s) ||
                     html.contains(u"&lt;script&gt;alert('x')&lt;/script&gt;"_s),
                 qPrintable(html));
        QVERIFY(!html.contains(u"<img"_s, Qt::CaseInsensitive));
        QVERIFY(html.contains(u"<strong>Bo &lt;img src=x onerror=alert(1)&gt;</strong>"_s));
        QVERIFY(html.contains(u"<blockquote>quick *brown* &lt;fox&gt;</blockquote>"_s));

        // Comments in the Markdown subset the app shows: emphasis, links to the web; a link
        // elsewhere is its text, an image its description.
        QVERIFY2(html.contains(u"<a href=\"https://example.org/g\">"_s), qPrintable(html));
        QVERIFY2(!html.contains(u"javascript:"_s), qPrintable(html));
        QVERIFY2(html.contains(u" a trap and"_s), qPrintable(html));
        QVERIFY(html.contains(u"a diagram"_s));
        QVERIFY(!html.contains(u"d.png"_s));
        QVERIFY2(html.contains(u"font-weight:700;\">really</span>"_s), qPrintable(html));
        QVERIFY(!html.contains(u"**really**"_s));

        // In document order, resolved marked, the deleted comment said to be deleted.
        const qsizetype early =
            html.indexOf(u"<section class=\"thread open\" id=\"thread-c-early\">"_s);
        const qsizetype late =
            html.indexOf(u"<section class=\"thread resolved\" id=\"thread-c-late\">"_s);
        QVERIFY2(early > 0 && late > early, qPrintable(html));
        QVERIFY(html.contains(u"<h2>Thread 2 · resolved</h2>"_s));
        QVERIFY(html.indexOf(u"(deleted)"_s) > html.indexOf(u"Resting."_s));
        QVERIFY(html.indexOf(u"(deleted)"_s) < html.indexOf(u"Fair enough."_s));
        QVERIFY(html.contains(u"2026-03-14T09:05:00Z · edited 2026-03-14T09:07:00Z"_s));
    }

    void writesAFile()
    {
        QTemporaryDir dir;
        const ChatExport exported(document(), threads(), ExportedAt);
        const QString path = dir.filePath(u"threads.json"_s);
        QString error;
        QVERIFY2(exported.write(path, ChatExport::Format::Json, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), exported.toJson());

        const QString nowhere = dir.filePath(u"missing/threads.md"_s);
        QVERIFY(!exported.write(nowhere, ChatExport::Format::Markdown, &error));
        QVERIFY2(error.contains(nowhere), qPrintable(error));
        QVERIFY(!QFile::exists(nowhere));
    }

    void noThreads()
    {
        const ChatExport exported(document(), {}, ExportedAt);
        QVERIFY(QString::fromUtf8(exported.toMarkdown()).contains(u"Threads: 0, resolved: 0."_s));
        QCOMPARE(QJsonDocument::fromJson(exported.toJson())
                     .object()
                     .value("threads"_L1)
                     .toArray()
                     .size(),
                 0);
    }
};

QTEST_MAIN(tst_ChatExport)
#include "tst_chatexport.moc"
