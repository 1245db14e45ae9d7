// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ql {

// Scores are rounded to 6 decimals before they are stored or compared, so that an audit that is
// exactly 85 in exact arithmetic is 85 even when doubles give 84.99999999999999.
double roundScore6(double value);

// Display rounding for numbers already rounded to 6 decimals: half away from zero, as
// spreadsheets round, decided on the decimal digits (84.95 → 85.0) rather than on the binary
// value (which is 84.9499999…). decimals is clamped to 0–6.
double roundHalfAwayFromZero(double value, int decimals = 1);
// Cuts the digits beyond `decimals` (84.96 → 84.9), on the same decimal digits.
double truncateToDecimals(double value, int decimals = 1);

// A KPI or mean score for display: rounded half away from zero, '.' as decimal separator (the UI
// proxy localises).
QString formatScoreForDisplay(double score, int decimals = 1);

// One audit's score for display: an audit whose score is below the threshold is never shown at or
// above it, so its score is truncated (84.96 at threshold 85 shows 84.9, not 85.0); any other
// audit's score is rounded as above.
QString formatAuditScoreForDisplay(double score, double threshold, int decimals = 1);

} // namespace ql
