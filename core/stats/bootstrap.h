// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agreement.h"
#include "ratings.h"

#include <QtGlobal>

#include <functional>
#include <optional>

namespace ql::stats {

struct BootstrapOptions
{
    int resamples = 1000; // calibration.md: 1,000 resamples
    quint64 seed = 1;     // seed 1 unless given, so a report is repeatable
    double confidence = 0.95;
};

// No interval is given below this many units (calibration.md).
inline constexpr qsizetype minimumUnitsForBootstrap = 10;

struct BootstrapInterval
{
    std::optional<double> low;
    std::optional<double> high;
    int undefinedResamples = 0; // resamples in which the statistic had no value (left out)
    QString note;               // why there is no interval, or how many resamples were left out
};

using AgreementStatistic = std::function<AgreementResult(const Ratings &)>;

// Percentile bootstrap over units (Efron & Tibshirani 1993, §13.3): draw as many units as there
// are, with replacement, from the units with at least two answers; recompute the statistic; the
// interval is the (1 − c)/2 and (1 + c)/2 quantiles of the resampled values (linear
// interpolation between order statistics, Hyndman & Fan type 7). Draws use std::mt19937_64 and
// boundedIndex(), so a seed gives the same interval on every platform. Resamples where the
// statistic is undefined are left out and counted; with fewer than half of them defined there
// is no interval. No interval when `point` has no value or fewer than 10 units entered it.
BootstrapInterval bootstrapInterval(const Ratings &ratings, const AgreementStatistic &statistic,
                                    const AgreementResult &point, const BootstrapOptions &options = {});

// point with ciLow/ciHigh filled from bootstrapInterval and its note appended when there is one.
AgreementResult withBootstrapInterval(AgreementResult point, const Ratings &ratings,
                                      const AgreementStatistic &statistic, const BootstrapOptions &options = {});

} // namespace ql::stats
