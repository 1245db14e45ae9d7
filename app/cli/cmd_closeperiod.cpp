// SPDX-License-Identifier: GPL-3.0-or-later
// qualitylens-cli close-period: stores the snapshot of scoring.md "Closing a period" (cli.md,
// docs/close-period.md) and lists the restatements of the periods closed before.
#include "clicontext.h"

#include "quality/periodclose.h"
#include "report/reportbuilder.h"
#include "report/reportwriter.h"
#include "scoring/scorerounding.h"
#include "store/project.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ql::cli {

namespace {

QString headline(const PeriodSnapshot &s)
{
    const QJsonObject kpis = QJsonDocument::fromJson(s.kpisJson)
                                 .object()
                                 .value(QStringLiteral("kpis"))
                                 .toObject()
                                 .value(QStringLiteral("kpis"))
                                 .toObject();
    QStringList parts;
    struct Kpi
    {
        const char *key;
        const char *label;
        bool count;
    };
    for (const Kpi &k : {Kpi{"qa_score", "QA score", false}, Kpi{"pass_rate", "pass rate", false},
                         Kpi{"critical_rate", "critical error rate", false}, Kpi{"csat_pct", "CSAT %", false},
                         Kpi{"audits", "audits", true}, Kpi{"csat_responses", "CSAT responses", true}}) {
        const QJsonValue v = kpis.value(QLatin1String(k.key)).toObject().value(QStringLiteral("value"));
        const QString value = !v.isDouble() ? QStringLiteral("—")
                              : k.count     ? QString::number(qint64(v.toDouble()))
                                            : formatScoreForDisplay(v.toDouble());
        parts << QStringLiteral("%1 %2").arg(QLatin1String(k.label), value);
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

int runClosePeriod(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "qualitylens-cli close-period PROJECT --period P [--force]\n"
        "Closes a period (scoring.md \"Closing a period\"): stores the whole project's KPIs of P, the settings and "
        "targets used and a data fingerprint (row counts, last change-log and import ids) in the project. P is a "
        "month (2026-09), quarter (2026-Q3), ISO week (2026-W07) or year that is over. A period is closed once; "
        "--force replaces its snapshot (logged). The Monthly Quality Report of P is rendered to PDF and kept in the "
        "snapshot with its SHA-256. Then lists the restatements of closed periods: published "
        "numbers that today's data no longer gives."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("the .qlens project"));
    const QCommandLineOption period(QStringLiteral("period"), QStringLiteral("the period to close"), QStringLiteral("P"));
    const QCommandLineOption force(QStringLiteral("force"), QStringLiteral("replace the snapshot of a closed period"));
    parser.addOptions({period, force});
    if (const int rc = parseOrExit(parser, args, 1, 1); rc >= 0)
        return rc;
    if (!parser.isSet(period))
        return usageError(parser, QStringLiteral("give --period"));

    ProjectError error;
    const auto project = Project::open(parser.positionalArguments().at(0), Project::Access::ReadWrite,
                                       Project::Check::Now, &error);
    if (!project) {
        printError(error.message);
        return exitCodeFor(error);
    }
    PeriodClose::Options options;
    options.force = parser.isSet(force);
    // The published report goes into the snapshot with its SHA-256 (a period without audits has none;
    // closing then refuses with its own message).
    QString reportError;
    if (const auto document = ReportBuilder::build(project->database(), ReportTemplate::MonthlyQuality,
                                                   parser.value(period), {}, &reportError))
        options.reports << RenderedReport{reportTemplateName(ReportTemplate::MonthlyQuality), QStringLiteral("pdf"),
                                          ReportWriter::pdf(*document)};
    QString message;
    PeriodClose::Error code = PeriodClose::Error::None;
    const std::optional<PeriodSnapshot> s =
        PeriodClose::close(project->database(), parser.value(period), options, &message, &code);
    if (!s) {
        printError(message);
        switch (code) {
        case PeriodClose::Error::BadPeriod:
            return usageError(parser, message);
        case PeriodClose::Error::NotOver:
        case PeriodClose::Error::NoData:
        case PeriodClose::Error::AlreadyClosed:
            return ExitInvalidInput;
        default:
            return ExitOther;
        }
    }
    QStringList out;
    out << QStringLiteral("%1 closed by %2 at %3").arg(s->period, s->closedBy, s->closedAt);
    out << QStringLiteral("KPIs: %1").arg(headline(*s));
    for (const PeriodClose::StoredReport &r : PeriodClose::reports(*s))
        out << QStringLiteral("Report: %1 (%2, %3 bytes) sha256 %4").arg(r.templateName, r.format).arg(r.size).arg(r.sha256);
    const QList<Restatement> restated = PeriodClose::restatements(project->database());
    if (restated.isEmpty())
        out << QStringLiteral("Restatements: none");
    else
        for (const Restatement &r : restated)
            out << QStringLiteral("Restatement: %1").arg(r.text());
    printOut(out.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    return ExitOk;
}

} // namespace ql::cli
