// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotassign.h"

#include <algorithm>

namespace ql::pivot {

namespace {

// One pass over a dimension's codes: adds its digit to each fact's key (weight > 0) and drops the
// facts its filter refuses. Compiled per code width, so the loop has no per-fact dispatch.
template <class KeyT>
void applyDimension(std::vector<KeyT> *keys, const CubeDimension &dim, KeyT weight, const std::uint8_t *allowed)
{
    constexpr KeyT None = ~KeyT(0);
    KeyT *k = keys->data();
    const std::size_t n = keys->size();
    const std::int32_t *map = dim.map.empty() ? nullptr : dim.map.data();
    dim.column->visit([&](auto *c) {
        for (std::size_t i = 0; i < n; ++i) {
            const KeyT key = k[i];
            if (key == None)
                continue;
            const std::int32_t code = map ? map[c[i]] : std::int32_t(c[i]);
            k[i] = allowed && !allowed[code] ? None : key + KeyT(code) * weight;
        }
    });
}

// A multi-valued dimension's filter off the axes: a fact stays when one of its members passes.
template <class KeyT>
void applyAnyAllowed(std::vector<KeyT> *keys, const CubeDimension &dim, const std::uint8_t *allowed)
{
    constexpr KeyT None = ~KeyT(0);
    const std::size_t sets = dim.setOffsets.size() - 1;
    std::vector<std::uint8_t> setPasses(sets, 0);
    for (std::size_t s = 0; s < sets; ++s)
        for (std::uint32_t k = dim.setOffsets[s]; k < dim.setOffsets[s + 1]; ++k)
            if (allowed[dim.setValues[k]])
                setPasses[s] = 1;
    KeyT *k = keys->data();
    const std::size_t n = keys->size();
    dim.column->visit([&](auto *c) {
        for (std::size_t i = 0; i < n; ++i)
            if (k[i] != None && !setPasses[std::size_t(c[i])])
                k[i] = None;
    });
}

// An answer's key starts as its audit's; the first of its own dimensions is added in the same pass
// (one pass less over millions of answers: these loops are bound by memory, not arithmetic).
template <class KeyT>
void gatherWithDimension(std::vector<KeyT> *keys, const std::vector<KeyT> &parentKeys, const std::int32_t *rows,
                         const AxisDimension &a)
{
    constexpr KeyT None = ~KeyT(0);
    KeyT *k = keys->data();
    const KeyT *pk = parentKeys.data();
    const std::size_t n = keys->size();
    const CubeDimension &dim = *a.ref.dimension;
    const std::int32_t *map = dim.map.empty() ? nullptr : dim.map.data();
    const std::uint8_t *allowed = a.allowed.empty() ? nullptr : a.allowed.data();
    const auto weight = KeyT(a.weight);
    dim.column->visit([&](auto *c) {
        for (std::size_t i = 0; i < n; ++i) {
            const KeyT key = pk[rows[i]];
            const std::int32_t code = map ? map[c[i]] : std::int32_t(c[i]);
            k[i] = key == None || (allowed && !allowed[code]) ? None : key + KeyT(code) * weight;
        }
    });
}

// Digits and filters of the dimensions that live on one table (the facts, or their audits).
template <class KeyT>
void applyLevel(std::vector<KeyT> *keys, const KeySpace &space, const std::vector<FactFilter> &filters, bool viaParent,
                const AxisDimension *done = nullptr)
{
    for (const AxisDimension &a : space.dims) {
        if (a.ref.viaParent != viaParent || a.ref.dimension->multiValued || &a == done)
            continue;
        applyDimension<KeyT>(keys, *a.ref.dimension, KeyT(a.weight), a.allowed.empty() ? nullptr : a.allowed.data());
    }
    for (const FactFilter &f : filters) {
        if (f.ref.viaParent != viaParent)
            continue;
        if (f.ref.dimension->multiValued)
            applyAnyAllowed<KeyT>(keys, *f.ref.dimension, f.allowed.data());
        else
            applyDimension<KeyT>(keys, *f.ref.dimension, KeyT(0), f.allowed.data());
    }
}

template <class KeyT>
Assignment assign(const Cube &cube, const KeySpace &space, const std::vector<FactFilter> &filters, SlotTable *table)
{
    constexpr KeyT None = ~KeyT(0);
    const std::size_t n = cube.factCount();
    std::vector<KeyT> keys;
    const AxisDimension *fused = nullptr;
    if (const Cube *parent = cube.parent()) {
        // An answer's audit dimensions and filters are worked out once per audit, then gathered.
        std::vector<KeyT> parentKeys(parent->factCount(), 0);
        applyLevel<KeyT>(&parentKeys, space, filters, true);
        keys.resize(n);
        const std::int32_t *rows = cube.parentRows().data();
        for (const AxisDimension &a : space.dims)
            if (!a.ref.viaParent && !a.ref.dimension->multiValued) {
                fused = &a;
                break;
            }
        if (fused) {
            gatherWithDimension<KeyT>(&keys, parentKeys, rows, *fused);
        } else {
            for (std::size_t i = 0; i < n; ++i)
                keys[i] = parentKeys[std::size_t(rows[i])];
        }
    } else {
        keys.assign(n, 0);
    }
    applyLevel<KeyT>(&keys, space, filters, false, fused);

    std::vector<const AxisDimension *> multi;
    for (const AxisDimension &a : space.dims)
        if (a.ref.dimension->multiValued)
            multi.push_back(&a);

    Assignment out;
    if (multi.empty()) {
        if constexpr (sizeof(KeyT) == sizeof(std::uint32_t)) {
            // Dense table: the key is the slot, and None is NoSlot.
            out.entries.slotOfFact = std::move(keys);
        } else {
            out.entries.slotOfFact.resize(n);
            for (std::size_t i = 0; i < n; ++i)
                out.entries.slotOfFact[i] = keys[i] == None ? NoSlot : table->slot(keys[i]);
            std::vector<KeyT>().swap(keys);
        }
    } else {
        // A fact goes under each allowed member of each multi-valued axis dimension (all
        // combinations when there are two). Distinct members give distinct keys: no repeats.
        out.entries.expanded = true;
        const std::int32_t *parentRows = cube.parent() ? cube.parentRows().data() : nullptr;
        std::vector<std::uint64_t> partial, next;
        for (std::size_t i = 0; i < n; ++i) {
            if (keys[i] == None)
                continue;
            partial.assign(1, std::uint64_t(keys[i]));
            for (const AxisDimension *a : multi) {
                const CubeDimension &dim = *a->ref.dimension;
                const std::size_t row = a->ref.viaParent ? std::size_t(parentRows[i]) : i;
                const std::int32_t set = dim.column->at(row);
                next.clear();
                for (std::uint32_t k = dim.setOffsets[std::size_t(set)]; k < dim.setOffsets[std::size_t(set) + 1];
                     ++k) {
                    const std::int32_t member = dim.setValues[k];
                    if (!a->allowed.empty() && !a->allowed[std::size_t(member)])
                        continue;
                    for (std::uint64_t p : partial)
                        next.push_back(p + std::uint64_t(member) * a->weight);
                }
                partial.swap(next);
            }
            if (partial.empty())
                continue;
            ++out.facts;
            for (std::uint64_t key : partial) {
                out.entries.facts.push_back(std::uint32_t(i));
                out.entries.slots.push_back(table->slot(key));
            }
        }
    }

    // One pass counts the facts of each cell: which cells exist, and the count measure.
    out.perSlot.assign(table->size(), 0);
    std::uint32_t *perSlot = out.perSlot.data();
    if (!out.entries.expanded) {
        for (std::uint32_t s : out.entries.slotOfFact)
            if (s != NoSlot) {
                ++perSlot[s];
                ++out.facts;
            }
    } else {
        forEachEntry(out.entries, [&](std::size_t, std::uint32_t s) { ++perSlot[s]; });
    }
    for (std::size_t s = 0; s < out.perSlot.size(); ++s)
        if (perSlot[s])
            out.occupied.push_back(std::uint32_t(s));
    return out;
}

} // namespace

std::vector<std::uint32_t> denseParentKeys(const Cube &cube, const KeySpace &space,
                                           const std::vector<FactFilter> &filters)
{
    std::vector<std::uint32_t> keys(cube.parent()->factCount(), 0);
    applyLevel<std::uint32_t>(&keys, space, filters, true);
    return keys;
}

Assignment assignFacts(const Cube &cube, const KeySpace &space, const std::vector<FactFilter> &filters,
                       SlotTable *table)
{
    if (table->isDense())
        return assign<std::uint32_t>(cube, space, filters, table);
    return assign<std::uint64_t>(cube, space, filters, table);
}

} // namespace ql::pivot
