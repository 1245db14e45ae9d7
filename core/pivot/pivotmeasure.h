// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cube.h"

#include <QString>

#include <optional>

namespace ql {

// One measure of analysis.md's vocabulary, parsed from its spelling ("median(score)", "p90(c)",
// "count_distinct(agent)", "accuracy(customer)", "pass_rate").
struct PivotMeasure
{
    enum class Kind {
        Count,
        CountDistinct, // argument: a dimension
        Sum,           // argument: a numeric field, for these seven
        Avg,
        Min,
        Max,
        Median,
        Percentile, // percent: 1-99
        Stddev,
        Audits, // the KPIs of scoring.md
        AuditsTotal,
        QaScore,
        RawScore,
        PassRate,
        CriticalRate, // argument: optional family
        Accuracy,     // argument: family
        Compliance,
        CriterionPassRate,
        NaRate,
        CsatResponses,
        CsatPct,
        DsatPct,
        CsatMean,
        Nps,
    };

    Kind kind = Kind::Count;
    QString argument;
    int percent = 50; // median and pNN
    QString spelling; // exactly as asked: outputs name the measure this way

    // Parses a measure name; the error says what is wrong with it.
    static std::optional<PivotMeasure> parse(const QString &text, QString *error);

    // Empty when the measure exists for the source (its field or KPI belongs there), else why not.
    // A count_distinct dimension is checked against the cube, not here.
    QString checkSource(PivotSource source) const;

    // count and sum: the measures whose cells add up, so a share of the total means something.
    bool isAdditive() const { return kind == Kind::Count || kind == Kind::Sum; }

    // The numeric fields of a source (F in sum(F), avg(F), …).
    static QStringList fields(PivotSource source);
};

} // namespace ql
