// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importwriter.h"
#include "stringindex.h"

#include <QSqlDatabase>
#include <QString>

namespace ql {

// The project's name tables (teams, sites, queues, channels, root causes, custom dimensions,
// auditors), read once and then looked up in memory; a name not seen before is inserted. When the
// import does not write (a dry run, or after a rejection), new names get negative stand-in ids so
// validation goes on exactly as it would.
class NameDictionaries final
{
public:
    bool load(const QSqlDatabase &db, QString *error);

    // 0 for an empty name. `writer` null: do not write, hand out a stand-in id.
    qint64 id(ImportWriter::NameTable table, const QString &name, ImportWriter *writer);
    // The id of an existing name, or 0.
    qint64 find(ImportWriter::NameTable table, const QString &name) const { return m_ids[table].value(name); }
    QString name(ImportWriter::NameTable table, qint64 id) const;

private:
    StringIds m_ids[ImportWriter::NameTableCount];
    qint64 m_nextStandIn = -1;
};

} // namespace ql
