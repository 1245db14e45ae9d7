// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "datereader.h"
#include "kindimporter.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace ql {

struct ImportContext;

// agents (roster) files: one row per agent, or several rows per agent with different valid_from
// dates for a team history. An agent whose id exists is updated where a row gives a different
// value (an empty cell changes nothing); team, site and supervisor become a history row from
// valid_from (default: the import date) unless the row in force already says the same.
class AgentImport final : public KindImporter
{
public:
    explicit AgentImport(ImportContext &context);

    bool bind(const CsvRecord &header, QStringList *missing, QString *problem) override;
    bool addRow(const CsvRecord &record) override;
    bool finish() override;

    // "1", "yes", "true", "active", "y" → 1; "0", "no", "false", "inactive", "n" → 0.
    static std::optional<bool> readActive(QStringView text);

private:
    enum Field { Agent, Name, Team, Site, Supervisor, HireDate, Active, ValidFrom, Aliases, FieldCount };
    enum Outcome { Inserted, Updated, Unchanged };

    void change(const QString &key, qint64 id, const QString &field, const QString &oldValue, const QString &newValue);

    ImportContext &m_ctx;
    DateReader m_dates;
    int m_columns[FieldCount];
    QHash<QString, qint64> m_firstLines; // agent + valid_from → line
    QHash<QString, Outcome> m_outcomes;  // per agent id of the file
};

} // namespace ql
