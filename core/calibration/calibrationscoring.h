// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibrationtypes.h"
#include "store/calibrationstore.h"

#include <QSqlDatabase>

#include <optional>
#include <vector>

namespace ql {

// Blind scoring (calibration.md "scoring"): a participant's answers are saved and edited until
// they submit, which locks them; the lead sees who has submitted what, never the answers, until
// the session is in review. The API cannot know who is at the keyboard: answersOf() is what a
// participant's own form shows (the GUI asks them to pick their name first); blind scoring on a
// shared laptop rests on trust, as the guide says.
class CalibrationScoring final
{
public:
    explicit CalibrationScoring(QSqlDatabase db);

    // One participant's answers per item (in item order). In scoring for their own form; from
    // review on for anyone.
    std::optional<std::vector<CalibrationSheet>> answersOf(qint64 sessionId, qint64 participantId,
                                                           CalibrationError *error = nullptr) const;

    // Scoring only, before the participant submits. Replaces their answers to the item with the
    // sheet (indexed by flat criterion index; Missing answers are left out, not zero).
    CalibrationError saveAnswers(qint64 sessionId, qint64 participantId, qint64 itemId, CalibrationSheet sheet,
                                 const QString &reason = {});
    // Locks the participant's answers (scoring only; partial answers are allowed).
    CalibrationError submit(qint64 sessionId, qint64 participantId, const QString &reason = {});
    // The lead unlocks a submission so the participant can resubmit (scoring only, logged with the
    // reason). Their answers stay, editable again; a new response file replaces them.
    CalibrationError discard(qint64 sessionId, qint64 participantId, const QString &reason);

    // Who has submitted what, counts only.
    std::optional<QList<CalibrationSubmissionStatus>> status(qint64 sessionId, CalibrationError *error = nullptr) const;

private:
    CalibrationStore m_store;
};

} // namespace ql
