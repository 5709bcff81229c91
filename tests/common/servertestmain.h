#pragma once

#include <QCoreApplication>
#include <QTest>

#ifdef GLOSA_TEST_EPOLL
#include "epolleventdispatcher.h"
#endif

// The main of the in-process server tests. Built with GLOSA_TEST_EPOLL, the same tests run on
// the epoll event dispatcher that glosa-server uses.
#ifdef GLOSA_TEST_EPOLL
#define GLOSA_SERVER_TEST_MAIN(TestClass)                                                          \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        QCoreApplication::setEventDispatcher(new Glosa::EpollEventDispatcher);                     \
        QCoreApplication app(argc, argv);                                                          \
        TestClass test;                                                                            \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&test, argc, argv);                                                    \
    }
#else
#define GLOSA_SERVER_TEST_MAIN(TestClass) QTEST_GUILESS_MAIN(TestClass)
#endif
