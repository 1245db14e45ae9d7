// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace ql::rca {

struct Result;

// The rca JSON of cli.md: metric, base, current, delta, p_value, significant, dimensions (ranked,
// each with its elements by share of the change), drill and summary. Every key is always present,
// null when undefined.
QJsonObject toJson(const Result &result);
QByteArray toJsonText(const Result &result);

} // namespace ql::rca
