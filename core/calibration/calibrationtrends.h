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
};

struct CalibrationSessionFigures
{
    CalibrationSessionInfo info;
    CalibrationMetrics metrics;
};

// Pure: trends from sessions' metrics (any order; sorted by date, then id).
QList<CalibrationParticipantTrend> calibrationParticipantTrends(QList<CalibrationSessionFigures> sessions);

// The closed sessions of a project with their metrics (tolerance and threshold from the settings).
std::optional<QList<CalibrationSessionFigures>> closedCalibrationSessions(const QSqlDatabase &db,
                                                                          CalibrationError *error = nullptr);

} // namespace ql
