// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivot/cube.h"
#include "pivot/pivotengine.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace ql::rca {

// One criterion's association with CSAT (analysis.md "Drivers"), on the joined sample. Rates in
// percent, differences and the gain in points.
struct Driver
{
    QString criterion;
    qint64 joined = 0; // joined answers of the criterion (rated or N/A)
    qint64 rated = 0;  // of which rated
    qint64 passed = 0; // rated, c ≥ the pass level
    qint64 passedSatisfied = 0;
    qint64 failed = 0;
    qint64 failedSatisfied = 0;
    std::optional<double> csatPassed; // CSAT % of the responses where it passed
    std::optional<double> csatFailed;
    std::optional<double> difference; // csatPassed − csatFailed, with Newcombe's hybrid score interval
    std::optional<double> ciLow;
    std::optional<double> ciHigh;
    double failureRate = 0;   // f: failed / rated, %
    double ratedShare = 0;    // r: rated / joined, %
    double potentialGain = 0; // r × f × difference, in CSAT points
    bool ranked = false;      // at least the minimum of failed and of passed answers
    // Adjusted for the other criteria, queue and channel (ridge logistic regression): the CSAT points
    // its failures cost on average where it failed, with a 95% interval. Ranked criteria only.
    std::optional<double> adjustedEffect;
    std::optional<double> adjustedLow;
    std::optional<double> adjustedHigh;
};

struct DriversResult
{
    QList<Driver> drivers; // ranked ones by potential gain (largest first), then the others by name
    qint64 joinedAudits = 0;
    // Audits left out, and why (the screen says so).
    qint64 excludedCsatTriggered = 0; // their selection depends on the outcome
    qint64 excludedNotCounted = 0;    // not official, or a sample type not counted
    qint64 excludedNoResponse = 0;    // no linked response
    bool adjustedConverged = false;   // the adjusted model was fitted
    qint64 excludedByFilters = 0;     // outside the dimension filters
    QString note;                     // "associations, not causes; gains overlap …"
    QString error;                    // a filter on a dimension the audits do not have; no drivers then
};

struct DriversOptions
{
    QDate from; // audits' period date, inclusive; invalid: open
    QDate to;
    QList<PivotFilter> filters; // on the audits' dimensions (queue, channel, team, site, …): kept or left out
    int minimumEach = 10; // failed and passed joined answers for a criterion to be ranked
    enum class RankBy { AdjustedEffect, PotentialGain };
    RankBy rankBy = RankBy::AdjustedEffect; // analysis.md ranks by the adjusted effect
    double ridgeLambda = 1.0;               // the L2 penalty of the adjusted model
};

// Drivers of CSAT over the answers cube (whose parent is the audits cube): official audits of the
// counted sample types, never csat_triggered, each with its ticket's latest response.
class Drivers final
{
public:
    static DriversResult compute(const Cube &answers, const PivotOptions &pivotOptions, const DriversOptions &options);

    // One criterion's figures from its counts (joined, rated, passed, failed and the satisfied among
    // them must be filled in): CSAT when passed and failed, the difference with its interval, f, r,
    // the potential gain, and whether it is ranked.
    static Driver figures(Driver counts, int minimumEach);

private:
    static void adjust(const Cube &audits, const std::vector<std::uint8_t> &joined,
                       const std::vector<std::vector<std::int32_t>> &failedOf, const QStringList &criterionLabels,
                       double lambda, DriversResult *result);
};

} // namespace ql::rca
