// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace ql {

// A forward-only scan over one SELECT through the raw sqlite3 C API: reading a million rows this way
// costs a third of what QSqlQuery does (performance.md). It is the only place in core/pivot that
// talks SQLite; a PostgreSQL backend would replace it with a COPY reader of the same shape.
class SqliteScan final
{
public:
    SqliteScan(sqlite3 *db, const char *sql);
    ~SqliteScan();
    SqliteScan(const SqliteScan &) = delete;
    SqliteScan &operator=(const SqliteScan &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    QString error() const { return m_error; }

    // Steps to the next row; false at the end or on an error (error() says which).
    bool next();

    bool isNull(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;           // NaN for NULL
    std::string_view text(int column) const; // empty for NULL; valid until the next step

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
};

// A single value (SELECT max(id) FROM …), or fallback when the query returns nothing or NULL.
std::int64_t sqliteScalar(sqlite3 *db, const char *sql, std::int64_t fallback);

} // namespace ql
