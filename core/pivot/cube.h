// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "codecolumn.h"
#include "numericcolumn.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace ql {

namespace cubebuild {
struct Access;
}

// The three fact sources of analysis.md "Pivot vocabulary".
enum class PivotSource { Audits, Answers, Csat };
QString pivotSourceName(PivotSource source);
std::optional<PivotSource> pivotSourceFromName(const QString &name);

// Which date of an audit drives periods (the project setting period_date). Responses have one date.
enum class PeriodDate { Review, Interaction };

// One dimension of a cube: a dictionary whose code order is the pivot order (periods
// chronological, tenure bands by length, scorecard versions by number, every other label in
// code-point order) with (blank) always last, so that sorting codes sorts labels.
struct CubeDimension
{
    enum class Period { None, Day, Week, Month, Quarter, Year };

    QString name;
    QStringList labels;                    // code -> label; the last one is "(blank)"
    const CodeColumn *column = nullptr;    // one code per fact (or per audit, for an answer's audit dimensions)
    std::vector<std::int32_t> map;         // when not empty: column code -> this dimension's code
    bool multiValued = false;              // column codes are set ids: the fact is under each value of its set
    std::vector<std::uint32_t> setOffsets; // set id -> [setOffsets[id], setOffsets[id + 1]) in setValues
    std::vector<std::int32_t> setValues;   // codes; an empty set is stored as {(blank)}
    Period period = Period::None;
    std::vector<std::int32_t> julianDays; // Day dimensions: code -> Julian day (0 for (blank))

    std::int32_t cardinality() const { return std::int32_t(labels.size()); }
    std::int32_t blankCode() const { return cardinality() - 1; }
};

// A columnar, dictionary-encoded, in-memory copy of one fact source, built once by CubeBuilder and
// then read by any number of pivots (read-only, so several threads may share it).
class Cube final
{
public:
    // Audits: flags[] bits.
    enum FactFlag : std::uint8_t {
        Official = 1, // not superseded, and the latest audit of its ticket and agent
        Scored = 2,   // has a score
        Complete = 4, // not incomplete
        Passed = 8,
        CriticalFail = 16,
    };
    // Audits: families[] bits, as audits.critical_families.
    enum Family : std::uint8_t { Customer = 1, Business = 2, Compliance = 4 };

    // A response's outcome; audits carry the one of their ticket's linked response. Outcome code 0
    // means "no response" (an audit without a linked response).
    struct CsatOutcome
    {
        double score = std::numeric_limits<double>::quiet_NaN();
        std::int32_t scale = -1; // index into csatScales()
        bool satisfied = false;
        bool dissatisfied = false;
        bool zeroToTen = false; // counts in NPS
        bool promoter = false;  // 9-10 on a 0-10 scale
        bool detractor = false; // 0-6 on a 0-10 scale
    };

    // An answer's outcome: everything about one answer but its audit, its root causes and its id.
    struct AnswerOutcome
    {
        std::int32_t criterion = 0;                              // criterion dimension code (the key)
        std::int32_t section = 0;                                // section dimension code (the name)
        double value = std::numeric_limits<double>::quiet_NaN(); // NaN when N/A
        double c = std::numeric_limits<double>::quiet_NaN();     // NaN when N/A
        bool na = false;
        bool rated = false;       // not N/A, has a c
        bool passesLevel = false; // rated and c >= the criterion's pass level
    };

    struct DimensionRef
    {
        const CubeDimension *dimension = nullptr;
        bool viaParent = false; // an answer's audit dimension: read at parentRows()[fact]
        explicit operator bool() const { return dimension != nullptr; }
    };

    Cube(const Cube &) = delete;
    Cube &operator=(const Cube &) = delete;
    ~Cube();

    PivotSource source() const { return m_source; }
    std::size_t factCount() const { return m_count; }

    // Looks a dimension up by its pivot name (period names follow the period date).
    DimensionRef findDimension(const QString &name, PeriodDate date = PeriodDate::Review) const;
    // The pivot names of this source's dimensions, built-in ones first in analysis.md's order.
    QStringList dimensionNames() const;
    // Custom dimensions mapped at import, in the project's order.
    QStringList customDimensionNames() const { return m_customNames; }

    // Answers: the audits cube and each answer's row in it.
    const Cube *parent() const { return m_parent.get(); }
    const std::vector<std::int32_t> &parentRows() const { return m_parentRows; }
    // Answers: the facts as runs of one parent fact each (answers are stored audit by audit): run r
    // is facts [starts[r], starts[r + 1]) of parent parents[r]. Worked out on first use (thread-safe).
    struct ParentRuns
    {
        std::vector<std::uint32_t> starts; // runs + 1 entries
        std::vector<std::int32_t> parents;
    };
    const ParentRuns &parentRuns() const;

    // The database id of each fact (audits.id, csat_responses.id), for drill-down. Empty for answers:
    // 8 bytes times millions of answers is most of that cube, and an answer drills down through
    // its audit (parentRows()).
    const std::vector<std::int64_t> &factIds() const { return m_factIds; }

    // Audits.
    const std::vector<std::uint8_t> &flags() const { return m_flags; }
    const CodeColumn &families() const { return *m_families; } // codes are the bitmask (the critical_family set ids)
    const NumericColumn &score() const { return m_score; }
    const NumericColumn &rawScore() const { return m_rawScore; }
    const CodeColumn &sampleTypes() const { return *m_sampleType; } // codes of the sample_type dimension
    const CubeDimension &sampleTypeDimension() const;

    // Audits (the linked response) and csat (the response itself).
    const CodeColumn &csatOutcomeCodes() const { return m_csatOutcomeCodes; }
    const std::vector<CsatOutcome> &csatOutcomes() const { return m_csatOutcomes; }
    const QStringList &csatScales() const { return m_csatScales; }

    // Answers.
    const CodeColumn &answerOutcomeCodes() const { return m_answerOutcomeCodes; }
    const std::vector<AnswerOutcome> &answerOutcomes() const { return m_answerOutcomes; }

    // Resident bytes of the columns and dictionaries (not of the parent cube).
    std::size_t memoryBytes() const;

private:
    friend class CubeBuilder;
    friend struct cubebuild::Access;
    explicit Cube(PivotSource source) : m_source(source) {}

    CodeColumn *addColumn();
    CubeDimension &addDimension(const QString &name);

    PivotSource m_source;
    std::size_t m_count = 0;
    std::vector<std::unique_ptr<CodeColumn>> m_columns; // owned; dimensions point into them
    std::vector<std::unique_ptr<CubeDimension>> m_dimensions;
    QStringList m_customNames;
    std::vector<std::int64_t> m_factIds;

    std::shared_ptr<const Cube> m_parent;
    std::vector<std::int32_t> m_parentRows;
    mutable std::once_flag m_runsOnce;
    mutable ParentRuns m_runs;

    std::vector<std::uint8_t> m_flags;
    const CodeColumn *m_families = nullptr;
    NumericColumn m_score;
    NumericColumn m_rawScore;
    const CodeColumn *m_sampleType = nullptr;

    CodeColumn m_csatOutcomeCodes;
    std::vector<CsatOutcome> m_csatOutcomes;
    QStringList m_csatScales;

    CodeColumn m_answerOutcomeCodes;
    std::vector<AnswerOutcome> m_answerOutcomes;

    // Audits: for each response (by id) whose ticket has an official audit, the agent code of the
    // latest such audit; the csat cube takes a response's agent from it when the response has none.
    std::vector<std::int64_t> m_linkedResponseIds;
    std::vector<std::int32_t> m_linkedResponseAgents;
};

} // namespace ql
