// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibration/calibrationmetrics.h"
#include "calibration/calibrationtypes.h"

namespace ql::cli {

// The calibration command's text output, for people (the JSON is for machines).
QString calibrationListText(const QList<CalibrationSessionInfo> &sessions);
QString calibrationSessionText(const CalibrationSessionData &data, const CalibrationMetrics *metrics,
                               const QList<CalibrationSubmissionStatus> &status);

} // namespace ql::cli
