// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationundo.h"

#include "calibrationsupport.h"

namespace ql {

using namespace calibration;

namespace {

const QString kSession = QStringLiteral("calibration_session");
const QString kParticipant = QStringLiteral("calibration_participant");
const QString kItem = QStringLiteral("calibration_item");

// For the change log: no value at all when empty.
QVariant orNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

// For a column: a typed NULL when empty.
QVariant columnValue(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

} // namespace

CalibrationUndo::CalibrationUndo(QSqlDatabase db) : m_store(std::move(db)) {}

std::optional<CalibrationSessionSnapshot> CalibrationUndo::removeSession(qint64 sessionId, const QString &reason,
                                                                         CalibrationError *error)
{
    const auto refuse = [error](CalibrationError e) -> std::optional<CalibrationSessionSnapshot> {
        if (error)
            *error = std::move(e);
        return std::nullopt;
    };
    const auto info = m_store.session(sessionId);
    if (!info)
        return refuse(m_store.lastError().isEmpty() ? notFound(QStringLiteral("session"), sessionId)
                                                    : failed(m_store));
    if (auto e = requireState(*info, QStringLiteral("its creation is undone"), {CalibrationState::Draft}); e.isError())
        return refuse(e);
    CalibrationSessionSnapshot snapshot;
    snapshot.info = *info;
    snapshot.participants = m_store.participants(sessionId);
    snapshot.items = m_store.items(sessionId);
    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    bool ok = tx.isOpen();
    for (const CalibrationParticipant &p : std::as_const(snapshot.participants))
        ok = ok && log(m_store, kParticipant, p.id, {}, p.name, {}, reason);
    for (const CalibrationItem &item : std::as_const(snapshot.items))
        ok = ok && log(m_store, kItem, item.id, {}, item.ticketId, {}, reason);
    ok = ok && m_store.deleteSession(sessionId) && log(m_store, kSession, sessionId, {}, info->title, {}, reason);
    if (!ok || !tx.commit())
        return refuse(failed(m_store));
    return snapshot;
}

CalibrationError CalibrationUndo::restoreSession(const CalibrationSessionSnapshot &snapshot, const QString &reason)
{
    if (m_store.session(snapshot.info.id))
        return CalibrationError::make(CalibrationError::Refused,
                                      QStringLiteral("session %1 exists already").arg(snapshot.info.id));
    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    const auto id = tx.isOpen() ? m_store.insertSession(snapshot.info) : std::nullopt;
    bool ok = id && *id == snapshot.info.id && log(m_store, kSession, *id, {}, {}, snapshot.info.title, reason);
    for (const CalibrationParticipant &p : snapshot.participants) {
        const auto pid = ok ? m_store.insertParticipant(snapshot.info.id, p) : std::nullopt;
        ok = pid && log(m_store, kParticipant, *pid, {}, {}, p.name, reason);
    }
    for (const CalibrationItem &item : snapshot.items) {
        const auto iid = ok ? m_store.insertItem(snapshot.info.id, item) : std::nullopt;
        ok = iid && log(m_store, kItem, *iid, {}, {}, item.ticketId, reason);
    }
    if (!ok || !tx.commit())
        return failed(m_store);
    return {};
}

CalibrationError CalibrationUndo::stepBack(qint64 sessionId, CalibrationState from, const QString &reason)
{
    const auto info = m_store.session(sessionId);
    if (!info)
        return m_store.lastError().isEmpty() ? notFound(QStringLiteral("session"), sessionId) : failed(m_store);
    if (from == CalibrationState::Draft || info->state != from)
        return CalibrationError::make(CalibrationError::WrongState,
                                      QStringLiteral("session %1 is in %2, not %3: the step cannot be undone")
                                          .arg(sessionId)
                                          .arg(calibrationStateName(info->state), calibrationStateName(from)));
    const auto to = CalibrationState(int(from) - 1);
    if (to == CalibrationState::Draft) {
        CalibrationError error;
        const auto data = calibration::load(m_store, sessionId, true, &error);
        if (!data)
            return error;
        bool answered = false;
        for (const auto &item : data->answers)
            for (const CalibrationSheet &sheet : item)
                for (const CalibrationAnswer &a : sheet)
                    answered = answered || !a.isMissing();
        for (const CalibrationParticipant &p : data->participants)
            answered = answered || p.submitted();
        if (answered)
            return CalibrationError::make(CalibrationError::Refused,
                                          QStringLiteral("session %1 has answers already: it cannot go back to draft")
                                              .arg(sessionId));
    }
    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    bool ok = tx.isOpen() && m_store.updateSession(sessionId, "state", calibrationStateName(to)) &&
              log(m_store, kSession, sessionId, QStringLiteral("state"), calibrationStateName(from),
                  calibrationStateName(to), reason);
    if (ok && from == CalibrationState::Closed)
        ok = m_store.updateSession(sessionId, "closed_at", QVariant(QMetaType(QMetaType::QString))) &&
             log(m_store, kSession, sessionId, QStringLiteral("closed_at"), orNull(info->closedAt), {}, reason);
    if (!ok || !tx.commit())
        return failed(m_store);
    return {};
}

CalibrationError CalibrationUndo::setSubmission(qint64 sessionId, qint64 participantId, const QString &submittedAt,
                                                const QString &discardedAt, const QString &reason)
{
    const auto info = m_store.session(sessionId);
    if (!info)
        return m_store.lastError().isEmpty() ? notFound(QStringLiteral("session"), sessionId) : failed(m_store);
    if (auto e = requireState(*info, QStringLiteral("a submission is changed"), {CalibrationState::Scoring});
        e.isError())
        return e;
    std::optional<CalibrationParticipant> who;
    for (const CalibrationParticipant &p : m_store.participants(sessionId))
        if (p.id == participantId)
            who = p;
    if (!who)
        return notFound(QStringLiteral("participant"), participantId);
    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    bool ok = tx.isOpen();
    if (ok && who->submittedAt != submittedAt)
        ok = m_store.updateParticipant(participantId, "submitted_at", columnValue(submittedAt)) &&
             log(m_store, kParticipant, participantId, QStringLiteral("submitted_at"), orNull(who->submittedAt),
                 orNull(submittedAt), reason);
    if (ok && who->discardedAt != discardedAt)
        ok = m_store.updateParticipant(participantId, "discarded_at", columnValue(discardedAt)) &&
             log(m_store, kParticipant, participantId, QStringLiteral("discarded_at"), orNull(who->discardedAt),
                 orNull(discardedAt), reason);
    if (!ok || !tx.commit())
        return failed(m_store);
    return {};
}

CalibrationError CalibrationUndo::withdrawResponse(qint64 sessionId, qint64 participantId,
                                                  const std::vector<CalibrationSheet> &before,
                                                  const QString &importedSubmittedAt, const QString &reason)
{
    CalibrationError error;
    const auto data = calibration::load(m_store, sessionId, false, &error);
    if (!data)
        return error;
    if (auto e = requireState(data->info, QStringLiteral("a response is withdrawn"), {CalibrationState::Scoring});
        e.isError())
        return e;
    const int p = participantIndex(*data, participantId);
    if (p < 0)
        return notFound(QStringLiteral("participant"), participantId);
    const CalibrationParticipant &who = data->participants.at(p);
    if (who.submittedAt != importedSubmittedAt || importedSubmittedAt.isEmpty())
        return CalibrationError::make(CalibrationError::Refused,
                                      QStringLiteral("%1's submission is no longer the imported response: it "
                                                     "cannot be withdrawn")
                                          .arg(who.name));
    if (before.size() != std::size_t(data->items.size()))
        return CalibrationError::make(CalibrationError::Invalid,
                                      QStringLiteral("the answers to put back do not match session %1's items")
                                          .arg(sessionId));
    // As when answers are saved, the log says that answers changed, not what they are.
    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    bool ok = tx.isOpen();
    int kept = 0;
    for (int i = 0; ok && i < data->items.size(); ++i) {
        CalibrationSheet sheet = before[std::size_t(i)];
        while (sheet.size() < data->card.criterionCount())
            sheet.append(CalibrationAnswer());
        for (const CalibrationAnswer &a : std::as_const(sheet))
            kept += a.isMissing() ? 0 : 1;
        ok = m_store.replaceAnswers(data->items.at(i).id, participantId, sheet, *data);
    }
    ok = ok && log(m_store, kParticipant, participantId, QStringLiteral("answers"), {},
                   QStringLiteral("response withdrawn: %1 earlier answers put back").arg(kept), reason) &&
         m_store.updateParticipant(participantId, "submitted_at", columnValue({})) &&
         log(m_store, kParticipant, participantId, QStringLiteral("submitted_at"), importedSubmittedAt, {}, reason);
    if (!ok || !tx.commit())
        return failed(m_store);
    return {};
}

CalibrationError CalibrationUndo::removeAnchor(qint64 sessionId, qint64 anchorId, const QString &reason)
{
    const auto info = m_store.session(sessionId);
    if (!info)
        return m_store.lastError().isEmpty() ? notFound(QStringLiteral("session"), sessionId) : failed(m_store);
    if (auto e = requireState(*info, QStringLiteral("anchor examples are removed"),
                              {CalibrationState::Review, CalibrationState::Resolved});
        e.isError())
        return e;
    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    if (!tx.isOpen() || !m_store.deleteAnchor(anchorId) ||
        !log(m_store, QStringLiteral("anchor_example"), anchorId, {}, QStringLiteral("anchor"), {}, reason) ||
        !tx.commit())
        return failed(m_store);
    return {};
}

} // namespace ql
