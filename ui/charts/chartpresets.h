// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/chartspec.h"

#include <QList>
#include <QString>

namespace ql {

// Starting points on the Charts page: one chart of each type that works on any project.
struct ChartPreset
{
    QString name;
    ChartSpec spec;
};

QList<ChartPreset> chartPresets();

} // namespace ql
