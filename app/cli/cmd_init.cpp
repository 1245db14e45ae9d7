// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicontext.h"

#include "store/project.h"

namespace ql::cli {

int runInit(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("qualitylens-cli init PROJECT [--force]\nCreate an empty project."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("the .qlens file to create"));
    const QCommandLineOption force(QStringLiteral("force"), QStringLiteral("replace an existing file"));
    parser.addOption(force);
    if (const int rc = parseOrExit(parser, args, 1, 1); rc >= 0)
        return rc;

    ProjectError error;
    const auto project = Project::create(parser.positionalArguments().at(0), parser.isSet(force), &error);
    if (!project) {
        printError(error.message);
        return ExitCannotOpen;
    }
    return ExitOk;
}

} // namespace ql::cli
