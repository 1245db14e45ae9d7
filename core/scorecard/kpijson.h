// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kpireport.h"

#include <QJsonObject>
#include <QString>

namespace ql {

// cli.md "scorecard --format json" and a text rendering for people.
class KpiJson
{
public:
    // {"value", "n", "ci_low", "ci_high", "previous", "delta", "delta_significant", "target",
    // "status", "small_sample"}: every key present, null when undefined; rates in percent.
    static QJsonObject kpi(const KpiValue &k);
    // The whole report. A criterion pooled over several versions has an array of versions in
    // "scorecard_version", else the version number.
    static QJsonObject report(const KpiReport &r);
    static QString text(const KpiReport &r);
};

} // namespace ql
