// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agentnames.h"
#include "exportfilter.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace ql {

class ExportSql;
class TableWriter;

// What `export --source` names (formats.md "Export columns").
enum class ExportSource { Audits, Answers, Csat, Agents };
QString exportSourceName(ExportSource source);
std::optional<ExportSource> exportSourceFromName(const QString &name);

struct ExportSpec
{
    ExportSource source = ExportSource::Audits;
    QList<ExportFilter> filters; // all must hold; dimensions of analysis.md's vocabulary
    QDate from;                  // the fact's period date, both ends inclusive; invalid: open.
    QDate to;                    // Audits, answers and CSAT only.
    QDate asOf;                  // agents: the roster row in force on this date; invalid: today
    // How agents appear (DataExport applies it): names, ids or pseudonyms made with pseudonymKey
    // (AgentNames::projectKey).
    NameDisplay names = NameDisplay::Names;
    QByteArray pseudonymKey;
};

// The rows of one export source, read straight from the project file and streamed into a
// TableWriter one row at a time (a million audits are never held in memory), with typed cells.
//
// Columns, in order:
// - audits: audit_id, source, ticket_id, date, interaction_date, week, month, agent, agent_name,
//   team, site, supervisor, queue, channel, auditor, sample_type, scorecard, scorecard_version,
//   score, raw_score, passed, critical_fail, critical_families (customer;business;compliance),
//   incomplete, comment, then one column per custom dimension.
// - answers: audit_id, source, ticket_id, date, interaction_date, agent, auditor, team, site,
//   supervisor, queue, channel, sample_type, scorecard, scorecard_version, criterion (its key),
//   section, value (the number, an options scale's label, or N/A), na, c, root_cause
//   (;-separated), comment: the long form that imports back to the same scores.
// - csat: response_id, source, date, score (the number, or the label on a label scale),
//   ticket_id, agent, team, site, supervisor, queue, channel, reason, comment, scale, satisfied,
//   dissatisfied, week, month, then one column per custom dimension.
// - agents: agent, name, team, site, supervisor (the roster row in force on asOf; for an agent
//   whose roster starts later, its first row), hire_date, active.
//
// Team, site and supervisor of a fact are those stored with it, else the roster's on its date, as
// in pivots; a response without an agent has that of its ticket's latest official audit (scoring.md
// "CSAT"). week, month and the date range follow the project's period date (the review date by
// default, or the interaction date). Rows come in the order they were stored.
//
// SQL is built from fixed text and bound values only; filter values never enter the SQL text.
class ExportQuery final
{
public:
    enum class Problem {
        None,
        UnknownDimension, // a filter names a dimension the source does not have (CLI exit 3)
        InvalidSpec,      // e.g. a date range on agents (the CLI refuses that as usage first)
        Database,         // the project could not be read
    };

    ExportQuery(const QSqlDatabase &db, ExportSpec spec);
    ~ExportQuery();
    ExportQuery(const ExportQuery &) = delete;
    ExportQuery &operator=(const ExportQuery &) = delete;

    // Reads the project's custom dimensions and period date, checks the filters and builds the SQL.
    bool prepare();
    Problem problem() const { return m_problem; }
    QString errorString() const { return m_error; }

    // After prepare():
    QStringList header() const;
    // The dimensions --filter may name for this source, built-in ones first, then custom ones.
    QStringList dimensions() const;
    // The number of rows the filters keep; -1 on a read error.
    qint64 count();
    // Writes the header and the rows. progress(rows so far) is called every few thousand rows and
    // once at the end; returning false stops with the error "cancelled". False with *error on a
    // read error, when out fails (out.errorString() then says why) or when cancelled.
    bool run(TableWriter &out, QString *error, const std::function<bool(qint64)> &progress = {});

private:
    bool fail(Problem problem, const QString &message);

    QSqlDatabase m_db;
    ExportSpec m_spec;
    std::unique_ptr<ExportSql> m_sql;
    Problem m_problem = Problem::None;
    QString m_error;
};

} // namespace ql
