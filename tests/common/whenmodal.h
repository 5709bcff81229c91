#pragma once

#include <QApplication>
#include <QTest>
#include <QTimer>

// Runs `answer` on the next modal dialog, which must be a T, once it is shown.
template<typename T, typename F>
void whenModal(F answer)
{
    QTimer::singleShot(0, [answer] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        answer(dialog);
    });
}
