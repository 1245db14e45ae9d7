// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/agentnames.h"
#include "store/projecterror.h"

#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace ql::cli {

// Exit codes of cli.md.
enum ExitCode {
    ExitOk = 0,
    ExitOther = 1,
    ExitUsage = 2,
    ExitInvalidInput = 3,
    ExitCannotOpen = 4,
};

// What every subcommand gets: its own arguments (the program name and the subcommand first, as
// QCommandLineParser expects) and ways to report.
struct Command
{
    QString name;
    QString summary;
    int (*run)(const QStringList &args);
    // chart, report and bench render with Qt Charts, which needs a QApplication (style.md); the
    // others run under a QCoreApplication and need no display.
    bool needsGui = false;
};

const QList<Command> &commands();

void printError(const QString &message);   // "qualitylens-cli: message" on stderr
void printOut(const QString &text);        // UTF-8 on stdout, as is
int usageError(QCommandLineParser &parser, const QString &message);
// --names names|ids|pseudonyms (ui.md "People in outputs"): *names is set when the flag is given.
// Returns -1 to go on, else the exit code of the usage error.
int readNames(QCommandLineParser &parser, const QCommandLineOption &option, std::optional<NameDisplay> *names);

// Parses with parse(), never process(): a bad flag is exit 2, --help prints and exits 0.
// Returns -1 when the command should go on, else the exit code to return.
int parseOrExit(QCommandLineParser &parser, const QStringList &args, int minPositional, int maxPositional);

int exitCodeFor(const ProjectError &error);

} // namespace ql::cli
