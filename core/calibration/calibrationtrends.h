// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibrationmetrics.h"

#include <QDate>
#include <QSqlDatabase>

#include <optional>

namespace ql {

// One closed session's figures for one participant.
struct CalibrationTrendPoint
{
    qint64 sessionId = 0;
    QDate date;
    std::optional<double> alignment;       // 0–1
    std::optional<double> signedDeviation; // points, + lenient
    int criticalMismatches = 0;
};

// A participant (by name) across closed sessions, oldest first, with the drift test of
// calibration.md: the least-squares slope of signed deviation over the session order, flagged when
// significant (two-sided t-test on the slope, p < 0.05) with at least 4 sessions. The SPC rules of
// analysis.md on the same series are for the trend screen (core/stats/controlchart).
struct CalibrationParticipantTrend
{
    QString name;
    QList<CalibrationTrendPoint> points;
    std::optional<double> slope; // points per session
    std::optional<double> pValue;
    bool drift = false;
    QString direction; // "lenient" or "severe" when drifting
    // Why it drifts: "slope" (the test above) and the SPC rules of analysis.md on an XmR chart of
    // signed deviation ("beyond limit", "run of 8", "trend of 6") that end at the latest session
    // (an old signal that has passed does not flag a participant now). Empty when not drifting.
    QStringList driftRules;
};

struct CalibrationSessionFigures
{
    CalibrationSessionInfo info;
    CalibrationMetrics metrics;
};

// Pure: trends from sessions' metrics (any order; sorted by date, then id).
QList<CalibrationParticipantTrend> calibrationParticipantTrends(QList<CalibrationSessionFigures> sessions);

// One criterion (of one scorecard, by key) across closed sessions: each session's own α with its
// n, and the headline of calibration.md: α pooled over the closed sessions of the rolling window
// (the window's days up to the latest closed session of that scorecard), every item of every
// session one unit, raters by name. Sessions whose criterion has other categories (another
// scale) are not pooled with the latest one's.
struct CalibrationCriterionPoint
{
    qint64 sessionId = 0;
    QDate date;
    stats::AgreementResult alpha;
    std::optional<double> spread; // 0–1
    bool flagged = false;
};

struct CalibrationCriterionTrend
{
    QString scorecard;
    QString key;
    QString name;
    QList<CalibrationCriterionPoint> points; // oldest first
    stats::AgreementResult pooledAlpha;
    int pooledSessions = 0;
    QDate windowFrom;
    QDate windowTo;
    int flaggedSessions = 0; // sessions where the criterion's spread crossed the threshold
};

// Pure: from the sessions' data (answers loaded) and metrics, in the same order.
QList<CalibrationCriterionTrend> calibrationCriterionTrends(const QList<CalibrationSessionData> &data,
                                                            const QList<CalibrationMetrics> &metrics, int windowDays,
                                                            const stats::BootstrapOptions &bootstrap = {});
// The project's closed sessions, with the α window of its settings (alpha_window_days).
std::optional<QList<CalibrationCriterionTrend>> calibrationCriterionTrends(const QSqlDatabase &db,
                                                                           CalibrationError *error = nullptr);

// The closed sessions of a project with their metrics (tolerance and threshold from the settings).
std::optional<QList<CalibrationSessionFigures>> closedCalibrationSessions(const QSqlDatabase &db,
                                                                          CalibrationError *error = nullptr);

} // namespace ql
