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

// The cube of source from its snapshot or by a scan; one built by a scan goes to `built` (under the
// stamp of the first one built, so that a cube built under another stamp is never saved as current).
std::shared_ptr<const Cube> obtainCube(const QSqlDatabase &db, PivotSource source, QString *error,
                                       DashboardSummary::BuiltCubes *built, std::shared_ptr<const Cube> audits = {})
{
    CubeCache::Result r = CubeCache::obtain(db, source, {}, error, std::move(audits));
    if (r.cube && !r.fromSnapshot && built) {
        if (built->stamp.isEmpty())
            built->stamp = r.stamp;
        if (built->stamp == r.stamp)
            built->cubes << r.cube;
    }
    return r.cube;
}

// One pivot by month over the months' range; the value of each measure by month label.
QHash<QString, QList<std::optional<double>>> byMonth(const Cube &cube, PivotSource source, const QStringList &measures,
                                                     const QList<KpiPeriod> &months, const PivotOptions &options)
{
    QHash<QString, QList<std::optional<double>>> lines;
    for (const QString &m : measures)
        lines[m] = QList<std::optional<double>>(months.size());
    PivotSpec spec;
    spec.source = source;
    spec.rows = {QStringLiteral("month")};
    spec.measures = measures;
    spec.from = months.first().from;
    spec.to = months.last().to;
    QString error;
    const auto result = PivotEngine::compute(cube, spec, options, &error);
    if (!result) {
        qWarning("DashboardSummary: the sparklines' pivot failed: %s", qPrintable(error));
        return lines;
    }
    QHash<QString, int> index;
    for (int i = 0; i < months.size(); ++i)
        index.insert(months.at(i).label(), i);
    for (int row = 0; row < result->rowCount(); ++row) {
        const PivotHeader &h = result->row(row);
        if (h.isTotal(1))
            continue;
        const int i = index.value(h.labels.value(0), -1);
        if (i < 0)
            continue;
        for (int m = 0; m < measures.size(); ++m) {
            const auto v = result->value(row, 0, m);
            if (v && v->n > 0)
                lines[measures.at(m)][i] = v->value;
        }
    }
    return lines;
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

    // The sparklines' months: the month shown and the 11 before it (computeTrends() fills them in).
    KpiPeriod p = month;
    for (int i = 0; i < 12; ++i, p = p.previous())
        s.months.prepend(p);
    return s;
}

DashboardSummary::Sparklines DashboardSummary::sparklinesFromCubes(const Cube *audits, const Cube *csat,
                                                                   const QList<KpiPeriod> &months,
                                                                   const PivotOptions &options)
{
    Sparklines lines;
    if (months.isEmpty())
        return lines;
    if (audits) {
        const QStringList measures{QStringLiteral("audits"), QStringLiteral("qa_score"), QStringLiteral("pass_rate"),
                                   QStringLiteral("critical_rate")};
        lines.insert(byMonth(*audits, PivotSource::Audits, measures, months, options));
    }
    if (csat)
        lines.insert(byMonth(*csat, PivotSource::Csat, {QStringLiteral("csat_pct")}, months, options));
    return lines;
}

DashboardSummary::Sparklines DashboardSummary::computeTrends(const QSqlDatabase &db, const QList<KpiPeriod> &months,
                                                             const std::function<bool()> &canceled,
                                                             BuiltCubes *built, Cubes *cubes)
{
    auto stop = [&] { return canceled && canceled(); };
    Cubes c;
    c.audits = obtainCube(db, PivotSource::Audits, &c.error, built);
    if (c.audits && !stop())
        c.csat = obtainCube(db, PivotSource::Csat, &c.error, built, c.audits);
    Sparklines lines;
    if (!stop())
        lines = sparklinesFromCubes(c.audits.get(), c.csat.get(), months, PivotOptions::fromProject(db));
    if (cubes)
        *cubes = std::move(c);
    return lines;
}

QList<DashboardSummary::Mover> DashboardSummary::computeMovers(const QSqlDatabase &db, const KpiPeriod &month,
                                                               const std::function<bool()> &canceled,
                                                               BuiltCubes *built, Cubes cubes)
{
    // The biggest movers: the RCA sentence of each headline KPI, previous month → this month.
    auto stop = [&] { return canceled && canceled(); };
    QList<Mover> movers;
    const ProjectSettings settings(db);
    const PivotOptions options = PivotOptions::fromProject(db);
    QString error = cubes.error;
    std::shared_ptr<const Cube> audits = std::move(cubes.audits);
    std::shared_ptr<const Cube> csat = std::move(cubes.csat);
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
        if (!audits)
            audits = obtainCube(db, PivotSource::Audits, &error, built);
        if (audits && isCsat && !csat)
            csat = obtainCube(db, PivotSource::Csat, &error, built, audits);
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
