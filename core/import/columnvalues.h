// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>

namespace ql {

// The different values of each column of a CSV file, read from the whole file (streamed, never
// held whole), for the import wizard's criterion and value lists: the criterion names and the
// answer texts of the last row count as much as those of the first.
struct ColumnValues
{
    QStringList header;
    // Per column: the trimmed, non-empty texts in the order they first appear, at most `limit`
    // of them; `more` is true for a column that has more (a comment or id column).
    QList<QStringList> values;
    QList<bool> more;
    qint64 records = 0;
    QString error; // empty when the whole file was read

    bool isEmpty() const { return header.isEmpty(); }
    // The column's values, or an empty list for a column that is not in the header.
    QStringList of(const QString &column) const;

    // Reads path as the import will (encoding and delimiter as the mapping gives them: "auto" and a
    // null QChar detect). Stops early, with the error "cancelled", when *cancel becomes true.
    static ColumnValues read(const QString &path, const QString &encoding, QChar delimiter, int limit,
                             const std::atomic_bool *cancel = nullptr);
};

} // namespace ql
