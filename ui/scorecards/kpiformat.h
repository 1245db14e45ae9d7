// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scorecard/kpireport.h"

#include <QColor>
#include <QString>

namespace ql::KpiFormat {

// ui.md "Numbers": levels with one decimal and %, counts with the locale's separators, deltas in
// signed points with an arrow and a mark when significant, status colours with their word.
QString level(const std::optional<double> &value);               // "85.3%" or "—"
QString count(double value);                                     // "1,234"
QString interval(const KpiValue &k);                             // "95% CI 80.1–88.2%", or the note
QString range(const KpiValue &k);                                // "80.1–88.2%" (table cells), or the note
QString points(const std::optional<double> &value);              // "+2.3" / "−1.0" signed points, or "—"
QString delta(const KpiValue &k, bool points = true);            // "▲ +2.3 pts ✱" (✱: significant, p < 0.05)
QString statusText(KpiValue::Status status);                     // "Good", "Watch", "Bad", ""
QColor statusColor(KpiValue::Status status);                     // #009E73, #E69F00, #D55E00, grey
QString statusSymbol(KpiValue::Status status);                   // ●, ▲, ■ — never colour alone
QString filters(const KpiFilters &filters); // "team = North; sample_type = self" (the filter bar's choices), or ""

} // namespace ql::KpiFormat
