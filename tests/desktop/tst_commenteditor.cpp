#include "appcontext.h"
#include "commenteditor.h"
#include "commentfield.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Glosa;

namespace {

QPushButton *okButton(const CommentEditor &editor)
{
    return editor.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

} // namespace

// The dialog that starts a chat ("New thread"): keyboard use and the length limit.
class tst_CommentEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { AppContext::installTranslations(u"en"_s); }

    void ctrlEnterStartsTheChat_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<Qt::KeyboardModifiers>("modifiers");
        QTest::newRow("Ctrl+Return")
            << int(Qt::Key_Return) << Qt::KeyboardModifiers(Qt::ControlModifier);
        QTest::newRow("Ctrl+Enter (keypad)")
            << int(Qt::Key_Enter) << (Qt::ControlModifier | Qt::KeypadModifier);
    }

    void ctrlEnterStartsTheChat()
    {
        QFETCH(int, key);
        QFETCH(Qt::KeyboardModifiers, modifiers);
        CommentEditor editor(u"quick"_s);
        editor.show();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        QSignalSpy accepted(&editor, &QDialog::accepted);
        // Nothing to send yet: Ctrl+Enter does nothing.
        QTest::keyClick(editor.editor(), Qt::Key(key), modifiers);
        QCOMPARE(accepted.size(), 0);
        QVERIFY(editor.isVisible());
        QTest::keyClicks(editor.editor(), u"Why quick?"_s);
        QTest::keyClick(editor.editor(), Qt::Key(key), modifiers);
        QCOMPARE(accepted.size(), 1);
        QCOMPARE(editor.text(), u"Why quick?"_s);
    }

    void tabMovesTheFocusOn()
    {
        CommentEditor editor(u"quick"_s);
        editor.show();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        editor.editor()->setFocus();
        QTest::keyClicks(editor.editor(), u"a"_s);
        QTest::keyClick(editor.editor(), Qt::Key_Tab);
        QCOMPARE(editor.text(), u"a"_s);
        QVERIFY(QApplication::focusWidget() != editor.editor());
    }

    void theLimitIsShownNearIt()
    {
        CommentEditor editor(u"quick"_s);
        QLabel *counter = editor.field()->counter();
        QPushButton *ok = okButton(editor);
        QVERIFY(!ok->isEnabled());
        QCOMPARE(ok->toolTip(), u"Write something first."_s);

        editor.editor()->setPlainText(u"Far from the limit"_s);
        QVERIFY(ok->isEnabled());
        QVERIFY(counter->isHidden());

        // Lengths count UTF-16 code units: each of these takes two.
        const QString face = u"\U0001F600"_s;
        editor.editor()->setPlainText(face.repeated(4600));
        QVERIFY(!counter->isHidden());
        QCOMPARE(counter->text(), u"800 characters left"_s);
        editor.editor()->setPlainText(face.repeated(5000));
        QCOMPARE(counter->text(), u"0 characters left"_s);
        QVERIFY(ok->isEnabled());

        editor.editor()->setPlainText(face.repeated(5000) + u'!');
        QVERIFY(!ok->isEnabled());
        QCOMPARE(counter->text(), u"1 character over the limit"_s);
        QCOMPARE(ok->toolTip(),
                 u"The text is 1 character over the limit of %1."_s.arg(QLocale().toString(10000)));
    }
};

QTEST_MAIN(tst_CommentEditor)
#include "tst_commenteditor.moc"
