// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/chartdata.h"
#include "chart/chartspec.h"
#include "kpireport.h"

#include <QList>
#include <QString>

namespace ql {

// The funnel plot of a team ranking (analysis.md "Fair comparison of agents and teams"): each
// agent's QA score (a mean: x̄ ± z·s_w/√n with the pooled within-agent SD) or pass rate (exact
// binomial limits) against the team's, so that who is truly outside the expected range shows.
// Agents below the minimum sample count in the centre and φ but are not classified.
struct TeamFunnel
{
    enum class Measure : quint8 { QaScore, PassRate };

    Measure measure = Measure::QaScore;
    QStringList keys; // per unit, in ranking order (agents with at least one counted audit)
    stats::Funnel funnel;
    ChartSpec spec; // type funnel, for the chart library (render/)
    ChartData data;
    QString error; // empty when the funnel is valid

    // The status of an agent ("not classified" for one the funnel does not hold).
    stats::FunnelStatus statusOf(const QString &key) const;
};

TeamFunnel teamFunnel(const QList<RankedMember> &ranking, TeamFunnel::Measure measure, int minSample,
                      const QString &title);

} // namespace ql
