#include "codec.h"
#include "page.h"
#include "presencenotifier.h"
#include "recipient.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Glosa::Page;
using Glosa::PresenceNotifier;
using Glosa::User;

namespace {

// A stand-in for a connection, for the notifier's own rule only: which recipients of a page get
// a presence frame, and when. What a real connection does with it (a newer presence frame
// replacing a queued one) is tested over a real server in tst_hub.
class FakeRecipient : public Glosa::Recipient
{
public:
    QList<QByteArray> presence;
    void send(const QByteArray &frame, bool isPresence) override
    {
        QVERIFY(isPresence);
        presence.append(frame);
    }
    void closeWith(int, const QString &) override {}
};

Glosa::Store::PageState state()
{
    Glosa::Store::PageState state;
    state.record = {1, u"epoch"_s, 0};
    return state;
}

User user(int i)
{
    return {u"u%1"_s.arg(i), u"User %1"_s.arg(i), User::Role::Member};
}

QByteArray presenceOf(const Page &page)
{
    return Glosa::Codec::encode(Glosa::Presence{page.viewers(), page.users()});
}

} // namespace

// Presence goes out at once to a quiet page, then waits for the end of the window it opened, and
// goes once to each recipient not told yet.
class tst_PresenceNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coalescedPerWindow()
    {
        PresenceNotifier notifier(200);
        Page page(u"t"_s, u"p"_s, {}, state(), std::nullopt);
        FakeRecipient a, b, c;
        page.addRecipient(&a, user(1));
        notifier.changed(&page);
        QCOMPARE(a.presence, QList<QByteArray>{presenceOf(page)});

        // Within the window: nothing yet, then the last presence once.
        page.addRecipient(&b, user(2));
        notifier.changed(&page);
        page.addRecipient(&c, user(3));
        notifier.changed(&page);
        QCOMPARE(a.presence.size(), 1);
        QVERIFY(b.presence.isEmpty());
        QTRY_COMPARE(a.presence.size(), 2);
        QCOMPARE(a.presence.last(), presenceOf(page));
        QCOMPARE(b.presence, QList<QByteArray>{presenceOf(page)});
        QCOMPARE(c.presence, QList<QByteArray>{presenceOf(page)});

        // That opened a window, which ends with nothing to tell and opens no other: a change
        // goes out at once again.
        page.removeRecipient(&c, user(3).id);
        const auto toldAtOnce = [&] {
            notifier.changed(&page);
            return a.presence.size() == 3;
        };
        QTRY_VERIFY(toldAtOnce());
        QCOMPARE(b.presence.last(), presenceOf(page));
        QCOMPARE(c.presence.size(), 1);
    }

    // A recipient told the current version (in its welcome) is not told it again.
    void toldOnce()
    {
        PresenceNotifier notifier(0);
        Page page(u"t"_s, u"p"_s, {}, state(), std::nullopt);
        FakeRecipient a, b;
        page.addRecipient(&a, user(1));
        notifier.changed(&page);
        page.addRecipient(&b, user(2));
        b.setPresenceSeen(page.presenceVersion());
        notifier.changed(&page);
        QTRY_COMPARE(a.presence.size(), 2);
        QVERIFY(b.presence.isEmpty());
    }

    // A page that goes away ends its window, without a frame: a page again at the same address
    // is told at once.
    void forgottenPageEndsItsWindow()
    {
        PresenceNotifier notifier(60 * 1000);
        Page page(u"t"_s, u"p"_s, {}, state(), std::nullopt);
        FakeRecipient a, b;
        page.addRecipient(&a, user(1));
        notifier.changed(&page);
        page.addRecipient(&b, user(2));
        notifier.changed(&page);
        QVERIFY(b.presence.isEmpty());
        notifier.forget(&page);
        QVERIFY(b.presence.isEmpty());
        notifier.changed(&page);
        QCOMPARE(a.presence.size(), 2);
        QCOMPARE(b.presence, QList<QByteArray>{presenceOf(page)});
    }
};

QTEST_GUILESS_MAIN(tst_PresenceNotifier)
#include "tst_presencenotifier.moc"
