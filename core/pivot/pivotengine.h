// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cube.h"
#include "pivotagents.h"
#include "pivotresult.h"
#include "pivotspec.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace ql {

// The project settings a pivot depends on (read once, passed in, so a cube never needs rebuilding
// when they change).
struct PivotOptions
{
    PeriodDate periodDate = PeriodDate::Review;
    QStringList countedSampleTypes{QStringLiteral("random"), QStringLiteral("targeted")};
    // How `agent` and `agent_name` are labelled on the axes: an output's choice (ui.md "People in
    // outputs"). Filters and sort.at still name agents as the cube does (ids, names).
    PivotAgentDisplay agents;
    // When set, the field measures (sum, avg, min, max, median, pNN, stddev) of the audits and
    // answers sources read only the audits the KPIs count (official, scored, complete, of a counted
    // sample type), as qa_score does: a box plot of qa_score shows the audits its mean is made of.
    // Off for pivots, whose field measures read every fact that passes the filters.
    bool fieldsOfKpiAudits = false;

    static PivotOptions fromProject(const QSqlDatabase &db);
};

// Computes pivots over a cube (analysis.md "Pivot vocabulary"): one pass puts each fact that passes
// the filters under its finest cell (a dense array over dictionary codes when the cells are few, a
// flat hash otherwise); subtotals and totals are then merged from the finest cells when that equals
// adding their facts, and added from the facts again when it does not (a fact under several values
// of a multi-valued dimension counts once in a total). Sorting, top N, and "show as" follow. On the
// answers that first pass is fused with the measures and may run on several threads (pivotfused.h).
// Thread-safe: compute() only reads the cube.
class PivotEngine final
{
public:
    static std::optional<PivotResult> compute(const Cube &cube, const PivotSpec &spec, const PivotOptions &options,
                                              QString *error);
};

} // namespace ql
