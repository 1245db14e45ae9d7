// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchreport.h"

#include "dashboard/dashboardsummary.h"
#include "report/reportbuilder.h"
#include "report/reportwriter.h"
#include "scorecard/kpiengine.h"

namespace ql::cli {

std::optional<PivotBenchmark::Line> benchReportPdf(const QSqlDatabase &db, int repeat, QString *error)
{
    const QDate latest = KpiEngine(db).queries().latestDate();
    if (!latest.isValid()) {
        *error = QStringLiteral("report.pdf: the project has no audits");
        return std::nullopt;
    }
    const QString period = DashboardSummary::latestCompleteMonth(latest, QDate::currentDate()).label();
    // One build checked for errors (and counted) first; the timed runs then repeat it.
    const auto doc = ReportBuilder::build(db, ReportTemplate::MonthlyQuality, period, {}, error);
    if (!doc)
        return std::nullopt;
    if (ReportWriter::pdf(*doc).isEmpty()) {
        *error = QStringLiteral("report.pdf: the PDF is empty");
        return std::nullopt;
    }
    const qint64 facts = doc->kpis(QStringLiteral("audits")).value(0).value.n;
    return PivotBenchmark::time(QStringLiteral("report.pdf"), repeat, facts, [&] {
        QString ignored;
        if (const auto again = ReportBuilder::build(db, ReportTemplate::MonthlyQuality, period, {}, &ignored))
            ReportWriter::pdf(*again);
    });
}

} // namespace ql::cli
