// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cube.h"
#include "pivotengine.h"
#include "pivotresult.h"
#include "pivotspec.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

namespace ql {

// The facts behind one cell of a pivot (ui.md: every number that summarises records clicks through
// to them). A cell is turned into filters — the pivot's own, narrowed to the cell's members — so
// the same slice can be read from the cube (the drill-down table) or from the project file (its
// export, through ExportQuery, which takes the same filters).
//
// The facts are those `count` counts: every fact under the cell that passes the filters. KPI
// measures may use fewer of them (counted sample types, official and complete audits).
class PivotDrill final
{
public:
    // The facts of cell (row, column) of result as a spec with no axes: the result's filters and
    // date range, with an `in` filter on each member the row and column fix. A subtotal fixes fewer
    // members, the grand total none. An "(others)" row (top N) is its group without the members
    // the rows before it kept. Measures and totals are kept; sort and top are dropped.
    static PivotSpec cellSpec(const PivotResult &result, int row, int column);

    // The facts that pass spec's filters and date range, as rows of the cube, ascending. Axes are
    // ignored (use cellSpec). std::nullopt with *error for an unknown dimension, or when cancelled.
    static std::optional<std::vector<std::int32_t>> factRows(const Cube &cube, const PivotSpec &spec,
                                                             const PivotOptions &options,
                                                             const std::atomic_bool *cancel, QString *error);

    // Audits and csat: the database id of each fact row (audits.id, csat_responses.id).
    static std::vector<std::int64_t> factIds(const Cube &cube, const std::vector<std::int32_t> &rows);

    // Answers: which audit and criterion each fact row is (the answers cube keeps no answer ids;
    // an audit has one answer per criterion, so the pair finds it: AnswerIds::find).
    struct AnswerKey
    {
        std::int64_t auditId = 0;
        QString criterion; // the criterion's key
    };
    static std::vector<AnswerKey> answerKeys(const Cube &cube, const std::vector<std::int32_t> &rows);
};

} // namespace ql
