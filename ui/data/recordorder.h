// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordfilter.h"

#include <QString>
#include <Qt>

#include <vector>

namespace ql {

class JobContext;
struct RecordTable;

struct RecordOrderRequest
{
    RecordFilter filter;
    int sortColumn = -1; // -1: the table's natural order
    Qt::SortOrder order = Qt::AscendingOrder;
    qint64 expectedRows = -1; // for progress; -1 when unknown
    bool countTotal = false;  // also count the rows without the search (for "12 of 3,400")
};

struct RecordOrderResult
{
    std::vector<qint64> ids; // the rows to show, in display order
    qint64 total = -1;       // rows without the search, when asked for
    QString error;
};

// The background half of the data browser: which row ids to show, in which order. Reads through
// the raw sqlite3 API (QSqlQuery costs 2-3x on a million rows), sorts in memory by (value, id) and
// never sorts in SQL: ORDER BY on an unindexed column is slow and would have to be repeated for
// every page. Ascending order puts empty values first, as SQL does.
class RecordOrder final
{
public:
    static RecordOrderResult compute(const RecordTable &table, const RecordOrderRequest &request, JobContext &context);

    // " WHERE …" (or empty) for the filter; binds ?1 (the LIKE pattern) and ?2 (the parent).
    static QString whereClause(const RecordTable &table, const RecordFilter &filter);
    // The LIKE pattern for a search text: a substring, with % and _ taken literally.
    static QString likePattern(const QString &text);
};

} // namespace ql
