// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kpiperiod.h"
#include "store/kpiqueries.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ql {

// One KPI of a scorecard, as cli.md's KPI object: value, n, 95% interval, previous period, delta
// in points, whether the delta is significant, target, status and the small-sample flag. Rates
// are in percent.
struct KpiValue
{
    enum class Status : quint8 { None, Good, Watch, Bad };

    std::optional<double> value;
    qint64 n = 0;
    std::optional<double> ciLow;
    std::optional<double> ciHigh;
    bool clipped = false;
    QString note; // why there is no value or no interval
    std::optional<double> previous;
    std::optional<double> delta;
    bool deltaSignificant = false;
    std::optional<double> target;
    Status status = Status::None;
    bool smallSample = false;
    bool lowerIsBetter = false;

    static QString statusName(Status status); // good, watch, bad, or empty for None
};

struct CriterionKpi
{
    QString key;
    QString name;
    QString scorecard;
    QList<int> versions;
    KpiValue compliance;        // 100 × mean c over rated answers
    KpiValue criterionPassRate; // rated answers with c ≥ pass level
    KpiValue naRate;
    std::optional<double> teamCompliance;       // the agent's team (agent slices)
    std::optional<double> populationCompliance; // every counted audit of the period
    std::optional<double> gap; // compliance − team (agent slices) or − population (others), points
    std::optional<double> gapSe; // its standard error in points (criteriongap.h)
    std::optional<double> gapZ;  // gap / SE, the breakdown's order
    std::optional<double> populationGap; // agent slices: compliance − population, points
    std::optional<double> populationGapSe;
};

// An agent of a team ranking, or an auditor of the auditor view.
struct RankedMember
{
    QString key;
    QString name;
    KpiValue qaScore;
    KpiValue passRate;
    KpiValue rawScore;
    qint64 auditsTotal = 0;
    double scoreSd = 0; // sample standard deviation of the QA score (the funnel's pooled SD)
    int rank = 0; // 1-based among members with enough audits; 0 for a small sample (listed apart)
};

struct KpiReport
{
    KpiSlice slice;
    QString name;
    QString team; // an agent's team on the period's last audit (targets and comparisons)
    KpiPeriod period;
    KpiPeriod previousPeriod;
    KpiValue audits;
    KpiValue auditsTotal;
    KpiValue qaScore;
    KpiValue rawScore;
    KpiValue passRate;
    KpiValue criticalRate;
    KpiValue csatPct;
    KpiValue csatResponses;
    KpiValue criticalCustomer; // critical error rate per COPC family
    KpiValue criticalBusiness;
    KpiValue criticalCompliance;
    QList<CriterionKpi> criteria; // largest |gap| / SE first, small samples after (criteriongap.h)
    QList<RootCauseCount> rootCauses;
    QStringList scorecardVersions;
    int minSampleAudits = 10;
    int minSampleResponses = 20;
};

} // namespace ql
