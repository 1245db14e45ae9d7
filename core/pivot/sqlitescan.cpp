// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitescan.h"

#include <limits>
#include <sqlite3.h>

namespace ql {

SqliteScan::SqliteScan(sqlite3 *db, const char *sql) : m_db(db)
{
    if (!db) {
        m_error = QStringLiteral("no SQLite connection");
        return;
    }
    if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

SqliteScan::~SqliteScan()
{
    sqlite3_finalize(m_stmt);
}

bool SqliteScan::next()
{
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE && m_error.isEmpty())
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    return false;
}

bool SqliteScan::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t SqliteScan::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double SqliteScan::real(int column) const
{
    if (sqlite3_column_type(m_stmt, column) == SQLITE_NULL)
        return std::numeric_limits<double>::quiet_NaN();
    return sqlite3_column_double(m_stmt, column);
}

std::string_view SqliteScan::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!p)
        return {};
    return {p, std::size_t(sqlite3_column_bytes(m_stmt, column))};
}

std::int64_t sqliteScalar(sqlite3 *db, const char *sql, std::int64_t fallback)
{
    SqliteScan scan(db, sql);
    if (scan.next() && !scan.isNull(0))
        return scan.integer(0);
    return fallback;
}

} // namespace ql
