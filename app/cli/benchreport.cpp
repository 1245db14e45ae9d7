// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchreport.h"

#include "dashboard/dashboardsummary.h"
#include "report/reportbuilder.h"
#include "report/reportwriter.h"
#include "scorecard/kpiengine.h"

#include <QElapsedTimer>

#include <algorithm>
#include <ctime>
#include <vector>

namespace ql::cli {

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

} // namespace

std::optional<PivotBenchmark::Line> benchReportPdf(const QSqlDatabase &db, int repeat, QString *error)
{
    const QDate latest = KpiEngine(db).queries().latestDate();
    if (!latest.isValid()) {
        *error = QStringLiteral("report.pdf: the project has no audits");
        return std::nullopt;
    }
    const QString period = DashboardSummary::latestCompleteMonth(latest).label();
    std::vector<double> wall;
    std::vector<double> cpu;
    qint64 facts = 0;
    for (int i = 0; i <= repeat; ++i) {
        QElapsedTimer timer;
        timer.start();
        const std::clock_t start = std::clock();
        const auto doc = ReportBuilder::build(db, ReportTemplate::MonthlyQuality, period, {}, error);
        if (!doc)
            return std::nullopt;
        const QByteArray pdf = ReportWriter::pdf(*doc);
        if (pdf.isEmpty()) {
            *error = QStringLiteral("report.pdf: the PDF is empty");
            return std::nullopt;
        }
        facts = doc->kpis(QStringLiteral("audits")).value(0).value.n;
        if (i > 0) {
            wall.push_back(double(timer.nsecsElapsed()) / 1e6);
            cpu.push_back(double(std::clock() - start) * 1000.0 / CLOCKS_PER_SEC);
        }
    }
    return PivotBenchmark::Line{QStringLiteral("report.pdf"), median(wall), median(cpu), repeat, facts};
}

} // namespace ql::cli
