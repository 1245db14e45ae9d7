// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

struct sqlite3;

namespace ql {

// The raw sqlite3* behind a QtSql connection, for the bulk paths (the Qt SQLite driver on Debian
// links the system libsqlite3). Everything else goes through QtSql.
sqlite3 *sqliteHandle(const QSqlDatabase &db);

// Raises the page cache to 256 MiB for one bulk transaction (demo, import) and puts the old size
// back when it goes out of scope.
class ScopedCacheSize final
{
public:
    explicit ScopedCacheSize(sqlite3 *db);
    ~ScopedCacheSize();
    ScopedCacheSize(const ScopedCacheSize &) = delete;
    ScopedCacheSize &operator=(const ScopedCacheSize &) = delete;

private:
    sqlite3 *m_db;
    qint64 m_old = -2000;
};

// Runs a script of several statements (DDL, PRAGMAs); returns an empty string or SQLite's error.
QString execScript(const QSqlDatabase &db, const QString &sql);

} // namespace ql
