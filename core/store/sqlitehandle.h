// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

struct sqlite3;

namespace ql {

// The raw sqlite3* behind a QtSql connection, for the bulk paths (the Qt SQLite driver on Debian
// links the system libsqlite3). Everything else goes through QtSql.
sqlite3 *sqliteHandle(const QSqlDatabase &db);

// Runs a script of several statements (DDL, PRAGMAs); returns an empty string or SQLite's error.
QString execScript(const QSqlDatabase &db, const QString &sql);

} // namespace ql
