// SPDX-License-Identifier: GPL-3.0-or-later
// qualitylens-cli check: the integrity check and the data-quality report (cli.md, docs/check.md).
// Exit 0 also with findings; 3 when the project is damaged.
#include "clicontext.h"

#include "quality/dataqualityjson.h"
#include "store/dataqualitycheck.h"
#include "store/project.h"

#include <QJsonDocument>

namespace ql::cli {

int runCheck(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "qualitylens-cli check PROJECT [--format json]\n"
        "Checks the project file's integrity (PRAGMA integrity_check) and reports on its data: missing values, "
        "duplicates, out-of-range values, orphans, incomplete audits, coverage against the sampling plan, personal "
        "data (card numbers, emails, phone numbers, IBANs) left in free text, and gaps. Exit 0 also with "
        "findings, 3 when the project is damaged. The project is only read."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("the .qlens project"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("text (default) or json"),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    parser.addOption(format);
    if (const int rc = parseOrExit(parser, args, 1, 1); rc >= 0)
        return rc;
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("json") && fmt != QLatin1String("text"))
        return usageError(parser, QStringLiteral("--format takes text or json, not '%1'").arg(fmt));

    const QString path = parser.positionalArguments().at(0);
    ProjectError error;
    // Deferred: the full integrity check below reports a damaged file itself, as a finding of check.
    const auto project = Project::open(path, Project::Access::ReadOnly, Project::Check::Deferred, &error);
    if (!project) {
        printError(error.message);
        return error.kind == ProjectError::Damaged ? ExitInvalidInput : exitCodeFor(error);
    }
    const DataQualityReport report = DataQualityCheck(project->database()).run();
    if (fmt == QLatin1String("json"))
        printOut(QString::fromUtf8(
            QJsonDocument(DataQualityJson::report(report, project->path())).toJson(QJsonDocument::Indented)));
    else
        printOut(DataQualityJson::text(report, project->path()));
    if (report.damaged()) {
        printError(QStringLiteral("%1 is damaged: %2").arg(path, report.integrity.value(0)));
        return ExitInvalidInput;
    }
    return ExitOk;
}

} // namespace ql::cli
