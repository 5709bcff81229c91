#include "appcontext.h"
#include "chatdelegate.h"
#include "chatmodel.h"
#include "commentmarkdown.h"
#include "commenttext.h"

#include <QDesktopServices>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextList>

using namespace Qt::StringLiterals;
using namespace Glosa;

// Where a link opened from a comment goes, instead of the browser.
class LinkCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl &url) { opened.append(url); }
};

// The chat list's painter: relative times, and their refresh as time passes; comments in a safe
// subset of Markdown, their links opening in the browser.
class tst_ChatDelegate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { AppContext::installTranslations(u"en"_s); }

    void commentsAreSafeMarkdown()
    {
        QTextDocument document;
        CommentText::layOut(&document,
                            u"Some *emphasis*, **strength** and `code`:\n\n- one\n- two\n\n"
                            "[Glosa](https://glosa.org) ![a cat](https://example.org/cat.png) "
                            "<b>not bold</b>"_s,
                            QFont(), 300);
        const QString shown = document.toPlainText();
        QVERIFY2(!shown.contains(u'*') && !shown.contains(u'`'), qPrintable(shown));
        QVERIFY(shown.contains(u"emphasis"_s) && shown.contains(u"code"_s));
        // HTML is shown as written; an image is its description, and nothing is fetched.
        QVERIFY2(shown.contains(u"<b>not bold</b>"_s), qPrintable(shown));
        QVERIFY(shown.contains(u"a cat"_s));
        bool list = false, link = false, image = false, italic = false;
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            list = list || block.textList();
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextCharFormat format = it.fragment().charFormat();
                link = link || format.anchorHref() == u"https://glosa.org"_s;
                image = image || format.isImageFormat();
                italic = italic || (format.fontItalic() && it.fragment().text() == u"emphasis"_s);
            }
        }
        QVERIFY(list && link && italic);
        QVERIFY(!image);
    }

    // A fake model, for the delegate's own rules: one comment with a link.
    void linksOpenInTheBrowser()
    {
        QStandardItemModel model;
        auto *comment = new QStandardItem;
        comment->setData(false, ChatModel::IsChatRole);
        comment->setData(u"Ana"_s, ChatModel::AuthorNameRole);
        comment->setData(QDateTime::currentDateTime(), ChatModel::CreatedAtRole);
        comment->setData(u"See [the handbook](https://glosa.org/handbook) first."_s,
                         ChatModel::TextRole);
        model.appendRow(comment);
        const QModelIndex index = model.index(0, 0);
        ChatDelegate delegate;
        QStyleOptionViewItem option;
        option.rect = QRect(0, 0, 400, 200);
        QPoint onLink;
        for (int y = 0; y < 120 && onLink.isNull(); y += 2) {
            for (int x = 0; x < 400 && onLink.isNull(); x += 2) {
                if (!delegate.linkAt(option, index, {x, y}).isEmpty())
                    onLink = {x, y};
            }
        }
        QVERIFY(!onLink.isNull());
        QCOMPARE(delegate.linkAt(option, index, onLink), u"https://glosa.org/handbook"_s);
        QVERIFY(delegate.linkAt(option, index, {395, onLink.y()}).isEmpty());

        LinkCatcher catcher;
        QDesktopServices::setUrlHandler(u"https"_s, &catcher, "open");
        QMouseEvent release(QEvent::MouseButtonRelease, onLink, onLink, Qt::LeftButton,
                            Qt::NoButton, Qt::NoModifier);
        QVERIFY(delegate.editorEvent(&release, &model, option, index));
        QDesktopServices::unsetUrlHandler(u"https"_s);
        QCOMPARE(catcher.opened, QList<QUrl>{QUrl(u"https://glosa.org/handbook"_s)});
    }

    // A fake model, for the delegate's own rules: a link elsewhere than the web, a mail
    // address or a Glosa thread (a local file, a script) is not one.
    void onlySafeLinksAreLinks()
    {
        QStandardItemModel model;
        auto *comment = new QStandardItem;
        comment->setData(false, ChatModel::IsChatRole);
        comment->setData(u"Ana"_s, ChatModel::AuthorNameRole);
        comment->setData(QDateTime::currentDateTime(), ChatModel::CreatedAtRole);
        comment->setData(u"[passwords](file:///etc/passwd) [run](javascript:alert(1))"_s,
                         ChatModel::TextRole);
        model.appendRow(comment);
        ChatDelegate delegate;
        QStyleOptionViewItem option;
        option.rect = QRect(0, 0, 400, 200);
        for (int y = 0; y < 120; y += 2) {
            for (int x = 0; x < 400; x += 2)
                QVERIFY(delegate.linkAt(option, model.index(0, 0), {x, y}).isEmpty());
        }
        QVERIFY(CommentMarkdown::isSafeLink(u"glosa://example.org/local/p?chat=x"_s));
        QVERIFY(!CommentMarkdown::isSafeLink(u"file:///etc/passwd"_s));
    }

    // A fake model, for the delegate's own rules: a resolved chat says who resolved it, and
    // when, where that is known.
    void resolvedChatsSayByWhom()
    {
        QStandardItemModel model;
        for (const QString &resolver : {u"Bo"_s, QString()}) {
            auto *chat = new QStandardItem;
            chat->setData(true, ChatModel::IsChatRole);
            chat->setData(u"a passage"_s, ChatModel::QuoteRole);
            chat->setData(-1, ChatModel::SheetRole);
            chat->setData(u"Ana"_s, ChatModel::AuthorNameRole);
            chat->setData(QDateTime::currentDateTime().addDays(-1), ChatModel::CreatedAtRole);
            chat->setData(true, ChatModel::ResolvedRole);
            chat->setData(resolver, ChatModel::ResolvedByRole);
            chat->setData(QDateTime::currentDateTime().addSecs(-7200), ChatModel::ResolvedAtRole);
            model.appendRow(chat);
        }
        ChatDelegate delegate;
        const auto badges = [&](int row) {
            QStringList texts;
            for (const ChatDelegate::Badge &badge : delegate.textsFor(model.index(row, 0)).badges)
                texts.append(badge.text);
            return texts;
        };
        QCOMPARE(badges(0), QStringList{u"Resolved by Bo · 2 h ago"_s});
        QCOMPARE(badges(1), QStringList{u"Resolved"_s});
    }

    // A fake model, for the delegate's own rules: what is unread says so, a chat with how many
    // of its replies are.
    void unreadIsMarked()
    {
        QStandardItemModel model;
        const auto chat = [&](bool unread, int unreadCount) {
            auto *item = new QStandardItem;
            item->setData(true, ChatModel::IsChatRole);
            item->setData(u"a passage"_s, ChatModel::QuoteRole);
            item->setData(-1, ChatModel::SheetRole);
            item->setData(QDateTime::currentDateTime(), ChatModel::CreatedAtRole);
            item->setData(unread, ChatModel::UnreadRole);
            item->setData(unreadCount, ChatModel::UnreadCountRole);
            model.appendRow(item);
            return item;
        };
        chat(true, 3);
        chat(false, 1)->appendRow([] {
            auto *comment = new QStandardItem;
            comment->setData(false, ChatModel::IsChatRole);
            comment->setData(true, ChatModel::UnreadRole);
            return comment;
        }());
        chat(false, 0);
        ChatDelegate delegate;
        const auto badges = [&](const QModelIndex &index) {
            QStringList texts;
            for (const ChatDelegate::Badge &badge : delegate.textsFor(index).badges)
                texts.append(badge.kind == ChatDelegate::Badge::Kind::Unread ? badge.text : u"?"_s);
            return texts;
        };
        // The English plurals may not have "%n new reply(ies)" yet.
        QCOMPARE(badges(model.index(0, 0)).size(), 2);
        QCOMPARE(badges(model.index(0, 0)).first(), u"New"_s);
        QVERIFY(badges(model.index(0, 0)).last().startsWith(u"2 new repl"_s));
        QCOMPARE(badges(model.index(1, 0)).size(), 1);
        QVERIFY(badges(model.index(1, 0)).first().startsWith(u"1 new repl"_s));
        QCOMPARE(badges(model.index(0, 0, model.index(1, 0))), QStringList{u"New"_s});
        QVERIFY(badges(model.index(2, 0)).isEmpty());
    }

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
