// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Measure state over the slots of a pivot (internal to the pivot engine). A slot is one cell at
// one level of totals; facts are added to the finest cells, and totals are either merged from them
// (when that is the same as adding their facts) or added from the facts again.

#include "codecolumn.h"
#include "flathash.h"
#include "numericcolumn.h"
#include "pivotresult.h"

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
    const CodeColumn *codes = nullptr;   // or:
    const std::uint8_t *bytes = nullptr; // per fact; neither: every fact has code 0
    std::vector<std::uint8_t> table{1};  // code -> category
    const std::uint8_t *mask = nullptr;  // per fact; null: every fact
};

// A number per fact (NaN: none): a numeric column, or a table of outcome values by code.
struct NumericInput
{
    const NumericColumn *column = nullptr;
    const CodeColumn *codes = nullptr;
    std::vector<double> table;             // code -> value (NaN none)
    std::vector<std::int32_t> groupOfCode; // csat_mean: code -> scale (values only mean something within one)
    const std::uint8_t *mask = nullptr;    // per fact; null: every fact
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
};

class Accumulator
{
public:
    virtual ~Accumulator() = default;
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

// median and pNN: the values of each cell are gathered (only for these measures) and the
// percentile found with nth_element, linear between closest ranks (type 7).
class PercentileAccumulator final : public Accumulator
{
public:
    PercentileAccumulator(NumericInput input, int percent) : m_input(std::move(input)), m_percent(percent) {}
    void resize(std::size_t slots) override;
    void add(const Entries &entries) override;
    void merge(std::uint32_t to, std::uint32_t from) override { m_pending.push_back({to, from}); }
    void finishMerges() override;
    std::optional<PivotValue> value(std::uint32_t slot) override;

private:
    NumericInput m_input;
    int m_percent;                       // 1-99
    std::vector<std::uint64_t> m_offset; // per slot, into m_values
    std::vector<std::uint32_t> m_count;
    std::vector<double> m_values;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_pending;
};

// count_distinct: (slot, member) pairs in an open-addressing set; totals union their children's.
class DistinctAccumulator final : public Accumulator
{
public:
    explicit DistinctAccumulator(DistinctInput input) : m_input(input) {}
    void resize(std::size_t slots) override
    {
        m_distinct.resize(slots, 0);
        m_facts.resize(slots, 0);
    }
    void add(const Entries &entries) override;
    void merge(std::uint32_t to, std::uint32_t from) override { m_pending.push_back({to, from}); }
    void finishMerges() override;
    std::optional<PivotValue> value(std::uint32_t slot) override;

private:
    void insert(std::uint32_t slot, std::int32_t code);

    DistinctInput m_input;
    std::vector<std::int64_t> m_distinct;
    std::vector<std::int64_t> m_facts;
    FlatKeyMap m_pairs{1024};
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_pending;
};

} // namespace ql::pivot
