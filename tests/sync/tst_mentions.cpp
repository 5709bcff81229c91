#include "mentions.h"
#include "protocollimits.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Glosa::Author;
using Glosa::Mentions;

namespace {

const Author Ana{u"u-ana"_s, u"Ana"_s};
const Author AnaMaria{u"u-anamaria"_s, u"Ana María"_s};
const Author Bo{u"u-bo"_s, u"Bo"_s};

} // namespace

// Who a comment's text mentions among the people of a page: "@name", as a whole name.
class tst_Mentions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mentionedPeople_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<Author>>("expected");
        QTest::newRow("none") << u"Ana and Bo"_s << QList<Author>{};
        QTest::newRow("one") << u"@Bo, look"_s << QList<Author>{Bo};
        QTest::newRow("at the end") << u"Thanks @Ana"_s << QList<Author>{Ana};
        QTest::newRow("in the order of the people") << u"@Bo @Ana"_s << QList<Author>{Ana, Bo};
        QTest::newRow("twice, once") << u"@Bo @Bo"_s << QList<Author>{Bo};
        QTest::newRow("the longest name meant") << u"@Ana María?"_s << QList<Author>{AnaMaria};
        QTest::newRow("both names") << u"@Ana María and @Ana"_s << QList<Author>{Ana, AnaMaria};
        QTest::newRow("part of a longer word") << u"@Bob @Anabel"_s << QList<Author>{};
        QTest::newRow("part of an address") << u"write to ana@Bo"_s << QList<Author>{};
        QTest::newRow("after punctuation") << u"(@Bo)"_s << QList<Author>{Bo};
    }

    void mentionedPeople()
    {
        QFETCH(QString, text);
        QFETCH(QList<Author>, expected);
        QCOMPARE(Mentions::in(text, {Ana, AnaMaria, Bo}), expected);
    }

    void atMostTheLimit()
    {
        QList<Author> people;
        QString text;
        for (int i = 0; i < Glosa::Limits::MentionsMax + 5; ++i) {
            people.append({u"u%1"_s.arg(i), u"P%1"_s.arg(i)});
            text += u"@P%1 "_s.arg(i);
        }
        const QList<Author> found = Mentions::in(text, people);
        QCOMPARE(found.size(), Glosa::Limits::MentionsMax);
        QCOMPARE(found.first(), people.first());
    }

    void mentionsOfAUser()
    {
        QVERIFY(Mentions::mentions({Ana, Bo}, Bo.id));
        QVERIFY(!Mentions::mentions({Ana}, Bo.id));
        QVERIFY(!Mentions::mentions({Ana}, QString()));
    }
};

QTEST_GUILESS_MAIN(tst_Mentions)
#include "tst_mentions.moc"
