// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotresult.h"

#include <algorithm>

namespace ql {

std::optional<PivotValue> PivotResult::value(int row, int column, int measure) const
{
    const auto it =
        std::lower_bound(m_cells.begin(), m_cells.end(), Cell{row, column}, [](const Cell &a, const Cell &b) {
            return a.row != b.row ? a.row < b.row : a.column < b.column;
        });
    if (it == m_cells.end() || it->row != row || it->column != column || measure < 0 || measure >= measureCount())
        return std::nullopt;
    return cellValue(int(it - m_cells.begin()), measure);
}

} // namespace ql
