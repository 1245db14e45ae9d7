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
