// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivot/pivotspec.h"

#include <QList>
#include <QString>

#include <optional>

namespace ql {

// Pivot filters as one line a person types in the Charts page form:
//   queue = Billing, Returns; channel != phone; team = "Sales, EMEA"
// Clauses are separated by ";", each a dimension, "=" (in) or "!=" / "≠" (not in) and its values
// separated by ","; a value with a comma or semicolon is written in double quotes. The empty text
// is no filter. fromText refuses a clause without an operator, a dimension or a value, naming it.
QString filtersToText(const QList<PivotFilter> &filters);
std::optional<QList<PivotFilter>> filtersFromText(const QString &text, QString *error);

} // namespace ql
