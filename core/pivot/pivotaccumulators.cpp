// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotaccumulators.h"

#include "pivotpercentile.h"

#include <algorithm>
#include <cmath>

namespace ql::pivot {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// Calls f with a per-fact category getter specialised for the input's storage, so the loops that
// follow are compiled once per storage width instead of testing it per fact.
template <class F> void withCategory(const CategoryInput &in, F &&f)
{
    const std::uint8_t *table = in.table.data();
    const std::uint8_t *mask = in.mask;
    const std::int32_t *rows = in.maskRows;
    auto go = [&](auto code) {
        if (mask && rows)
            f([=](std::size_t i) { return mask[rows[i]] ? table[code(i)] : std::uint8_t(0); });
        else if (mask)
            f([=](std::size_t i) { return mask[i] ? table[code(i)] : std::uint8_t(0); });
        else
            f([=](std::size_t i) { return table[code(i)]; });
    };
    if (in.codes)
        in.codes->visit([&](auto *c) { go([c](std::size_t i) { return std::size_t(c[i]); }); });
    else if (in.bytes)
        go([b = in.bytes](std::size_t i) { return std::size_t(b[i]); });
    else
        go([](std::size_t) { return std::size_t(0); });
}

// The same for numbers: the getter returns NaN for "no value here".
template <class F> void withNumeric(const NumericInput &in, F &&f)
{
    const std::uint8_t *mask = in.mask;
    const std::int32_t *rows = in.maskRows;
    auto go = [&](auto get) {
        if (mask && rows)
            f([=](std::size_t i) { return mask[rows[i]] ? get(i) : NaN; });
        else if (mask)
            f([=](std::size_t i) { return mask[i] ? get(i) : NaN; });
        else
            f(get);
    };
    if (in.column)
        in.column->visit(go);
    else
        in.codes->visit([&](auto *c) { go([c, t = in.table.data()](std::size_t i) { return t[c[i]]; }); });
}

} // namespace

void CategoryAccumulator::add(const Entries &entries)
{
    std::int64_t *counts = m_counts.data();
    withCategory(m_input, [&](auto category) {
        forEachEntry(entries, [&](std::size_t i, std::uint32_t s) { ++counts[std::size_t(s) * 4 + category(i)]; });
    });
}

// A per-parent mask the fused pass can read: none, or the pass's one mask (which it takes on when
// it has none yet).
static bool fusableMask(const std::uint8_t *mask, const std::int32_t *maskRows, FusedKey *key)
{
    if (!mask)
        return true;
    if (maskRows != key->parentRows || (key->mask && key->mask != mask))
        return false;
    key->mask = mask;
    return true;
}

bool CategoryAccumulator::fuse(FusedKey *key, FusedLane *lane) const
{
    const CategoryInput &in = m_input;
    if (in.bytes || (in.codes && (in.codes != key->codes || in.table.size() < key->codeCount)) || in.table.empty() ||
        !fusableMask(in.mask, in.maskRows, key))
        return false;
    lane->kind = FusedLane::Kind::Category;
    lane->categories.assign(key->codeCount * 2, 0);
    for (std::size_t c = 0; c < key->codeCount; ++c)
        for (std::size_t bit = 0; bit < 2; ++bit)
            lane->categories[c * 2 + bit] = in.mask && !bit ? 0 : in.table[in.codes ? c : 0];
    return true;
}

void CategoryAccumulator::addFused(const std::uint32_t *counts, const double *, std::size_t slots)
{
    std::int64_t *to = m_counts.data();
    for (std::size_t k = 0; k < slots * 4; ++k)
        to[k] += counts[k];
}

std::optional<PivotValue> CategoryAccumulator::value(std::uint32_t slot)
{
    const std::int64_t *c = &m_counts[std::size_t(slot) * 4];
    const std::int64_t n = c[1] + c[2] + c[3];
    switch (m_result) {
    case Result::Count:
        return PivotValue{double(n), n};
    case Result::Rate:
        if (n == 0)
            return std::nullopt;
        return PivotValue{100.0 * double(c[2]) / double(n), n};
    case Result::Complement:
        if (n == 0)
            return std::nullopt;
        return PivotValue{100.0 - 100.0 * double(c[2]) / double(n), n};
    case Result::Nps:
        if (n == 0)
            return std::nullopt;
        return PivotValue{100.0 * double(c[2] - c[3]) / double(n), n};
    }
    return std::nullopt;
}

void MomentAccumulator::resize(std::size_t slots)
{
    m_n.resize(slots, 0);
    m_sum.resize(slots, 0);
    if (m_result == Result::Stddev)
        m_sumSq.resize(slots, 0);
    if (!m_input.groupOfCode.empty()) {
        m_groupLo.resize(slots, std::numeric_limits<std::int32_t>::max());
        m_groupHi.resize(slots, std::numeric_limits<std::int32_t>::min());
    }
}

void MomentAccumulator::add(const Entries &entries)
{
    std::int64_t *n = m_n.data();
    double *sum = m_sum.data();
    if (!m_input.groupOfCode.empty()) {
        // csat_mean: the scale of each response is tracked, so a cell mixing scales has no mean.
        const std::uint8_t *mask = m_input.mask;
        const std::int32_t *rows = m_input.maskRows;
        const double *table = m_input.table.data();
        const std::int32_t *group = m_input.groupOfCode.data();
        std::int32_t *lo = m_groupLo.data(), *hi = m_groupHi.data();
        m_input.codes->visit([&](auto *c) {
            forEachEntry(entries, [&](std::size_t i, std::uint32_t s) {
                const double v = table[c[i]];
                if ((mask && !mask[rows ? std::size_t(rows[i]) : i]) || std::isnan(v))
                    return;
                ++n[s];
                sum[s] += v;
                const std::int32_t g = group[c[i]];
                lo[s] = std::min(lo[s], g);
                hi[s] = std::max(hi[s], g);
            });
        });
        return;
    }
    if (m_result == Result::Stddev) {
        // Welford's running mean and sum of squared deviations: equal values give exactly 0, where
        // sum-of-squares formulas leave rounding residue (8.5e-07 for six equal scores).
        double *mean = sum;
        double *m2 = m_sumSq.data();
        withNumeric(m_input, [&](auto get) {
            forEachEntry(entries, [&](std::size_t i, std::uint32_t s) {
                const double v = get(i);
                if (std::isnan(v))
                    return;
                const double delta = v - mean[s];
                mean[s] += delta / double(++n[s]);
                m2[s] += delta * (v - mean[s]);
            });
        });
        return;
    }
    withNumeric(m_input, [&](auto get) {
        forEachEntry(entries, [&](std::size_t i, std::uint32_t s) {
            const double v = get(i);
            if (std::isnan(v))
                return;
            ++n[s];
            sum[s] += v;
        });
    });
}

bool MomentAccumulator::fuse(FusedKey *key, FusedLane *lane) const
{
    const NumericInput &in = m_input;
    if (m_result == Result::Stddev || !in.groupOfCode.empty() || in.column || in.codes != key->codes ||
        in.table.size() < key->codeCount || !fusableMask(in.mask, in.maskRows, key))
        return false;
    lane->kind = FusedLane::Kind::Moment;
    lane->values.assign(key->codeCount * 2, 0.0);
    lane->counted.assign(key->codeCount * 2, 0);
    for (std::size_t c = 0; c < key->codeCount; ++c)
        for (std::size_t bit = 0; bit < 2; ++bit) {
            const double v = in.table[c];
            if ((in.mask && !bit) || std::isnan(v))
                continue;
            lane->values[c * 2 + bit] = v;
            lane->counted[c * 2 + bit] = 1;
        }
    return true;
}

void MomentAccumulator::addFused(const std::uint32_t *counts, const double *sums, std::size_t slots)
{
    for (std::size_t s = 0; s < slots; ++s) {
        m_n[s] += counts[s];
        m_sum[s] += sums[s];
    }
}

void MomentAccumulator::merge(std::uint32_t to, std::uint32_t from)
{
    if (m_result == Result::Stddev) {
        // Chan et al.'s combination of two (n, mean, M2) summaries.
        const std::int64_t na = m_n[to], nb = m_n[from];
        if (nb == 0)
            return;
        const double n = double(na + nb);
        const double delta = m_sum[from] - m_sum[to];
        m_sum[to] += delta * double(nb) / n;
        m_sumSq[to] += m_sumSq[from] + delta * delta * double(na) * double(nb) / n;
        m_n[to] = na + nb;
        return;
    }
    m_n[to] += m_n[from];
    m_sum[to] += m_sum[from];
    if (!m_groupLo.empty()) {
        m_groupLo[to] = std::min(m_groupLo[to], m_groupLo[from]);
        m_groupHi[to] = std::max(m_groupHi[to], m_groupHi[from]);
    }
}

std::optional<PivotValue> MomentAccumulator::value(std::uint32_t slot)
{
    const std::int64_t n = m_n[slot];
    if (n == 0)
        return std::nullopt;
    switch (m_result) {
    case Result::Sum:
        return PivotValue{m_sum[slot] * m_scale, n};
    case Result::Mean:
        if (!m_groupLo.empty() && m_groupLo[slot] != m_groupHi[slot])
            return std::nullopt; // CSAT means are defined within one scale only
        return PivotValue{m_scale * (m_sum[slot] / double(n)), n};
    case Result::Stddev:
        if (n < 2)
            return std::nullopt;
        return PivotValue{std::sqrt(std::max(0.0, m_sumSq[slot]) / double(n - 1)), n};
    }
    return std::nullopt;
}

void ExtremeAccumulator::resize(std::size_t slots)
{
    m_n.resize(slots, 0);
    m_value.resize(slots, 0);
}

void ExtremeAccumulator::add(const Entries &entries)
{
    std::int64_t *n = m_n.data();
    double *best = m_value.data();
    const bool max = m_max;
    withNumeric(m_input, [&](auto get) {
        forEachEntry(entries, [&](std::size_t i, std::uint32_t s) {
            const double v = get(i);
            if (std::isnan(v))
                return;
            if (n[s]++ == 0 || (max ? v > best[s] : v < best[s]))
                best[s] = v;
        });
    });
}

void ExtremeAccumulator::merge(std::uint32_t to, std::uint32_t from)
{
    if (m_n[from] == 0)
        return;
    if (m_n[to] == 0 || (m_max ? m_value[from] > m_value[to] : m_value[from] < m_value[to]))
        m_value[to] = m_value[from];
    m_n[to] += m_n[from];
}

std::optional<PivotValue> ExtremeAccumulator::value(std::uint32_t slot)
{
    if (m_n[slot] == 0)
        return std::nullopt;
    return PivotValue{m_value[slot], m_n[slot]};
}

void PercentileValues::resize(std::size_t slots)
{
    m_offset.resize(slots, 0);
    m_count.resize(slots, 0);
}

void PercentileValues::add(const Entries &entries)
{
    // Two passes: count each cell's values, then place them, so each cell's values are contiguous.
    std::vector<std::uint32_t> count(m_count.size(), 0);
    withNumeric(m_input, [&](auto get) {
        forEachEntry(entries, [&](std::size_t i, std::uint32_t s) {
            if (!std::isnan(get(i)))
                ++count[s];
        });
    });
    std::uint64_t base = m_values.size();
    std::vector<std::uint64_t> next(count.size(), 0);
    for (std::size_t s = 0; s < count.size(); ++s)
        if (count[s]) {
            m_offset[s] = base;
            m_count[s] = count[s];
            next[s] = base;
            base += count[s];
        }
    m_values.resize(base);
    double *values = m_values.data();
    withNumeric(m_input, [&](auto get) {
        forEachEntry(entries, [&](std::size_t i, std::uint32_t s) {
            const double v = get(i);
            if (!std::isnan(v))
                values[next[s]++] = v;
        });
    });
}

void PercentileValues::finishMerges()
{
    if (m_pending.empty())
        return;
    // Each total's values are its children's, copied next to each other (the ranges never overlap:
    // the copies go past the end of what exists).
    std::sort(m_pending.begin(), m_pending.end());
    std::uint64_t end = m_values.size();
    for (const auto &[to, from] : m_pending) {
        m_count[to] = 0;
        (void)from;
    }
    for (const auto &[to, from] : m_pending)
        m_count[to] += m_count[from];
    for (std::size_t k = 0; k < m_pending.size(); ++k)
        if (k == 0 || m_pending[k].first != m_pending[k - 1].first) {
            m_offset[m_pending[k].first] = end;
            end += m_count[m_pending[k].first];
        }
    m_values.resize(end);
    std::uint64_t at = 0;
    for (std::size_t k = 0; k < m_pending.size(); ++k) {
        const auto [to, from] = m_pending[k];
        if (k == 0 || to != m_pending[k - 1].first)
            at = m_offset[to];
        std::copy_n(m_values.data() + m_offset[from], m_count[from], m_values.data() + at);
        at += m_count[from];
    }
    m_pending.clear();
}

std::optional<PivotValue> PercentileAccumulator::value(std::uint32_t slot)
{
    std::uint32_t n = 0;
    double *begin = m_values->range(slot, &n);
    if (n == 0)
        return std::nullopt;
    return PivotValue{percentileType7(begin, begin + n, m_percent), qint64(n)};
}

void DistinctAccumulator::resize(std::size_t slots)
{
    m_distinct.resize(slots, 0);
    m_facts.resize(slots, 0);
    if (m_bitsets && slots * m_words * 8 > Tuning::distinctBitsetBudget)
        toPairs();
    if (m_bitsets)
        m_bits.resize(slots * m_words, 0);
}

// Too many cells for bitsets: the members found so far move into the pair set.
void DistinctAccumulator::toPairs()
{
    m_bitsets = false;
    const std::size_t slots = m_words ? m_bits.size() / m_words : 0;
    for (std::size_t s = 0; s < slots; ++s)
        for (std::size_t w = 0; w < m_words; ++w)
            for (std::uint64_t word = m_bits[s * m_words + w]; word; word &= word - 1) {
                const auto code = std::int32_t(w * 64 + std::size_t(__builtin_ctzll(word)));
                m_pairs.insert((std::uint64_t(s) << 32) | std::uint32_t(code));
            }
    std::vector<std::uint64_t>().swap(m_bits);
}

void DistinctAccumulator::add(const Entries &entries)
{
    const DistinctInput &in = m_input;
    std::int64_t *facts = m_facts.data();
    in.column->visit([&](auto *c) {
        forEachEntry(entries, [&](std::size_t i, std::uint32_t s) {
            ++facts[s];
            std::int32_t code = c[in.parentRows ? std::size_t(in.parentRows[i]) : i];
            if (in.map)
                code = in.map[code];
            if (!in.multiValued) {
                if (code != in.blank)
                    insert(s, code);
                return;
            }
            for (std::uint32_t k = in.setOffsets[code]; k < in.setOffsets[code + 1]; ++k) {
                const std::int32_t member = in.setValues[k];
                if (member != in.blank && (!in.allowed || in.allowed[member]))
                    insert(s, member);
            }
        });
    });
}

void DistinctAccumulator::finishMerges()
{
    if (m_pending.empty())
        return;
    if (m_bitsets) {
        for (const auto &[to, from] : m_pending) {
            m_facts[to] += m_facts[from];
            std::uint64_t *dst = &m_bits[std::size_t(to) * m_words];
            const std::uint64_t *src = &m_bits[std::size_t(from) * m_words];
            for (std::size_t w = 0; w < m_words; ++w) {
                m_distinct[to] += __builtin_popcountll(src[w] & ~dst[w]);
                dst[w] |= src[w];
            }
        }
        m_pending.clear();
        return;
    }
    std::vector<std::uint32_t> target(m_facts.size(), NoSlot);
    for (const auto &[to, from] : m_pending) {
        target[from] = to;
        m_facts[to] += m_facts[from];
    }
    std::vector<std::pair<std::uint32_t, std::int32_t>> added;
    for (std::uint64_t key : m_pairs.keys()) {
        const auto from = std::uint32_t(key >> 32);
        if (from < target.size() && target[from] != NoSlot)
            added.emplace_back(target[from], std::int32_t(std::uint32_t(key)));
    }
    for (const auto &[to, code] : added)
        insert(to, code);
    m_pending.clear();
}

std::optional<PivotValue> DistinctAccumulator::value(std::uint32_t slot)
{
    if (m_facts[slot] == 0)
        return std::nullopt;
    return PivotValue{double(m_distinct[slot]), m_facts[slot]};
}

} // namespace ql::pivot
