// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/project.h"
#include "store/scorecardstore.h"

#include <QDate>
#include <QString>
#include <QVariant>

#include <memory>

namespace ql::test {

// A tiny project whose every number is worked out by hand in the tests that use it
// (tst_explaincli, tst_corrections, tst_disputes, tst_kpis, tst_scorecardpage).
//
// Scorecard "Mini QA" v1: pass threshold 80, policy zero, two weighted sections.
//   Compliance (40):    verify      binary, weight 1, critical compliance (effect audit)
//                       disclosure  binary, weight 1, allows N/A
//   Communication (60): tone        range 1–5, weight 2
//                       resolution  options Yes 10 / Partial 5 / No 0, weight 1
// Agents AG1 Ann (North), AG2 Bob (North), AG3 Cid (South); auditors QA1 Quinn, QA2 Rae;
// queues Billing and Orders.
//
// Answer patterns (verify, disclosure, tone, resolution) and their scores:
//   Good    1, 1,   4, Partial  raw 40 + 60·(2·0.75 + 0.5)/3 = 80       score 80, passed (= threshold)
//   Weak    1, N/A, 3, No       raw 40 + 60·(2·0.5 + 0)/3   = 60       score 60, failed
//   Critical 0, 1,  5, Yes      raw 40·0.5 + 60             = 80       score 0, critical (compliance)
//   Perfect 1, 1,   5, Yes      raw 100                                score 100, passed
class MiniProject
{
public:
    enum Pattern { Good, Weak, Critical, Perfect };

    // Creates (replacing) the project; check error() after.
    explicit MiniProject(const QString &path);

    QString error() const { return m_error; }
    Project *project() const { return m_project.get(); }
    QSqlDatabase db() const { return m_project->database(); }
    const StoredScorecard &scorecard() const { return m_card; }

    // Writes one audit with that pattern, scored by the engine; returns its row id (0 on error).
    qint64 addAudit(const QString &key, Pattern pattern, const QString &agentKey, QDate date,
                    const QString &auditor = QStringLiteral("QA1"), const QString &sampleType = QStringLiteral("random"),
                    const QString &queue = QStringLiteral("Billing"), const QString &ticket = QString());
    // A CSAT response on a 1–5 scale (an unknown agent key: a response without an agent).
    bool addResponse(const QString &key, int score, QDate date, const QString &agentKey, const QString &ticket = QString());

    // Closes the project (the file stays).
    void close() { m_project.reset(); }

private:
    bool exec(const QString &sql, const QVariantList &values);
    qint64 idOf(const QString &table, const QString &column, const QString &value);

    std::unique_ptr<Project> m_project;
    StoredScorecard m_card;
    QString m_error;
};

} // namespace ql::test
