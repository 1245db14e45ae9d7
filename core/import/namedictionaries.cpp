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
            m_ids[t].insert_or_assign(q.value(1).toString(), q.value(0).toLongLong());
    }
    return true;
}

qint64 NameDictionaries::id(ImportWriter::NameTable table, const QString &name, ImportWriter *writer)
{
    if (name.isEmpty())
        return 0;
    auto &ids = m_ids[table];
    const auto it = ids.find(name);
    if (it != ids.end())
        return it->second;
    const qint64 id = writer ? writer->insertName(table, name) : m_nextStandIn--;
    if (id != 0)
        ids.insert_or_assign(name, id);
    return id;
}

QString NameDictionaries::name(ImportWriter::NameTable table, qint64 id) const
{
    if (id == 0)
        return {};
    for (const auto &[name, nameId] : m_ids[table]) {
        if (nameId == id)
            return name;
    }
    return {};
}

} // namespace ql
