// SPDX-License-Identifier: GPL-3.0-or-later
// qualitylens-cli scorecard: the KPIs of scoring.md for an agent, team, site or queue and a period
// (cli.md "scorecard --format json").
#include "clicontext.h"

#include "scorecard/kpiengine.h"
#include "scorecard/kpijson.h"
#include "store/project.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace ql::cli {

int runScorecard(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "qualitylens-cli scorecard PROJECT (--agent ID|--team NAME|--site NAME|--queue NAME) "
        "(--period P | --from D --to D) [--format json|text]\n"
        "The KPIs of scoring.md for that slice and period — audits, QA and raw score, pass rate, critical error "
        "rate (and per family), CSAT % and responses, each with its 95% interval, the previous period, the delta "
        "and its significance, the target and status, and the small-sample flag — and the criteria. P is 2026-10, "
        "2026-Q3, 2026-W07 or 2026; D a date such as 2026-10-01. JSON by default; the project is only read."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("the .qlens project"));
    const QCommandLineOption agent(QStringLiteral("agent"), QStringLiteral("an agent's id"), QStringLiteral("ID"));
    const QCommandLineOption team(QStringLiteral("team"), QStringLiteral("a team's name"), QStringLiteral("NAME"));
    const QCommandLineOption site(QStringLiteral("site"), QStringLiteral("a site's name"), QStringLiteral("NAME"));
    const QCommandLineOption queue(QStringLiteral("queue"), QStringLiteral("a queue's name"), QStringLiteral("NAME"));
    const QCommandLineOption period(QStringLiteral("period"), QStringLiteral("2026-10, 2026-Q3, 2026-W07 or 2026"),
                                    QStringLiteral("P"));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("first day of a custom range"),
                                  QStringLiteral("D"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("last day of a custom range"), QStringLiteral("D"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("json (default) or text"),
                                    QStringLiteral("FORMAT"), QStringLiteral("json"));
    parser.addOptions({agent, team, site, queue, period, from, to, format});
    if (const int rc = parseOrExit(parser, args, 1, 1); rc >= 0)
        return rc;

    KpiSlice slice;
    int slices = 0;
    for (const auto &[option, kind] : {std::pair{&agent, KpiSlice::Kind::Agent}, std::pair{&team, KpiSlice::Kind::Team},
                                       std::pair{&site, KpiSlice::Kind::Site}, std::pair{&queue, KpiSlice::Kind::Queue}}) {
        if (parser.isSet(*option)) {
            ++slices;
            slice = {kind, parser.value(*option)};
        }
    }
    if (slices != 1)
        return usageError(parser, QStringLiteral("give exactly one of --agent, --team, --site or --queue"));
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("json") && fmt != QLatin1String("text"))
        return usageError(parser, QStringLiteral("--format takes json or text, not '%1'").arg(fmt));

    std::optional<KpiPeriod> chosen;
    if (parser.isSet(period)) {
        if (parser.isSet(from) || parser.isSet(to))
            return usageError(parser, QStringLiteral("give --period or --from and --to, not both"));
        chosen = KpiPeriod::parse(parser.value(period));
        if (!chosen)
            return usageError(parser, QStringLiteral("--period takes 2026-10, 2026-Q3, 2026-W07 or 2026, not '%1'")
                                          .arg(parser.value(period)));
    } else if (parser.isSet(from) && parser.isSet(to)) {
        static const QRegularExpression iso(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
        const QDate a = iso.match(parser.value(from)).hasMatch() ? QDate::fromString(parser.value(from), Qt::ISODate) : QDate();
        const QDate b = iso.match(parser.value(to)).hasMatch() ? QDate::fromString(parser.value(to), Qt::ISODate) : QDate();
        if (!a.isValid() || !b.isValid() || a > b)
            return usageError(parser, QStringLiteral("--from and --to take two dates such as 2026-10-01, in order"));
        chosen = KpiPeriod::custom(a, b);
    } else {
        return usageError(parser, QStringLiteral("give --period, or --from and --to"));
    }

    ProjectError error;
    const auto project = Project::open(parser.positionalArguments().at(0), Project::Access::ReadOnly,
                                       Project::Check::Now, &error);
    if (!project) {
        printError(error.message);
        return exitCodeFor(error);
    }
    const KpiEngine engine(project->database());
    if (engine.queries().sliceName(slice).isEmpty()) {
        printError(QStringLiteral("unknown %1 '%2'").arg(KpiSlice::kindName(slice.kind), slice.id));
        return ExitInvalidInput;
    }
    const KpiReport report = engine.report(slice, *chosen);
    if (report.auditsTotal.value.value_or(0) == 0 && report.csatResponses.value.value_or(0) == 0) {
        printError(QStringLiteral("no audits and no responses for %1 '%2' in %3")
                       .arg(KpiSlice::kindName(slice.kind), slice.id, chosen->label()));
        return ExitInvalidInput;
    }
    if (fmt == QLatin1String("json"))
        printOut(QString::fromUtf8(QJsonDocument(KpiJson::report(report)).toJson(QJsonDocument::Indented)));
    else
        printOut(KpiJson::text(report));
    return ExitOk;
}

} // namespace ql::cli
