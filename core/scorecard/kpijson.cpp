// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpijson.h"

#include "scoring/scorerounding.h"

#include <QJsonArray>

#include <cmath>

namespace ql {

namespace {

QJsonValue number(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QString level(const std::optional<double> &v)
{
    return v ? formatScoreForDisplay(*v) : QStringLiteral("—");
}

} // namespace

QJsonObject KpiJson::kpi(const KpiValue &k)
{
    const QString status = KpiValue::statusName(k.status);
    return QJsonObject{{QStringLiteral("value"), number(k.value)},
                       {QStringLiteral("n"), k.n},
                       {QStringLiteral("ci_low"), number(k.ciLow)},
                       {QStringLiteral("ci_high"), number(k.ciHigh)},
                       {QStringLiteral("previous"), number(k.previous)},
                       {QStringLiteral("delta"), number(k.delta)},
                       {QStringLiteral("delta_significant"), k.delta ? QJsonValue(k.deltaSignificant) : QJsonValue()},
                       {QStringLiteral("target"), number(k.target)},
                       {QStringLiteral("status"), status.isEmpty() ? QJsonValue() : QJsonValue(status)},
                       {QStringLiteral("small_sample"), k.smallSample}};
}

QJsonObject KpiJson::report(const KpiReport &r)
{
    QJsonArray criteria;
    for (const CriterionKpi &c : r.criteria) {
        QJsonValue version;
        if (c.versions.size() == 1) {
            version = c.versions.first();
        } else {
            QJsonArray list;
            for (int v : c.versions)
                list.append(v);
            version = list;
        }
        criteria.append(QJsonObject{{QStringLiteral("key"), c.key},
                                    {QStringLiteral("scorecard"), c.scorecard},
                                    {QStringLiteral("scorecard_version"), version},
                                    {QStringLiteral("compliance"), kpi(c.compliance)},
                                    {QStringLiteral("criterion_pass_rate"), kpi(c.criterionPassRate)},
                                    {QStringLiteral("na_rate"), kpi(c.naRate)},
                                    // The breakdown's order (criteriongap.h); z is null when infinite (SE 0).
                                    {QStringLiteral("gap"), number(c.gap)},
                                    {QStringLiteral("gap_se"), number(c.gapSe)},
                                    {QStringLiteral("gap_z"), c.gapZ && std::isfinite(*c.gapZ) ? QJsonValue(*c.gapZ)
                                                                                               : QJsonValue()}});
    }
    return QJsonObject{
        {QStringLiteral("slice"), QJsonObject{{QStringLiteral("kind"), KpiSlice::kindName(r.slice.kind)},
                                              {QStringLiteral("id"), r.slice.id},
                                              {QStringLiteral("name"), r.name}}},
        {QStringLiteral("period"), r.period.label()},
        {QStringLiteral("previous_period"), r.previousPeriod.label()},
        {QStringLiteral("kpis"), QJsonObject{{QStringLiteral("audits"), kpi(r.audits)},
                                             {QStringLiteral("audits_total"), kpi(r.auditsTotal)},
                                             {QStringLiteral("qa_score"), kpi(r.qaScore)},
                                             {QStringLiteral("raw_score"), kpi(r.rawScore)},
                                             {QStringLiteral("pass_rate"), kpi(r.passRate)},
                                             {QStringLiteral("critical_rate"), kpi(r.criticalRate)},
                                             {QStringLiteral("csat_pct"), kpi(r.csatPct)},
                                             {QStringLiteral("csat_responses"), kpi(r.csatResponses)}}},
        {QStringLiteral("critical_families"), QJsonObject{{QStringLiteral("customer"), kpi(r.criticalCustomer)},
                                                          {QStringLiteral("business"), kpi(r.criticalBusiness)},
                                                          {QStringLiteral("compliance"), kpi(r.criticalCompliance)}}},
        {QStringLiteral("criteria"), criteria},
        {QStringLiteral("scorecard_versions"), QJsonArray::fromStringList(r.scorecardVersions)}};
}

QString KpiJson::text(const KpiReport &r)
{
    QString out = QStringLiteral("%1 %2 (%3) · %4, previous %5\n")
                      .arg(KpiSlice::kindName(r.slice.kind), r.slice.id, r.name, r.period.label(),
                           r.previousPeriod.label());
    const QList<std::pair<QString, const KpiValue *>> rows{
        {QStringLiteral("audits"), &r.audits},           {QStringLiteral("audits_total"), &r.auditsTotal},
        {QStringLiteral("qa_score"), &r.qaScore},        {QStringLiteral("raw_score"), &r.rawScore},
        {QStringLiteral("pass_rate"), &r.passRate},      {QStringLiteral("critical_rate"), &r.criticalRate},
        {QStringLiteral("csat_pct"), &r.csatPct},        {QStringLiteral("csat_responses"), &r.csatResponses}};
    for (const auto &[name, k] : rows) {
        const bool count = name == QLatin1String("audits") || name == QLatin1String("audits_total") ||
                           name == QLatin1String("csat_responses");
        const QString value = count ? QString::number(qint64(k->value.value_or(0))) : level(k->value);
        QString line = QStringLiteral("%1  %2").arg(name.leftJustified(15), value.rightJustified(6));
        if (k->ciLow && k->ciHigh)
            line += QStringLiteral("  [%1, %2]").arg(level(k->ciLow), level(k->ciHigh));
        line += QStringLiteral("  n=%1").arg(k->n);
        if (k->delta)
            line += QStringLiteral("  delta %1%2")
                        .arg(*k->delta >= 0 ? QStringLiteral("+") : QString(),
                             count ? QString::number(qint64(*k->delta)) : level(k->delta)) +
                    (k->deltaSignificant ? QStringLiteral(" (significant)") : QString());
        if (k->target)
            line += QStringLiteral("  target %1").arg(level(k->target));
        if (k->status != KpiValue::Status::None)
            line += QStringLiteral("  ") + KpiValue::statusName(k->status);
        if (k->smallSample)
            line += QStringLiteral("  small sample");
        out += line + QLatin1Char('\n');
    }
    if (r.scorecardVersions.size() > 1)
        out += QStringLiteral("%1 scorecard versions in this period\n").arg(r.scorecardVersions.size());
    return out;
}

} // namespace ql
