// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportspagejobs.h"

#include "dashboard/dashboardsummary.h"
#include "report/reportbuilder.h"
#include "scorecard/kpiengine.h"
#include "store/periodsnapshotstore.h"
#include "store/project.h"

#include <QAtomicInteger>
#include <QCoreApplication>

namespace ql::ReportsPageJobs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ql::ReportsPage", text);
}

} // namespace

Periods periods(const QSqlDatabase &db, QDate today)
{
    Periods p;
    const PeriodSnapshotStore store(db);
    const QList<int> months = store.monthsWithData();
    for (auto it = months.crbegin(); it != months.crend(); ++it)
        p.months << *it;
    const QDate latest = KpiEngine(db).queries().latestDate();
    if (latest.isValid()) {
        const KpiPeriod month = DashboardSummary::latestCompleteMonth(latest, today);
        p.defaultMonth = month.from.year() * 100 + month.from.month();
        if (!p.months.contains(p.defaultMonth) && !p.months.isEmpty())
            p.defaultMonth = p.months.first();
    }
    for (const PeriodSnapshot &s : store.list())
        p.closed.insert(s.period, tr("closed %1 by %2").arg(s.closedAt.left(10), s.closedBy));
    p.restatements = PeriodClose::restatements(db);
    return p;
}

Built build(const QSqlDatabase &db, ReportTemplate kind, const QString &period, std::optional<NameDisplay> names,
            const std::function<bool()> &canceled)
{
    Built out;
    ReportOptions options;
    options.names = names;
    options.canceled = canceled;
    options.scanned = &out.scanned;
    out.document = ReportBuilder::build(db, kind, period, options, &out.error);
    return out;
}

Outcome closePeriod(const Project *project, const QString &period, bool force, const QList<RenderedReport> &reports)
{
    Outcome out;
    static QAtomicInteger<int> serial;
    const QString name = QStringLiteral("reports-close-%1").arg(serial.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = project->openWorkerConnection(name, false);
        if (!db.isOpen()) {
            out.message = tr("The project cannot be written.");
        } else {
            PeriodClose::Options options;
            options.force = force;
            options.reports = reports;
            QString error;
            if (const auto s = PeriodClose::close(db, period, options, &error)) {
                out.ok = true;
                out.message = tr("%1 closed").arg(s->period);
            } else {
                out.message = error;
            }
        }
    }
    Project::closeConnection(name);
    return out;
}

} // namespace ql::ReportsPageJobs
