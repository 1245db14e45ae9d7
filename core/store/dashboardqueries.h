// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace ql {

// The dashboard's few facts that are not KPIs: open disputes and the last import.
class DashboardQueries final
{
public:
    explicit DashboardQueries(QSqlDatabase db);

    struct Import
    {
        QDateTime at; // as stored (ISO 8601, UTC)
        QString fileName;
        QString kind;
    };

    qint64 openDisputes() const;
    std::optional<Import> lastImport() const;

private:
    QSqlDatabase m_db;
};

} // namespace ql
