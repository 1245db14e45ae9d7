// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibrationdraw.h"
#include "calibrationtypes.h"
#include "store/calibrationstore.h"

#include <QSqlDatabase>

#include <optional>

namespace ql {

struct NewCalibrationParticipant
{
    QString name;
    qint64 auditorId = 0;
    bool expert = false;
};

struct NewCalibrationSession
{
    QString title;
    QDate date;
    qint64 scorecardId = 0; // the scorecard version scored
    QString lead;           // empty: the current user
    QList<NewCalibrationParticipant> participants;
};

// Creating sessions, their draft (participants, items by hand or drawn), and the lifecycle of
// calibration.md. Each operation is one transaction with its change-log rows; a refusal changes
// nothing. Plain values in and out, so a screen or the CLI can drive it.
class CalibrationSessions final
{
public:
    explicit CalibrationSessions(QSqlDatabase db);

    QList<CalibrationSessionInfo> list() const;
    std::optional<CalibrationSessionInfo> info(qint64 sessionId, CalibrationError *error = nullptr) const;
    // The session with its scorecard, participants, items and consensus, and everyone's answers
    // once they are revealed (from review on); before that data.answersLoaded is false.
    std::optional<CalibrationSessionData> load(qint64 sessionId, CalibrationError *error = nullptr) const;

    std::optional<qint64> create(const NewCalibrationSession &session, CalibrationError *error = nullptr);

    // Draft only. Names are unique in a session; there is at most one expert.
    std::optional<qint64> addParticipant(qint64 sessionId, const NewCalibrationParticipant &participant,
                                         CalibrationError *error = nullptr);
    CalibrationError removeParticipant(qint64 sessionId, qint64 participantId);

    // Draft only. The conversation is the ticket's stored interaction, when there is one; auditId
    // links the existing audit (0: none; its ticket is used when ticketId is empty).
    std::optional<qint64> addItem(qint64 sessionId, const QString &ticketId, qint64 auditId = 0,
                                  CalibrationError *error = nullptr);
    CalibrationError removeItem(qint64 sessionId, qint64 itemId);

    // What a draw would pick, without writing anything.
    std::optional<QList<DrawCandidate>> previewDraw(qint64 sessionId, const CalibrationDrawSpec &spec,
                                                    CalibrationError *error = nullptr) const;
    // Draft only: adds the drawn items after the existing ones and stores the spec as draw_json.
    std::optional<QList<qint64>> draw(qint64 sessionId, const CalibrationDrawSpec &spec,
                                      CalibrationError *error = nullptr);

    // One step along draft → scoring → review → resolved → closed. Scoring needs an item and a
    // participant; resolved needs a consensus wherever anyone answered.
    // `reason` goes to the change log (undo and redo say "Undo: …" / "Redo: …").
    CalibrationError advance(qint64 sessionId, CalibrationState to, const QString &reason = {});

private:
    CalibrationStore m_store;
};

} // namespace ql
