// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The first pass of a pivot (internal to the engine): which facts pass the filters, and under
// which finest cell(s) each one goes.

#include "pivotaccumulators.h"
#include "pivotkeyspace.h"

#include <vector>

namespace ql::pivot {

// A filter on a dimension that is not on an axis (axis dimensions carry theirs).
struct FactFilter
{
    Cube::DimensionRef ref;
    std::vector<std::uint8_t> allowed; // per member code
};

struct Assignment
{
    Entries entries;
    std::int64_t facts = 0;              // facts that passed the filters
    std::vector<std::uint32_t> occupied; // finest slots that received a fact
    std::vector<std::uint32_t> perSlot;  // facts per finest slot, counted in the same pass
};

// The key (dense table: the slot) each fact of the cube's parent gets from the axis dimensions and
// filters that read the parent, NoSlot when a filter drops it. The cube must have a parent.
std::vector<std::uint32_t> denseParentKeys(const Cube &cube, const KeySpace &space,
                                           const std::vector<FactFilter> &filters);

Assignment assignFacts(const Cube &cube, const KeySpace &space, const std::vector<FactFilter> &filters,
                       SlotTable *table);

} // namespace ql::pivot
