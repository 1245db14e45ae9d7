// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibrationtypes.h"
#include "store/calibrationstore.h"

#include <QSqlDatabase>

#include <optional>
#include <vector>

namespace ql {

// A draft session as it was created: what undoing its creation removes and redoing puts back,
// with the same ids (commands above it on the undo stack name them).
struct CalibrationSessionSnapshot
{
    CalibrationSessionInfo info;
    QList<CalibrationParticipant> participants;
    QList<CalibrationItem> items;
};

// The inverse operations the GUI's undo commands need and the forward API does not offer (a
// session's states only go forward there). Each is one transaction with its change-log rows, the
// reason saying "Undo: …" or "Redo: …"; the log is never rewritten. A refusal changes nothing.
class CalibrationUndo final
{
public:
    explicit CalibrationUndo(QSqlDatabase db);

    // Undo of New Session: only a draft (no answers can exist yet). Returns what restore() needs.
    std::optional<CalibrationSessionSnapshot> removeSession(qint64 sessionId, const QString &reason,
                                                            CalibrationError *error = nullptr);
    CalibrationError restoreSession(const CalibrationSessionSnapshot &snapshot, const QString &reason);

    // Undo of a lifecycle step: from `from` (the session must be there) one step back. Leaving
    // closed clears closed_at; going back to draft is refused once anyone has saved an answer.
    CalibrationError stepBack(qint64 sessionId, CalibrationState from, const QString &reason);

    // Undo of Submit and of Discard: a participant's submitted_at and discarded_at set back
    // exactly (empty = none). Scoring only.
    CalibrationError setSubmission(qint64 sessionId, qint64 participantId, const QString &submittedAt,
                                   const QString &discardedAt, const QString &reason);

    // Undo of Import Responses, one response: the participant's answers set back to `before` (per
    // item, in item order; what the import replaced, usually nothing) and submitted_at cleared.
    // Scoring only, and only while the submission is still the one the import wrote
    // (`importedSubmittedAt`): once it was discarded or the session moved on, it is refused.
    CalibrationError withdrawResponse(qint64 sessionId, qint64 participantId, const std::vector<CalibrationSheet> &before,
                                      const QString &importedSubmittedAt, const QString &reason);

    // Undo of Save as Anchor (review and resolved only, like saving one).
    CalibrationError removeAnchor(qint64 sessionId, qint64 anchorId, const QString &reason);

private:
    CalibrationStore m_store;
};

} // namespace ql
