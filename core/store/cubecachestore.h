// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <cstddef>
#include <functional>

namespace ql {

// The cube_cache table (schema v2): one snapshot per fact source, valid while the data it was
// built from is unchanged. Every write to a table a cube reads comes with an import_log or a
// change_log row, and new facts get new ids, so the data stamp is the largest rowid of the logs and
// of every table the cube builder reads: a few index lookups, and any change makes it differ.
class CubeCacheStore final
{
public:
    explicit CubeCacheStore(QSqlDatabase db);

    // False on a project without the table (version 1, opened read-only before its migration).
    bool isAvailable() const;
    QByteArray dataStamp() const;

    // Calls use(data, size) on the snapshot of source with this format and stamp, the bytes read
    // in place (valid only during the call). False when there is none or use() returned false.
    bool read(const QString &source, int format, const QByteArray &stamp,
              const std::function<bool(const char *data, std::size_t size)> &use) const;
    // Replaces the source's snapshot and drops those of other stamps, in one transaction.
    bool write(const QString &source, int format, const QByteArray &stamp, const QByteArray &data,
               QString *error) const;
    // Forgets every snapshot (cube_cache rows are never data: nothing is logged).
    bool clear(QString *error) const;

private:
    QSqlDatabase m_db;
};

} // namespace ql
