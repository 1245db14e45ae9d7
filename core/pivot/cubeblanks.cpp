// SPDX-License-Identifier: GPL-3.0-or-later
#include "cubeblanks.h"

#include <vector>

namespace ql {

bool hasBlankMember(const Cube &cube, const Cube::DimensionRef &ref)
{
    if (!ref)
        return false;
    const CubeDimension &d = *ref.dimension;
    if (!d.column)
        return cube.factCount() > 0; // no column: every fact is (blank)
    // Which column codes stand for (blank), through the map and the value sets.
    const std::int32_t blank = d.blankCode();
    const std::size_t codes = !d.map.empty()    ? d.map.size()
                              : d.multiValued   ? (d.setOffsets.empty() ? 0 : d.setOffsets.size() - 1)
                                                : std::size_t(d.cardinality());
    std::vector<char> isBlank(codes, 0);
    bool any = false;
    for (std::size_t c = 0; c < codes; ++c) {
        const std::int32_t member = d.map.empty() ? std::int32_t(c) : d.map[c];
        if (d.multiValued) {
            if (member >= 0 && std::size_t(member) + 1 < d.setOffsets.size())
                for (std::uint32_t i = d.setOffsets[std::size_t(member)]; i < d.setOffsets[std::size_t(member) + 1]; ++i)
                    isBlank[c] |= char(d.setValues[i] == blank);
        } else {
            isBlank[c] = char(member == blank);
        }
        any = any || isBlank[c];
    }
    if (!any)
        return false;
    return d.column->visit([&](const auto *column) {
        auto blankAt = [&](std::size_t row) {
            const auto code = std::size_t(column[row]);
            return code < codes && isBlank[code];
        };
        if (ref.viaParent) {
            for (std::int32_t row : cube.parentRows())
                if (blankAt(std::size_t(row)))
                    return true;
            return false;
        }
        const std::size_t n = d.column->size();
        for (std::size_t row = 0; row < n; ++row)
            if (blankAt(row))
                return true;
        return false;
    });
}

} // namespace ql
