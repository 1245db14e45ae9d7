// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicontext.h"

#include <cstdio>

namespace ql::cli {

void printError(const QString &message)
{
    std::fputs(qUtf8Printable(QStringLiteral("qualitylens-cli: %1\n").arg(message)), stderr);
    std::fflush(stderr);
}

void printOut(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stdout);
    std::fflush(stdout);
}

namespace {
QString &currentCommand()
{
    static QString name;
    return name;
}
} // namespace

int readNames(QCommandLineParser &parser, const QCommandLineOption &option, std::optional<NameDisplay> *names)
{
    if (!parser.isSet(option))
        return -1;
    *names = AgentNames::fromName(parser.value(option));
    if (!*names)
        return usageError(parser,
                          QStringLiteral("--names takes names, ids or pseudonyms, not '%1'").arg(parser.value(option)));
    return -1;
}

int usageError(QCommandLineParser &parser, const QString &message)
{
    Q_UNUSED(parser)
    printError(message);
    std::fputs(qUtf8Printable(QStringLiteral("Try 'qualitylens-cli %1 --help'.\n").arg(currentCommand())), stderr);
    return ExitUsage;
}

int parseOrExit(QCommandLineParser &parser, const QStringList &args, int minPositional, int maxPositional)
{
    currentCommand() = args.size() > 1 ? args.at(1) : QString();
    const QCommandLineOption help = parser.addHelpOption();
    // args[0] is the program, args[1] the subcommand: the parser sees the subcommand as program name.
    if (!parser.parse(args.mid(1)))
        return usageError(parser, parser.errorText());
    if (parser.isSet(help)) {
        // The parser names the binary's full path; show the command as a user types it.
        QString text = parser.helpText();
        const qsizetype eol = text.indexOf(QLatin1Char('\n'));
        text.replace(0, eol, QStringLiteral("Usage: qualitylens-cli %1 [options]").arg(currentCommand()));
        printOut(text);
        return ExitOk;
    }
    const qsizetype n = parser.positionalArguments().size();
    if (n < minPositional)
        return usageError(parser, QStringLiteral("missing argument"));
    if (maxPositional >= 0 && n > maxPositional)
        return usageError(parser, QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().at(maxPositional)));
    return -1;
}

int exitCodeFor(const ProjectError &error)
{
    return error.isError() ? ExitCannotOpen : ExitOk;
}

} // namespace ql::cli
