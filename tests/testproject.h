// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ql::test {

// A small, hand-made project for UI tests: a scorecard in two versions, three teams (North, South,
// East) with agents, audits with answers and root causes, CSAT responses. Deterministic. Some
// scores are empty and many tie, so sort tests see NULLs and ties.
struct TestProjectOptions
{
    int agents = 12;
    int auditsPerAgent = 20;
    int csatPerAgent = 4;
};

// Creates (replacing) the project at path; returns an error message or an empty string.
QString createTestProject(const QString &path, const TestProjectOptions &options = {});

// A fresh read-only connection for oracle queries; remove it with QSqlDatabase::removeDatabase.
QString openOracle(const QString &path);
qint64 scalar(const QString &connection, const QString &sql);

} // namespace ql::test
