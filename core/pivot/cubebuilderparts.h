// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Pieces shared by the three cube builders (cubebuilder*.cpp); not a public interface.

#include "cube.h"
#include "cubebuilder.h"
#include "stringdictionary.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

struct sqlite3;

namespace ql::cubebuild {

// The builders' way into a cube under construction.
struct Access
{
    static std::shared_ptr<Cube> create(PivotSource source) { return std::shared_ptr<Cube>(new Cube(source)); }
    static CodeColumn *addColumn(Cube *cube) { return cube->addColumn(); }
    static CubeDimension &addDimension(Cube *cube, const QString &name) { return cube->addDimension(name); }
    static QStringList &customNames(Cube *cube) { return cube->m_customNames; }
    // CubeSnapshot's writer and reader (cubesnapshot.cpp): they copy every member.
    static QByteArray writeSnapshot(const Cube &cube);
    static std::shared_ptr<const Cube> readSnapshot(const char *data, std::size_t size,
                                                    std::shared_ptr<const Cube> audits);
};

// Reports progress and answers "stop?" every few thousand rows.
class Checkpoint
{
public:
    Checkpoint(const CubeBuilder::Control &control, int from, int to, std::int64_t expectedRows);
    // True when the build must stop (cancelled).
    bool tick(std::int64_t row)
    {
        if ((row & 0x7fff) != 0)
            return false;
        return report(row);
    }
    bool cancelled() const;

private:
    bool report(std::int64_t row);
    const CubeBuilder::Control &m_control;
    int m_from;
    int m_to;
    std::int64_t m_expected;
};

// Database id -> final dictionary code of a small table (teams, queues, agents, …).
struct IdCodes
{
    std::vector<std::int32_t> byId; // dense over ids; -1 unknown
    std::int32_t blank = 0;         // the (blank) code
    std::int32_t code(std::int64_t id, bool isNull) const
    {
        if (isNull || id < 0 || id >= std::int64_t(byId.size()) || byId[std::size_t(id)] < 0)
            return blank;
        return byId[std::size_t(id)];
    }
};

// Loads "SELECT id, label FROM …" into a dimension's dictionary; returns false on an SQL error.
bool loadIdDictionary(sqlite3 *db, const char *sql, IdCodes *codes, QStringList *labels, QString *error);

// The roster: agents with their hire dates and the history of team, site and supervisor.
struct Roster
{
    IdCodes agents;                        // agent id -> agent code
    QStringList agentLabels;               // agent_key
    std::vector<std::int32_t> nameOfAgent; // agent code -> agent_name code
    QStringList nameLabels;
    std::vector<std::int32_t> hireDay; // agent code -> Julian day, 0 when unknown
    IdCodes teams, sites;
    QStringList teamLabels, siteLabels;
    StringDictionary supervisors; // provisional codes, shared with the facts
    struct Entry
    {
        std::int32_t fromDay;
        std::int32_t team;       // final code
        std::int32_t site;       // final code
        std::int32_t supervisor; // provisional code
    };
    std::vector<std::vector<Entry>> history; // agent code -> entries by fromDay

    // The history entry in force on day, or nullptr.
    const Entry *at(std::int32_t agent, std::int32_t day) const;
};
bool loadRoster(sqlite3 *db, Roster *roster, QString *error);

// Tenure bands of analysis.md, ordered by length: 0-3, 3-6, 6-12, 12+ months, (blank).
std::int32_t tenureBand(std::int32_t hireDay, std::int32_t factDay);
QStringList tenureLabels();

// "YYYY-MM-DD…" -> Julian day, 0 when not a date.
std::int32_t julianDayOf(std::string_view isoDate);
// Seconds into the day of a date-time "YYYY-MM-DDTHH:MM[:SS]…", -1 when there is no time.
std::int32_t secondsOfDay(std::string_view dateTime);

// Julian days -> provisional codes in order of first appearance (0: no date), so that a scan can
// fill a narrow day column as it goes instead of keeping a Julian day per fact.
class DayCoder
{
public:
    std::int32_t code(std::int32_t julian)
    {
        if (julian <= 0)
            return 0;
        if (julian < m_lo || julian >= m_lo + std::int32_t(m_codes.size()))
            widen(julian);
        std::int32_t &c = m_codes[std::size_t(julian - m_lo)];
        if (c == 0) {
            m_days.push_back(julian);
            c = std::int32_t(m_days.size());
        }
        return c;
    }
    const std::vector<std::int32_t> &days() const { return m_days; } // provisional code - 1 -> Julian day

private:
    void widen(std::int32_t julian);
    std::int32_t m_lo = 0;
    std::vector<std::int32_t> m_codes;
    std::vector<std::int32_t> m_days;
};

// A day column of DayCoder codes -> chronological codes with (blank) last, and the day, week,
// month, quarter and year dimensions on it.
void addPeriodDimensions(Cube *cube, CodeColumn *dayColumn, const DayCoder &days, const QString &prefix,
                         std::vector<CubeDimension *> *added);

// Provisional codes (0 = blank) of a StringDictionary -> final codes, narrowed into a column.
CodeColumn *finishTextColumn(Cube *cube, const StringDictionary &dictionary, CodeColumn &&provisional,
                             CubeDimension *dimension);

// The custom dimensions of the project: id -> index, names in id order.
struct CustomDimensions
{
    std::vector<std::int64_t> ids;
    QStringList names;
    int indexOf(std::int64_t id) const;
};
bool loadCustomDimensions(sqlite3 *db, CustomDimensions *custom, QString *error);

// The vocabulary's own dimension names: a custom dimension of the same name is left out.
const QStringList &builtInDimensionNames();

// Adds the custom dimensions of one source from "SELECT fact_id, dimension_id, value … ORDER BY
// fact_id": factIds are the cube's fact ids in ascending order.
bool addCustomDimensions(Cube *cube, sqlite3 *db, const char *sql, const CustomDimensions &custom,
                         const std::vector<std::int64_t> &factIds, const QStringList &builtIn, QString *error);

// The outcome of a response, coded in a small dictionary shared by its facts.
class CsatOutcomeDictionary
{
public:
    CsatOutcomeDictionary(); // code 0: no response
    std::int32_t code(double score, std::string_view scale, bool satisfied, bool dissatisfied);
    std::vector<Cube::CsatOutcome> outcomes;
    QStringList scales;

private:
    StringDictionary m_scales;
    std::vector<std::int32_t> m_scaleOfProvisional;
};

// What linking audits to responses by ticket needs of the audits, and what it gives back.
struct TicketLinks
{
    // In: the audits cube under construction.
    const std::vector<std::int64_t> *auditIds = nullptr; // ascending
    const CodeColumn *agents = nullptr;
    const CodeColumn *days = nullptr; // DayCoder codes of the review date
    const DayCoder *dayCoder = nullptr;
    std::vector<std::uint8_t> *flags = nullptr; // Official: set for not superseded; cleared here for the others

    // Out: per audit, its ticket's latest response (outcome and reason codes; 0 none).
    CodeColumn linkedOutcome;
    CodeColumn linkedReason;
    CsatOutcomeDictionary outcomes;
    StringDictionary reasons;
    // Responses whose ticket has an official audit, by id, with the agent of the latest one.
    std::vector<std::int64_t> responseIds;
    std::vector<std::int32_t> responseAgents;
};

// Walks audits and responses in ticket order (two covering index scans merged like sorted lists,
// so no ticket string is held in memory): marks the official audit of each ticket and agent,
// links each audit to its ticket's latest response, and notes the agent a response would take.
// Only the responses that share a ticket with an audit are read, and a time of day only when two
// dates tie.
bool linkTickets(sqlite3 *db, TicketLinks *links, QString *error);

// Dense id -> row of sorted ids (the cube's fact ids), -1 when absent.
std::vector<std::int32_t> rowsById(const std::vector<std::int64_t> &ids);

// Id -> row of the cube's ascending fact ids: arithmetic when the ids have no gaps (the usual
// case, and 4 MB less at the build's peak for a million audits), else a dense table.
class IdRows
{
public:
    explicit IdRows(const std::vector<std::int64_t> &ids)
        : m_count(std::int64_t(ids.size())), m_first(ids.empty() ? 0 : ids.front())
    {
        if (!ids.empty() && ids.back() - ids.front() + 1 != m_count)
            m_rows = rowsById(ids);
    }
    std::int32_t row(std::int64_t id) const // -1 when absent
    {
        if (m_rows.empty())
            return id >= m_first && id - m_first < m_count ? std::int32_t(id - m_first) : -1;
        return id >= 0 && id < std::int64_t(m_rows.size()) ? m_rows[std::size_t(id)] : -1;
    }

private:
    std::int64_t m_count;
    std::int64_t m_first;
    std::vector<std::int32_t> m_rows;
};

} // namespace ql::cubebuild
