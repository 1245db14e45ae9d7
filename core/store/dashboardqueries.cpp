// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardqueries.h"

#include <QSqlQuery>

namespace ql {

DashboardQueries::DashboardQueries(QSqlDatabase db)
    : m_db(std::move(db))
{
}

qint64 DashboardQueries::openDisputes() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM disputes WHERE state = 'open'")) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

std::optional<DashboardQueries::Import> DashboardQueries::lastImport() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT at, file_name, kind FROM import_log ORDER BY at DESC, id DESC LIMIT 1")) || !q.next())
        return std::nullopt;
    Import i;
    i.at = QDateTime::fromString(q.value(0).toString(), Qt::ISODate);
    i.fileName = q.value(1).toString();
    i.kind = q.value(2).toString();
    return i;
}

} // namespace ql
