// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationreview.h"

#include "calibrationsupport.h"
#include "common/userinfo.h"
#include "store/projectsettings.h"

namespace ql {

using namespace calibration;

namespace {

const QString kConsensus = QStringLiteral("calibration_consensus");
const QString kItem = QStringLiteral("calibration_item");

const std::initializer_list<CalibrationState> kReviewStates{CalibrationState::Review, CalibrationState::Resolved};

template <class T> std::optional<T> refuse(CalibrationError *error, CalibrationError e)
{
    if (error)
        *error = std::move(e);
    return std::nullopt;
}

QString consensusId(qint64 itemId, const QString &key)
{
    return QStringLiteral("%1/%2").arg(itemId).arg(key);
}

QVariant answerValue(const CalibrationAnswer &a)
{
    return a.isMissing() ? QVariant() : QVariant(answerText(a));
}

} // namespace

CalibrationReview::CalibrationReview(QSqlDatabase db) : m_store(std::move(db)) {}

std::optional<CalibrationMetrics> CalibrationReview::metrics(qint64 sessionId, CalibrationError *error,
                                                             std::optional<CalibrationMetricsOptions> options) const
{
    const auto info = m_store.session(sessionId);
    if (!info)
        return refuse<CalibrationMetrics>(
            error, m_store.lastError().isEmpty() ? notFound(QStringLiteral("session"), sessionId) : failed(m_store));
    if (!answersRevealed(info->state))
        return refuse<CalibrationMetrics>(
            error, CalibrationError::make(CalibrationError::Refused,
                                          QStringLiteral("session %1 is in %2: answers and metrics are blind until "
                                                         "review")
                                              .arg(sessionId)
                                              .arg(calibrationStateName(info->state))));
    const auto data = calibration::load(m_store, sessionId, true, error);
    if (!data)
        return std::nullopt;
    if (!options) {
        const ProjectSettings settings(m_store.database());
        CalibrationMetricsOptions o;
        o.tolerance = settings.calibrationTolerance();
        o.disagreementThreshold = settings.disagreementThreshold();
        options = o;
    }
    return computeCalibrationMetrics(*data, *options);
}

std::optional<std::vector<CalibrationSheet>> CalibrationReview::consensusDraft(qint64 sessionId,
                                                                               CalibrationError *error) const
{
    const auto data = calibration::load(m_store, sessionId, true, error);
    if (!data)
        return std::nullopt;
    if (!answersRevealed(data->info.state))
        return refuse<std::vector<CalibrationSheet>>(
            error, wrongState(data->info, QStringLiteral("a consensus is drafted"), kReviewStates));
    const int expert = data->expertIndex();
    std::vector<CalibrationSheet> out = data->consensus;
    for (int i = 0; i < data->items.size(); ++i)
        for (int c = 0; c < data->card.criterionCount(); ++c)
            if (out[std::size_t(i)].at(c).isMissing() && expert >= 0) {
                CalibrationAnswer a = data->answer(i, expert, c);
                a.comment.clear();
                out[std::size_t(i)][c] = a;
            }
    return out;
}

CalibrationError CalibrationReview::setConsensus(qint64 sessionId, qint64 itemId, int criterion,
                                                 CalibrationAnswer answer, const QString &reason)
{
    CalibrationError error;
    const auto data = calibration::load(m_store, sessionId, false, &error);
    if (!data)
        return error;
    if (auto e = requireState(data->info, QStringLiteral("the consensus is recorded"), kReviewStates); e.isError())
        return e;
    const int i = itemIndex(*data, itemId);
    if (i < 0)
        return notFound(QStringLiteral("item"), itemId);
    if (criterion < 0 || criterion >= data->card.criterionCount())
        return CalibrationError::make(CalibrationError::NotFound,
                                      QStringLiteral("the scorecard has no criterion %1").arg(criterion));
    const Criterion &crit = data->card.criterionAt(criterion);
    const QString note = answer.comment;
    if (const QString problem = normaliseAnswer(crit, answer); !problem.isEmpty())
        return CalibrationError::make(CalibrationError::Invalid, problem);
    answer.comment = note;
    const CalibrationAnswer &old = data->consensus[std::size_t(i)].at(criterion);
    if (old.sameAnswer(answer) && old.comment == answer.comment)
        return {};
    const qint64 criterionId = data->criterionIds.at(criterion);
    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    bool ok = tx.isOpen();
    if (ok && answer.isMissing())
        ok = m_store.deleteConsensus(itemId, criterionId);
    else if (ok)
        ok = m_store.setConsensus(itemId, criterionId, answer,
                                  answer.isRated() ? std::optional<double>(crit.scale.c(answer.value)) : std::nullopt);
    const QString id = consensusId(itemId, crit.key);
    ok = ok && log(m_store, kConsensus, id, QStringLiteral("value"), answerValue(old), answerValue(answer), reason);
    if (ok && old.comment != answer.comment)
        ok = log(m_store, kConsensus, id, QStringLiteral("note"), old.comment.isEmpty() ? QVariant() : old.comment,
                 answer.comment.isEmpty() ? QVariant() : answer.comment, reason);
    if (!ok || !tx.commit())
        return failed(m_store);
    return {};
}

CalibrationError CalibrationReview::setConsensusSheet(qint64 sessionId, qint64 itemId, const CalibrationSheet &sheet,
                                                     const QString &reason)
{
    // The savepoints of setConsensus nest in this one, so a refusal on any criterion writes nothing.
    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration_sheet"));
    if (!tx.isOpen())
        return failed(m_store);
    for (int c = 0; c < int(sheet.size()); ++c)
        if (CalibrationError e = setConsensus(sessionId, itemId, c, sheet.at(c), reason); e.isError())
            return e;
    if (!tx.commit())
        return failed(m_store);
    return {};
}

std::optional<int> CalibrationReview::fillConsensusFromExpert(qint64 sessionId, CalibrationError *error)
{
    const auto data = calibration::load(m_store, sessionId, true, error);
    if (!data)
        return std::nullopt;
    if (auto e = requireState(data->info, QStringLiteral("the consensus is recorded"), kReviewStates); e.isError())
        return refuse<int>(error, e);
    const int expert = data->expertIndex();
    if (expert < 0)
        return refuse<int>(error, CalibrationError::make(CalibrationError::Refused,
                                                         QStringLiteral("session %1 has no expert").arg(sessionId)));
    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    if (!tx.isOpen())
        return refuse<int>(error, failed(m_store));
    int written = 0;
    for (int i = 0; i < data->items.size(); ++i)
        for (int c = 0; c < data->card.criterionCount(); ++c) {
            CalibrationAnswer a = data->answer(i, expert, c);
            if (a.isMissing() || !data->consensus[std::size_t(i)].at(c).isMissing())
                continue;
            a.comment.clear();
            const Criterion &crit = data->card.criterionAt(c);
            const qint64 itemId = data->items.at(i).id;
            if (!m_store.setConsensus(itemId, data->criterionIds.at(c), a,
                                      a.isRated() ? std::optional<double>(crit.scale.c(a.value)) : std::nullopt) ||
                !log(m_store, kConsensus, consensusId(itemId, crit.key), QStringLiteral("value"), {}, answerText(a),
                     QStringLiteral("from the expert")))
                return refuse<int>(error, failed(m_store));
            ++written;
        }
    if (!tx.commit())
        return refuse<int>(error, failed(m_store));
    return written;
}

CalibrationError CalibrationReview::setNotes(qint64 sessionId, qint64 itemId, const QString &notes,
                                            const QString &reason)
{
    CalibrationError error;
    const auto data = calibration::load(m_store, sessionId, false, &error);
    if (!data)
        return error;
    if (auto e = requireState(data->info, QStringLiteral("discussion notes are written"), kReviewStates); e.isError())
        return e;
    const int i = itemIndex(*data, itemId);
    if (i < 0)
        return notFound(QStringLiteral("item"), itemId);
    const QString old = data->items.at(i).notes;
    if (old == notes)
        return {};
    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    if (!tx.isOpen() || !m_store.setItemNotes(itemId, notes) ||
        !log(m_store, kItem, itemId, QStringLiteral("notes"), old.isEmpty() ? QVariant() : old,
             notes.isEmpty() ? QVariant() : notes, reason) ||
        !tx.commit())
        return failed(m_store);
    return {};
}

std::optional<qint64> CalibrationReview::saveAnchor(qint64 sessionId, qint64 itemId, int criterion, const QString &note,
                                                    CalibrationError *error)
{
    const auto data = calibration::load(m_store, sessionId, false, error);
    if (!data)
        return std::nullopt;
    if (auto e = requireState(data->info, QStringLiteral("anchor examples are saved"), kReviewStates); e.isError())
        return refuse<qint64>(error, e);
    const int i = itemIndex(*data, itemId);
    if (i < 0)
        return refuse<qint64>(error, notFound(QStringLiteral("item"), itemId));
    if (criterion < 0 || criterion >= data->card.criterionCount())
        return refuse<qint64>(
            error, CalibrationError::make(CalibrationError::NotFound,
                                          QStringLiteral("the scorecard has no criterion %1").arg(criterion)));
    const CalibrationAnswer &consensus = data->consensus[std::size_t(i)].at(criterion);
    if (consensus.isMissing())
        return refuse<qint64>(
            error, CalibrationError::make(CalibrationError::Refused,
                                          QStringLiteral("item %1 has no consensus on %2 to save as an anchor")
                                              .arg(itemId)
                                              .arg(data->card.criterionAt(criterion).key)));
    AnchorExample anchor;
    anchor.criterionId = data->criterionIds.at(criterion);
    anchor.itemId = itemId;
    anchor.answer = consensus;
    anchor.note = note;
    anchor.createdAt = UserInfo::nowIso();
    Savepoint tx(m_store.database(), QStringLiteral("ql_calibration"));
    const auto id = tx.isOpen() ? m_store.insertAnchor(anchor) : std::nullopt;
    if (!id ||
        !log(m_store, QStringLiteral("anchor_example"), *id, {}, {},
             QStringLiteral("%1 = %2").arg(data->card.criterionAt(criterion).key, answerText(consensus)),
             QStringLiteral("calibration %1").arg(sessionId)) ||
        !tx.commit())
        return refuse<qint64>(error, failed(m_store));
    return id;
}

} // namespace ql
