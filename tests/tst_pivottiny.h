// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the pivot page tests: a project of six audits whose scores, teams, sites and months are
// chosen by hand, so every number of a pivot over it can be worked out on paper.
#pragma once

#include "common/periods.h"
#include "store/project.h"
#include "testproject.h"

#include <QDate>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace ql::test {

// Three agents, one per team, two audits each (csat none):
//   audit  agent  team   site    month    score  passed
//   1      1      North  Lisbon  2026-01  90     1
//   2      1      North  Lisbon  2026-02  80     0
//   3      2      South  Porto   2026-01  70     0
//   4      2      South  Porto   2026-01  100    1
//   5      3      East   Lisbon  2026-02  85     1
//   6      3      East   Lisbon  2026-02  (none) 0
// Audits 1, 3 and 5 are targeted, the others random (both counted). No critical failure.
inline QString createTinyPivotProject(const QString &path)
{
    TestProjectOptions options;
    options.agents = 3;
    options.auditsPerAgent = 2;
    options.csatPerAgent = 0;
    if (QString error = createTestProject(path, options); !error.isEmpty())
        return error;
    ProjectError openError;
    const auto project = Project::open(path, Project::Access::ReadWrite, Project::Check::Deferred, &openError);
    if (!project)
        return openError.message;
    struct Row
    {
        int id;
        QDate date;
        QVariant score;
        int passed;
    };
    const Row rows[] = {
        {1, QDate(2026, 1, 12), 90.0, 1},  {2, QDate(2026, 2, 9), 80.0, 0},  {3, QDate(2026, 1, 13), 70.0, 0},
        {4, QDate(2026, 1, 20), 100.0, 1}, {5, QDate(2026, 2, 10), 85.0, 1}, {6, QDate(2026, 2, 11), QVariant(), 0},
    };
    QSqlQuery q(project->database());
    for (const Row &r : rows) {
        const PeriodKeys keys = PeriodKeys::of(r.date);
        q.prepare(QStringLiteral("UPDATE audits SET date = ?, day = ?, week = ?, month = ?, quarter = ?, score = ?, "
                                 "raw_score = ?, passed = ?, critical_fail = 0, critical_families = 0, "
                                 "incomplete = 0 WHERE id = ?"));
        for (const QVariant &v :
             {QVariant(r.date.toString(Qt::ISODate)), QVariant(keys.day), QVariant(keys.week), QVariant(keys.month),
              QVariant(keys.quarter), r.score, r.score, QVariant(r.passed), QVariant(r.id)})
            q.addBindValue(v);
        if (!q.exec())
            return q.lastError().text();
    }
    return {};
}

} // namespace ql::test
