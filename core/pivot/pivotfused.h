// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The fused first pass of a pivot over the answers (internal to the engine). The general pass
// (pivotassign.h) makes one pass over the facts per dimension, writes a cell per fact, and then
// each measure reads the facts again: on 12.9M answers, memory traffic. When every dimension and
// filter the answer itself carries reads its outcome code, no dimension on an axis is multi-valued
// and the cells fit the dense table, one pass instead reads each answer's audit key and outcome
// code, computes its cell and feeds the fact count and every fusable measure (pivotaccumulators.h
// FusedLane) through tables by outcome code; the other measures get the cell per fact as before.
//
// The facts are cut into parts by their number and the cells' (Tuning), never by the threads; each
// part is summed on its own and the parts are added in order, so a sum does not depend on how many
// threads ran (counts are exact anyway). Threads take parts as they come, the caller's among them.

#include "pivotassign.h"

#include <optional>
#include <vector>

namespace ql::pivot {

// The assignment, with the fused measures already fed (fed[k] says which of accumulators were:
// they must be resized to the table's size first), or nullopt when the pivot's shape does not fit.
std::optional<Assignment> assignFused(const Cube &cube, const KeySpace &space, const std::vector<FactFilter> &filters,
                                      const SlotTable &table, const std::vector<Accumulator *> &accumulators,
                                      std::vector<bool> *fed);

// Fused passes run in this process so far (tests check that a pivot took the fused path).
std::uint64_t fusedPasses();

// How many parts a fused pass over facts facts with slots cells and stateBytes of state per cell
// splits into (Tuning); exposed for tests.
std::size_t fusedParts(std::size_t facts, std::size_t slots, std::size_t stateBytes);

} // namespace ql::pivot
