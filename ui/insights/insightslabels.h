// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "insightsdata.h"

#include <QHash>

namespace ql {

// What the Insights charts say about their categories beyond the pivot's labels: which causes are
// new, and who an agent is.
class InsightsLabels final
{
public:
    InsightsLabels() = delete;

    // Tags the chart's categories that the Pareto marks new ("new": absent in each of the three
    // periods before, analysis.md "Pareto") and says so in the footnote.
    static void markNew(InsightsChart &chart, const rca::Pareto &pareto);

    // Each agent (by id) as the project shows people in outputs (ui.md "People in outputs", the
    // name_display setting): the name (the id when it has none), the id, or the project's stable
    // pseudonym. std::nullopt with *error when the pseudonyms cannot be made.
    static std::optional<QHash<QString, QString>> agentLabels(const QSqlDatabase &db, const Cube &audits,
                                                              const PivotOptions &options, QString *error);

    // The funnel's units shown by those labels (its categories keep the ids).
    static void nameUnits(InsightsChart &chart, const QHash<QString, QString> &labels);
};

} // namespace ql
