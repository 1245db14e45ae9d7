// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <functional>

namespace ql {

// The project file's schema and how it grows. Version N+1 is reached from N by one migration; a
// project is migrated in one transaction after a backup copy is written next to it.
namespace Schema {

constexpr quint32 ApplicationId = 0x514C4E53; // "QLNS"
constexpr int CurrentVersion = 2;

struct Migration
{
    int toVersion = 0;
    std::function<QString(const QSqlDatabase &)> apply; // returns an error message or empty
};

// The migrations from version 1 upwards (2: cube_cache).
QList<Migration> migrations();

// Creates every table of the current version in an empty database, inside one transaction, and
// sets application_id and user_version. Returns an error message or empty.
QString create(const QSqlDatabase &db);

// The path of the backup written before migrating from `fromVersion`:
// NAME.qlens.bak-vN, or with a date-time suffix when that name exists already.
QString backupPath(const QString &projectPath, int fromVersion);

// Migrates from `fromVersion` to the last step's version: VACUUM INTO the backup, then every step
// in one transaction that also sets user_version. On failure nothing changes and the backup stays.
QString migrate(const QSqlDatabase &db, const QString &projectPath, int fromVersion,
                const QList<Migration> &steps, QString *backupWritten = nullptr);

int userVersion(const QSqlDatabase &db);

} // namespace Schema
} // namespace ql
