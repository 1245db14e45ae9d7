// SPDX-License-Identifier: GPL-3.0-or-later
#include "miniproject.h"

#include "common/periods.h"
#include "scoring/scoringengine.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ql::test {

MiniProject::MiniProject(const QString &path)
{
    ProjectError perror;
    m_project = Project::create(path, true, &perror);
    if (!m_project) {
        m_error = perror.message;
        return;
    }
    Scorecard card;
    card.name = QStringLiteral("Mini QA");
    card.version = 1;
    card.validFrom = QDate(2026, 1, 1);
    card.passThreshold = 80;
    Section compliance{QStringLiteral("Compliance"), 40, {}};
    Criterion verify;
    verify.key = QStringLiteral("verify");
    verify.name = QStringLiteral("Verified identity");
    verify.critical = CriticalFamily::Compliance;
    Criterion disclosure;
    disclosure.key = QStringLiteral("disclosure");
    disclosure.name = QStringLiteral("Read the disclosure");
    disclosure.allowNa = true;
    compliance.criteria = {verify, disclosure};
    Section communication{QStringLiteral("Communication"), 60, {}};
    Criterion tone;
    tone.key = QStringLiteral("tone");
    tone.name = QStringLiteral("Tone");
    tone.scale = Scale::range(1, 5);
    tone.weight = 2;
    Criterion resolution;
    resolution.key = QStringLiteral("resolution");
    resolution.name = QStringLiteral("Resolution");
    resolution.scale = Scale::fromOptions(
        {{QStringLiteral("Yes"), 10}, {QStringLiteral("Partial"), 5}, {QStringLiteral("No"), 0}});
    communication.criteria = {tone, resolution};
    card.sections = {compliance, communication};

    QSqlDatabase db = m_project->database();
    db.transaction();
    const auto saved = ScorecardStore(db).save(card, QStringLiteral("2026-01-01T00:00:00Z"), &m_error);
    if (!saved) {
        db.rollback();
        return;
    }
    m_card = *saved;
    const QString now = QStringLiteral("2026-01-01T00:00:00Z");
    const bool ok =
        exec(QStringLiteral("INSERT INTO teams(id, name) VALUES (1, 'North'), (2, 'South')"), {}) &&
        exec(QStringLiteral("INSERT INTO sites(id, name) VALUES (1, 'Lisbon')"), {}) &&
        exec(QStringLiteral("INSERT INTO queues(id, name) VALUES (1, 'Billing'), (2, 'Orders')"), {}) &&
        exec(QStringLiteral("INSERT INTO auditors(id, auditor_key, name) VALUES (1, 'QA1', 'Quinn'), (2, 'QA2', 'Rae')"),
             {}) &&
        exec(QStringLiteral("INSERT INTO root_causes(id, name) VALUES (1, 'Knowledge gap'), (2, 'Process unclear')"), {}) &&
        exec(QStringLiteral("INSERT INTO agents(id, agent_key, name, created_at) VALUES (1, 'AG1', 'Ann', ?), "
                            "(2, 'AG2', 'Bob', ?), (3, 'AG3', 'Cid', ?)"),
             {now, now, now}) &&
        exec(QStringLiteral("INSERT INTO agent_history(agent_id, valid_from, team_id, site_id) VALUES "
                            "(1, '2025-01-01', 1, 1), (2, '2025-01-01', 1, 1), (3, '2025-01-01', 2, 1)"),
             {});
    if (!ok) {
        db.rollback();
        return;
    }
    db.commit();
}

bool MiniProject::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery q(m_project->database());
    if (!q.prepare(sql)) {
        m_error = q.lastError().text() + QStringLiteral(" in ") + sql;
        return false;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        m_error = q.lastError().text() + QStringLiteral(" in ") + sql;
        return false;
    }
    return true;
}

qint64 MiniProject::idOf(const QString &table, const QString &column, const QString &value)
{
    QSqlQuery q(m_project->database());
    q.prepare(QStringLiteral("SELECT id FROM %1 WHERE %2 = ?").arg(table, column));
    q.addBindValue(value);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

qint64 MiniProject::addAudit(const QString &key, Pattern pattern, const QString &agentKey, QDate date,
                             const QString &auditor, const QString &sampleType, const QString &queue,
                             const QString &ticket)
{
    struct Row
    {
        std::optional<double> value; // none: N/A
        const char *label;
    };
    QList<Row> rows;
    switch (pattern) {
    case Good:
        rows = {{1, nullptr}, {1, nullptr}, {4, nullptr}, {5, "Partial"}};
        break;
    case Weak:
        rows = {{1, nullptr}, {std::nullopt, nullptr}, {3, nullptr}, {0, "No"}};
        break;
    case Critical:
        rows = {{0, nullptr}, {1, nullptr}, {5, nullptr}, {10, "Yes"}};
        break;
    case Perfect:
        rows = {{1, nullptr}, {1, nullptr}, {5, nullptr}, {10, "Yes"}};
        break;
    }
    const ScoringEngine engine(m_card.card);
    std::vector<AnswerInput> inputs;
    for (const Row &r : rows)
        inputs.push_back(r.value ? AnswerInput::rated(*r.value) : AnswerInput::notApplicable());
    const AuditScore s = engine.score(inputs);
    const qint64 agent = idOf(QStringLiteral("agents"), QStringLiteral("agent_key"), agentKey);
    const qint64 auditorId = idOf(QStringLiteral("auditors"), QStringLiteral("auditor_key"), auditor);
    const qint64 queueId = idOf(QStringLiteral("queues"), QStringLiteral("name"), queue);
    const PeriodKeys k = PeriodKeys::of(date);
    const QVariant team = agent == 3 ? 2 : 1;
    auto opt = [](const std::optional<double> &v) { return v ? QVariant(*v) : QVariant(QMetaType::fromType<double>()); };
    if (!exec(QStringLiteral("INSERT INTO audits(audit_key, ticket_id, date, day, week, month, quarter, agent_id, "
                             "auditor_id, team_id, site_id, queue_id, sample_type, scorecard_id, score, raw_score, "
                             "passed, critical_fail, critical_families, incomplete) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
              {key, ticket.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(ticket),
               date.toString(Qt::ISODate), k.day, k.week, k.month, k.quarter, agent, auditorId, team, queueId,
               sampleType, m_card.id, opt(s.score), opt(s.rawScore), s.passed ? 1 : 0, s.criticalFail ? 1 : 0,
               int(s.failedFamilies), s.incomplete ? 1 : 0}))
        return 0;
    const qint64 auditId = idOf(QStringLiteral("audits"), QStringLiteral("audit_key"), key);
    for (int i = 0; i < rows.size(); ++i) {
        const Row &r = rows.at(i);
        const std::optional<double> c = r.value ? std::optional<double>(engine.c(i, *r.value)) : std::nullopt;
        const bool failed = c && *c < 0.5;
        if (!exec(QStringLiteral("INSERT INTO answers(audit_id, criterion_id, value, option_label, na, c, comment) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                  {auditId, m_card.criterionIds.at(i), opt(r.value),
                   r.label ? QVariant(QString::fromLatin1(r.label)) : QVariant(QMetaType::fromType<QString>()),
                   r.value ? 0 : 1, opt(c),
                   failed ? QVariant(QStringLiteral("Missed %1").arg(m_card.card.criterionAt(i).key))
                          : QVariant(QMetaType::fromType<QString>())}))
            return 0;
        if (failed &&
            !exec(QStringLiteral("INSERT INTO answer_root_causes(answer_id, root_cause_id) "
                                 "SELECT id, 1 FROM answers WHERE audit_id = ? AND criterion_id = ?"),
                  {auditId, m_card.criterionIds.at(i)}))
            return 0;
    }
    return auditId;
}

bool MiniProject::addResponse(const QString &key, int score, QDate date, const QString &agentKey, const QString &ticket)
{
    const PeriodKeys k = PeriodKeys::of(date);
    const qint64 agent = idOf(QStringLiteral("agents"), QStringLiteral("agent_key"), agentKey);
    return exec(QStringLiteral("INSERT INTO csat_responses(response_key, ticket_id, date, day, week, month, quarter, "
                               "score, scale, satisfied, dissatisfied, agent_id, team_id) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, '1-5', ?, ?, ?, ?)"),
                {key, ticket.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(ticket),
                 date.toString(Qt::ISODate), k.day, k.week, k.month, k.quarter, double(score), score >= 4 ? 1 : 0,
                 score <= 2 ? 1 : 0, agent > 0 ? QVariant(agent) : QVariant(QMetaType::fromType<qint64>()),
                 agent > 0 ? QVariant(agent == 3 ? 2 : 1) : QVariant(QMetaType::fromType<qint64>())});
}

} // namespace ql::test
