// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardsummary.h"

#include "pivot/cubecache.h"
#include "pivot/pivotengine.h"
#include "rca/rcaengine.h"
#include "scorecard/kpiengine.h"
#include "store/calibrationstore.h"
#include "store/projectsettings.h"

#include <QCoreApplication>

namespace ql {

namespace {

std::optional<double> ratio(double part, qint64 n, double scale = 100.0)
{
    return n > 0 ? std::optional<double>(scale * part / double(n)) : std::nullopt;
}

} // namespace

KpiPeriod DashboardSummary::latestCompleteMonth(QDate latestFact, QDate today)
{
    const QDate from = latestFact.isValid() && latestFact < today ? latestFact : today;
    const KpiPeriod month = KpiPeriod::month(from);
    return today > month.to ? month : month.previous();
}

DashboardSummary::Sessions DashboardSummary::calibrationSessions(const QList<CalibrationSessionInfo> &sessions,
                                                                 QDate today)
{
    // Later date first, then the higher id: the order CalibrationStore::sessions() gives, made sure here.
    auto later = [](const CalibrationSessionInfo &a, const CalibrationSessionInfo &b) {
        return a.date != b.date ? a.date > b.date : a.id > b.id;
    };
    Sessions out;
    std::optional<CalibrationSessionInfo> upcoming; // not closed, dated today or later: the earliest
    std::optional<CalibrationSessionInfo> underWay; // not closed, dated before today: the latest
    for (const CalibrationSessionInfo &s : sessions) {
        if (s.state == CalibrationState::Closed) {
            if (!out.last || later(s, *out.last))
                out.last = s;
        } else if (s.date >= today) {
            if (!upcoming || later(*upcoming, s))
                upcoming = s;
        } else if (!underWay || later(s, *underWay)) {
            underWay = s;
        }
    }
    out.next = upcoming ? upcoming : underWay;
    return out;
}

DashboardSummary DashboardSummary::compute(const QSqlDatabase &db, QDate today,
                                           const std::function<bool()> &canceled)
{
    auto stop = [&] { return canceled && canceled(); };
    DashboardSummary s;
    const KpiEngine engine(db);
    s.latestFact = engine.queries().latestDate();
    const DashboardQueries facts(db);
    s.openDisputes = facts.openDisputes();
    s.lastImport = facts.lastImport();
    s.today = today;
    s.calibration = calibrationSessions(CalibrationStore(db).sessions(), today);
    if (!s.latestFact.isValid() || stop())
        return s;

    const KpiPeriod month = latestCompleteMonth(s.latestFact, today);
    s.latestMonthPartial = month.to < s.latestFact;
    // The tiles show the headline KPIs only: the criterion breakdown would read every answer of two months.
    s.report = engine.headline({KpiSlice::Kind::All, {}}, month);

    // Sparklines: the month shown and the 11 before it, from the same sums KpiEngine reads.
    KpiPeriod p = month;
    for (int i = 0; i < 12; ++i, p = p.previous())
        s.months.prepend(p);
    for (const KpiPeriod &m : std::as_const(s.months)) {
        if (stop())
            return s;
        const AuditSums a = engine.queries().audits({KpiSlice::Kind::All, {}}, m.from, m.to);
        const ResponseSums r = engine.queries().responses({KpiSlice::Kind::All, {}}, m.from, m.to);
        s.sparklines[QStringLiteral("audits")] << (a.n > 0 ? std::optional<double>(double(a.n)) : std::nullopt);
        s.sparklines[QStringLiteral("qa_score")] << ratio(a.scoreSum, a.n, 1.0);
        s.sparklines[QStringLiteral("pass_rate")] << ratio(double(a.passed), a.n);
        s.sparklines[QStringLiteral("critical_rate")] << ratio(double(a.critical), a.n);
        s.sparklines[QStringLiteral("csat_pct")] << ratio(double(r.satisfied), r.n);
    }

    return s;
}

QList<DashboardSummary::Mover> DashboardSummary::computeMovers(const QSqlDatabase &db, const KpiPeriod &month,
                                                               const std::function<bool()> &canceled,
                                                               BuiltCubes *built)
{
    // The biggest movers: the RCA sentence of each headline KPI, previous month → this month.
    auto stop = [&] { return canceled && canceled(); };
    QList<Mover> movers;
    const ProjectSettings settings(db);
    const PivotOptions options = PivotOptions::fromProject(db);
    QString error;
    std::shared_ptr<const Cube> audits;
    std::shared_ptr<const Cube> csat;
    for (const char *kpi : {"qa_score", "pass_rate", "csat_pct"}) {
        if (stop())
            return movers;
        Mover mover;
        mover.kpi = QString::fromLatin1(kpi);
        const auto metric = rca::Metric::parse(mover.kpi, &error);
        if (!metric)
            continue;
        mover.title = metric->title;
        const bool isCsat = metric->source == PivotSource::Csat;
        // One audits cube (and one csat cube) for every KPI, read from the project's snapshots
        // when the data has not changed since; the ones built by a scan go back to the caller.
        auto obtain = [&](PivotSource source) {
            CubeCache::Result r = CubeCache::obtain(db, source, {}, &error, audits);
            if (r.cube && !r.fromSnapshot && built) {
                if (built->stamp.isEmpty())
                    built->stamp = r.stamp;
                if (built->stamp == r.stamp)
                    built->cubes << r.cube;
            }
            return r.cube;
        };
        if (!audits)
            audits = obtain(PivotSource::Audits);
        if (audits && isCsat && !csat)
            csat = obtain(PivotSource::Csat);
        const std::shared_ptr<const Cube> cube = isCsat ? csat : audits;
        if (!cube) {
            mover.sentence = QCoreApplication::translate("ql::DashboardSummary", "Not analysed: %1").arg(error);
            movers << mover;
            continue;
        }
        rca::Request request;
        request.metric = *metric;
        request.base = *rca::Period::parse(month.previous().label());
        request.current = *rca::Period::parse(month.label());
        rca::Settings rcaSettings;
        rcaSettings.minSample = isCsat ? settings.minSampleResponses() : settings.minSampleAudits();
        rcaSettings.minChange = settings.value(ProjectSettings::RcaMinimumChange).toDouble();
        const auto result = rca::RcaEngine::run(*cube, request, options, rcaSettings, &error);
        if (result) {
            mover.sentence = result->summary;
            mover.analysed = true;
        } else {
            mover.sentence = QCoreApplication::translate("ql::DashboardSummary", "Not analysed: %1").arg(error);
        }
        movers << mover;
    }
    return movers;
}

} // namespace ql
