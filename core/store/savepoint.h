// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace ql {

// A SAVEPOINT that rolls back unless committed: one user-level operation that nests inside a
// caller's transaction (a dispute decision holding several corrections) or stands alone.
class Savepoint final
{
public:
    Savepoint(const QSqlDatabase &db, const QString &name) : m_db(db), m_name(name)
    {
        m_open = QSqlQuery(m_db).exec(QStringLiteral("SAVEPOINT ") + m_name);
    }
    ~Savepoint()
    {
        if (!m_open)
            return;
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("ROLLBACK TO ") + m_name);
        q.exec(QStringLiteral("RELEASE ") + m_name);
    }
    Savepoint(const Savepoint &) = delete;
    Savepoint &operator=(const Savepoint &) = delete;

    bool isOpen() const { return m_open; }
    bool commit()
    {
        if (m_open && QSqlQuery(m_db).exec(QStringLiteral("RELEASE ") + m_name))
            m_open = false;
        return !m_open;
    }

private:
    QSqlDatabase m_db;
    QString m_name;
    bool m_open = false;
};

} // namespace ql
