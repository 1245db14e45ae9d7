// SPDX-License-Identifier: GPL-3.0-or-later
// The Monthly Quality Report and the Monthly Business Review (docs/reports.md).
#include "chart/pareto.h"
#include "reportparts.h"
#include "stats/funnel.h"
#include "store/projectsettings.h"
#include "store/reportqueries.h"

#include <QLocale>

#include <algorithm>

namespace ql::report {

namespace {

// What a control chart says about its points, for people.
QString signalText(const ReportChart &chart)
{
    const ChartData &d = chart.data;
    QList<stats::ControlSignal> signals;
    bool provisional = false;
    bool laney = false;
    if (d.pChart && d.pChart->valid) {
        signals = d.pChart->signals;
        provisional = d.pChart->provisional;
        laney = d.pChart->laney;
    } else if (d.xmr && d.xmr->valid) {
        signals = d.xmr->signals;
        provisional = d.xmr->provisional;
    } else {
        return QStringLiteral("Too few months to compute control limits.");
    }
    QStringList parts;
    for (const stats::ControlSignal &s : std::as_const(signals)) {
        const QString from = d.displayCategories.value(s.first);
        const QString to = d.displayCategories.value(s.last);
        const QString where = s.first == s.last ? from : from + QStringLiteral("–") + to;
        const bool trend = s.rule == stats::SignalRule::TrendOfSix;
        const QString side = trend ? (s.high ? QStringLiteral("rising") : QStringLiteral("falling"))
                                   : (s.high ? QStringLiteral("high") : QStringLiteral("low"));
        parts << QStringLiteral("%1, %2 (%3)").arg(stats::signalRuleName(s.rule), side, where);
    }
    QString text = parts.isEmpty() ? QStringLiteral("No special-cause signal: the months vary within their control limits.")
                                   : QStringLiteral("Signals: %1.").arg(parts.join(QStringLiteral("; ")));
    if (laney)
        text += QStringLiteral(" Limits widened for overdispersion (Laney p′).");
    if (provisional)
        text += QStringLiteral(" Limits are provisional (fewer than 8 months).");
    return text;
}

void addTrend(const Context &c, ReportSection &s, ChartType type, const QString &measure, const QString &title,
              PivotSource source)
{
    QString why;
    bool ok = false;
    ReportChart chart = trendSpecChart(c, type, measure, title, source, &why, &ok);
    if (!ok) {
        s.blocks << ReportBlock::note(QStringLiteral("%1: no chart (%2).").arg(title, why));
        return;
    }
    s.blocks << ReportBlock::chartBlock(chart) << ReportBlock::note(signalText(chart));
}

ReportSection headline(const Context &c)
{
    ReportSection s;
    s.key = QStringLiteral("headline");
    s.title = QStringLiteral("Headline KPIs");
    const KpiReport &r = c.report;
    QStringList lines;
    const ReportKpi qa = headlineKpis(r).at(0);
    const ReportKpi pass = headlineKpis(r).at(1);
    QString lead = QStringLiteral("In %1 the QA score was %2").arg(periodTitle(c.period), formatReportValue(qa, r.qaScore.value));
    if (r.qaScore.previous)
        lead += QStringLiteral(" (%1 on %2)").arg(formatReportDelta(qa), formatReportValue(qa, r.qaScore.previous));
    lead += QStringLiteral(" and %1 of the %2 counted audits passed").arg(formatReportValue(pass, r.passRate.value), count(r.audits.n));
    if (r.passRate.target)
        lead += QStringLiteral(" against a target of %1").arg(formatReportValue(pass, r.passRate.target));
    lead += QLatin1Char('.');
    s.blocks << ReportBlock::paragraph(lead) << ReportBlock::kpiTable(headlineKpis(r));
    s.blocks << ReportBlock::note(QStringLiteral(
        "Δ is the change from %1 in points; * marks a change unlikely to be chance (p < 0.05). Intervals are 95%; "
        "small samples (fewer than %2 audits or %3 responses) are shown but not judged.")
                                      .arg(periodTitle(c.period.previous()))
                                      .arg(c.minAudits)
                                      .arg(c.minResponses));
    s.blocks << publishedBlocks(c); // a closed period: as published, and what was restated since
    return s;
}

ReportSection trends(const Context &c)
{
    ReportSection s;
    s.key = QStringLiteral("trends");
    s.title = QStringLiteral("12-month trends");
    s.newPage = true;
    s.fitOnePage = true; // the three control charts on one page
    addTrend(c, s, ChartType::Xmr, QStringLiteral("qa_score"), QStringLiteral("QA score"), PivotSource::Audits);
    addTrend(c, s, ChartType::PChart, QStringLiteral("pass_rate"), QStringLiteral("Pass rate"), PivotSource::Audits);
    if (c.report.csatResponses.n > 0)
        addTrend(c, s, ChartType::PChart, QStringLiteral("csat_pct"), QStringLiteral("CSAT"), PivotSource::Csat);
    return s;
}

ReportSection breakdown(const Context &c)
{
    ReportSection s;
    s.key = QStringLiteral("breakdown");
    s.title = QStringLiteral("Breakdown by queue, channel, team and site");
    s.newPage = true;
    const QStringList measures{QStringLiteral("count"), QStringLiteral("qa_score"), QStringLiteral("pass_rate"),
                               QStringLiteral("critical_rate")};
    const QList<QPair<QString, QString>> dims{{QStringLiteral("queue"), QStringLiteral("Queue")},
                                              {QStringLiteral("channel"), QStringLiteral("Channel")},
                                              {QStringLiteral("team"), QStringLiteral("Team")},
                                              {QStringLiteral("site"), QStringLiteral("Site")}};
    for (const auto &[dim, label] : dims) {
        QString error;
        const auto pivot = periodPivot(c, PivotSource::Audits, dim, measures, &error);
        if (!pivot) {
            s.blocks << ReportBlock::heading(label) << ReportBlock::note(QStringLiteral("Not available: %1.").arg(error));
            continue;
        }
        ReportTable t;
        t.header = {label, QStringLiteral("Audits"), QStringLiteral("QA score"), QStringLiteral("Pass rate"),
                    QStringLiteral("Critical rate")};
        t.numeric = {false, true, true, true, true};
        t.widths = {3, 1, 1, 1, 1};
        bool small = false;
        for (int row = 0; row < pivot->rowCount(); ++row) {
            if (pivot->row(row).isTotal(1))
                continue;
            const auto n = pivot->value(row, 0, 0);
            const qint64 audits = n ? qint64(std::llround(n->value)) : 0;
            QStringList cells{pivot->row(row).labels.value(0)};
            cells << count(audits);
            const auto qa = pivot->value(row, 0, 1);
            const auto pr = pivot->value(row, 0, 2);
            const auto cr = pivot->value(row, 0, 3);
            const bool isSmall = audits < c.minAudits;
            small = small || isSmall;
            const QString mark = isSmall ? QStringLiteral(" †") : QString();
            cells << (qa ? number(qa->value, 1) + mark : QStringLiteral("–"));
            cells << (pr ? percent(pr->value) + mark : QStringLiteral("–"));
            cells << (cr ? percent(cr->value) + mark : QStringLiteral("–"));
            t.rows << cells;
        }
        if (t.rows.isEmpty())
            continue;
        s.blocks << ReportBlock::heading(label) << ReportBlock::tableBlock(t);
        if (small)
            s.blocks << ReportBlock::note(QStringLiteral("† fewer than %1 audits: read with care.").arg(c.minAudits));
    }
    return s;
}

ReportSection defects(const Context &c)
{
    ReportSection s;
    s.key = QStringLiteral("defects");
    s.title = QStringLiteral("Top defects");
    const AnswerFailures failures = answerFailures(c);
    if (!failures.read) {
        s.blocks << ReportBlock::paragraph(QStringLiteral("Not analysed: %1.")
                                               .arg(c.answersError.isEmpty() ? QStringLiteral("the answers could not be read")
                                                                             : c.answersError));
        return s;
    }
    // Failed answers per criterion (rated answers below the criterion's pass level), criteria by name.
    QList<ParetoItem> items;
    for (const CriterionFailures &k : failures.criteria)
        if (k.failed > 0)
            items << ParetoItem{k.name, double(k.failed), k.rated};
    if (items.isEmpty()) {
        s.blocks << ReportBlock::paragraph(QStringLiteral("No criterion failed in %1.").arg(periodTitle(c.period)));
    } else {
        const Pareto pareto = paretoOf(items);
        ReportChart chart;
        chart.spec.type = ChartType::Pareto;
        chart.spec.title = QStringLiteral("Failed criteria");
        chart.spec.subtitle = QStringLiteral("Failed answers in %1; the vital few reach 80%").arg(periodTitle(c.period));
        chart.spec.theme = QStringLiteral("light");
        chart.spec.footnote = false;
        chart.spec.pivot.rows = {QStringLiteral("criterion")};
        chart.spec.pivot.measures = {QStringLiteral("count")};
        chart.data.type = ChartType::Pareto;
        chart.data.source = PivotSource::Answers;
        chart.data.rowDimension = QStringLiteral("criterion");
        chart.data.pareto = pareto;
        for (const ParetoItem &i : pareto.items) {
            chart.data.categories << i.label;
            chart.data.displayCategories << i.label;
        }
        ChartMeasureInfo info;
        info.spelling = QStringLiteral("count");
        info.label = QStringLiteral("Failed answers");
        info.unit = ValueUnit::Count;
        info.higherIsBetter = false;
        chart.data.measures = {info};
        chart.data.minSample = 0;
        chart.aspect = 0.6;
        s.blocks << ReportBlock::chartBlock(chart);

        ReportTable t;
        t.header = {QStringLiteral("Criterion"), QStringLiteral("Failed"), QStringLiteral("Rated"),
                    QStringLiteral("Share"), QStringLiteral("Cumulative")};
        t.numeric = {false, true, true, true, true};
        t.widths = {3, 1, 1, 1, 1};
        for (int i = 0; i < pareto.items.size() && i < 10; ++i)
            t.rows << QStringList{pareto.items[i].label, count(qint64(pareto.items[i].value)), count(pareto.items[i].n),
                                  percent(pareto.share[i]), percent(pareto.cumulative[i])};
        s.blocks << ReportBlock::tableBlock(t);
    }
    s.blocks << ReportBlock::heading(QStringLiteral("Root causes"));
    if (failures.rootCauses.isEmpty()) {
        s.blocks << ReportBlock::paragraph(QStringLiteral("No root cause was recorded on failed answers in %1.").arg(periodTitle(c.period)));
    } else {
        qint64 total = 0;
        for (const RootCauseCount &rc : failures.rootCauses)
            total += rc.answers;
        ReportTable t;
        t.header = {QStringLiteral("Root cause"), QStringLiteral("Answers"), QStringLiteral("Share")};
        t.numeric = {false, true, true};
        t.widths = {4, 1, 1};
        for (const RootCauseCount &rc : failures.rootCauses)
            t.rows << QStringList{rc.name, count(rc.answers), percent(100.0 * double(rc.answers) / double(total))};
        s.blocks << ReportBlock::tableBlock(t);
    }
    return s;
}

ReportSection criticalErrors(const Context &c)
{
    ReportSection s;
    s.key = QStringLiteral("critical");
    s.title = QStringLiteral("Critical errors");
    const ProjectSettings settings(c.db);
    const ReportQueries queries(c.db, settings.periodDate());
    const QList<ReportQueries::CriticalAudit> critical =
        queries.criticalAudits(c.period.from, c.period.to, settings.countedSampleTypes());
    if (critical.isEmpty()) {
        s.blocks << ReportBlock::paragraph(QStringLiteral("No counted audit failed a critical criterion in %1.").arg(periodTitle(c.period)));
        return s;
    }
    const int shown = int(std::min<qsizetype>(critical.size(), 25));
    s.blocks << ReportBlock::paragraph(
        QStringLiteral("%1 counted audits failed a critical criterion (%2 customer, %3 business, %4 compliance; an audit can fail several families).")
            .arg(count(critical.size()), count(c.report.criticalCustomer.n > 0 ? qint64(std::llround(c.report.criticalCustomer.value.value_or(0) * double(c.report.criticalCustomer.n) / 100.0)) : 0),
                 count(qint64(std::llround(c.report.criticalBusiness.value.value_or(0) * double(c.report.criticalBusiness.n) / 100.0))),
                 count(qint64(std::llround(c.report.criticalCompliance.value.value_or(0) * double(c.report.criticalCompliance.n) / 100.0)))));
    // Which critical criteria failed: what a director acts on, before the audits themselves.
    const auto byCriterion = queries.criticalByCriterion(c.period.from, c.period.to, settings.countedSampleTypes());
    if (!byCriterion.isEmpty()) {
        ReportTable k;
        k.header = {QStringLiteral("Critical criterion failed"), QStringLiteral("Family"), QStringLiteral("Audits")};
        k.numeric = {false, false, true};
        k.widths = {4, 1.4, 1};
        for (const auto &row : byCriterion)
            k.rows << QStringList{row.criterion, row.family, count(row.audits)};
        s.blocks << ReportBlock::tableBlock(k);
    }
    s.blocks << ReportBlock::heading(QStringLiteral("The audits"));
    ReportTable t;
    t.header = {QStringLiteral("Date"), QStringLiteral("Ticket"), QStringLiteral("Agent"), QStringLiteral("Auditor"),
                QStringLiteral("Score")};
    t.numeric = {false, false, false, false, true};
    t.widths = {1.1, 1.4, 1.8, 1.8, 0.8};
    for (int i = 0; i < shown; ++i) {
        const ReportQueries::CriticalAudit &r = critical[i];
        t.rows << QStringList{r.date.toString(Qt::ISODate), r.ticketId, c.agent(r.agentKey, r.agentName), r.auditor,
                              r.score ? number(*r.score, 1) : QStringLiteral("–")};
    }
    s.blocks << ReportBlock::tableBlock(t);
    if (critical.size() > shown)
        s.blocks << ReportBlock::note(QStringLiteral("The first %1 of %2 by date; the Data page lists them all (filter: critical fail).")
                                          .arg(shown)
                                          .arg(critical.size()));
    return s;
}

ReportSection csatSection(const Context &c)
{
    ReportSection s;
    s.key = QStringLiteral("csat");
    s.title = QStringLiteral("CSAT by queue and channel");
    if (c.report.csatResponses.n <= 0) {
        s.blocks << ReportBlock::paragraph(QStringLiteral("No CSAT responses were received in %1.").arg(periodTitle(c.period)));
        return s;
    }
    for (const auto &[dim, label] : QList<QPair<QString, QString>>{{QStringLiteral("queue"), QStringLiteral("Queue")},
                                                                   {QStringLiteral("channel"), QStringLiteral("Channel")}}) {
        QString error;
        const auto pivot = periodPivot(c, PivotSource::Csat, dim, {QStringLiteral("count"), QStringLiteral("csat_pct")}, &error);
        if (!pivot)
            continue;
        ReportTable t;
        t.header = {label, QStringLiteral("Responses"), QStringLiteral("CSAT")};
        t.numeric = {false, true, true};
        t.widths = {3, 1, 1};
        for (int row = 0; row < pivot->rowCount(); ++row) {
            if (pivot->row(row).isTotal(1))
                continue;
            const auto n = pivot->value(row, 0, 0);
            const auto pct = pivot->value(row, 0, 1);
            const qint64 responses = n ? qint64(std::llround(n->value)) : 0;
            t.rows << QStringList{pivot->row(row).labels.value(0), count(responses),
                                  pct ? percent(pct->value) + (responses < c.minResponses ? QStringLiteral(" †") : QString())
                                      : QStringLiteral("–")};
        }
        s.blocks << ReportBlock::heading(label) << ReportBlock::tableBlock(t);
    }
    s.blocks << ReportBlock::note(QStringLiteral("CSAT % is the share of responses at the satisfied level; † fewer than %1 responses.")
                                      .arg(c.minResponses));
    return s;
}

ReportSection whatChanged(const Context &c)
{
    ReportSection s;
    s.key = QStringLiteral("rca");
    s.title = QStringLiteral("What changed and why");
    const QStringList sentences = rcaSentences(c);
    if (sentences.isEmpty())
        s.blocks << ReportBlock::paragraph(QStringLiteral("There is no previous period to compare %1 with.").arg(periodTitle(c.period)));
    else
        s.blocks << ReportBlock::bullets(sentences);
    return s;
}

ReportSection attention(const Context &c)
{
    ReportSection s;
    s.key = QStringLiteral("attention");
    s.title = QStringLiteral("Agents needing attention");
    const QList<RankedMember> members = c.engine->ranking({KpiSlice::Kind::All, {}}, c.period);
    QList<stats::FunnelUnit> units;
    for (const RankedMember &m : members)
        if (m.passRate.value && m.passRate.n > 0)
            units << stats::FunnelUnit{m.key, *m.passRate.value, m.passRate.n, 0};
    const stats::Funnel funnel = stats::rateFunnel(units, true, c.minAudits);
    ReportTable t;
    t.header = {QStringLiteral("Agent"), QStringLiteral("Audits"), QStringLiteral("Pass rate"), QStringLiteral("QA score"),
                QStringLiteral("Status")};
    t.numeric = {false, true, true, true, false};
    t.widths = {2.4, 1, 1, 1, 1.4};
    int notClassified = 0;
    int attentionRows = 0; // "needs attention" rows first, then "to watch", each in ranking order
    for (int i = 0; i < units.size(); ++i) {
        const stats::FunnelStatus st = funnel.status.value(i, stats::FunnelStatus::NotClassified);
        if (st == stats::FunnelStatus::NotClassified)
            ++notClassified;
        if (st != stats::FunnelStatus::NeedsAttention && st != stats::FunnelStatus::ToWatch)
            continue;
        const auto it = std::find_if(members.begin(), members.end(), [&](const RankedMember &m) { return m.key == units[i].label; });
        const int at = st == stats::FunnelStatus::NeedsAttention ? attentionRows++ : int(t.rows.size());
        t.rows.insert(at, QStringList{c.agent(it->key, it->name), count(units[i].n), percent(units[i].value),
                              it->qaScore.value ? number(*it->qaScore.value, 1) : QStringLiteral("–"),
                              stats::funnelStatusName(st)});
        t.tones.insert(at, QList<ReportTone>{ReportTone::None, ReportTone::None,
                                     st == stats::FunnelStatus::NeedsAttention ? ReportTone::Bad : ReportTone::Watch,
                                     ReportTone::None, st == stats::FunnelStatus::NeedsAttention ? ReportTone::Bad : ReportTone::Watch});
    }
    if (!funnel.valid) {
        s.blocks << ReportBlock::paragraph(QStringLiteral("No funnel could be drawn: %1").arg(funnel.note));
        return s;
    }
    QString intro = QStringLiteral("Pass rates of %1 agents compared on a funnel around the centre line of %2 "
                                   "(Spiegelhalter): outside the 99.8% limit needs attention, between 95% and 99.8% is to watch.")
                        .arg(units.size())
                        .arg(percent(funnel.centre));
    if (funnel.widened)
        intro += QStringLiteral(" Limits are widened for overdispersion (φ = %1).").arg(number(funnel.phi, 2));
    s.blocks << ReportBlock::paragraph(intro);
    if (t.rows.isEmpty())
        s.blocks << ReportBlock::paragraph(QStringLiteral("No agent is outside the limits on the bad side."));
    else
        s.blocks << ReportBlock::tableBlock(t);
    if (notClassified > 0)
        s.blocks << ReportBlock::note(QStringLiteral("%1 agent%2 with fewer than %3 audits %4 not classified.")
                                          .arg(notClassified)
                                          .arg(notClassified == 1 ? QString() : QStringLiteral("s"))
                                          .arg(c.minAudits)
                                          .arg(notClassified == 1 ? QStringLiteral("is") : QStringLiteral("are")));
    return s;
}

ReportSection commentary(const Context &c)
{
    ReportSection s;
    s.key = QStringLiteral("commentary");
    s.title = QStringLiteral("Analyst commentary");
    const QStringList paragraphs = c.notes.commentary.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
    for (const QString &p : paragraphs)
        if (!p.trimmed().isEmpty())
            s.blocks << ReportBlock::paragraph(p.trimmed());
    if (s.blocks.isEmpty())
        s.blocks << ReportBlock::note(QStringLiteral("No commentary has been written for %1.").arg(periodTitle(c.period)));
    return s;
}

ReportSection actions(const Context &c, bool newPage)
{
    ReportSection s;
    s.key = QStringLiteral("actions");
    s.title = QStringLiteral("Actions");
    s.newPage = newPage;
    if (c.notes.actions.isEmpty())
        s.blocks << ReportBlock::note(QStringLiteral("No action items have been recorded for %1.").arg(periodTitle(c.period)));
    else
        s.blocks << ReportBlock::bullets(c.notes.actions);
    return s;
}

} // namespace

void buildMonthly(Context &c, ReportDocument &doc)
{
    doc.sections << headline(c);
    if (c.stop())
        return;
    doc.sections << whatChanged(c) << trends(c);
    if (c.stop())
        return;
    doc.sections << breakdown(c) << defects(c) << criticalErrors(c) << csatSection(c);
    if (c.stop())
        return;
    doc.sections << csatDrivers(c);
    if (c.stop())
        return;
    // The analyst's part stays together, and the appendix follows it when a third of the page is left.
    ReportSection notes = commentary(c);
    notes.keepWithNext = true;
    ReportSection appendix = dataQualityAppendix(c);
    appendix.newPage = false;
    appendix.minRoom = 1.0 / 3.0;
    doc.sections << calibrationHealth(c) << attention(c) << notes << actions(c, false) << appendix;
}

void buildMbr(Context &c, ReportDocument &doc)
{
    ReportSection head = headline(c);
    head.title = QStringLiteral("At a glance");
    // The MBR's headline page: the sentence and the KPI table against targets, then what changed.
    head.blocks << ReportBlock::heading(QStringLiteral("What changed and why")) << whatChanged(c).blocks;
    doc.sections << head;
    if (c.stop())
        return;
    ReportSection charts;
    charts.key = QStringLiteral("charts");
    charts.title = QStringLiteral("Trends and defects");
    charts.newPage = true;
    charts.fitOnePage = true; // exactly three charts on the page: they shrink rather than spill over
    addTrend(c, charts, ChartType::Xmr, QStringLiteral("qa_score"), QStringLiteral("QA score"), PivotSource::Audits);
    addTrend(c, charts, ChartType::PChart, QStringLiteral("pass_rate"), QStringLiteral("Pass rate"), PivotSource::Audits);
    const ReportSection d = defects(c);
    for (const ReportBlock &b : d.blocks)
        if (b.kind == ReportBlock::Kind::Chart) {
            charts.blocks << b;
            break;
        }
    doc.sections << charts << actions(c, true) << commentary(c);
}

} // namespace ql::report
