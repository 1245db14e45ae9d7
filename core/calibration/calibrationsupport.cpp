// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationsupport.h"

#include "store/scorecardstore.h"

namespace ql::calibration {

std::optional<CalibrationSessionData> load(const CalibrationStore &store, qint64 sessionId, bool withAnswers,
                                           CalibrationError *error)
{
    const auto fail = [error](CalibrationError e) {
        if (error)
            *error = std::move(e);
        return std::nullopt;
    };
    const auto info = store.session(sessionId);
    if (!info)
        return fail(store.lastError().isEmpty() ? notFound(QStringLiteral("session"), sessionId) : failed(store));
    CalibrationSessionData data;
    data.info = *info;
    QString problem;
    const auto card = ScorecardStore(store.database()).load(info->scorecardId, &problem);
    if (!card)
        return fail(CalibrationError::make(
            CalibrationError::Failed,
            QStringLiteral("session %1: its scorecard cannot be read: %2").arg(sessionId).arg(problem)));
    data.card = card->card;
    data.criterionIds = card->criterionIds;
    data.participants = store.participants(sessionId);
    data.items = store.items(sessionId);
    data.resetAnswers();
    if (!store.loadConsensus(data))
        return fail(failed(store));
    if (withAnswers) {
        if (!store.loadAnswers(data))
            return fail(failed(store));
        data.answersLoaded = true;
    }
    return data;
}

CalibrationError notFound(const QString &what, qint64 id)
{
    return CalibrationError::make(CalibrationError::NotFound, QStringLiteral("no calibration %1 %2").arg(what).arg(id));
}

CalibrationError wrongState(const CalibrationSessionInfo &session, const QString &action,
                            std::initializer_list<CalibrationState> allowed)
{
    if (session.state == CalibrationState::Closed)
        return CalibrationError::make(
            CalibrationError::WrongState,
            QStringLiteral("session %1 is closed and read-only: cannot %2").arg(session.id).arg(action));
    QStringList names;
    for (CalibrationState s : allowed)
        names.append(calibrationStateName(s));
    return CalibrationError::make(CalibrationError::WrongState, QStringLiteral("session %1 is in %2: %3 only in %4")
                                                                    .arg(session.id)
                                                                    .arg(calibrationStateName(session.state), action,
                                                                         names.join(QStringLiteral(" or "))));
}

CalibrationError failed(const CalibrationStore &store)
{
    return CalibrationError::make(CalibrationError::Failed, store.lastError());
}

CalibrationError requireState(const CalibrationSessionInfo &session, const QString &action,
                              std::initializer_list<CalibrationState> allowed)
{
    for (CalibrationState s : allowed)
        if (session.state == s)
            return {};
    return wrongState(session, action, allowed);
}

int participantIndex(const CalibrationSessionData &data, qint64 participantId)
{
    for (int p = 0; p < data.participants.size(); ++p)
        if (data.participants.at(p).id == participantId)
            return p;
    return -1;
}

int itemIndex(const CalibrationSessionData &data, qint64 itemId)
{
    for (int i = 0; i < data.items.size(); ++i)
        if (data.items.at(i).id == itemId)
            return i;
    return -1;
}

QString normaliseAnswer(const Criterion &criterion, CalibrationAnswer &answer)
{
    const Scale &scale = criterion.scale;
    switch (answer.state) {
    case AnswerInput::Missing:
        answer = CalibrationAnswer{};
        return {};
    case AnswerInput::NotApplicable:
        if (!criterion.allowNa)
            return QStringLiteral("%1 does not allow N/A").arg(criterion.key);
        answer.value = 0;
        answer.optionLabel.clear();
        return {};
    case AnswerInput::Rated:
        break;
    }
    if (scale.kind == ScaleKind::Options) {
        if (!answer.optionLabel.isEmpty()) {
            const int index = scale.optionIndex(answer.optionLabel);
            if (index < 0)
                return QStringLiteral("%1: '%2' is not one of %3")
                    .arg(criterion.key, answer.optionLabel, scale.describe());
            answer.optionLabel = scale.options.at(index).first;
            answer.value = scale.options.at(index).second;
            return {};
        }
        if (!scale.isValidValue(answer.value))
            return QStringLiteral("%1: %2 is not the points of an option of %3")
                .arg(criterion.key)
                .arg(answer.value)
                .arg(scale.describe());
        answer.optionLabel = scale.labelOf(answer.value);
        return {};
    }
    answer.optionLabel.clear();
    if (!scale.isValidValue(answer.value))
        return QStringLiteral("%1: %2 is outside its scale %3")
            .arg(criterion.key)
            .arg(answer.value)
            .arg(scale.describe());
    return {};
}

QString normaliseSheet(const Scorecard &card, CalibrationSheet &sheet)
{
    const int n = card.criterionCount();
    if (sheet.size() > n)
        return QStringLiteral("%1 answers for a scorecard of %2 criteria").arg(sheet.size()).arg(n);
    sheet.resize(n);
    for (int i = 0; i < n; ++i)
        if (const QString problem = normaliseAnswer(card.criterionAt(i), sheet[i]); !problem.isEmpty())
            return problem;
    return {};
}

QString answerText(const CalibrationAnswer &answer)
{
    if (answer.isNotApplicable())
        return QStringLiteral("N/A");
    if (!answer.isRated())
        return {};
    return answer.optionLabel.isEmpty() ? QString::number(answer.value, 'g', 17) : answer.optionLabel;
}

bool log(const CalibrationStore &store, const QString &entity, const QString &id, const QString &field,
         const QVariant &oldValue, const QVariant &newValue, const QString &reason)
{
    ChangeEntry e;
    e.entity = entity;
    e.entityId = id;
    e.field = field;
    e.oldValue = oldValue;
    e.newValue = newValue;
    e.reason = reason;
    return ChangeLog::record(store.database(), e);
}

bool log(const CalibrationStore &store, const QString &entity, qint64 id, const QString &field,
         const QVariant &oldValue, const QVariant &newValue, const QString &reason)
{
    return log(store, entity, QString::number(id), field, oldValue, newValue, reason);
}

} // namespace ql::calibration
