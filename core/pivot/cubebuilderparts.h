// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Pieces shared by the three cube builders (cubebuilder*.cpp); not a public interface.

#include "cube.h"
#include "cubebuilder.h"
#include "stringdictionary.h"

#include <QString>

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

// Julian days of facts -> a day column and its dictionary (chronological, (blank) last), plus the
// week, month, quarter and year dimensions derived from it. Julian day 0 means no date.
void addPeriodDimensions(Cube *cube, CodeColumn *dayColumn, const std::vector<std::int32_t> &julianDays,
                         const QString &prefix, std::vector<CubeDimension *> *added);

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

// Dense id -> row of sorted ids (the cube's fact ids), -1 when absent.
std::vector<std::int32_t> rowsById(const std::vector<std::int64_t> &ids);

} // namespace ql::cubebuild
