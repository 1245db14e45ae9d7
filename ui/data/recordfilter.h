// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace ql {

// Which rows of a browsed table are shown: a search text over one column or all searchable ones,
// and for a child table (the answers of one audit) the parent's id.
struct RecordFilter
{
    QString text;
    int column = -1; // a column index, or -1 for every searchable column
    std::optional<qint64> parent;

    bool hasSearch() const { return !text.trimmed().isEmpty(); }
    bool operator==(const RecordFilter &other) const = default;
};

} // namespace ql
