// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibrationtypes.h"
#include "stats/agreement.h"
#include "stats/bootstrap.h"
#include "stats/icc.h"
#include "stats/ratings.h"

#include <optional>

namespace ql {

// Which answers the others are measured against (calibration.md "Metrics"): the consensus once the
// session is resolved, before that the expert, otherwise the group (per criterion the modal answer,
// none on a tie; per item the median raw score), labelled "vs group".
enum class CalibrationBaseline : quint8 { Expert, Consensus, Group };
QString calibrationBaselineName(CalibrationBaseline baseline); // "expert", "consensus", "group"

struct CalibrationMetricsOptions
{
    double tolerance = 5;              // points (project setting calibration_tolerance)
    double disagreementThreshold = 20; // percent (project setting disagreement_threshold)
    bool expertAsRater = true;         // the expert is one more rater in spreads and agreement
    stats::BootstrapOptions bootstrap; // 1,000 resamples, seed 1; none below 10 units
};

// One measured participant. Alignments are proportions (0–1); deviations in points of raw score
// (+ lenient, − severe); within_tolerance in percent.
struct ParticipantCalibration
{
    int participant = -1; // index in CalibrationSessionData::participants
    qint64 id = 0;
    QString name;
    bool expert = false;
    std::optional<double> alignment;
    std::optional<double> meanSignedDeviation;
    std::optional<double> meanAbsDeviation;
    std::optional<double> withinTolerancePct;
    std::optional<double> applicabilityAgreement; // N/A versus rated, on criteria that allow N/A
    int criticalMismatches = 0;
    int itemsScored = 0;                        // items with at least one answer
    int itemsCompared = 0;                      // items with a raw score on both sides
    QList<std::optional<double>> deviation;     // per item
    QList<std::optional<double>> itemAlignment; // per item
};

// A critical criterion on which a participant and the baseline disagree about a critical failure.
struct CriticalMismatch
{
    int participant = -1; // index in CalibrationSessionData::participants
    int item = -1;
    int criterion = -1;
    bool missed = false; // the baseline failed it and the participant did not (else a false failure)
};

struct ItemCalibration
{
    qint64 id = 0;
    QString ticketId;
    CalibrationSheet baseline; // per criterion, Missing where there is none
    std::optional<double> baselineRaw;
    QList<std::optional<double>> rawScores;       // per participant (all of them, by index)
    std::optional<double> spreadSd;               // SD (n − 1) of the raters' raw scores
    QList<std::optional<double>> criterionSpread; // per criterion: 1 − largest answer count / answers
    QList<QList<int>> distribution;               // per criterion: answers per category (CriterionCategories)
    QStringList flaggedCriteria;                  // keys whose spread here exceeds the threshold
};

struct CriterionCalibration
{
    int index = -1;
    QString key;
    QString name;
    stats::Level level = stats::Level::Nominal;
    stats::AgreementResult alpha; // at the scale's level, with its bootstrap interval
    stats::AgreementResult percentAgreement;
    stats::AgreementResult ac1;
    stats::AgreementResult fleiss;
    std::optional<stats::AgreementResult> cohen;  // unweighted, with exactly two raters
    std::optional<double> applicabilityAgreement; // percent agreement on N/A versus rated; none without allow_na
    std::optional<double> spread;                 // mean of the items' spreads
    bool flagged = false;                         // spread above the disagreement threshold
    int answers = 0;
};

struct CalibrationMetrics
{
    CalibrationBaseline baseline = CalibrationBaseline::Group;
    double tolerance = 5;
    double disagreementThreshold = 20;
    std::optional<double> sessionScore;         // percent: mean of the participants' alignments
    QStringList raters;                         // names, in participant order, that agreement counts
    QList<ParticipantCalibration> participants; // measured ones: not the expert when the expert is the baseline
    QList<ItemCalibration> items;
    QList<CriterionCalibration> criteria;
    QList<CriticalMismatch> criticalMismatches;
    stats::AgreementResult criticalFlagKappa; // Fleiss' κ on "critical failure or not"
    stats::AgreementResult criticalFlagAc1;
    stats::AgreementResult rawScoreAlpha; // interval α on raw scores
    stats::IccResult rawScoreIcc;
};

// Every figure of calibration.md "Metrics" and "Agreement statistics" for one session, from its
// answers (data.answersLoaded). Score-based figures use the raw score (no critical zeroing).
// Missing answers are missing: they leave the comparisons they would enter, never count as zero.
CalibrationMetrics computeCalibrationMetrics(const CalibrationSessionData &data,
                                             const CalibrationMetricsOptions &options = {});

// Raw score of a sheet under the session's scorecard; none when nothing weighted is rated.
std::optional<double> calibrationRawScore(const Scorecard &card, const CalibrationSheet &sheet);

} // namespace ql
