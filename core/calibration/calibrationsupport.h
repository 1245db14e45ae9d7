// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the calibration operations (not part of the API a screen uses).

#include "calibrationtypes.h"
#include "store/calibrationstore.h"
#include "store/changelog.h"

#include <optional>

namespace ql::calibration {

// Loads a session with its scorecard, participants, items and consensus; everyone's answers only
// when `withAnswers`.
std::optional<CalibrationSessionData> load(const CalibrationStore &store, qint64 sessionId, bool withAnswers,
                                           CalibrationError *error);

// NotFound / WrongState errors in the words the screens and the CLI show.
CalibrationError notFound(const QString &what, qint64 id);
CalibrationError wrongState(const CalibrationSessionInfo &session, const QString &action,
                            std::initializer_list<CalibrationState> allowed);
CalibrationError failed(const CalibrationStore &store);
// WrongState unless the session is in one of `allowed` (closed sessions are read-only).
CalibrationError requireState(const CalibrationSessionInfo &session, const QString &action,
                              std::initializer_list<CalibrationState> allowed);

int participantIndex(const CalibrationSessionData &data, qint64 participantId);
int itemIndex(const CalibrationSessionData &data, qint64 itemId);

// Checks one answer against its criterion and returns it normalised: an option's points from its
// label (or the label from the points), no value on N/A. Empty message when it fits.
QString normaliseAnswer(const Criterion &criterion, CalibrationAnswer &answer);
// The same for a sheet of a session's scorecard (sizes it to the criterion count).
QString normaliseSheet(const Scorecard &card, CalibrationSheet &sheet);
// "4", "Yes", "N/A" or "" for missing: how the change log and files write an answer.
QString answerText(const CalibrationAnswer &answer);

// Writes a change-log row inside the caller's transaction.
bool log(const CalibrationStore &store, const QString &entity, qint64 id, const QString &field,
         const QVariant &oldValue, const QVariant &newValue, const QString &reason = {});
bool log(const CalibrationStore &store, const QString &entity, const QString &id, const QString &field,
         const QVariant &oldValue, const QVariant &newValue, const QString &reason = {});

} // namespace ql::calibration
