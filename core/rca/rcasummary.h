// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ql::rca {

struct Result;
struct Metric;

// The one sentence of analysis.md: the change, the dimension, the segments with their share of the
// change and whether rate or mix drove it, offsets as "partly offset by …", the drill's segment;
// no share above 100% is printed.
QString summarise(const Result &result);

// A KPI value as people read it: "78.0%", "84.2", "4.21".
QString formatValue(const Metric &metric, double value);

} // namespace ql::rca
