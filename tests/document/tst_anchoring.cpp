#include "anchoring.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Glosa::Anchoring;
using Kind = Glosa::Anchoring::Match::Kind;

namespace {

const QString Original = u"The quick brown fox jumps over the lazy dog. "
                         "The quick brown fox sleeps. A fox is quick."_s;

} // namespace

class tst_Anchoring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anchorForTakesContext()
    {
        const Glosa::Anchor a = Anchoring::anchorFor(Original, 4, 9);
        QCOMPARE(a.exact, u"quick"_s);
        QCOMPARE(a.prefix, u"The "_s);
        QCOMPARE(a.suffix, Original.mid(9, 32));
        QCOMPARE(a.suffix.size(), 32);
        const Glosa::Anchor clipped = Anchoring::anchorFor(Original, -5, 1000);
        QCOMPARE(clipped.start, 0);
        QCOMPARE(clipped.end, Original.size());
    }

    void locate_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("found");

        // The second "quick brown fox" (followed by "sleeps"), at 49..64.
        const int second = int(Original.indexOf(u"quick brown fox sleeps"_s));
        QTest::newRow("unchanged")
            << Original << second << second + 15 << int(Kind::Exact) << u"quick brown fox"_s;
        QTest::newRow("text inserted before")
            << (u"Preface. "_s + Original) << second << second + 15 << int(Kind::Moved)
            << u"quick brown fox"_s;
        QTest::newRow("context picks the right one")
            << Original.mid(second - 4) << second << second + 15 << int(Kind::Moved)
            << u"quick brown fox"_s;
        QTest::newRow("quote edited slightly")
            << QString(Original).replace(u"brown fox"_s, u"brown cat"_s) << second << second + 15
            << int(Kind::Fuzzy) << u"quick brown cat"_s;
        QTest::newRow("quote gone") << u"Nothing of it remains here at all."_s << second
                                    << second + 15 << int(Kind::Orphan) << QString();
    }

    void locate()
    {
        QFETCH(QString, text);
        QFETCH(int, start);
        QFETCH(int, end);
        QFETCH(int, kind);
        QFETCH(QString, found);
        const Glosa::Anchor anchor = Anchoring::anchorFor(Original, start, end);
        const Anchoring::Match match = Anchoring::locate(text, anchor);
        QCOMPARE(int(match.kind), kind);
        if (match.isOrphan())
            return;
        QCOMPARE(text.mid(match.start, match.end - match.start), found);
        if (kind == int(Kind::Moved))
            QCOMPARE(text.mid(match.end, 7), u" sleeps"_s);
    }

    void nearestOccurrenceWithoutContext()
    {
        Glosa::Anchor anchor{40, 43, u"fox"_s, {}, {}};
        const QString text = u"fox ... fox ... fox ... fox ... fox ... fox"_s;
        const Anchoring::Match match = Anchoring::locate(text, anchor);
        QCOMPARE(match.kind, Kind::Exact);
        anchor.start = 17;
        const Anchoring::Match near = Anchoring::locate(text, anchor);
        QCOMPARE(near.kind, Kind::Moved);
        QCOMPARE(near.start, 16);
    }

    // Where the text before it moved by `shift`, the quote found there with its whole context
    // is taken, however near another occurrence is to the old position.
    void shiftOfTheTextAround()
    {
        const QString text = u"The quick brown fox. The quick brown fox."_s;
        const Glosa::Anchor anchor = Anchoring::anchorFor(text, 4, 9);
        const QString edited = u"Preface: "_s + text;
        const Anchoring::Match shifted = Anchoring::locate(edited, anchor, 9);
        QCOMPARE(shifted.kind, Kind::Moved);
        QCOMPARE(shifted.start, 13);
        // A shift that lands elsewhere than the quote with its context is searched as before.
        QCOMPARE(Anchoring::locate(edited, anchor, 30).start, 13);
        QCOMPARE(Anchoring::locate(edited, anchor, 30).kind, Kind::Moved);
    }

    void utf16Offsets()
    {
        const QString text = u"Emoji 😀 before the word café, and after."_s;
        const int at = int(text.indexOf(u"café"_s));
        const Glosa::Anchor anchor = Anchoring::anchorFor(text, at, at + 4);
        QCOMPARE(anchor.exact, u"café"_s);
        QCOMPARE(Anchoring::locate(u"😀"_s + text, anchor).start, at + 2);
    }
};

QTEST_APPLESS_MAIN(tst_Anchoring)
#include "tst_anchoring.moc"
