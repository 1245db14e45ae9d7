// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditorleniency.h"
#include "kpireport.h"

#include <QSqlDatabase>

namespace ql {

// The KPIs of scoring.md for a slice and period, each with its interval (t for means, Wilson for
// rates), the previous period and its delta (two-proportion z-test or Welch's t), the target and
// status, and the small-sample flag; the criterion breakdown; a team's ranking; the auditor view;
// a trend. Plain values out; the SQL is KpiQueries'.
class KpiEngine final
{
public:
    explicit KpiEngine(const QSqlDatabase &db);

    KpiReport report(const KpiSlice &slice, const KpiPeriod &period) const;
    // report() without the criterion breakdown and root causes (criteria and rootCauses stay empty):
    // the headline KPIs alone, for the dashboard (the breakdown reads every answer of the period).
    KpiReport headline(const KpiSlice &slice, const KpiPeriod &period) const;
    // The agents of a team (or any slice), ranked by QA score; small samples last, unranked.
    QList<RankedMember> ranking(const KpiSlice &slice, const KpiPeriod &period) const;
    // Audits given and mean score given per auditor, over the slice's audits.
    QList<RankedMember> auditors(const KpiSlice &slice, const KpiPeriod &period) const;
    // Each auditor's leniency against the other auditors of the same agents (calibration.md).
    QList<AuditorLeniency> leniency(const KpiSlice &slice, const KpiPeriod &period) const;
    // QA score and pass rate of the `count` periods ending with `period`, oldest first.
    struct TrendPoint
    {
        KpiPeriod period;
        KpiValue qaScore;
        KpiValue passRate;
        std::optional<double> target;
    };
    QList<TrendPoint> trend(const KpiSlice &slice, const KpiPeriod &period, int count = 12) const;

    const KpiQueries &queries() const { return m_queries; }
    // The shared filter bar's choices: every number from here on is of the facts they keep.
    void setFilters(const KpiFilters &filters) { m_queries.setFilters(filters); }

    // The audit KPIs of a set of sums computed elsewhere (a what-if re-score): audits, QA score,
    // raw score, pass rate and the critical error rates, each with its interval and small-sample
    // flag, by the same rules as headline(); no previous period, no target, no CSAT.
    static KpiReport fromSums(const AuditSums &sums, int minSampleAudits);
    int minSampleAudits() const { return m_minAudits; }

private:
    QSqlDatabase m_db;
    KpiQueries m_queries;
    int m_minAudits;
    int m_minResponses;
};

} // namespace ql
