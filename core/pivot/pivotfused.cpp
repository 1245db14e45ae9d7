// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotfused.h"

#include <QThread>

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>

namespace ql::pivot {

namespace {

constexpr std::uint32_t None = ~std::uint32_t(0);

struct Plan
{
    std::size_t slots = 0;
    const std::int32_t *rows = nullptr;         // fact -> parent fact, or:
    const Cube::ParentRuns *runs = nullptr;     // the facts as runs of one parent each
    std::vector<std::uint32_t> parentTag; // per parent fact: key * 2 + mask bit, None when dropped
    std::vector<std::uint32_t> ownKey;    // per code: the digits of the fact's own dimensions, None when dropped
    std::vector<const std::uint8_t *> categories; // per category lane: category by index
    std::vector<const double *> values;           // per moment lane: value by index
    std::vector<const std::uint8_t *> counted;    // per moment lane: 1 by index when there is a value
    std::uint32_t *slotOfFact = nullptr;          // written when a measure still needs the cell per fact
};

// One part of the facts (of the runs, when the plan has runs), summed on its own.
struct Part
{
    std::size_t begin = 0, end = 0;
    std::vector<std::uint32_t> count;          // per slot
    std::vector<std::uint32_t> categoryCounts; // per category lane, per slot: 4 counts
    std::vector<std::uint32_t> momentCounts;   // per moment lane, per slot
    std::vector<double> momentSums;            // per moment lane, per slot
};

// The hot loop, compiled per code width and for the common numbers of lanes (-1: any number), so
// that nothing in it tests a measure's kind.
template <int Cats, int Moments, bool Slots, class CodeT> void runPart(const Plan &plan, const CodeT *codes, Part *part)
{
    constexpr std::size_t Fixed = 4; // lanes held in locals when their number is known
    const std::size_t cats = Cats >= 0 ? std::size_t(Cats) : plan.categories.size();
    const std::size_t moments = Moments >= 0 ? std::size_t(Moments) : plan.values.size();
    const std::size_t slots = plan.slots;
    std::uint32_t *count = part->count.data();
    std::uint32_t *categoryCounts = part->categoryCounts.data();
    std::uint32_t *momentCounts = part->momentCounts.data();
    double *momentSums = part->momentSums.data();
    const std::uint32_t *parentTag = plan.parentTag.data();
    const std::uint32_t *ownKey = plan.ownKey.data();
    const std::uint8_t *categoryLocal[Fixed] = {};
    const double *valueLocal[Fixed] = {};
    const std::uint8_t *countedLocal[Fixed] = {};
    for (std::size_t l = 0; l < Fixed; ++l) {
        categoryLocal[l] = l < plan.categories.size() ? plan.categories[l] : nullptr;
        valueLocal[l] = l < plan.values.size() ? plan.values[l] : nullptr;
        countedLocal[l] = l < plan.counted.size() ? plan.counted[l] : nullptr;
    }
    const std::uint8_t *const *categories = Cats >= 0 ? categoryLocal : plan.categories.data();
    const double *const *values = Moments >= 0 ? valueLocal : plan.values.data();
    const std::uint8_t *const *counted = Moments >= 0 ? countedLocal : plan.counted.data();
    std::uint32_t *slotOfFact = plan.slotOfFact;
    auto fact = [&](std::size_t i, std::uint32_t tag) {
        const std::size_t code = codes[i];
        const std::uint32_t own = ownKey[code];
        if (own == None) {
            if constexpr (Slots)
                slotOfFact[i] = NoSlot;
            return;
        }
        const std::uint32_t slot = (tag >> 1) + own;
        const std::size_t index = code * 2 + (tag & 1);
        ++count[slot];
        if constexpr (Slots)
            slotOfFact[i] = slot;
        for (std::size_t l = 0; l < cats; ++l)
            ++categoryCounts[(l * slots + slot) * 4 + categories[l][index]];
        for (std::size_t l = 0; l < moments; ++l) {
            momentCounts[l * slots + slot] += counted[l][index];
            momentSums[l * slots + slot] += values[l][index];
        }
    };
    if (plan.runs) {
        // A run's audit is read once, and a run an audit filter drops is skipped whole.
        const std::uint32_t *starts = plan.runs->starts.data();
        const std::int32_t *parents = plan.runs->parents.data();
        for (std::size_t r = part->begin; r < part->end; ++r) {
            const std::uint32_t tag = parentTag[parents[r]];
            if (tag == None) {
                if constexpr (Slots)
                    std::fill(slotOfFact + starts[r], slotOfFact + starts[r + 1], NoSlot);
                continue;
            }
            for (std::size_t i = starts[r], end = starts[r + 1]; i < end; ++i)
                fact(i, tag);
        }
        return;
    }
    const std::int32_t *rows = plan.rows;
    for (std::size_t i = part->begin; i < part->end; ++i) {
        const std::uint32_t tag = parentTag[rows[i]];
        if (tag != None)
            fact(i, tag);
        else if constexpr (Slots)
            slotOfFact[i] = NoSlot;
    }
}

template <bool Slots, class CodeT> void runPartOf(const Plan &plan, const CodeT *codes, Part *part)
{
    const std::size_t cats = plan.categories.size(), moments = plan.values.size();
    if (cats == 0 && moments == 0)
        runPart<0, 0, Slots>(plan, codes, part);
    else if (cats == 0 && moments == 1)
        runPart<0, 1, Slots>(plan, codes, part);
    else if (cats == 1 && moments == 0)
        runPart<1, 0, Slots>(plan, codes, part);
    else if (cats == 1 && moments == 1)
        runPart<1, 1, Slots>(plan, codes, part);
    else
        runPart<-1, -1, Slots>(plan, codes, part);
}

// The digits of the fact's own dimensions by code, or nothing when one of them (or a filter on
// one) does not read the codes, or is multi-valued.
std::optional<std::vector<std::uint32_t>> ownKeys(const KeySpace &space, const std::vector<FactFilter> &filters,
                                                  const FusedKey &key)
{
    std::vector<std::uint32_t> own(key.codeCount, 0);
    auto apply = [&](const CubeDimension &dim, std::uint64_t weight, const std::vector<std::uint8_t> &allowed) {
        if (dim.multiValued || dim.column != key.codes || (!dim.map.empty() && dim.map.size() < key.codeCount))
            return false;
        for (std::size_t c = 0; c < key.codeCount; ++c) {
            if (own[c] == None)
                continue;
            const std::int32_t code = dim.map.empty() ? std::int32_t(c) : dim.map[c];
            if (!allowed.empty() && !allowed[std::size_t(code)])
                own[c] = None;
            else
                own[c] += std::uint32_t(std::uint64_t(code) * weight);
        }
        return true;
    };
    for (const AxisDimension &a : space.dims)
        if (!a.ref.viaParent && !apply(*a.ref.dimension, a.weight, a.allowed))
            return std::nullopt;
    for (const FactFilter &f : filters)
        if (!f.ref.viaParent && !apply(*f.ref.dimension, 0, f.allowed))
            return std::nullopt;
    return own;
}

std::atomic<std::uint64_t> passes{0};

} // namespace

std::uint64_t fusedPasses()
{
    return passes.load();
}

std::size_t fusedParts(std::size_t facts, std::size_t slots, std::size_t stateBytes)
{
    std::size_t parts = facts / std::max<std::size_t>(1, Tuning::partFacts);
    parts = std::clamp<std::size_t>(parts, 1, std::max<std::size_t>(1, Tuning::maxParts));
    while (parts > 1 && parts * slots * stateBytes > Tuning::partStateBudget)
        --parts;
    return parts;
}

std::optional<Assignment> assignFused(const Cube &cube, const KeySpace &space, const std::vector<FactFilter> &filters,
                                      const SlotTable &table, const std::vector<Accumulator *> &accumulators,
                                      std::vector<bool> *fed)
{
    if (!Tuning::fused || cube.source() != PivotSource::Answers || !cube.parent() || !table.isDense() ||
        space.size >= (std::uint64_t(1) << 31))
        return std::nullopt;
    for (const AxisDimension &a : space.dims)
        if (a.ref.dimension->multiValued)
            return std::nullopt;
    FusedKey key;
    key.codes = &cube.answerOutcomeCodes();
    key.codeCount = cube.answerOutcomes().size();
    key.parentRows = cube.parentRows().data();
    std::optional<std::vector<std::uint32_t>> own = ownKeys(space, filters, key);
    if (!own)
        return std::nullopt;

    Plan plan;
    plan.slots = table.size();
    plan.rows = key.parentRows;
    plan.ownKey = std::move(*own);
    std::vector<FusedLane> lanes(accumulators.size());
    std::vector<Accumulator *> categoryOwners, momentOwners;
    fed->assign(accumulators.size(), false);
    bool allFed = true;
    for (std::size_t k = 0; k < accumulators.size(); ++k) {
        (*fed)[k] = accumulators[k]->fuse(&key, &lanes[k]);
        allFed = allFed && (*fed)[k];
        if (!(*fed)[k])
            continue;
        if (lanes[k].kind == FusedLane::Kind::Category) {
            plan.categories.push_back(lanes[k].categories.data());
            categoryOwners.push_back(accumulators[k]);
        } else if (lanes[k].kind == FusedLane::Kind::Moment) {
            plan.values.push_back(lanes[k].values.data());
            plan.counted.push_back(lanes[k].counted.data());
            momentOwners.push_back(accumulators[k]);
        }
    }

    plan.parentTag = denseParentKeys(cube, space, filters); // made tags in place: one array less to fault in
    for (std::size_t r = 0; r < plan.parentTag.size(); ++r)
        if (std::uint32_t &tag = plan.parentTag[r]; tag != None)
            tag = tag * 2 + std::uint32_t(key.mask && key.mask[r] ? 1 : 0);

    Assignment out;
    const std::size_t n = cube.factCount();
    if (!allFed) {
        out.entries.slotOfFact.resize(n);
        plan.slotOfFact = out.entries.slotOfFact.data();
    }
    const std::size_t stateBytes = 4 + plan.categories.size() * 16 + plan.values.size() * 12;
    std::vector<Part> parts(fusedParts(n, plan.slots, stateBytes));
    // Runs of one audit when answers come audit by audit (as they are stored), else a read of
    // each answer's audit row; the parts cut the runs (or the facts) evenly.
    const Cube::ParentRuns &runs = cube.parentRuns();
    const std::size_t runCount = runs.parents.size();
    if (n / std::max<std::size_t>(1, Tuning::runFacts) >= runCount)
        plan.runs = &runs;
    const std::size_t units = plan.runs ? runCount : n;
    for (std::size_t p = 0; p < parts.size(); ++p) {
        Part &part = parts[p];
        part.begin = units * p / parts.size();
        part.end = units * (p + 1) / parts.size();
        // Allocated here, so that running out of memory throws on the caller's thread.
        part.count.assign(plan.slots, 0);
        part.categoryCounts.assign(plan.slots * 4 * plan.categories.size(), 0);
        part.momentCounts.assign(plan.slots * plan.values.size(), 0);
        part.momentSums.assign(plan.slots * plan.values.size(), 0.0);
    }
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t p = next++; p < parts.size(); p = next++)
            key.codes->visit([&](auto *codes) {
                if (plan.slotOfFact)
                    runPartOf<true>(plan, codes, &parts[p]);
                else
                    runPartOf<false>(plan, codes, &parts[p]);
            });
    };
    const int ideal = Tuning::threads > 0 ? Tuning::threads : QThread::idealThreadCount();
    const std::size_t threads = std::min<std::size_t>(parts.size(), std::size_t(std::max(1, ideal)));
    std::vector<std::thread> helpers;
    for (std::size_t t = 1; t < threads; ++t) {
        try {
            helpers.emplace_back(work);
        } catch (const std::system_error &) {
            break; // no thread to be had: the caller's works through the remaining parts
        }
    }
    work();
    for (std::thread &t : helpers)
        t.join();

    // The parts in order: the same additions whatever thread summed which part.
    out.perSlot.assign(plan.slots, 0);
    for (const Part &part : parts) {
        for (std::size_t s = 0; s < plan.slots; ++s)
            out.perSlot[s] += part.count[s];
        for (std::size_t l = 0; l < categoryOwners.size(); ++l)
            categoryOwners[l]->addFused(part.categoryCounts.data() + l * plan.slots * 4, nullptr, plan.slots);
        for (std::size_t l = 0; l < momentOwners.size(); ++l)
            momentOwners[l]->addFused(part.momentCounts.data() + l * plan.slots,
                                      part.momentSums.data() + l * plan.slots, plan.slots);
    }
    for (std::size_t s = 0; s < plan.slots; ++s)
        if (out.perSlot[s]) {
            out.facts += out.perSlot[s];
            out.occupied.push_back(std::uint32_t(s));
        }
    ++passes;
    return out;
}

} // namespace ql::pivot
