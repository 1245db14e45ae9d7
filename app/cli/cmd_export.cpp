// SPDX-License-Identifier: GPL-3.0-or-later
// qualitylens-cli export: one source of a project into a CSV or XLSX file (cli.md, formats.md
// "Export columns").
#include "clicontext.h"

#include "export/dataexport.h"
#include "export/tableexport.h"
#include "store/project.h"
#include "store/projectsettings.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace ql::cli {

namespace {

// yyyy-MM-dd and nothing else.
QDate parseDay(const QString &text)
{
    static const QRegularExpression iso(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
    return iso.match(text).hasMatch() ? QDate::fromString(text, Qt::ISODate) : QDate();
}

} // namespace

int runExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "qualitylens-cli export PROJECT --source audits|answers|csat|agents --out FILE.csv|FILE.xlsx "
        "[--excel] [--filter DIM=V1,V2] [--filter DIM!=V] [--from D] [--to D] [--names names|ids|pseudonyms]\n"
        "Export one source of a project as CSV or XLSX (by the file's extension), with the columns of "
        "formats.md \"Export columns\". --filter may repeat; a comma inside a value is written \\, and a "
        "missing value is (blank). --from and --to are dates (2026-03-01) of the period date, both "
        "inclusive. --names shows agents by name, by id or by a stable pseudonym (default: the project's "
        "name_display setting). The project is only read (pseudonyms are made with a key the project keeps, "
        "written the first time)."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("the .qlens project"));
    const QCommandLineOption source(QStringLiteral("source"), QStringLiteral("audits, answers, csat or agents"),
                                    QStringLiteral("SOURCE"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("the file to write, .csv or .xlsx"),
                                 QStringLiteral("FILE"));
    const QCommandLineOption excel(QStringLiteral("excel"),
                                   QStringLiteral("CSV for Excel: start the file with a UTF-8 byte-order mark"));
    const QCommandLineOption filter(QStringLiteral("filter"),
                                    QStringLiteral("keep DIM=V1,V2 or drop DIM!=V1,V2 (a dimension of the source)"),
                                    QStringLiteral("DIM=V"));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("first date, YYYY-MM-DD"),
                                  QStringLiteral("D"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("last date, YYYY-MM-DD"), QStringLiteral("D"));
    const QCommandLineOption names(QStringLiteral("names"),
                                   QStringLiteral("agents by names, ids or pseudonyms (default: the project's setting)"),
                                   QStringLiteral("MODE"));
    parser.addOptions({source, out, excel, filter, from, to, names});
    if (const int rc = parseOrExit(parser, args, 1, 1); rc >= 0)
        return rc;

    ExportSpec spec;
    if (!parser.isSet(source))
        return usageError(parser, QStringLiteral("--source is required (audits, answers, csat or agents)"));
    const auto named = exportSourceFromName(parser.value(source));
    if (!named)
        return usageError(
            parser,
            QStringLiteral("--source takes audits, answers, csat or agents, not '%1'").arg(parser.value(source)));
    spec.source = *named;

    if (!parser.isSet(out))
        return usageError(parser, QStringLiteral("--out is required (FILE.csv or FILE.xlsx)"));
    const QString path = parser.value(out);
    const auto format = TableExport::formatOf(path);
    if (!format)
        return usageError(parser, QStringLiteral("--out must end in .csv or .xlsx, not '%1'").arg(path));
    if (parser.isSet(excel) && *format != TableExport::Format::Csv)
        return usageError(parser, QStringLiteral("--excel adds a byte-order mark to CSV; an .xlsx file needs none"));

    for (const QString &text : parser.values(filter)) {
        QString problem;
        const auto parsed = ExportFilter::parse(text, &problem);
        if (!parsed)
            return usageError(parser, problem);
        spec.filters << *parsed;
    }
    for (const auto &[option, date] : {std::pair{&from, &spec.from}, std::pair{&to, &spec.to}}) {
        if (!parser.isSet(*option))
            continue;
        *date = parseDay(parser.value(*option));
        if (!date->isValid())
            return usageError(parser, QStringLiteral("--%1 takes a date such as 2026-03-01, not '%2'")
                                          .arg(option->names().first(), parser.value(*option)));
    }
    if (spec.from.isValid() && spec.to.isValid() && spec.from > spec.to)
        return usageError(parser, QStringLiteral("--from %1 is after --to %2")
                                      .arg(spec.from.toString(Qt::ISODate), spec.to.toString(Qt::ISODate)));
    if (spec.source == ExportSource::Agents && (spec.from.isValid() || spec.to.isValid()))
        return usageError(parser,
                          QStringLiteral("--from and --to apply to audits, answers and csat; agents have no date"));

    std::optional<NameDisplay> display;
    if (const int rc = readNames(parser, names, &display); rc >= 0)
        return rc;

    const QString projectPath = parser.positionalArguments().at(0);
    const QFileInfo projectFile(projectPath), outFile(path);
    if (projectFile.exists() && outFile.exists() && projectFile.canonicalFilePath() == outFile.canonicalFilePath())
        return usageError(parser, QStringLiteral("--out names the project itself"));

    ProjectError error;
    // Pseudonyms may need the project's key written once: only then is the project opened for writing.
    const auto project =
        Project::open(projectPath,
                      display == NameDisplay::Pseudonyms ? Project::Access::ReadWriteOrReadOnly : Project::Access::ReadOnly,
                      Project::Check::Deferred, &error);
    if (!project) {
        printError(error.message);
        return exitCodeFor(error);
    }
    if (!display)
        display = AgentNames::fromName(
            ProjectSettings(project->database()).value(ProjectSettings::NameDisplay).toString());
    spec.names = display.value_or(NameDisplay::Names);
    if (spec.names == NameDisplay::Pseudonyms) {
        QString why;
        spec.pseudonymKey = AgentNames::projectKey(project->database(), &why);
        if (spec.pseudonymKey.isEmpty()) {
            printError(why);
            return ExitCannotOpen;
        }
    }

    DataExport::Options options;
    options.byteOrderMark = parser.isSet(excel);
    const DataExport::Result result = DataExport::run(project->database(), spec, path, options);
    switch (result.status) {
    case DataExport::Status::Written:
        break;
    case DataExport::Status::UnknownFormat:
    case DataExport::Status::InvalidSpec:
        return usageError(parser, result.error);
    case DataExport::Status::UnknownDimension:
    case DataExport::Status::TooManyRows:
        printError(result.error);
        return ExitInvalidInput;
    case DataExport::Status::ReadFailed:
    case DataExport::Status::WriteFailed:
        printError(result.error);
        return ExitCannotOpen;
    case DataExport::Status::Cancelled:
        printError(result.error);
        return ExitOther;
    }
    if (result.truncatedCells > 0)
        printError(
            QStringLiteral("warning: %1 texts were longer than an XLSX cell holds (32,767 characters) and were cut")
                .arg(result.truncatedCells));
    const QJsonObject summary{{QStringLiteral("source"), exportSourceName(spec.source)},
                              {QStringLiteral("rows"), result.rows},
                              {QStringLiteral("out"), path}};
    printOut(QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact)) + u'\n');
    return ExitOk;
}

} // namespace ql::cli
