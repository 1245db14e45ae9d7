// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibrationmetrics.h"
#include "calibrationtypes.h"

#include <QList>
#include <QString>

namespace ql {

// The calibration JSON of cli.md, keys in its order (written by hand: QJsonObject sorts keys);
// keys beyond cli.md's come after them (docs/calibration.md lists them).
namespace CalibrationJson {

// `--list`: [{"id", "title", "state", "date", "scorecard", "scorecard_version", "items", "participants"}].
QString sessionList(const QList<CalibrationSessionInfo> &sessions);

// `--session`: {"id", "title", "state", "baseline", "tolerance", "session_score", "participants",
// "items", "criteria", …}. Without metrics (a session not yet in review) every figure is null and
// "note" says that scoring is blind; `status` then gives each participant's submission.
QString session(const CalibrationSessionData &data, const CalibrationMetrics *metrics,
                const QList<CalibrationSubmissionStatus> &status = {});

// An agreement statistic as the agreement command writes it.
QString agreement(const QString &metric, const QString &level, const stats::AgreementResult &result);

// JSON text of a string (quoted, escaped) and of a number (shortest round-trip form; null when
// missing or not finite), shared with the agreement command.
QString string(const QString &s);
QString number(std::optional<double> v);

} // namespace CalibrationJson

} // namespace ql
