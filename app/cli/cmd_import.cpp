// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicontext.h"

#include "import/importer.h"
#include "import/scorecardimport.h"
#include "store/project.h"

#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace ql::cli {

namespace {

void printLine(const QString &message)
{
    std::fputs(qUtf8Printable(message + QLatin1Char('\n')), stderr);
}

int importScorecard(const QString &projectPath, const QString &cardPath)
{
    ProjectError error;
    const auto project = Project::open(projectPath, Project::Access::ReadWrite, Project::Check::Now, &error);
    if (!project) {
        printError(error.message);
        return ExitCannotOpen;
    }
    const ScorecardImport::Result r = ScorecardImport::importFile(project->database(), cardPath);
    if (!r.ok) {
        printLine(r.error);
        return r.invalidInput ? ExitInvalidInput : ExitCannotOpen;
    }
    printOut(QString::fromUtf8(r.toJson()) + QLatin1Char('\n'));
    return ExitOk;
}

} // namespace

int runImport(const QStringList &argsIn)
{
    // --replace-range takes two values, which QCommandLineParser cannot express: take them out first.
    QStringList args = argsIn;
    QDate replaceFrom, replaceTo;
    bool replaceRange = false;
    if (const qsizetype at = args.indexOf(QStringLiteral("--replace-range")); at >= 0) {
        if (at + 2 >= args.size()) {
            printError(QStringLiteral("--replace-range needs two dates: --replace-range FROM TO"));
            return ExitUsage;
        }
        replaceFrom = QDate::fromString(args.at(at + 1), Qt::ISODate);
        replaceTo = QDate::fromString(args.at(at + 2), Qt::ISODate);
        if (!replaceFrom.isValid() || !replaceTo.isValid() || replaceFrom > replaceTo) {
            printError(
                QStringLiteral("--replace-range needs two ISO dates, FROM not after TO (2026-01-01 2026-03-31)"));
            return ExitUsage;
        }
        args.remove(at, 3);
        replaceRange = true;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "qualitylens-cli import PROJECT --mapping MAP.json FILE.csv [--skip-invalid --rejects OUT.csv] [--dry-run] "
        "[--overwrite-local] [--replace-range FROM TO]\n"
        "qualitylens-cli import PROJECT --scorecard CARD.json\n"
        "Import a CSV file as the mapping says (prints a JSON summary), or a scorecard definition."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("the .qlens project"));
    parser.addPositionalArgument(QStringLiteral("FILE.csv"), QStringLiteral("the file to import (with --mapping)"));
    const QCommandLineOption mapping(QStringLiteral("mapping"), QStringLiteral("the import mapping (JSON)"),
                                     QStringLiteral("MAP.json"));
    const QCommandLineOption scorecard(QStringLiteral("scorecard"), QStringLiteral("import a scorecard definition"),
                                       QStringLiteral("CARD.json"));
    const QCommandLineOption skipInvalid(
        QStringLiteral("skip-invalid"),
        QStringLiteral("import the valid audits and write the rejected rows to --rejects"));
    const QCommandLineOption rejects(QStringLiteral("rejects"), QStringLiteral("where to write the rejected rows"),
                                     QStringLiteral("OUT.csv"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), QStringLiteral("check everything, change nothing"));
    const QCommandLineOption overwriteLocal(
        QStringLiteral("overwrite-local"),
        QStringLiteral("replace audits changed in the application since their import"));
    parser.addOptions({mapping, scorecard, skipInvalid, rejects, dryRun, overwriteLocal});
    parser.addOption(QCommandLineOption(QStringLiteral("replace-range"),
                                        QStringLiteral("FROM TO: also remove this source's audits of that date range "
                                                       "that the file no longer holds")));
    if (const int rc = parseOrExit(parser, args, 1, 2); rc >= 0)
        return rc;
    const QStringList positional = parser.positionalArguments();

    if (parser.isSet(scorecard)) {
        if (parser.isSet(mapping) || positional.size() != 1 || parser.isSet(skipInvalid) || parser.isSet(rejects) ||
            parser.isSet(dryRun) || parser.isSet(overwriteLocal) || replaceRange)
            return usageError(parser, QStringLiteral("--scorecard takes the project and the scorecard file only"));
        return importScorecard(positional.at(0), parser.value(scorecard));
    }
    if (!parser.isSet(mapping))
        return usageError(parser, QStringLiteral("give --mapping MAP.json FILE.csv, or --scorecard CARD.json"));
    if (positional.size() != 2)
        return usageError(parser, QStringLiteral("missing argument FILE.csv"));
    if (parser.isSet(skipInvalid) && !parser.isSet(rejects))
        return usageError(parser, QStringLiteral("--skip-invalid needs --rejects OUT.csv for the rejected rows"));

    const QString mapPath = parser.value(mapping);
    QFile mapFile(mapPath);
    if (!mapFile.open(QIODevice::ReadOnly)) {
        printError(QStringLiteral("cannot read %1: %2").arg(mapPath, mapFile.errorString()));
        return ExitCannotOpen;
    }
    QString why;
    const auto map = ImportMapping::parse(mapFile.readAll(), &why);
    if (!map) {
        printLine(QStringLiteral("%1: %2").arg(QFileInfo(mapPath).fileName(), why));
        return ExitInvalidInput;
    }
    if (replaceRange && map->kind != ImportMapping::Kind::AuditsLong && map->kind != ImportMapping::Kind::AuditsWide)
        return usageError(parser, QStringLiteral("--replace-range is for audits files only"));
    const QString input = positional.at(1);
    if (!QFileInfo(input).isFile() || !QFileInfo(input).isReadable()) {
        printError(QStringLiteral("cannot read %1: no such readable file").arg(input));
        return ExitCannotOpen;
    }

    // A dry run never writes, so it opens the project read-only: its bytes stay as they were.
    ProjectError error;
    const auto project =
        Project::open(positional.at(0), parser.isSet(dryRun) ? Project::Access::ReadOnly : Project::Access::ReadWrite,
                      Project::Check::Now, &error);
    if (!project) {
        printError(error.message);
        return ExitCannotOpen;
    }

    ImportOptions options;
    options.skipInvalid = parser.isSet(skipInvalid);
    options.dryRun = parser.isSet(dryRun);
    options.overwriteLocal = parser.isSet(overwriteLocal);
    options.rejectsPath = parser.value(rejects);
    options.replaceFrom = replaceFrom;
    options.replaceTo = replaceTo;
    Importer importer(project->database(), *map);
    const ImportResult result = importer.run(input, options);

    for (const ImportProblem &p : result.problems)
        printLine(p.message());
    switch (result.status) {
    case ImportResult::Imported:
        if (!result.summary.cardMaskingOff)
            break;
        printLine(QStringLiteral("%1: card masking is off (the mapping's mask list leaves out \"card\")")
                      .arg(QFileInfo(input).fileName()));
        break;
    case ImportResult::Rejected:
        printLine(QStringLiteral("%1: %2 of %3 rows rejected; nothing was imported%4")
                      .arg(QFileInfo(input).fileName())
                      .arg(result.summary.rowsRejected)
                      .arg(result.summary.rowsRead)
                      .arg(options.skipInvalid
                               ? QString()
                               : QStringLiteral(" (--skip-invalid --rejects OUT.csv imports the valid audits)")));
        break;
    case ImportResult::Refused:
        if (result.problems.isEmpty())
            printLine(result.error);
        break;
    case ImportResult::Cancelled:
    case ImportResult::Failed:
        printError(result.error);
        break;
    }
    if (result.status == ImportResult::Imported || result.status == ImportResult::Rejected)
        printOut(QString::fromUtf8(result.summary.toJson()) + QLatin1Char('\n'));
    switch (result.status) {
    case ImportResult::Imported:
        return ExitOk;
    case ImportResult::Rejected:
    case ImportResult::Refused:
        return ExitInvalidInput;
    case ImportResult::Failed:
        return ExitCannotOpen;
    case ImportResult::Cancelled:
        return ExitOther;
    }
    return ExitOther;
}

} // namespace ql::cli
