// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace ql {

// Which rows of a browsed table are shown: a search text over one column or all searchable ones,
// for a child table (the answers of one audit) the parent's id, and for a drill-down (the records
// behind a pivot cell) the ids of the rows, ascending.
struct RecordFilter
{
    QString text;
    int column = -1; // a column index, or -1 for every searchable column
    std::optional<qint64> parent;
    std::shared_ptr<const std::vector<qint64>> ids; // when set: only these rows (ascending, no repeats)

    bool hasSearch() const { return !text.trimmed().isEmpty(); }
    bool operator==(const RecordFilter &other) const = default;
};

} // namespace ql
