// SPDX-License-Identifier: GPL-3.0-or-later
#include "namedictionaries.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ql {

bool NameDictionaries::load(const QSqlDatabase &db, QString *error)
{
    static const char *sql[ImportWriter::NameTableCount] = {
        "SELECT id, name FROM teams",           "SELECT id, name FROM sites",
        "SELECT id, name FROM queues",          "SELECT id, name FROM channels",
        "SELECT id, name FROM root_causes",     "SELECT id, name FROM custom_dimensions",
        "SELECT id, auditor_key FROM auditors",
    };
    for (int t = 0; t < ImportWriter::NameTableCount; ++t) {
        m_ids[t].clear();
        QSqlQuery q(db);
        if (!q.exec(QString::fromLatin1(sql[t]))) {
            *error = q.lastError().text();
            return false;
        }
        while (q.next())
            m_ids[t].insertOrAssign(q.value(1).toString(), q.value(0).toLongLong());
    }
    return true;
}

qint64 NameDictionaries::id(ImportWriter::NameTable table, const QString &name, ImportWriter *writer)
{
    if (name.isEmpty())
        return 0;
    StringIds &ids = m_ids[table];
    if (const qint64 id = ids.value(name))
        return id;
    const qint64 id = writer ? writer->insertName(table, name) : m_nextStandIn--;
    if (id != 0)
        ids.insertOrAssign(name, id);
    return id;
}

QString NameDictionaries::name(ImportWriter::NameTable table, qint64 id) const
{
    if (id == 0)
        return {};
    return m_ids[table].keyOf(id);
}

} // namespace ql
