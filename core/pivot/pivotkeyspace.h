// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The key space of one pivot (internal to the engine). Every cell at every level of totals has a
// key: a mixed-radix number with one digit per axis dimension (rows first, then columns), where a
// digit is a member code, OTHERS (= cardinality) or TOTAL (= cardinality + 1). Since codes are in
// pivot order and TOTAL is the largest digit, ascending keys are pivot order with each "(total)"
// after its group; totals and details share one space, and one slot table, with no special cases.

#include "cube.h"
#include "flathash.h"
#include "pivottuning.h"

#include <cstdint>
#include <vector>

namespace ql::pivot {

struct AxisDimension
{
    Cube::DimensionRef ref;
    std::int32_t cardinality = 0;
    std::uint64_t radix = 0;           // cardinality + 2
    std::uint64_t weight = 0;          // in the whole key
    std::uint64_t axisWeight = 0;      // in the row key or the column key
    std::vector<std::uint8_t> allowed; // members a filter keeps; empty: all
    std::int32_t others() const { return cardinality; }
    std::int32_t total() const { return cardinality + 1; }
};

class KeySpace
{
public:
    std::vector<AxisDimension> dims; // rows, then columns
    int rowDims = 0;
    int colDims = 0;
    std::uint64_t colSpace = 1; // number of column keys
    std::uint64_t size = 1;     // number of keys
    bool overflow = false;

    void finish() // weights from radices; flags keys that would not fit in 64 bits
    {
        std::uint64_t w = 1;
        for (int d = int(dims.size()) - 1; d >= 0; --d) {
            AxisDimension &a = dims[std::size_t(d)];
            a.radix = std::uint64_t(a.cardinality) + 2;
            a.weight = w;
            if (w > ~std::uint64_t(0) / a.radix / 4)
                overflow = true;
            w *= a.radix;
            if (d == rowDims)
                colSpace = w;
        }
        if (rowDims == int(dims.size()))
            colSpace = 1;
        size = w;
        for (int d = 0; d < int(dims.size()); ++d)
            dims[std::size_t(d)].axisWeight =
                d < rowDims ? dims[std::size_t(d)].weight / colSpace : dims[std::size_t(d)].weight;
    }

    std::int32_t digit(std::uint64_t key, int d) const
    {
        const AxisDimension &a = dims[std::size_t(d)];
        return std::int32_t((key / a.weight) % a.radix);
    }
    std::uint64_t withDigit(std::uint64_t key, int d, std::int32_t value) const
    {
        const AxisDimension &a = dims[std::size_t(d)];
        return key - std::uint64_t(digit(key, d)) * a.weight + std::uint64_t(value) * a.weight;
    }
    std::uint64_t rowKey(std::uint64_t key) const { return key / colSpace; }
    std::uint64_t colKey(std::uint64_t key) const { return key % colSpace; }
    std::uint64_t join(std::uint64_t rowKey, std::uint64_t colKey) const { return rowKey * colSpace + colKey; }

    // Digit j of a row key (j < rowDims) or a column key (j < colDims).
    std::int32_t axisDigit(bool rows, std::uint64_t axisKey, int j) const
    {
        const AxisDimension &a = dims[std::size_t(rows ? j : rowDims + j)];
        return std::int32_t((axisKey / a.axisWeight) % a.radix);
    }
    std::uint64_t axisWithDigit(bool rows, std::uint64_t axisKey, int j, std::int32_t value) const
    {
        const AxisDimension &a = dims[std::size_t(rows ? j : rowDims + j)];
        return axisKey - std::uint64_t(axisDigit(rows, axisKey, j)) * a.axisWeight +
               std::uint64_t(value) * a.axisWeight;
    }
    // Leading digits that are not TOTAL.
    int axisLevel(bool rows, std::uint64_t axisKey) const
    {
        const int n = rows ? rowDims : colDims;
        for (int j = 0; j < n; ++j)
            if (axisDigit(rows, axisKey, j) == dims[std::size_t(rows ? j : rowDims + j)].total())
                return j;
        return n;
    }
    // The axis key with digits from `level` on set to TOTAL.
    std::uint64_t axisPrefix(bool rows, std::uint64_t axisKey, int level) const
    {
        const int n = rows ? rowDims : colDims;
        for (int j = level; j < n; ++j)
            axisKey = axisWithDigit(rows, axisKey, j, dims[std::size_t(rows ? j : rowDims + j)].total());
        return axisKey;
    }
    std::uint64_t project(std::uint64_t key, int rowLevel, int colLevel) const
    {
        return join(axisPrefix(true, rowKey(key), rowLevel), axisPrefix(false, colKey(key), colLevel));
    }
};

// Key -> slot: the key itself while the key space is small (a dense array, no hashing), else an
// open-addressing map handing out slots as keys appear.
class SlotTable
{
public:
    explicit SlotTable(std::uint64_t keySpace, std::size_t expected)
        : m_dense(keySpace <= Tuning::denseLimit), m_size(m_dense ? std::size_t(keySpace) : 0),
          m_map(m_dense ? 16 : expected)
    {
    }
    bool isDense() const { return m_dense; }
    std::uint32_t slot(std::uint64_t key) { return m_dense ? std::uint32_t(key) : m_map.insert(key); }
    std::int64_t find(std::uint64_t key) const { return m_dense ? std::int64_t(key) : m_map.find(key); }
    std::uint64_t key(std::uint32_t slot) const { return m_dense ? slot : m_map.keys()[slot]; }
    std::size_t size() const { return m_dense ? m_size : m_map.size(); }

private:
    bool m_dense;
    std::size_t m_size;
    FlatKeyMap m_map;
};

} // namespace ql::pivot
