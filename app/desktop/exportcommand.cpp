#include "exportcommand.h"

#include "chatexport.h"
#include "loadeddocument.h"
#include "serveroptions.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

void print(FILE *stream, const QString &text)
{
    fprintf(stream, "%s\n", qPrintable(text));
}

} // namespace

bool ExportCommand::isRequested(int argc, char **argv)
{
    return argc > 1 && std::strcmp(argv[1], "export") == 0;
}

QString ExportCommand::synopsis()
{
    return tr("glosa export FILE [--format md|json|html] [--output PATH] writes the threads of "
              "FILE as Markdown, JSON or HTML; see glosa export --help.");
}

int ExportCommand::run(int argc, char **argv)
{
    // The command draws nothing, and a terminal without a display is where it often runs.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Its standard error is for the user: warnings, not the app's log of what it does.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(u"*.debug=false\n*.info=false"_s);
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(u"Glosa"_s);
    QGuiApplication::setApplicationName(u"Glosa"_s);
    QGuiApplication::setApplicationVersion(QStringLiteral(GLOSA_VERSION));
    const AppContext::Settings saved = AppContext::loadSettings();
    AppContext::installTranslations(saved.language);
    return exec(app.arguments(), saved);
}

int ExportCommand::exec(const QStringList &arguments, const AppContext::Settings &saved)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes the threads of the page of FILE (a text, Markdown or PDF file), as the server "
           "has them or, where it cannot be reached, as this computer last saw them."));
    const QCommandLineOption help = parser.addHelpOption();
    parser.addPositionalArgument(u"export"_s, tr("Exports threads."), u"export"_s);
    parser.addPositionalArgument(u"FILE"_s, tr("The document whose threads to export."));
    const QCommandLineOption format({u"f"_s, u"format"_s},
                                    tr("md (Markdown, the default), json or html."), u"FORMAT"_s,
                                    u"md"_s);
    const QCommandLineOption output(
        {u"o"_s, u"output"_s}, tr("The file to write (default: the standard output)."), u"PATH"_s);
    parser.addOptions({format, output});
    const ServerOptions serverOptions;
    serverOptions.addTo(&parser);

    const auto usage = [&](const QString &message) {
        print(stderr, message);
        print(stderr, tr("See glosa export --help."));
        return 2;
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.positionalArguments().size() != 2)
        return usage(tr("glosa export needs one FILE."));
    const std::optional<ChatExport::Format> chosen = ChatExport::formatNamed(parser.value(format));
    if (!chosen)
        return usage(
            tr("There is no format “%1”: it is md, json or html.").arg(parser.value(format)));
    AppContext::Settings settings = saved;
    if (QString error; !serverOptions.apply(parser, &settings, &error))
        return usage(error);

    const QString path = parser.positionalArguments().last();
    LoadedDocument::Failure failure;
    const std::optional<LoadedDocument> loaded =
        LoadedDocument::fromFile(path, &failure, {}, LoadedDocument::PdfTextLayer::Later);
    if (!loaded) {
        print(stderr, failure.message);
        return 1;
    }
    AppContext context(settings, saved);
    if (QString error; !context.start(&error)) {
        print(stderr, tr("The local server cannot start: %1").arg(error));
        return 1;
    }
    Document document = loaded->document;
    document.page = context.pageOfFile(loaded->sourcePath, document.page);
    std::shared_ptr<PageSession> session = context.session(document.page);
    if (!waitUntilLive(session->client())) {
        const SyncClient *client = session->client();
        const QString reason = client->errorString().isEmpty()
                                   ? tr("no answer from %1").arg(client->url().toString())
                                   : client->errorString();
        if (client->epoch().isEmpty() && session->chats().isEmpty()) {
            print(stderr, tr("Cannot reach the server (%1), and this computer has not kept the "
                             "threads of %2.")
                              .arg(reason, path));
            return 1;
        }
        print(stderr, tr("Cannot reach the server (%1): these are the threads of %2 as this "
                         "computer last saw them.")
                          .arg(reason, path));
    }

    const ChatExport exported(document, session->chats().values());
    int code = 0;
    if (parser.isSet(output)) {
        if (QString error; !exported.write(parser.value(output), *chosen, &error)) {
            print(stderr, error);
            code = 1;
        }
    } else {
        const QByteArray bytes = exported.to(*chosen);
        if (fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) != size_t(bytes.size()) ||
            fflush(stdout) != 0) {
            print(stderr, tr("Cannot write to the standard output."));
            code = 1;
        }
    }
    // The page is left as the app leaves it: what it brought is kept for the next time.
    session.reset();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return code;
}

bool ExportCommand::waitUntilLive(SyncClient *client)
{
    QEventLoop loop;
    qsizetype failures = 0;
    const auto check = [&](SyncClient::State state) {
        if (state == SyncClient::State::Reconnecting)
            ++failures;
        if (state == SyncClient::State::Live || state == SyncClient::State::Offline ||
            failures >= client->options().urls.size())
            loop.quit();
    };
    QObject::connect(client, &SyncClient::stateChanged, &loop, check);
    QTimer::singleShot(TimeoutMs, &loop, &QEventLoop::quit);
    if (client->state() == SyncClient::State::Connecting ||
        client->state() == SyncClient::State::Syncing)
        loop.exec();
    return client->state() == SyncClient::State::Live;
}

} // namespace Glosa
