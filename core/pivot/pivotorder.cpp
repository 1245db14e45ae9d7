// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotorder.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>

namespace ql::pivot {

double tieValue(double v)
{
    char text[32];
    const auto written = std::to_chars(text, text + sizeof text, v, std::chars_format::general, 12);
    double rounded = v;
    std::from_chars(text, written.ptr, rounded);
    return rounded;
}

namespace {

struct Ranked
{
    std::uint64_t key;
    std::int32_t digit;
    std::optional<PivotValue> value; // its value rounded by tieValue()
};

std::optional<PivotValue> rounded(std::optional<PivotValue> v)
{
    if (v)
        v->value = tieValue(v->value);
    return v;
}

// Value order (asc or desc) with missing values last, then n descending, then label.
bool before(const Ranked &a, const Ranked &b, bool descending)
{
    if (a.value.has_value() != b.value.has_value())
        return a.value.has_value();
    if (a.value && b.value) {
        if (a.value->value != b.value->value)
            return descending ? a.value->value > b.value->value : a.value->value < b.value->value;
        if (a.value->n != b.value->n)
            return a.value->n > b.value->n;
    }
    return a.digit < b.digit;
}

bool sameValue(const std::optional<PivotValue> &a, const std::optional<PivotValue> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a || a->value == b->value;
}

} // namespace

void orderAxis(const KeySpace &space, bool rows, bool byLabel, bool descending, const AxisValue &valueOf,
               std::vector<std::uint64_t> *axisKeys)
{
    const int dims = rows ? space.rowDims : space.colDims;
    auto dimAt = [&](int j) -> const AxisDimension & { return space.dims[std::size_t(rows ? j : space.rowDims + j)]; };

    // With a measure: rank each prefix among its siblings once, then compare keys by those ranks.
    std::unordered_map<std::uint64_t, int> rank;
    if (!byLabel) {
        for (int j = 0; j < dims; ++j) {
            std::vector<std::uint64_t> prefixes;
            for (std::uint64_t key : *axisKeys) {
                const std::int32_t d = space.axisDigit(rows, key, j);
                if (d < dimAt(j).cardinality)
                    prefixes.push_back(space.axisPrefix(rows, key, j + 1));
            }
            std::sort(prefixes.begin(), prefixes.end());
            prefixes.erase(std::unique(prefixes.begin(), prefixes.end()), prefixes.end());
            // Sorted keys keep siblings (same parent prefix) together.
            std::vector<Ranked> group;
            auto flush = [&] {
                std::sort(group.begin(), group.end(),
                          [&](const Ranked &a, const Ranked &b) { return before(a, b, descending); });
                for (std::size_t r = 0; r < group.size(); ++r)
                    rank[group[r].key] = int(r);
                group.clear();
            };
            std::uint64_t parent = 0;
            for (std::uint64_t p : prefixes) {
                const std::uint64_t pp = space.axisPrefix(rows, p, j);
                if (!group.empty() && pp != parent)
                    flush();
                parent = pp;
                group.push_back({p, space.axisDigit(rows, p, j), rounded(valueOf(p))});
            }
            flush();
        }
    }
    std::stable_sort(axisKeys->begin(), axisKeys->end(), [&](std::uint64_t a, std::uint64_t b) {
        for (int j = 0; j < dims; ++j) {
            const std::int32_t da = space.axisDigit(rows, a, j), db = space.axisDigit(rows, b, j);
            if (da == db)
                continue;
            const AxisDimension &dim = dimAt(j);
            if (da == dim.total() || db == dim.total())
                return db == dim.total();
            if (da == dim.others() || db == dim.others())
                return db == dim.others();
            if (byLabel)
                return descending ? da > db : da < db;
            return rank.at(space.axisPrefix(rows, a, j + 1)) < rank.at(space.axisPrefix(rows, b, j + 1));
        }
        return false;
    });
}

TopChoice chooseTop(const KeySpace &space, const std::vector<std::uint64_t> &finestRowKeys, int n,
                    const AxisValue &valueOf)
{
    TopChoice choice;
    const int last = space.rowDims - 1;
    std::vector<std::uint64_t> keys = finestRowKeys;
    std::sort(keys.begin(), keys.end());
    std::vector<Ranked> group;
    auto flush = [&] {
        std::sort(group.begin(), group.end(), [](const Ranked &a, const Ranked &b) { return before(a, b, true); });
        std::size_t keep = std::min(group.size(), std::size_t(n));
        while (keep < group.size() && keep > 0 && sameValue(group[keep].value, group[keep - 1].value))
            ++keep;
        choice.tiesKept += int(keep) - std::min(int(keep), n);
        if (keep < group.size())
            ++choice.groupsCut;
        for (std::size_t r = keep; r < group.size(); ++r)
            choice.dropped.push_back(group[r].key);
        group.clear();
    };
    std::uint64_t parent = 0;
    for (std::uint64_t key : keys) {
        const std::uint64_t p = space.axisPrefix(true, key, last);
        if (!group.empty() && p != parent)
            flush();
        parent = p;
        group.push_back({key, space.axisDigit(true, key, last), rounded(valueOf(key))});
    }
    if (!group.empty())
        flush();
    std::sort(choice.dropped.begin(), choice.dropped.end());
    return choice;
}

} // namespace ql::pivot
