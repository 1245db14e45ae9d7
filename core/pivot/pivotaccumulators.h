// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Measure state over the slots of a pivot (internal to the pivot engine). A slot is one cell at
// one level of totals; facts are added to the finest cells, and totals are either merged from them
// (when that is the same as adding their facts) or added from the facts again.

#include "codecolumn.h"
#include "flathash.h"
#include "numericcolumn.h"
#include "pivotresult.h"
#include "pivottuning.h"

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace ql::pivot {

constexpr std::uint32_t NoSlot = ~std::uint32_t(0);

// Which slot(s) each fact goes to: one per fact, or (with a multi-valued dimension on an axis)
// runs of (fact, slot) pairs, grouped by fact and without repeats within a fact.
struct Entries
{
    bool expanded = false;
    std::vector<std::uint32_t> slotOfFact; // !expanded
    std::vector<std::uint32_t> facts;      // expanded
    std::vector<std::uint32_t> slots;      // expanded
};

template <class F> inline void forEachEntry(const Entries &e, F &&f)
{
    if (!e.expanded) {
        const std::uint32_t *s = e.slotOfFact.data();
        const std::size_t n = e.slotOfFact.size();
        for (std::size_t i = 0; i < n; ++i)
            if (s[i] != NoSlot)
                f(i, s[i]);
    } else {
        const std::uint32_t *facts = e.facts.data();
        const std::uint32_t *slots = e.slots.data();
        const std::size_t n = e.facts.size();
        for (std::size_t k = 0; k < n; ++k)
            f(std::size_t(facts[k]), slots[k]);
    }
}

// A category 0-3 per fact: 0 not counted, 1 counted, 2 counted and in the numerator (rates) or a
// promoter (NPS), 3 counted and a detractor. category = mask[i] ? table[code(i)] : 0.
struct CategoryInput
{
    const CodeColumn *codes = nullptr;      // or:
    const std::uint8_t *bytes = nullptr;    // per fact; neither: every fact has code 0
    std::vector<std::uint8_t> table{1};     // code -> category
    const std::uint8_t *mask = nullptr;     // per fact (or per audit, with maskRows); null: every fact
    const std::int32_t *maskRows = nullptr; // answers: the mask is per audit, at maskRows[fact]
};

// A number per fact (NaN: none): a numeric column, or a table of outcome values by code.
struct NumericInput
{
    const NumericColumn *column = nullptr;
    const CodeColumn *codes = nullptr;
    std::vector<double> table;              // code -> value (NaN none)
    std::vector<std::int32_t> groupOfCode;  // csat_mean: code -> scale (values only mean something within one)
    const std::uint8_t *mask = nullptr;     // per fact (or per audit, with maskRows); null: every fact
    const std::int32_t *maskRows = nullptr; // answers: the mask is per audit, at maskRows[fact]
};

// Dimension codes per fact for count_distinct.
struct DistinctInput
{
    const CodeColumn *column = nullptr;
    const std::int32_t *map = nullptr;
    const std::int32_t *parentRows = nullptr;
    bool multiValued = false;
    const std::uint32_t *setOffsets = nullptr;
    const std::int32_t *setValues = nullptr;
    const std::uint8_t *allowed = nullptr; // members a filter keeps (multi-valued), or null
    std::int32_t blank = -1;               // not counted, as SQL's COUNT(DISTINCT) skips NULL
    std::int32_t cardinality = 0;
};

// The fused first pass (pivotfused.h) reads each fact once and feeds the accumulators whose input
// is a lookup by one code column of the facts and, optionally, one mask per parent fact (an
// answer's audit): a fact's "index" is code * 2 + that mask bit.
struct FusedKey
{
    const CodeColumn *codes = nullptr;        // the facts' code column the lookups read
    std::size_t codeCount = 0;                // codes are below this
    const std::int32_t *parentRows = nullptr; // fact -> parent fact
    const std::uint8_t *mask = nullptr;       // the one per-parent mask (null until a lane needs one)
};

// What one accumulator takes from the fused pass, by index (code * 2 + mask bit).
struct FusedLane
{
    enum class Kind { None, Category, Moment };
    Kind kind = Kind::None;                // None: nothing to feed (count reads the facts per cell)
    std::vector<std::uint8_t> categories;  // Category: 0-3
    std::vector<double> values;            // Moment: the value, 0 when there is none
    std::vector<std::uint8_t> counted;     // Moment: 1 when there is a value
};

class Accumulator
{
public:
    virtual ~Accumulator() = default;
    // Whether the fused pass can feed this accumulator (then fills the lane, and may set key->mask).
    virtual bool fuse(FusedKey *, FusedLane *) const { return false; }
    // Adds the fused pass's sums of one part of the facts: per slot, 4 category counts (Category),
    // or a count and a sum of values (Moment).
    virtual void addFused(const std::uint32_t * /*counts*/, const double * /*sums*/, std::size_t /*slots*/) {}
    virtual void resize(std::size_t slots) = 0;
    virtual void add(const Entries &entries) = 0;
    // Adds what slot `from` holds to slot `to` (same facts, so the same as adding them again).
    virtual void merge(std::uint32_t to, std::uint32_t from) = 0;
    virtual void finishMerges() {}
    virtual std::optional<PivotValue> value(std::uint32_t slot) = 0;
};

// count, audits, audits_total, csat_responses, the rates and NPS.
class CategoryAccumulator final : public Accumulator
{
public:
    enum class Result { Count, Rate, Complement, Nps };
    CategoryAccumulator(CategoryInput input, Result result) : m_input(std::move(input)), m_result(result) {}
    void resize(std::size_t slots) override { m_counts.resize(slots * 4, 0); }
    void add(const Entries &entries) override;
    bool fuse(FusedKey *key, FusedLane *lane) const override;
    void addFused(const std::uint32_t *counts, const double *sums, std::size_t slots) override;
    // Sets the counts of category 1 (a plain count) from a count per slot made elsewhere.
    void setCounted(const std::vector<std::uint32_t> &perSlot)
    {
        for (std::size_t s = 0; s < perSlot.size(); ++s)
            m_counts[s * 4 + 1] = perSlot[s];
    }
    void merge(std::uint32_t to, std::uint32_t from) override
    {
        for (int c = 0; c < 4; ++c)
            m_counts[to * 4 + std::size_t(c)] += m_counts[from * 4 + std::size_t(c)];
    }
    std::optional<PivotValue> value(std::uint32_t slot) override;
    std::int64_t counted(std::uint32_t slot) const
    {
        const std::int64_t *c = &m_counts[std::size_t(slot) * 4];
        return c[1] + c[2] + c[3];
    }

private:
    CategoryInput m_input;
    Result m_result;
    std::vector<std::int64_t> m_counts; // per slot: categories 0-3
};

// count (and audits_total): the facts per slot that the engine counts anyway, read, not counted again.
class FactCountAccumulator final : public Accumulator
{
public:
    explicit FactCountAccumulator(CategoryAccumulator *facts) : m_facts(facts) {}
    void resize(std::size_t) override {}
    void add(const Entries &) override {}
    bool fuse(FusedKey *, FusedLane *lane) const override
    {
        lane->kind = FusedLane::Kind::None;
        return true;
    }
    void merge(std::uint32_t, std::uint32_t) override {}
    std::optional<PivotValue> value(std::uint32_t slot) override { return m_facts->value(slot); }

private:
    CategoryAccumulator *m_facts;
};

// sum, avg, stddev and the mean KPIs (qa_score, raw_score, compliance, csat_mean).
class MomentAccumulator final : public Accumulator
{
public:
    enum class Result { Sum, Mean, Stddev };
    MomentAccumulator(NumericInput input, Result result, double scale)
        : m_input(std::move(input)), m_result(result), m_scale(scale)
    {
    }
    void resize(std::size_t slots) override;
    void add(const Entries &entries) override;
    bool fuse(FusedKey *key, FusedLane *lane) const override;
    void addFused(const std::uint32_t *counts, const double *sums, std::size_t slots) override;
    void merge(std::uint32_t to, std::uint32_t from) override;
    std::optional<PivotValue> value(std::uint32_t slot) override;

private:
    NumericInput m_input;
    Result m_result;
    double m_scale;
    std::vector<std::int64_t> m_n;
    std::vector<double> m_sum;                      // of x (Sum, Mean); the running mean (Stddev)
    std::vector<double> m_sumSq;                    // Stddev: the sum of squared deviations from the mean (M2)
    std::vector<std::int32_t> m_groupLo, m_groupHi; // csat_mean: the scales seen
};

class ExtremeAccumulator final : public Accumulator
{
public:
    ExtremeAccumulator(NumericInput input, bool max) : m_input(std::move(input)), m_max(max) {}
    void resize(std::size_t slots) override;
    void add(const Entries &entries) override;
    void merge(std::uint32_t to, std::uint32_t from) override;
    std::optional<PivotValue> value(std::uint32_t slot) override;

private:
    NumericInput m_input;
    bool m_max;
    std::vector<std::int64_t> m_n;
    std::vector<double> m_value;
};

// The values of each cell for median and pNN, gathered only for these measures (contiguous per
// cell), and shared by the percentiles of one field so that median and p90 gather once.
class PercentileValues
{
public:
    explicit PercentileValues(NumericInput input) : m_input(std::move(input)) {}
    void resize(std::size_t slots);
    void add(const Entries &entries);
    void merge(std::uint32_t to, std::uint32_t from) { m_pending.push_back({to, from}); }
    void finishMerges();
    double *range(std::uint32_t slot, std::uint32_t *n)
    {
        *n = m_count[slot];
        return m_values.data() + m_offset[slot];
    }

private:
    NumericInput m_input;
    std::vector<std::uint64_t> m_offset; // per slot, into m_values
    std::vector<std::uint32_t> m_count;
    std::vector<double> m_values;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_pending;
};

// median and pNN, found with nth_element, linear between closest ranks (type 7). The first
// accumulator of a field owns the shared values; the others only read them.
class PercentileAccumulator final : public Accumulator
{
public:
    PercentileAccumulator(std::shared_ptr<PercentileValues> values, bool owner, int percent)
        : m_values(std::move(values)), m_owner(owner), m_percent(percent)
    {
    }
    void resize(std::size_t slots) override
    {
        if (m_owner)
            m_values->resize(slots);
    }
    void add(const Entries &entries) override
    {
        if (m_owner)
            m_values->add(entries);
    }
    void merge(std::uint32_t to, std::uint32_t from) override
    {
        if (m_owner)
            m_values->merge(to, from);
    }
    void finishMerges() override
    {
        if (m_owner)
            m_values->finishMerges();
    }
    std::optional<PivotValue> value(std::uint32_t slot) override;

private:
    std::shared_ptr<PercentileValues> m_values;
    bool m_owner;
    int m_percent; // 1-99
};

// count_distinct: per cell, a bitset of members while the bitsets stay small (a cell of team x
// month over 2,000 agents takes 256 bytes), else (slot, member) pairs in an open-addressing set.
// Totals union their children's.
class DistinctAccumulator final : public Accumulator
{
public:
    explicit DistinctAccumulator(DistinctInput input)
        : m_input(input), m_words(std::size_t(input.cardinality + 63) / 64)
    {
    }
    void resize(std::size_t slots) override;
    void add(const Entries &entries) override;
    void merge(std::uint32_t to, std::uint32_t from) override { m_pending.push_back({to, from}); }
    void finishMerges() override;
    std::optional<PivotValue> value(std::uint32_t slot) override;

private:
    void insert(std::uint32_t slot, std::int32_t code)
    {
        if (m_bitsets) {
            std::uint64_t &word = m_bits[std::size_t(slot) * m_words + std::size_t(code) / 64];
            const std::uint64_t bit = std::uint64_t(1) << (code % 64);
            if (!(word & bit)) {
                word |= bit;
                ++m_distinct[slot];
            }
            return;
        }
        const std::size_t before = m_pairs.size();
        m_pairs.insert((std::uint64_t(slot) << 32) | std::uint32_t(code));
        if (m_pairs.size() != before)
            ++m_distinct[slot];
    }
    void toPairs();

    DistinctInput m_input;
    std::size_t m_words;
    bool m_bitsets = true;
    std::vector<std::uint64_t> m_bits;
    std::vector<std::int64_t> m_distinct;
    std::vector<std::int64_t> m_facts;
    FlatKeyMap m_pairs{16};
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_pending;
};

} // namespace ql::pivot
