// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/agentnames.h"
#include "quality/periodclose.h"
#include "report/reportbuilder.h"
#include "report/reportdocument.h"

#include <QDate>
#include <QImage>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <optional>

namespace ql {

class Project;

// The Reports page's background work, as plain functions of a connection (each runs on a JobRunner
// worker thread; see ReportsPage). Nothing here touches a widget.
namespace ReportsPageJobs {

// What the period picker offers: the months with data (newest first), the latest complete month,
// the closed periods ("2026-09" → "2026-10-02 by Ann"). `today` decides which months are over
// (DashboardSummary::latestCompleteMonth; the page passes QDate::currentDate()).
struct Periods
{
    QList<int> months;
    int defaultMonth = 0;
    QMap<QString, QString> closed;
    QList<Restatement> restatements;
};
Periods periods(const QSqlDatabase &db, QDate today);

// Builds a report (the SQL-heavy part) on the worker. The pages are laid out and painted on the UI
// thread: the charts are QGraphicsWidgets, which must not be created off the GUI thread.
struct Built
{
    std::optional<ReportDocument> document;
    QString error;
    ReportScannedCubes scanned; // the cubes scanned: kept as the project's snapshots (CubeSnapshotSaver)
};
Built build(const QSqlDatabase &db, ReportTemplate kind, const QString &period, std::optional<NameDisplay> names,
            const std::function<bool()> &canceled);

struct Outcome
{
    bool ok = false;
    QString message; // what was done, or what went wrong and where
};

// Closes the period with the rendered report, on a writable worker connection of the project
// (opened and closed here).
Outcome closePeriod(const Project *project, const QString &period, bool force, const QList<RenderedReport> &reports);

} // namespace ReportsPageJobs

} // namespace ql
