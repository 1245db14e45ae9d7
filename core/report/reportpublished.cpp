// SPDX-License-Identifier: GPL-3.0-or-later
// A report of a closed period shows the period as published (scoring.md "Closing a period";
// docs/reports.md "Closed periods"): the headline KPIs come from the period's snapshot, and the
// published numbers that today's data no longer gives are listed as restatements.
#include "quality/periodclose.h"
#include "reportparts.h"
#include "store/periodsnapshotstore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ql::report {

namespace {

std::optional<double> number(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

// A KPI object of cli.md's scorecard JSON (KpiJson::kpi) back into a KpiValue; what the JSON does
// not hold (lower is better, the interval's clipping, the note) is kept from today's value.
KpiValue published(const QJsonObject &o, const KpiValue &today)
{
    KpiValue k = today;
    k.value = number(o, "value");
    k.n = qint64(o.value(QStringLiteral("n")).toDouble());
    k.ciLow = number(o, "ci_low");
    k.ciHigh = number(o, "ci_high");
    k.previous = number(o, "previous");
    k.delta = number(o, "delta");
    k.deltaSignificant = o.value(QStringLiteral("delta_significant")).toBool();
    k.target = number(o, "target");
    const QString status = o.value(QStringLiteral("status")).toString();
    k.status = KpiValue::Status::None;
    for (const auto s : {KpiValue::Status::Good, KpiValue::Status::Watch, KpiValue::Status::Bad})
        if (status == KpiValue::statusName(s))
            k.status = s;
    k.smallSample = o.value(QStringLiteral("small_sample")).toBool();
    return k;
}

} // namespace

bool applyPublished(Context &c)
{
    const auto snapshot = PeriodSnapshotStore(c.db).load(c.period.label());
    if (!snapshot)
        return false;
    const QJsonObject root =
        QJsonDocument::fromJson(snapshot->kpisJson).object().value(QStringLiteral("kpis")).toObject();
    const QJsonObject kpis = root.value(QStringLiteral("kpis")).toObject();
    const QJsonObject families = root.value(QStringLiteral("critical_families")).toObject();
    Published p;
    p.closedAt = snapshot->closedAt.left(10);
    p.closedBy = snapshot->closedBy;
    if (kpis.isEmpty()) {
        // A snapshot without its KPIs (damaged): today's numbers, and the report says so.
        p.readable = false;
        c.published = p;
        return true;
    }
    KpiReport &r = c.report;
    const QList<std::pair<const char *, KpiValue *>> values{
        {"audits", &r.audits},       {"audits_total", &r.auditsTotal}, {"qa_score", &r.qaScore},
        {"raw_score", &r.rawScore},  {"pass_rate", &r.passRate},       {"critical_rate", &r.criticalRate},
        {"csat_pct", &r.csatPct},    {"csat_responses", &r.csatResponses}};
    for (const auto &[key, value] : values)
        if (kpis.contains(QLatin1String(key)))
            *value = published(kpis.value(QLatin1String(key)).toObject(), *value);
    const QList<std::pair<const char *, KpiValue *>> familyValues{
        {"customer", &r.criticalCustomer}, {"business", &r.criticalBusiness}, {"compliance", &r.criticalCompliance}};
    for (const auto &[key, value] : familyValues)
        if (families.contains(QLatin1String(key)))
            *value = published(families.value(QLatin1String(key)).toObject(), *value);
    for (const Restatement &x : PeriodClose::restatements(c.db, *snapshot))
        p.restatements << x.text();
    c.published = p;
    return true;
}

QList<ReportBlock> publishedBlocks(const Context &c)
{
    QList<ReportBlock> out;
    if (!c.published)
        return out;
    const Published &p = *c.published;
    if (!p.readable) {
        out << ReportBlock::note(QStringLiteral("%1 was closed on %2 by %3, but its snapshot has no readable KPIs: the "
                                                "numbers are today's.")
                                     .arg(c.period.label(), p.closedAt, p.closedBy));
        return out;
    }
    out << ReportBlock::note(QStringLiteral("%1 was closed on %2 by %3: the headline KPIs are the period as published "
                                            "then. The breakdowns, charts and lists are today's data.")
                                 .arg(c.period.label(), p.closedAt, p.closedBy));
    if (p.restatements.isEmpty())
        out << ReportBlock::note(QStringLiteral("No published number has changed since it was closed."));
    else
        out << ReportBlock::paragraph(QStringLiteral("Restated since it was closed (published → today's data):"))
            << ReportBlock::bullets(p.restatements);
    return out;
}

} // namespace ql::report
