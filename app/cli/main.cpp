// SPDX-License-Identifier: GPL-3.0-or-later
// qualitylens-cli: one subcommand per job (cli.md). Parsing: the subcommand first, then its own
// QCommandLineParser with parse().
#include "clicontext.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace ql::cli;

namespace {

QString overallHelp()
{
    QString text = QStringLiteral("Usage: qualitylens-cli COMMAND [options]\n"
                                  "QualityLens on the command line: customer-support quality analytics, offline.\n\n"
                                  "Commands:\n");
    qsizetype width = 0;
    for (const Command &c : commands())
        width = std::max(width, c.name.size() + 2);
    for (const Command &c : commands())
        text += QStringLiteral("  %1%2\n").arg(c.name, -int(width)).arg(c.summary);
    text += QStringLiteral("\nRun 'qualitylens-cli COMMAND --help' for a command's options.\n"
                           "Options:\n  -h, --help     Show this help.\n  -v, --version  Show the version.\n\n"
                           "Exit codes: 0 done, 1 other failure, 2 wrong usage, 3 invalid input (nothing changed),\n"
                           "4 a file or project cannot be opened, read or written.\n");
    return text;
}

} // namespace

namespace {

const Command *findCommand(const QString &name)
{
    for (const Command &c : commands())
        if (c.name == name)
            return &c;
    return nullptr;
}

// A QApplication on the offscreen platform for the commands that render (no display needed, the
// same pixels as the GUI's export); a QCoreApplication for everything else.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char *argv[])
{
    const Command *command = argc > 1 ? findCommand(QString::fromLocal8Bit(argv[1])) : nullptr;
    if (command && command->needsGui) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        return std::make_unique<QApplication>(argc, argv);
    }
    return std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace

int main(int argc, char *argv[])
{
    const auto application = makeApplication(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("qualitylens-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("QualityLens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QL_VERSION));

    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fputs(qUtf8Printable(overallHelp()), stderr);
        return ExitUsage;
    }
    const QString first = args.at(1);
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        printOut(overallHelp());
        return ExitOk;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        printOut(QStringLiteral("qualitylens-cli %1\n").arg(QStringLiteral(QL_VERSION)));
        return ExitOk;
    }
    if (const Command *command = findCommand(first))
        return command->run(args);
    printError(QStringLiteral("unknown command '%1'; run 'qualitylens-cli --help' for the list").arg(first));
    return ExitUsage;
}
