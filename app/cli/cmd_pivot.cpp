// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicontext.h"

#include "export/agentnames.h"
#include "export/tableexport.h"
#include "pivot/cubecache.h"
#include "pivot/pivotengine.h"
#include "pivot/pivotoutput.h"
#include "pivot/pivotspec.h"
#include "pivot/pivottableoutput.h"
#include "store/project.h"

#include <QFile>
#include <QSaveFile>

#include <algorithm>

namespace ql::cli {

namespace {

// "a,b" -> {a, b}; commas inside parentheses stay (no measure needs them, but a custom dimension
// in count_distinct(...) might).
QStringList splitList(const QString &text)
{
    QStringList parts;
    QString current;
    int depth = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            --depth;
        if (c == QLatin1Char(',') && depth == 0) {
            parts << current.trimmed();
            current.clear();
        } else {
            current += c;
        }
    }
    parts << current.trimmed();
    parts.removeAll(QString());
    return parts;
}

// "DIM=V1,V2" or "DIM!=V"; a comma inside a value is written "\,", a backslash "\\".
std::optional<PivotFilter> parseFilter(const QString &text)
{
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return std::nullopt;
    PivotFilter f;
    f.exclude = text.at(eq - 1) == QLatin1Char('!');
    f.dimension = text.left(f.exclude ? eq - 1 : eq).trimmed();
    if (f.dimension.isEmpty())
        return std::nullopt;
    QString value;
    const QString rest = text.mid(eq + 1);
    for (qsizetype i = 0; i < rest.size(); ++i) {
        const QChar c = rest.at(i);
        if (c == QLatin1Char('\\') && i + 1 < rest.size() &&
            (rest.at(i + 1) == QLatin1Char(',') || rest.at(i + 1) == QLatin1Char('\\'))) {
            value += rest.at(++i);
        } else if (c == QLatin1Char(',')) {
            f.values << value;
            value.clear();
        } else {
            value += c;
        }
    }
    f.values << value;
    return f;
}

bool parseDate(const QString &text, QDate *date)
{
    *date = QDate::fromString(text, Qt::ISODate);
    return date->isValid() && text.size() == 10;
}

} // namespace

int runPivot(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("qualitylens-cli pivot PROJECT [--spec PIVOT.json] [--source S] [--rows D,D] [--cols D,D] "
                       "[--measures M,M] [--filter DIM=V1,V2] [--filter DIM!=V] [--from D] [--to D] [--totals] "
                       "[--format long|grid|json] [--out FILE.csv|FILE.xlsx] [--names names|ids|pseudonyms]\n"
                       "Compute a pivot. Flags override the spec's fields; --filter may repeat; a comma inside a "
                       "value is written \\,. An .xlsx file holds the long or grid table as one sheet. --names shows "
                       "the agent and agent_name dimensions by name, by id or by a stable pseudonym (default: the "
                       "project's name_display setting); filters still name agents by id or name."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("the .qlens project"));
    const QCommandLineOption specOption(QStringLiteral("spec"), QStringLiteral("a pivot spec (formats.md)"),
                                        QStringLiteral("PIVOT.json"));
    const QCommandLineOption sourceOption(QStringLiteral("source"), QStringLiteral("audits, answers or csat"),
                                          QStringLiteral("S"));
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("row dimensions"),
                                        QStringLiteral("D,D"));
    const QCommandLineOption colsOption(QStringLiteral("cols"), QStringLiteral("column dimensions"),
                                        QStringLiteral("D,D"));
    const QCommandLineOption measuresOption(QStringLiteral("measures"), QStringLiteral("measures (default: count)"),
                                            QStringLiteral("M,M"));
    const QCommandLineOption filterOption(QStringLiteral("filter"),
                                          QStringLiteral("keep DIM=V1,V2 or drop DIM!=V (repeatable)"),
                                          QStringLiteral("FILTER"));
    const QCommandLineOption fromOption(QStringLiteral("from"), QStringLiteral("first date, inclusive"),
                                        QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption toOption(QStringLiteral("to"), QStringLiteral("last date, inclusive"),
                                      QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption totalsOption(QStringLiteral("totals"),
                                          QStringLiteral("subtotals, row and column totals, grand total"));
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("long (default), grid or json"),
                                          QStringLiteral("F"));
    const QCommandLineOption outOption(
        QStringLiteral("out"), QStringLiteral("write to FILE instead of standard output"), QStringLiteral("FILE"));
    const QCommandLineOption namesOption(QStringLiteral("names"),
                                         QStringLiteral("agents by names, ids or pseudonyms (default: the project's)"),
                                         QStringLiteral("HOW"));
    for (const QCommandLineOption &o : {specOption, sourceOption, rowsOption, colsOption, measuresOption, filterOption,
                                        fromOption, toOption, totalsOption, formatOption, outOption, namesOption})
        parser.addOption(o);
    if (const int rc = parseOrExit(parser, args, 1, 1); rc >= 0)
        return rc;

    // Flags of the wrong form first (exit 2), before anything is read.
    const QString formatName = parser.isSet(formatOption) ? parser.value(formatOption) : QStringLiteral("long");
    const auto format = PivotOutput::formatFromName(formatName);
    if (!format)
        return usageError(parser, QStringLiteral("--format must be long, grid or json, not '%1'").arg(formatName));
    const QString outPath = parser.value(outOption);
    const bool xlsx = TableExport::formatOf(outPath) == TableExport::Format::Xlsx;
    if (xlsx && *format == PivotOutput::Format::Json)
        return usageError(parser, QStringLiteral("--format json cannot be written to an .xlsx file"));
    std::optional<NameDisplay> names;
    if (const int rc = readNames(parser, namesOption, &names); rc >= 0)
        return rc;
    QDate from, to;
    if (parser.isSet(fromOption) && !parseDate(parser.value(fromOption), &from))
        return usageError(parser,
                          QStringLiteral("--from must be a date YYYY-MM-DD, not '%1'").arg(parser.value(fromOption)));
    if (parser.isSet(toOption) && !parseDate(parser.value(toOption), &to))
        return usageError(parser,
                          QStringLiteral("--to must be a date YYYY-MM-DD, not '%1'").arg(parser.value(toOption)));
    QList<PivotFilter> flagFilters;
    for (const QString &text : parser.values(filterOption)) {
        const auto f = parseFilter(text);
        if (!f)
            return usageError(parser, QStringLiteral("--filter must be DIM=V1,V2 or DIM!=V, not '%1'").arg(text));
        for (const PivotFilter &other : flagFilters)
            if (other.dimension == f->dimension)
                return usageError(
                    parser, QStringLiteral("--filter names %1 twice; give its values in one filter").arg(f->dimension));
        flagFilters << *f;
    }

    PivotSpec spec;
    if (parser.isSet(specOption)) {
        QFile file(parser.value(specOption));
        if (!file.open(QIODevice::ReadOnly)) {
            printError(QStringLiteral("%1 cannot be read: %2").arg(file.fileName(), file.errorString()));
            return ExitCannotOpen;
        }
        QString error;
        const auto parsed = PivotSpec::fromJson(file.readAll(), &error);
        if (!parsed) {
            printError(QStringLiteral("%1: %2").arg(file.fileName(), error));
            return ExitInvalidInput;
        }
        spec = *parsed;
    }
    if (parser.isSet(sourceOption)) {
        const auto source = pivotSourceFromName(parser.value(sourceOption));
        if (!source) {
            printError(QStringLiteral("unknown source '%1' (audits, answers or csat)").arg(parser.value(sourceOption)));
            return ExitInvalidInput;
        }
        spec.source = *source;
    }
    if (parser.isSet(rowsOption))
        spec.rows = splitList(parser.value(rowsOption));
    if (parser.isSet(colsOption))
        spec.cols = splitList(parser.value(colsOption));
    if (parser.isSet(measuresOption))
        spec.measures = splitList(parser.value(measuresOption));
    if (spec.measures.isEmpty())
        spec.measures = QStringList{QStringLiteral("count")};
    for (const PivotFilter &f : flagFilters) {
        spec.filters.erase(std::remove_if(spec.filters.begin(), spec.filters.end(),
                                          [&](const PivotFilter &g) { return g.dimension == f.dimension; }),
                           spec.filters.end());
        spec.filters << f;
    }
    if (parser.isSet(fromOption))
        spec.from = from;
    if (parser.isSet(toOption))
        spec.to = to;
    if (parser.isSet(totalsOption))
        spec.totals = PivotTotals::all();
    if (const QString problem = spec.validate(); !problem.isEmpty()) {
        printError(problem);
        return ExitInvalidInput;
    }

    ProjectError openError;
    // Pseudonyms may need the project's key written once: only then is the project opened for writing.
    const auto project = Project::open(parser.positionalArguments().at(0),
                                       names == NameDisplay::Pseudonyms ? Project::Access::ReadWriteOrReadOnly
                                                                        : Project::Access::ReadOnly,
                                       Project::Check::Deferred, &openError);
    if (!project) {
        printError(openError.message);
        return ExitCannotOpen;
    }
    PivotOptions options = PivotOptions::fromProject(project->database());
    QString why;
    const auto agents = PivotAgentDisplay::forOutput(project->database(), names, &why);
    if (!agents) {
        printError(why);
        return ExitCannotOpen;
    }
    options.agents = *agents;
    QString error;
    // The project's snapshots when its data has not changed since they were written (read-only
    // here: a scan's cube is not kept).
    std::shared_ptr<const Cube> audits;
    const auto cube = CubeCache::obtainWithAudits(project->database(), spec.source, {}, &error, &audits).cube;
    if (!cube) {
        printError(QStringLiteral("%1 cannot be read: %2").arg(project->path(), error));
        return ExitCannotOpen;
    }
    const auto result = PivotEngine::compute(*cube, spec, options, &error);
    if (!result) {
        printError(error);
        return ExitInvalidInput;
    }
    if (result->factCount() == 0) {
        printError(QStringLiteral("no %1 match the filters and period asked").arg(pivotSourceName(spec.source)));
        return ExitInvalidInput;
    }
    if (!result->note().isEmpty())
        printError(result->note());

    if (xlsx) {
        const auto shape =
            *format == PivotOutput::Format::Grid ? PivotTableOutput::Shape::Grid : PivotTableOutput::Shape::Long;
        TableExport::Options xlsxOptions;
        xlsxOptions.format = TableExport::Format::Xlsx;
        xlsxOptions.knownRows = PivotTableOutput::rowCount(*result, shape);
        xlsxOptions.sheetName = QStringLiteral("Pivot");
        const TableExport::Result written =
            TableExport::write(outPath, xlsxOptions, [&](TableWriter &out, QString *why) {
                return PivotTableOutput::write(*result, shape, out, why);
            });
        if (!written.ok()) {
            printError(QStringLiteral("%1 cannot be written: %2").arg(outPath, written.error));
            return written.status == TableExport::Result::TooManyRows ? ExitInvalidInput : ExitCannotOpen;
        }
        return ExitOk;
    }
    const QByteArray text = PivotOutput::format(*result, *format);
    if (outPath.isEmpty()) {
        printOut(QString::fromUtf8(text));
        return ExitOk;
    }
    QSaveFile out(outPath);
    if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size() || !out.commit()) {
        printError(QStringLiteral("%1 cannot be written: %2").arg(outPath, out.errorString()));
        return ExitCannotOpen;
    }
    return ExitOk;
}

} // namespace ql::cli
