// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace ql::rca {

// A KPI over one group of facts in one period: its value (a percentage for a rate, the mean for a
// mean), the facts behind it and, for a mean, the sample standard deviation (for the tests).
struct PeriodValue
{
    qint64 n = 0;
    double value = 0;
    std::optional<double> sd; // means only; empty when unknown (n < 2)

    // A rate's successes, recovered from the percentage and n.
    qint64 successes() const { return qRound64(value * double(n) / 100.0); }
};

// One segment (member of a dimension) in the base and the current period; n = 0 where absent.
struct SegmentData
{
    QString label;
    PeriodValue base;
    PeriodValue current;
};

} // namespace ql::rca
