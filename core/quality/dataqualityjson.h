// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/dataqualitycheck.h"

#include <QJsonObject>
#include <QString>

namespace ql {

// `check --format json` (docs/check.md) and the text form for people.
namespace DataQualityJson {
QJsonObject report(const DataQualityReport &r, const QString &projectPath);
QString text(const DataQualityReport &r, const QString &projectPath);
} // namespace DataQualityJson

} // namespace ql
