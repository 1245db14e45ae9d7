// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How each measure of the vocabulary reads a cube (internal to the engine): which accumulator, fed
// by which columns, with which KPI rule (scoring.md) applied per fact.

#include "pivotaccumulators.h"
#include "pivotmeasure.h"

#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace ql::pivot {

struct MeasureContext
{
    const Cube *cube = nullptr;
    PeriodDate periodDate = PeriodDate::Review;
    // KPI eligibility per audit: an official, scored, complete audit of a counted sample type (an
    // answer reads its audit's, through the parent rows). Filled on first use.
    std::vector<std::uint8_t> eligible;
    QStringList countedSampleTypes;
    bool fieldsOfKpiAudits = false; // PivotOptions::fieldsOfKpiAudits
    // The facts per slot (count reads them instead of counting again).
    CategoryAccumulator *facts = nullptr;
    // Percentile values gathered once per field, shared by its median and pNN measures.
    std::map<QString, std::shared_ptr<PercentileValues>> percentileValues;
    // A filter's members per dimension name (count_distinct of a filtered multi-valued dimension).
    std::function<const std::vector<std::uint8_t> *(const QString &dimension)> allowedMembers;
};

// The accumulator of one measure, or nullptr with the reason (a count_distinct of an unknown
// dimension).
std::unique_ptr<Accumulator> makeAccumulator(const PivotMeasure &measure, MeasureContext *context, QString *error);

} // namespace ql::pivot
