// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>

namespace ql {

// Criterion keys and the names people read (docs/charts.md "Criteria by name"): the cubes, pivot
// specs and filters name a criterion by its key ("verify_identity"); charts, Paretos and tables meant
// for a slide or a report show its name ("Verified the customer's identity"). A key kept across
// scorecard versions takes the name of its newest version (the highest version, then the latest stored).
class CriterionNames final
{
public:
    CriterionNames() = delete;

    // key -> name; empty when the project has no scorecard (or cannot be read).
    static QHash<QString, QString> load(const QSqlDatabase &db);
};

} // namespace ql
