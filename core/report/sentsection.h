// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivot/pivotspec.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace ql {

// An Insights analysis sent to a report as a section (issue 8, docs/reports.md "Sent sections"):
// its title and the analysis' parameters without the period, so that the report recomputes it for
// its own period (the same project and period give the same document).
struct SentSection
{
    enum class Analysis : quint8 { WhatChanged, Drivers, Pareto, Themes, Control, Funnel };

    Analysis analysis = Analysis::WhatChanged;
    QString title;              // as the section's heading and the Reports page's list show it
    QString kpi;                // what changed, control chart, funnel: the KPI ("csat_pct", "pass_rate")
    QString dimension;          // pareto: reason or root_cause; funnel: agent or team
    QString periodUnit;         // control chart: week or month
    bool auditorComments = false; // themes: auditors' comments (failed vs passed) instead of customers'
    QList<PivotFilter> filters; // the filter bar's queue, channel, team, site

    bool operator==(const SentSection &) const = default;

    // {"analysis": "what-changed", "title": …, "kpi": …, "dimension": …, "period": …, "comments": …,
    // "filters": {formats.md pivot filters}}: only the keys the analysis uses.
    QJsonObject toJson() const;
    // nullopt with *error naming the key and value when the object is not a sent section.
    static std::optional<SentSection> fromJson(const QJsonObject &object, QString *error);
    // A title for the analysis and its parameters: "What changed in CSAT % (queue = Billing)".
    QString defaultTitle() const;
};

QString sentAnalysisName(SentSection::Analysis analysis); // what-changed, drivers, pareto, themes, control-chart, funnel
std::optional<SentSection::Analysis> sentAnalysisFromName(const QString &name);

} // namespace ql
