// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibrationmetrics.h"
#include "calibrationtypes.h"
#include "store/calibrationstore.h"

#include <QSqlDatabase>

#include <optional>
#include <vector>

namespace ql {

// Review and resolution (calibration.md "review", "resolved"): the revealed metrics, discussion
// notes per item, the consensus per item and criterion, and anchor examples. Notes and the
// consensus are edited in review and resolved; closed sessions are read-only.
class CalibrationReview final
{
public:
    explicit CalibrationReview(QSqlDatabase db);

    // From review on only: before that, answers are blind. Tolerance and threshold come from the
    // project settings unless the options name them (pass std::nullopt to use the settings).
    std::optional<CalibrationMetrics> metrics(qint64 sessionId, CalibrationError *error = nullptr,
                                              std::optional<CalibrationMetricsOptions> options = std::nullopt) const;

    // The consensus form's starting point per item: the recorded consensus where there is one,
    // else the expert's answer (else Missing).
    std::optional<std::vector<CalibrationSheet>> consensusDraft(qint64 sessionId,
                                                                CalibrationError *error = nullptr) const;

    // Records (or, with a Missing answer, removes) the consensus on one criterion of one item;
    // answer.comment is the consensus note.
    CalibrationError setConsensus(qint64 sessionId, qint64 itemId, int criterion, CalibrationAnswer answer,
                                  const QString &reason = {});
    // Every criterion of one item at once (one transaction): a sheet as the consensus form gives it.
    CalibrationError setConsensusSheet(qint64 sessionId, qint64 itemId, const CalibrationSheet &sheet,
                                       const QString &reason = {});
    // Writes the expert's answer as the consensus wherever none is recorded yet; returns how many.
    std::optional<int> fillConsensusFromExpert(qint64 sessionId, CalibrationError *error = nullptr);

    CalibrationError setNotes(qint64 sessionId, qint64 itemId, const QString &notes, const QString &reason = {});

    // Saves the consensus of an item on a criterion as an anchor example for that criterion.
    std::optional<qint64> saveAnchor(qint64 sessionId, qint64 itemId, int criterion, const QString &note,
                                     CalibrationError *error = nullptr);

private:
    CalibrationStore m_store;
};

} // namespace ql
