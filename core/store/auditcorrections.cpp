// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditcorrections.h"

#include "auditstore.h"
#include "changelog.h"
#include "savepoint.h"
#include "scorecardstore.h"
#include "scoring/scoringengine.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace ql {

namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

QVariant nullDouble()
{
    return QVariant(QMetaType::fromType<double>());
}

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

AnswerState stateOf(const StoredAnswer *a)
{
    if (!a)
        return {};
    if (a->na || !a->value)
        return AnswerState::notApplicable(a->comment);
    return AnswerState::rated(*a->value, a->comment);
}

AuditScore storedScore(const StoredAudit &a)
{
    AuditScore s;
    s.score = a.score;
    s.rawScore = a.rawScore;
    s.passed = a.passed;
    s.criticalFail = a.criticalFail;
    s.failedFamilies = a.criticalFamilies;
    s.incomplete = a.incomplete;
    return s;
}

QString scoreJson(const AuditScore &s, bool localChanges)
{
    const QJsonObject o{{QStringLiteral("score"), s.score ? QJsonValue(*s.score) : QJsonValue()},
                        {QStringLiteral("raw_score"), s.rawScore ? QJsonValue(*s.rawScore) : QJsonValue()},
                        {QStringLiteral("passed"), s.passed},
                        {QStringLiteral("critical_fail"), s.criticalFail},
                        {QStringLiteral("critical_families"), int(s.failedFamilies)},
                        {QStringLiteral("incomplete"), s.incomplete},
                        {QStringLiteral("local_changes"), localChanges}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QVariant answerJson(const AnswerState &s, const Scale &scale)
{
    if (s.kind == AnswerState::Absent)
        return nullText();
    const QString label = s.kind == AnswerState::Rated && scale.kind == ScaleKind::Options ? scale.labelOf(s.value) : QString();
    return QString::fromUtf8(QJsonDocument(s.toJson(label)).toJson(QJsonDocument::Compact));
}

bool exec(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    setError(error, q.lastError().text());
    return false;
}

} // namespace

QJsonObject AnswerState::toJson(const QString &label) const
{
    return QJsonObject{{QStringLiteral("value"), kind == Rated ? QJsonValue(value) : QJsonValue()},
                       {QStringLiteral("label"), label.isEmpty() ? QJsonValue() : QJsonValue(label)},
                       {QStringLiteral("na"), kind == NotApplicable},
                       {QStringLiteral("comment"), comment.isEmpty() ? QJsonValue() : QJsonValue(comment)}};
}

AuditCorrections::AuditCorrections(QSqlDatabase db) : m_db(std::move(db)) {}

std::optional<AnswerState> AuditCorrections::answer(qint64 auditId, const QString &criterionKey, QString *error) const
{
    const auto audit = AuditStore(m_db).load(auditId, error);
    if (!audit)
        return std::nullopt;
    const auto card = ScorecardStore(m_db).load(audit->scorecardId, error);
    if (!card)
        return std::nullopt;
    const int index = card->card.indexOfKey(criterionKey);
    if (index < 0) {
        setError(error, QObject::tr("scorecard %1 v%2 has no criterion '%3'")
                            .arg(card->card.name)
                            .arg(card->card.version)
                            .arg(criterionKey));
        return std::nullopt;
    }
    return stateOf(audit->answerAt(index));
}

std::optional<CorrectionResult> AuditCorrections::setAnswer(qint64 auditId, const QString &criterionKey,
                                                            const AnswerState &state, const QString &reason,
                                                            QString *error, std::optional<bool> localChanges)
{
    if (reason.trimmed().isEmpty()) {
        setError(error, QObject::tr("a correction needs a reason"));
        return std::nullopt;
    }
    auto audit = AuditStore(m_db).load(auditId, error);
    if (!audit)
        return std::nullopt;
    const auto card = ScorecardStore(m_db).load(audit->scorecardId, error);
    if (!card)
        return std::nullopt;
    const int index = card->card.indexOfKey(criterionKey);
    if (index < 0) {
        setError(error, QObject::tr("scorecard %1 v%2 has no criterion '%3'")
                            .arg(card->card.name)
                            .arg(card->card.version)
                            .arg(criterionKey));
        return std::nullopt;
    }
    const Criterion &criterion = card->card.criterionAt(index);
    if (state.kind == AnswerState::Rated && !criterion.scale.isValidValue(state.value)) {
        setError(error, QObject::tr("%1 is not a value of %2 (scale %3)")
                            .arg(state.value)
                            .arg(criterionKey, criterion.scale.describe()));
        return std::nullopt;
    }
    if (state.kind == AnswerState::NotApplicable && !criterion.allowNa) {
        setError(error, QObject::tr("%1 does not allow N/A").arg(criterionKey));
        return std::nullopt;
    }

    CorrectionResult result;
    result.auditId = auditId;
    result.criterionKey = criterionKey;
    const StoredAnswer *existing = audit->answerAt(index);
    result.before = stateOf(existing);
    result.after = state;
    result.scoreBefore = storedScore(*audit);
    result.localChangesBefore = audit->localChanges;
    const bool localAfter = localChanges.value_or(true);
    if (result.before == state && (!localChanges || *localChanges == audit->localChanges)) {
        setError(error, QObject::tr("%1 already has this answer").arg(criterionKey));
        return std::nullopt;
    }

    // Re-score with the new answer in place of the old one.
    const ScoringEngine engine(card->card);
    std::vector<AnswerInput> inputs = audit->inputs(engine.criterionCount());
    inputs[size_t(index)] = state.kind == AnswerState::Rated           ? AnswerInput::rated(state.value)
                            : state.kind == AnswerState::NotApplicable ? AnswerInput::notApplicable()
                                                                       : AnswerInput::missing();
    result.scoreAfter = engine.score(inputs);

    Savepoint savepoint(m_db, QStringLiteral("ql_audit_correction"));
    if (!savepoint.isOpen()) {
        setError(error, m_db.lastError().text());
        return std::nullopt;
    }
    QSqlQuery q(m_db);
    const QVariant comment = state.comment.isEmpty() ? nullText() : QVariant(state.comment);
    const QVariant value = state.kind == AnswerState::Rated ? QVariant(state.value) : nullDouble();
    const QVariant label = state.kind == AnswerState::Rated && criterion.scale.kind == ScaleKind::Options
                               ? QVariant(criterion.scale.labelOf(state.value))
                               : nullText();
    const QVariant c = state.kind == AnswerState::Rated ? QVariant(engine.c(index, state.value)) : nullDouble();
    const int na = state.kind == AnswerState::NotApplicable ? 1 : 0;
    if (state.kind == AnswerState::Absent) {
        q.prepare(QStringLiteral("DELETE FROM answers WHERE audit_id = ? AND criterion_id = ?"));
        q.addBindValue(auditId);
        q.addBindValue(card->criterionIds.at(index));
    } else if (existing) {
        q.prepare(QStringLiteral("UPDATE answers SET value = ?, option_label = ?, na = ?, c = ?, comment = ? WHERE id = ?"));
        for (const QVariant &v : {value, label, QVariant(na), c, comment, QVariant(existing->id)})
            q.addBindValue(v);
    } else {
        q.prepare(QStringLiteral("INSERT INTO answers(audit_id, criterion_id, value, option_label, na, c, comment) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant &v : {QVariant(auditId), QVariant(card->criterionIds.at(index)), value, label, QVariant(na), c,
                                  comment})
            q.addBindValue(v);
    }
    if (!exec(q, error))
        return std::nullopt;

    const AuditScore &s = result.scoreAfter;
    QSqlQuery u(m_db);
    u.prepare(QStringLiteral("UPDATE audits SET score = ?, raw_score = ?, passed = ?, critical_fail = ?, "
                             "critical_families = ?, incomplete = ?, local_changes = ? WHERE id = ?"));
    for (const QVariant &v : {s.score ? QVariant(*s.score) : nullDouble(), s.rawScore ? QVariant(*s.rawScore) : nullDouble(),
                              QVariant(s.passed ? 1 : 0), QVariant(s.criticalFail ? 1 : 0), QVariant(int(s.failedFamilies)),
                              QVariant(s.incomplete ? 1 : 0), QVariant(localAfter ? 1 : 0), QVariant(auditId)})
        u.addBindValue(v);
    if (!exec(u, error))
        return std::nullopt;

    ChangeEntry answerEntry;
    answerEntry.entity = QStringLiteral("audit");
    answerEntry.entityId = QString::number(auditId);
    answerEntry.field = QStringLiteral("answer:") + criterionKey;
    answerEntry.oldValue = answerJson(result.before, criterion.scale);
    answerEntry.newValue = answerJson(state, criterion.scale);
    answerEntry.reason = reason;
    ChangeEntry scoreEntry = answerEntry;
    scoreEntry.field = QStringLiteral("score");
    scoreEntry.oldValue = scoreJson(result.scoreBefore, result.localChangesBefore);
    scoreEntry.newValue = scoreJson(s, localAfter);
    if (!ChangeLog::record(m_db, answerEntry, error))
        return std::nullopt;
    result.firstLogId = ChangeLog::lastId(m_db);
    if (!ChangeLog::record(m_db, scoreEntry, error))
        return std::nullopt;
    result.lastLogId = ChangeLog::lastId(m_db);
    if (!savepoint.commit()) {
        setError(error, m_db.lastError().text());
        return std::nullopt;
    }
    return result;
}

} // namespace ql
