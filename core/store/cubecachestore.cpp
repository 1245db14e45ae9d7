// SPDX-License-Identifier: GPL-3.0-or-later
#include "cubecachestore.h"

#include "sqlitehandle.h"

#include <QDateTime>
#include <QObject>

#include <sqlite3.h>

namespace ql {

namespace {

// Every rowid table the cube builder reads, and the two logs. (audit_dimensions, csat_dimensions
// and answer_root_causes have no rowid; they change only with an import or a logged edit.)
const char *const StampTables[] = {"import_log", "change_log", "agents",   "agent_history",     "teams",
                                   "sites",      "queues",     "channels", "auditors",          "scorecards",
                                   "criteria",   "custom_dimensions",     "root_causes",       "audits",
                                   "answers",    "csat_responses"};

class Statement
{
public:
    Statement(sqlite3 *db, const char *sql)
    {
        if (db && sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
            sqlite3_finalize(m_stmt);
            m_stmt = nullptr;
        }
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    sqlite3_stmt *get() const { return m_stmt; }
    explicit operator bool() const { return m_stmt != nullptr; }

private:
    sqlite3_stmt *m_stmt = nullptr;
};

QString lastError(sqlite3 *h)
{
    return h ? QString::fromUtf8(sqlite3_errmsg(h)) : QObject::tr("the project's database is not open");
}

} // namespace

CubeCacheStore::CubeCacheStore(QSqlDatabase db) : m_db(std::move(db)) {}

bool CubeCacheStore::isAvailable() const
{
    Statement s(sqliteHandle(m_db), "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cube_cache'");
    return s && sqlite3_step(s.get()) == SQLITE_ROW;
}

QByteArray CubeCacheStore::dataStamp() const
{
    sqlite3 *h = sqliteHandle(m_db);
    QByteArray stamp;
    for (const char *table : StampTables) {
        const QByteArray sql = QByteArray("SELECT max(rowid) FROM ") + table;
        Statement s(h, sql.constData());
        const qint64 top = s && sqlite3_step(s.get()) == SQLITE_ROW ? sqlite3_column_int64(s.get(), 0) : -1;
        stamp += table;
        stamp += '=';
        stamp += QByteArray::number(top);
        stamp += ';';
    }
    return stamp;
}

bool CubeCacheStore::read(const QString &source, int format, const QByteArray &stamp,
                          const std::function<bool(const char *, std::size_t)> &use) const
{
    Statement s(sqliteHandle(m_db), "SELECT data FROM cube_cache WHERE source = ?1 AND format = ?2 AND data_stamp = ?3");
    if (!s)
        return false;
    const QByteArray name = source.toUtf8();
    sqlite3_bind_text(s.get(), 1, name.constData(), int(name.size()), SQLITE_STATIC);
    sqlite3_bind_int(s.get(), 2, format);
    sqlite3_bind_text(s.get(), 3, stamp.constData(), int(stamp.size()), SQLITE_STATIC);
    if (sqlite3_step(s.get()) != SQLITE_ROW)
        return false;
    const void *data = sqlite3_column_blob(s.get(), 0);
    const int size = sqlite3_column_bytes(s.get(), 0);
    return data && size > 0 && use(static_cast<const char *>(data), std::size_t(size));
}

bool CubeCacheStore::write(const QString &source, int format, const QByteArray &stamp, const QByteArray &data,
                           QString *error) const
{
    sqlite3 *h = sqliteHandle(m_db);
    auto fail = [&](bool rollback) {
        if (error)
            *error = lastError(h);
        if (rollback)
            sqlite3_exec(h, "ROLLBACK TO cube_cache; RELEASE cube_cache", nullptr, nullptr, nullptr);
        return false;
    };
    if (!h || sqlite3_exec(h, "SAVEPOINT cube_cache", nullptr, nullptr, nullptr) != SQLITE_OK)
        return fail(false);
    const QByteArray name = source.toUtf8();
    {
        Statement drop(h, "DELETE FROM cube_cache WHERE source = ?1 OR data_stamp <> ?2 OR format <> ?3");
        if (!drop)
            return fail(true);
        sqlite3_bind_text(drop.get(), 1, name.constData(), int(name.size()), SQLITE_STATIC);
        sqlite3_bind_text(drop.get(), 2, stamp.constData(), int(stamp.size()), SQLITE_STATIC);
        sqlite3_bind_int(drop.get(), 3, format);
        if (sqlite3_step(drop.get()) != SQLITE_DONE)
            return fail(true);
    }
    {
        Statement insert(h, "INSERT INTO cube_cache (source, format, data_stamp, built_at, data) "
                            "VALUES (?1, ?2, ?3, ?4, ?5)");
        if (!insert)
            return fail(true);
        const QByteArray at = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8();
        sqlite3_bind_text(insert.get(), 1, name.constData(), int(name.size()), SQLITE_STATIC);
        sqlite3_bind_int(insert.get(), 2, format);
        sqlite3_bind_text(insert.get(), 3, stamp.constData(), int(stamp.size()), SQLITE_STATIC);
        sqlite3_bind_text(insert.get(), 4, at.constData(), int(at.size()), SQLITE_STATIC);
        sqlite3_bind_blob64(insert.get(), 5, data.constData(), sqlite3_uint64(data.size()), SQLITE_STATIC);
        if (sqlite3_step(insert.get()) != SQLITE_DONE)
            return fail(true);
    }
    if (sqlite3_exec(h, "RELEASE cube_cache", nullptr, nullptr, nullptr) != SQLITE_OK)
        return fail(true);
    return true;
}

bool CubeCacheStore::clear(QString *error) const
{
    sqlite3 *h = sqliteHandle(m_db);
    if (h && sqlite3_exec(h, "DELETE FROM cube_cache", nullptr, nullptr, nullptr) == SQLITE_OK)
        return true;
    if (error)
        *error = lastError(h);
    return false;
}

} // namespace ql
