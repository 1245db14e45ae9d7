// SPDX-License-Identifier: GPL-3.0-or-later
// report PROJECT --template monthly-quality|mbr|calibration --period P --out FILE.pdf|FILE.html
//        [--names names|ids|pseudonyms]
// A finished report (docs/reports.md), offscreen (main.cpp starts a QApplication: charts need it).
#include "clicontext.h"

#include "report/reportbuilder.h"
#include "report/reportwriter.h"
#include "store/project.h"

namespace ql::cli {

int runReport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("qualitylens-cli report PROJECT --template monthly-quality|mbr|calibration --period P "
                       "--out FILE.pdf|FILE.html [--names names|ids|pseudonyms]\n"
                       "Write a finished report of a period as a paged PDF or one self-contained HTML file."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("the .qlens project"));
    const QCommandLineOption templateOption(QStringLiteral("template"),
                                            QStringLiteral("monthly-quality, mbr or calibration"), QStringLiteral("NAME"));
    const QCommandLineOption periodOption(QStringLiteral("period"),
                                          QStringLiteral("a month 2026-10, quarter 2026-Q3, ISO week 2026-W07 or year 2026"),
                                          QStringLiteral("P"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("the file to write: .pdf or .html"),
                                       QStringLiteral("FILE"));
    const QCommandLineOption namesOption(QStringLiteral("names"),
                                         QStringLiteral("how agents appear: names, ids or pseudonyms (default: the "
                                                        "project setting name_display)"),
                                         QStringLiteral("HOW"));
    for (const QCommandLineOption &o : {templateOption, periodOption, outOption, namesOption})
        parser.addOption(o);
    if (const int rc = parseOrExit(parser, args, 1, 1); rc >= 0)
        return rc;

    for (const auto *o : {&templateOption, &periodOption, &outOption})
        if (!parser.isSet(*o))
            return usageError(parser, QStringLiteral("--%1 is required").arg(o->names().constFirst()));
    const QString outPath = parser.value(outOption);
    const auto format = ReportWriter::formatForPath(outPath);
    if (!format)
        return usageError(parser, QStringLiteral("--out must end in .pdf or .html, not '%1'").arg(outPath));
    ReportOptions options;
    if (const int rc = readNames(parser, namesOption, &options.names); rc >= 0)
        return rc;
    const auto kind = reportTemplateFromName(parser.value(templateOption));
    if (!kind) {
        printError(QStringLiteral("unknown template '%1': use monthly-quality, mbr or calibration")
                       .arg(parser.value(templateOption)));
        return ExitInvalidInput;
    }

    ProjectError openError;
    const auto project = Project::open(parser.positionalArguments().at(0), Project::Access::ReadOnly,
                                       Project::Check::Deferred, &openError);
    if (!project) {
        printError(openError.message);
        return exitCodeFor(openError);
    }
    QString error;
    ReportError why = ReportError::None;
    const auto document = ReportBuilder::build(project->database(), *kind, parser.value(periodOption), options, &error, &why);
    if (!document) {
        switch (why) {
        case ReportError::BadPeriod:
            return usageError(parser, QStringLiteral("--period: %1").arg(error));
        case ReportError::NoData:
            printError(error);
            return ExitInvalidInput;
        default:
            printError(error);
            return ExitOther;
        }
    }
    if (!ReportWriter::write(*document, outPath, *format, &error)) {
        printError(error);
        return ExitCannotOpen;
    }
    return ExitOk;
}

} // namespace ql::cli
