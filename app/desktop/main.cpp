#include "appcontext.h"
#include "chatlink.h"
#include "exportcommand.h"
#include "linkopener.h"
#include "mainwindow.h"
#include "noticebar.h"
#include "serveroptions.h"
#include "signalwatcher.h"
#include "uilogging.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>
#include <QUrl>

#include <cstdio>

using namespace Qt::StringLiterals;
using Glosa::AppContext;
using Glosa::ChatLink;

namespace {

// A file to open given as a path or, as desktops may pass it, a file: URL.
QString localPath(const QString &argument)
{
    return argument.startsWith("file:"_L1, Qt::CaseInsensitive) ? QUrl(argument).toLocalFile()
                                                                : argument;
}

} // namespace

int main(int argc, char *argv[])
{
    if (Glosa::ExportCommand::isRequested(argc, argv))
        return Glosa::ExportCommand::run(argc, argv);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Glosa"_s);
    QApplication::setApplicationName(u"Glosa"_s);
    QApplication::setApplicationDisplayName(u"Glosa"_s);
    QApplication::setApplicationVersion(QStringLiteral(GLOSA_VERSION));
    QApplication::setDesktopFileName(u"org.glosa.Glosa"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/glosa.svg"_s));

    const AppContext::Settings saved = AppContext::loadSettings();
    AppContext::Settings settings = saved;
    AppContext::installTranslations(settings.language);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Annotate shared documents together, live.") + u"\n\n"_s +
        Glosa::ExportCommand::synopsis());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        u"FILE"_s,
        QApplication::translate("main", "A text, Markdown or PDF file to open, or a glosa:// "
                                        "link to a thread."),
        u"[FILE|LINK]"_s);
    const Glosa::ServerOptions serverOptions;
    serverOptions.addTo(&parser);
    const QCommandLineOption page(
        u"page"_s, QApplication::translate("main", "Open this page of the server."), u"ID"_s);
    parser.addOption(page);
    parser.process(app);

    if (QString error; !serverOptions.apply(parser, &settings, &error)) {
        fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    // A link to a thread brings its server and tenant, for this run.
    const QString argument = parser.positionalArguments().value(0);
    std::optional<ChatLink> link;
    QString linkProblem;
    if (ChatLink::isLinkText(argument)) {
        ChatLink::Fault fault = ChatLink::Fault::None;
        link = ChatLink::parse(argument, &fault);
        if (link)
            settings =
                Glosa::LinkOpener::settingsFor(*link, settings, saved, serverOptions.given(parser));
        else
            linkProblem = ChatLink::describe(fault);
    }

    AppContext context(settings, saved);
    QString error;
    if (!context.start(&error)) {
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "Glosa cannot start"),
            QApplication::translate("main", "The local server cannot start: %1").arg(error));
        return 1;
    }

    auto *window = new Glosa::MainWindow(&context);
    const QStringList recent = context.recentFiles();
    if (link) {
        // What the link may ask (a copy of a file) is asked over the window.
        window->show();
        window->openLink(*link);
    }
    if (window->session()) {
        // The link's page is open.
    } else if (!argument.isEmpty() && !ChatLink::isLinkText(argument)) {
        if (!window->openFile(localPath(argument)))
            window->openSample();
    } else if (parser.isSet(page)) {
        window->openServerPage(parser.value(page));
    } else if (!recent.isEmpty() && QFileInfo::exists(recent.first())) {
        window->openFile(recent.first());
    } else {
        window->openSample();
    }
    if (!linkProblem.isEmpty()) {
        qCWarning(Glosa::lcUi) << "cannot open the link" << argument << ":" << linkProblem;
        window->notice()->showNotice(
            QApplication::translate("main", "Cannot open the link “%1”: %2")
                .arg(argument, linkProblem));
    }
    window->show();
    // Ended by the desktop login (the user logs out) or a signal, Glosa closes as when the user
    // quits: what is pending is kept, and the local server hands over to another Glosa.
    Glosa::SignalWatcher signals;
    QObject::connect(&signals, &Glosa::SignalWatcher::terminationRequested, &app,
                     &QApplication::closeAllWindows);
    return app.exec();
}
