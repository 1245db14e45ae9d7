// SPDX-License-Identifier: GPL-3.0-or-later
// The monthly report's data-quality appendix (docs/reports.md).
#include "reportparts.h"
#include "quality/periodclose.h"
#include "store/projectsettings.h"
#include "store/reportqueries.h"

namespace ql::report {

ReportSection dataQualityAppendix(const Context &c)
{
    ReportSection s;
    s.key = QStringLiteral("data-quality");
    s.title = QStringLiteral("Appendix: data quality");
    s.newPage = true;
    const ProjectSettings settings(c.db);
    const ReportQueries queries(c.db, settings.periodDate());

    s.blocks << ReportBlock::heading(QStringLiteral("Sources imported"));
    const QList<ReportQueries::Import> imports = queries.imports();
    if (imports.isEmpty()) {
        s.blocks << ReportBlock::paragraph(QStringLiteral("No import is recorded in the project."));
    } else {
        ReportTable t;
        t.header = {QStringLiteral("Imported (UTC)"), QStringLiteral("File"), QStringLiteral("Kind"), QStringLiteral("New"),
                    QStringLiteral("Updated"), QStringLiteral("Unchanged"), QStringLiteral("Rejected")};
        t.numeric = {false, false, false, true, true, true, true};
        t.widths = {1.5, 2.4, 1.1, 0.9, 0.9, 0.9, 0.9};
        // The latest 15: older ones are in the Data page's import history.
        const qsizetype first = std::max<qsizetype>(0, imports.size() - 15);
        for (qsizetype i = first; i < imports.size(); ++i) {
            const auto &im = imports[i];
            t.rows << QStringList{im.at.left(16).replace(QLatin1Char('T'), QLatin1Char(' ')), im.fileName, im.kind,
                                  count(im.inserted), count(im.updated), count(im.unchanged), count(im.rejected)};
            QList<ReportTone> tones(7, ReportTone::None);
            if (im.rejected > 0)
                tones[6] = ReportTone::Bad;
            t.tones << tones;
        }
        s.blocks << ReportBlock::tableBlock(t);
        if (first > 0)
            s.blocks << ReportBlock::note(QStringLiteral("The latest 15 of %1 imports.").arg(imports.size()));
    }

    // scoring.md "Closing a period": numbers published for a closed period that today's data no
    // longer gives are listed in the next reports (closed periods that ended before this one).
    s.blocks << ReportBlock::heading(QStringLiteral("Restatements of closed periods"));
    QStringList restated;
    for (const Restatement &r : PeriodClose::restatements(c.db))
        if (const auto closed = KpiPeriod::parse(r.period); closed && closed->to < c.period.from)
            restated << r.text();
    if (restated.isEmpty())
        s.blocks << ReportBlock::paragraph(QStringLiteral("No number published for a closed period has changed since it was closed."));
    else
        s.blocks << ReportBlock::bullets(restated);

    s.blocks << ReportBlock::heading(QStringLiteral("Audits of the period"));
    const ReportQueries::Gaps g = queries.gaps(c.period.from, c.period.to);
    ReportTable t;
    t.header = {QStringLiteral("Check"), QStringLiteral("Audits"), QStringLiteral("Share")};
    t.numeric = {false, true, true};
    t.widths = {4, 1, 1};
    auto row = [&](const QString &label, qint64 n) {
        t.rows << QStringList{label, count(n), g.audits > 0 ? percent(100.0 * double(n) / double(g.audits)) : QStringLiteral("–")};
    };
    row(QStringLiteral("Current audits (not superseded)"), g.audits);
    row(QStringLiteral("Counted in the KPIs (official, scored, complete, counted sample type)"), c.report.audits.n);
    row(QStringLiteral("Without a score"), g.noScore);
    row(QStringLiteral("Incomplete"), g.incomplete);
    row(QStringLiteral("Without a queue"), g.noQueue);
    row(QStringLiteral("Without a channel"), g.noChannel);
    row(QStringLiteral("Without a team"), g.noTeam);
    row(QStringLiteral("Without a ticket id"), g.noTicket);
    s.blocks << ReportBlock::tableBlock(t);
    if (g.daysWithout > 0)
        s.blocks << ReportBlock::paragraph(QStringLiteral("%1 weekday%2 of the period had no audit at all.")
                                               .arg(g.daysWithout)
                                               .arg(g.daysWithout == 1 ? QString() : QStringLiteral("s")));

    s.blocks << ReportBlock::heading(QStringLiteral("Coverage against the sampling plan"));
    const int plan = settings.value(ProjectSettings::SamplingPlanPerAgentMonth).toInt();
    const QList<ReportQueries::AgentAudits> perAgent = queries.auditsPerAgent(c.period.from, c.period.to);
    const int months = std::max(1, int((c.period.to.year() - c.period.from.year()) * 12 + c.period.to.month()
                                       - c.period.from.month() + 1));
    const qint64 expected = qint64(plan) * months;
    QStringList below;
    for (const auto &a : perAgent)
        if (a.audits < expected)
            below << QStringLiteral("%1 (%2)").arg(c.agent(a.key, a.name)).arg(a.audits);
    if (c.period.kind != KpiPeriod::Kind::Month && c.period.kind != KpiPeriod::Kind::Quarter
        && c.period.kind != KpiPeriod::Kind::Year)
        s.blocks << ReportBlock::paragraph(QStringLiteral("The sampling plan (%1 audits per agent per month) is checked on months, quarters and years only.").arg(plan));
    else if (below.isEmpty())
        s.blocks << ReportBlock::paragraph(QStringLiteral("Every one of the %1 audited agents had at least %2 audits (the plan: %3 per agent per month).")
                                               .arg(perAgent.size())
                                               .arg(expected)
                                               .arg(plan));
    else
        s.blocks << ReportBlock::paragraph(QStringLiteral("%1 of %2 audited agents had fewer than the %3 audits of the sampling plan (%4 per agent per month): %5.")
                                               .arg(below.size())
                                               .arg(perAgent.size())
                                               .arg(expected)
                                               .arg(plan)
                                               .arg(below.join(QStringLiteral(", "))));

    s.blocks << ReportBlock::heading(QStringLiteral("Scorecard versions in use"));
    if (c.report.scorecardVersions.isEmpty())
        s.blocks << ReportBlock::paragraph(QStringLiteral("No counted audit in the period."));
    else
        s.blocks << ReportBlock::bullets(c.report.scorecardVersions);
    return s;
}

} // namespace ql::report
