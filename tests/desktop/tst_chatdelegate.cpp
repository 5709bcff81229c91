#include "appcontext.h"
#include "chatdelegate.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Glosa;

// The chat list's painter: relative times, and their refresh as time passes.
class tst_ChatDelegate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { AppContext::installTranslations(u"en"_s); }

    void relativeTimes_data()
    {
        QTest::addColumn<int>("secondsAgo");
        QTest::addColumn<QString>("text");
        QTest::newRow("now") << 0 << u"just now"_s;
        QTest::newRow("59 s") << 59 << u"just now"_s;
        QTest::newRow("1 min") << 60 << u"1 min ago"_s;
        QTest::newRow("3 min") << 200 << u"3 min ago"_s;
        QTest::newRow("2 h") << 7300 << u"2 h ago"_s;
    }

    void relativeTimes()
    {
        QFETCH(int, secondsAgo);
        QFETCH(QString, text);
        const QDateTime now = QDateTime::currentDateTime();
        QCOMPARE(ChatDelegate::relativeTime(now.addSecs(-secondsAgo), now), text);
    }

    void timesRefreshByThemselves()
    {
        ChatDelegate delegate;
        QSignalSpy repaints(&delegate, &ChatDelegate::repaintNeeded);
        QVERIFY(ChatDelegate::TickMs <= 30000); // "just now" lasts at most 1.5 min
        delegate.setTickInterval(20);
        QTRY_VERIFY(repaints.size() >= 3);
    }
};

QTEST_MAIN(tst_ChatDelegate)
#include "tst_chatdelegate.moc"
