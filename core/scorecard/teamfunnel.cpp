// SPDX-License-Identifier: GPL-3.0-or-later
#include "teamfunnel.h"

#include <QCoreApplication>
#include <QLocale>

namespace ql {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ql::TeamFunnel", text);
}

} // namespace

stats::FunnelStatus TeamFunnel::statusOf(const QString &key) const
{
    const qsizetype i = keys.indexOf(key);
    return i >= 0 && i < funnel.status.size() ? funnel.status.at(i) : stats::FunnelStatus::NotClassified;
}

TeamFunnel teamFunnel(const QList<RankedMember> &ranking, TeamFunnel::Measure measure, int minSample,
                      const QString &title)
{
    TeamFunnel out;
    out.measure = measure;
    const bool rate = measure == TeamFunnel::Measure::PassRate;
    QList<stats::FunnelUnit> units;
    ChartSeries series;
    series.name = rate ? tr("Pass rate") : tr("QA score");
    for (const RankedMember &m : ranking) {
        const KpiValue &k = rate ? m.passRate : m.qaScore;
        if (!k.value || k.n <= 0)
            continue;
        units << stats::FunnelUnit{m.name.isEmpty() ? m.key : m.name, *k.value, k.n, rate ? 0.0 : m.scoreSd};
        out.keys << m.key;
        out.data.categories << units.last().label;
        series.values << *k.value;
        series.n << k.n;
        out.data.facts += k.n;
    }
    out.funnel = rate ? stats::rateFunnel(units, true, minSample) : stats::meanFunnel(units, true, minSample);
    if (!out.funnel.valid) {
        out.error = out.funnel.note.isEmpty() ? tr("no agent with counted audits") : out.funnel.note;
        return out;
    }
    out.spec.type = ChartType::Funnel;
    out.spec.title = title;
    out.data.type = ChartType::Funnel;
    out.data.source = PivotSource::Audits;
    out.data.rowDimension = QStringLiteral("agent");
    out.data.displayCategories = out.data.categories;
    out.data.series << series;
    out.data.measures << chartMeasureInfo(rate ? QStringLiteral("pass_rate") : QStringLiteral("qa_score"),
                                          PivotSource::Audits);
    out.data.funnel = out.funnel;
    out.data.unitN = series.n;
    out.data.minSample = minSample;
    const QLocale c = QLocale::c();
    out.data.notes << (rate ? tr("limits: 95% and 99.8% (exact binomial)")
                            : tr("limits: 95% and 99.8% (pooled SD %1)").arg(c.toString(out.funnel.sw, 'f', 1)));
    out.data.notes << (out.funnel.widened
                           ? tr("overdispersion φ = %1: limits widened by √φ").arg(c.toString(out.funnel.phi, 'f', 2))
                           : tr("φ = %1").arg(c.toString(out.funnel.phi, 'f', 2)));
    return out;
}

} // namespace ql
