// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitehandle.h"

#include <QSqlDriver>
#include <QVariant>
#include <sqlite3.h>

namespace ql {

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

ScopedCacheSize::ScopedCacheSize(sqlite3 *db)
    : m_db(db)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA cache_size", -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        m_old = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_exec(db, "PRAGMA cache_size = -262144", nullptr, nullptr, nullptr); // 256 MiB
}

ScopedCacheSize::~ScopedCacheSize()
{
    const QByteArray sql = "PRAGMA cache_size = " + QByteArray::number(m_old);
    sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, nullptr);
}

QString execScript(const QSqlDatabase &db, const QString &sql)
{
    sqlite3 *h = sqliteHandle(db);
    if (!h)
        return QStringLiteral("no SQLite connection");
    char *err = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_exec(h, utf8.constData(), nullptr, nullptr, &err) != SQLITE_OK) {
        const QString msg = QString::fromUtf8(err ? err : sqlite3_errmsg(h));
        sqlite3_free(err);
        return msg;
    }
    return {};
}

} // namespace ql
