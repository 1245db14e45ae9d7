// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationscoring.h"

#include "calibrationsupport.h"
#include "common/userinfo.h"

namespace ql {

using namespace calibration;

namespace {
const QString kParticipant = QStringLiteral("calibration_participant");
} // namespace

CalibrationScoring::CalibrationScoring(QSqlDatabase db) : m_store(std::move(db)) {}

std::optional<std::vector<CalibrationSheet>> CalibrationScoring::answersOf(qint64 sessionId, qint64 participantId,
                                                                           CalibrationError *error) const
{
    auto data = calibration::load(m_store, sessionId, false, error);
    if (!data)
        return std::nullopt;
    const int p = participantIndex(*data, participantId);
    if (p < 0) {
        if (error)
            *error = notFound(QStringLiteral("participant"), participantId);
        return std::nullopt;
    }
    if (data->info.state == CalibrationState::Draft) {
        if (error)
            *error = wrongState(data->info, QStringLiteral("show answers"),
                                {CalibrationState::Scoring, CalibrationState::Review, CalibrationState::Resolved,
                                 CalibrationState::Closed});
        return std::nullopt;
    }
    if (!m_store.loadAnswers(*data, participantId)) {
        if (error)
            *error = failed(m_store);
        return std::nullopt;
    }
    std::vector<CalibrationSheet> out;
    for (int i = 0; i < data->items.size(); ++i)
        out.push_back(data->answers[std::size_t(i)][std::size_t(p)]);
    return out;
}

CalibrationError CalibrationScoring::saveAnswers(qint64 sessionId, qint64 participantId, qint64 itemId,
                                                 CalibrationSheet sheet, const QString &reason)
{
    CalibrationError error;
    auto data = calibration::load(m_store, sessionId, false, &error);
    if (!data)
        return error;
    if (auto e = requireState(data->info, QStringLiteral("answers are saved"), {CalibrationState::Scoring});
        e.isError())
        return e;
    const int p = participantIndex(*data, participantId);
    if (p < 0)
        return notFound(QStringLiteral("participant"), participantId);
    const int i = itemIndex(*data, itemId);
    if (i < 0)
        return notFound(QStringLiteral("item"), itemId);
    const CalibrationParticipant &who = data->participants.at(p);
    if (who.submitted())
        return CalibrationError::make(CalibrationError::Refused,
                                      QStringLiteral("%1 has submitted: the answers are locked unless the lead "
                                                     "discards the submission")
                                          .arg(who.name));
    if (const QString problem = normaliseSheet(data->card, sheet); !problem.isEmpty())
        return CalibrationError::make(CalibrationError::Invalid, problem);
    int given = 0;
    for (const CalibrationAnswer &a : sheet)
        given += a.isMissing() ? 0 : 1;
    // The log says that answers were saved, not what they are: the change log is readable by the
    // lead while scoring is still blind.
    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    if (!tx.isOpen() || !m_store.replaceAnswers(itemId, participantId, sheet, *data) ||
        !log(m_store, kParticipant, participantId, QStringLiteral("answers"), {},
             QStringLiteral("item %1: %2 answers").arg(itemId).arg(given), reason) ||
        !tx.commit())
        return failed(m_store);
    return {};
}

CalibrationError CalibrationScoring::submit(qint64 sessionId, qint64 participantId, const QString &reason)
{
    CalibrationError error;
    const auto data = calibration::load(m_store, sessionId, false, &error);
    if (!data)
        return error;
    if (auto e = requireState(data->info, QStringLiteral("answers are submitted"), {CalibrationState::Scoring});
        e.isError())
        return e;
    const int p = participantIndex(*data, participantId);
    if (p < 0)
        return notFound(QStringLiteral("participant"), participantId);
    if (data->participants.at(p).submitted())
        return CalibrationError::make(CalibrationError::Refused,
                                      QStringLiteral("%1 has already submitted").arg(data->participants.at(p).name));
    const QString now = UserInfo::nowIso();
    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    if (!tx.isOpen() || !m_store.updateParticipant(participantId, "submitted_at", now) ||
        !log(m_store, kParticipant, participantId, QStringLiteral("submitted_at"), {}, now, reason) || !tx.commit())
        return failed(m_store);
    return {};
}

CalibrationError CalibrationScoring::discard(qint64 sessionId, qint64 participantId, const QString &reason)
{
    CalibrationError error;
    const auto data = calibration::load(m_store, sessionId, false, &error);
    if (!data)
        return error;
    if (auto e = requireState(data->info, QStringLiteral("a submission is discarded"), {CalibrationState::Scoring});
        e.isError())
        return e;
    const int p = participantIndex(*data, participantId);
    if (p < 0)
        return notFound(QStringLiteral("participant"), participantId);
    const CalibrationParticipant &who = data->participants.at(p);
    if (!who.submitted())
        return CalibrationError::make(
            CalibrationError::Refused,
            QStringLiteral("%1 has not submitted; there is nothing to discard").arg(who.name));
    const QString now = UserInfo::nowIso();
    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    if (!tx.isOpen() ||
        !m_store.updateParticipant(participantId, "submitted_at", QVariant(QMetaType(QMetaType::QString))) ||
        !m_store.updateParticipant(participantId, "discarded_at", now) ||
        !log(m_store, kParticipant, participantId, QStringLiteral("submitted_at"), who.submittedAt, {},
             reason.isEmpty() ? QStringLiteral("submission discarded") : reason) ||
        !log(m_store, kParticipant, participantId, QStringLiteral("discarded_at"),
             who.discardedAt.isEmpty() ? QVariant() : who.discardedAt, now, reason) ||
        !tx.commit())
        return failed(m_store);
    return {};
}

std::optional<QList<CalibrationSubmissionStatus>> CalibrationScoring::status(qint64 sessionId,
                                                                             CalibrationError *error) const
{
    // Answers are read to count them, and only counts leave this function.
    auto data = calibration::load(m_store, sessionId, true, error);
    if (!data)
        return std::nullopt;
    const int n = data->card.criterionCount();
    QList<CalibrationSubmissionStatus> out;
    for (int p = 0; p < data->participants.size(); ++p) {
        const CalibrationParticipant &who = data->participants.at(p);
        CalibrationSubmissionStatus s;
        s.participantId = who.id;
        s.name = who.name;
        s.expert = who.expert;
        s.submittedAt = who.submittedAt;
        s.discardedAt = who.discardedAt;
        s.answersExpected = int(data->items.size()) * n;
        for (int i = 0; i < data->items.size(); ++i) {
            int given = 0;
            for (int c = 0; c < n; ++c)
                given += data->answer(i, p, c).isMissing() ? 0 : 1;
            s.answersGiven += given;
            s.itemsAnswered += given > 0 ? 1 : 0;
            s.itemsComplete += given == n && n > 0 ? 1 : 0;
        }
        out.append(s);
    }
    return out;
}

} // namespace ql
