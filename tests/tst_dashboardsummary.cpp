// SPDX-License-Identifier: GPL-3.0-or-later
// The Dashboard's sparklines come from the pivot cubes (docs/dashboard.md "Sparklines"): on the demo,
// for both period dates, every month of two years (the first eleven without data) equals the SQL
// sums KpiEngine reads (KpiQueries::audits and ::responses, the dashboard's old source), whether
// the cubes were built by a scan or read back from their snapshots; and the movers take the cubes
// computeTrends() passes on instead of obtaining them again.
#include "dashboard/dashboardsummary.h"
#include "demo/demogenerator.h"
#include "pivot/cubecache.h"
#include "pivot/pivotengine.h"
#include "store/kpiqueries.h"
#include "store/project.h"
#include "store/projectsettings.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

class TestDashboardSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sparklinesEqualKpiSums_data();
    void sparklinesEqualKpiSums();
    void tilesLeaveTrendsToTheCubes();
    void moversUseTheCubesGiven();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
};

namespace {

// 24 months ending with October 2026, oldest first.
QList<KpiPeriod> twoYears()
{
    QList<KpiPeriod> months;
    KpiPeriod p = KpiPeriod::month(QDate(2026, 10, 1));
    for (int i = 0; i < 24; ++i, p = p.previous())
        months.prepend(p);
    return months;
}

std::optional<double> ratio(double part, qint64 n, double scale)
{
    return n > 0 ? std::optional<double>(scale * part / double(n)) : std::nullopt;
}

void compareLine(const QList<std::optional<double>> &line, const QList<std::optional<double>> &expected,
                 const char *kpi)
{
    QVERIFY2(line.size() == expected.size(), kpi);
    for (int i = 0; i < line.size(); ++i) {
        const QByteArray where = QByteArray(kpi) + " month " + QByteArray::number(i);
        QVERIFY2(line.at(i).has_value() == expected.at(i).has_value(), where.constData());
        if (expected.at(i))
            QVERIFY2(qAbs(*line.at(i) - *expected.at(i)) <= 1e-9 * qMax(1.0, qAbs(*expected.at(i))),
                     qPrintable(QStringLiteral("%1: %2 against %3")
                                    .arg(QString::fromLatin1(where))
                                    .arg(*line.at(i), 0, 'g', 17)
                                    .arg(*expected.at(i), 0, 'g', 17)));
    }
}

} // namespace

void TestDashboardSummary::initTestCase()
{
    QVERIFY(m_dir.isValid());
    ProjectError perr;
    m_project = Project::create(m_dir.filePath(QStringLiteral("demo.qlens")), true, &perr);
    QVERIFY2(m_project, qPrintable(perr.message));
    DemoOptions o;
    o.agents = 30;
    o.months = 13;
    o.auditsPerAgentMonth = 8;
    QString error;
    QVERIFY2(generateDemo(*m_project, o, {}, &error), qPrintable(error));
    // The demo's disputes supersede audits by re-audits: the counted-ness the sums must agree on.
    QSqlQuery q(m_project->database());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM audits WHERE superseded_by IS NOT NULL")) && q.next());
    QVERIFY2(q.value(0).toLongLong() > 0, "the demo has no superseded audit to leave out");
}

void TestDashboardSummary::sparklinesEqualKpiSums_data()
{
    QTest::addColumn<QString>("periodDate");
    QTest::addColumn<bool>("fromSnapshot");
    QTest::addColumn<int>("monthsWithData");
    // The demo's 13 months of reviews (October 2025 … October 2026); the first month's conversations
    // began in September 2025, so by interaction date there are 14.
    QTest::newRow("review date, scanned") << QStringLiteral("date") << false << 13;
    QTest::newRow("review date, snapshots") << QStringLiteral("date") << true << 13;
    QTest::newRow("interaction date, scanned") << QStringLiteral("interaction_date") << false << 14;
}

void TestDashboardSummary::sparklinesEqualKpiSums()
{
    QFETCH(QString, periodDate);
    QFETCH(bool, fromSnapshot);
    QFETCH(int, monthsWithData);
    const QSqlDatabase db = m_project->database();
    QString error;
    QVERIFY2(ProjectSettings(db).setValue(ProjectSettings::PeriodDate, periodDate, QStringLiteral("test"), &error),
             qPrintable(error));

    const QList<KpiPeriod> months = twoYears();
    DashboardSummary::BuiltCubes built;
    DashboardSummary::Cubes cubes;
    DashboardSummary::Sparklines lines = DashboardSummary::computeTrends(db, months, {}, &built, &cubes);
    QVERIFY(cubes.audits && cubes.csat);
    if (fromSnapshot) {
        // Keep the scanned cubes as snapshots, as the page does, and read the lines again from them.
        QCOMPARE(built.cubes.size(), 2);
        for (const auto &cube : std::as_const(built.cubes))
            QVERIFY2(CubeCache::save(db, *cube, built.stamp, &error), qPrintable(error));
        DashboardSummary::BuiltCubes again;
        lines = DashboardSummary::computeTrends(db, months, {}, &again, &cubes);
        QVERIFY(again.cubes.isEmpty()); // both read from their snapshots
    }

    // The old path: KpiEngine's SQL sums, month by month.
    const KpiQueries queries = KpiQueries::forProject(db);
    QHash<QString, QList<std::optional<double>>> expected;
    int withData = 0;
    for (const KpiPeriod &m : months) {
        const AuditSums a = queries.audits({KpiSlice::Kind::All, {}}, m.from, m.to);
        const ResponseSums r = queries.responses({KpiSlice::Kind::All, {}}, m.from, m.to);
        expected[QStringLiteral("audits")] << (a.n > 0 ? std::optional<double>(double(a.n)) : std::nullopt);
        expected[QStringLiteral("qa_score")] << ratio(a.scoreSum, a.n, 1.0);
        expected[QStringLiteral("pass_rate")] << ratio(double(a.passed), a.n, 100.0);
        expected[QStringLiteral("critical_rate")] << ratio(double(a.critical), a.n, 100.0);
        expected[QStringLiteral("csat_pct")] << ratio(double(r.satisfied), r.n, 100.0);
        withData += a.n > 0 ? 1 : 0;
    }
    // The months before the demo's have no audits: gaps in both.
    QCOMPARE(withData, monthsWithData);
    QVERIFY(!expected.value(QStringLiteral("audits")).first().has_value());
    QVERIFY(expected.value(QStringLiteral("csat_pct")).last().has_value());

    QCOMPARE(lines.size(), 5);
    for (const char *kpi : {"audits", "qa_score", "pass_rate", "critical_rate", "csat_pct"})
        compareLine(lines.value(QString::fromLatin1(kpi)), expected.value(QString::fromLatin1(kpi)), kpi);

    QVERIFY(ProjectSettings(db).setValue(ProjectSettings::PeriodDate, QStringLiteral("date"), QStringLiteral("test")));
}

void TestDashboardSummary::tilesLeaveTrendsToTheCubes()
{
    // compute() (the tiles) names the 12 months but reads no sparkline: those come from the cubes.
    const DashboardSummary s = DashboardSummary::compute(m_project->database(), QDate(2026, 11, 27));
    QCOMPARE(s.report.period.label(), QStringLiteral("2026-10"));
    QCOMPARE(s.months.size(), 12);
    QCOMPARE(s.months.first().label(), QStringLiteral("2025-11"));
    QCOMPARE(s.months.last().label(), QStringLiteral("2026-10"));
    QVERIFY(s.sparklines.isEmpty());
    // The last point of a line is the tile's own value.
    const auto lines = DashboardSummary::computeTrends(m_project->database(), s.months);
    QVERIFY(lines.value(QStringLiteral("qa_score")).last());
    QVERIFY(qAbs(*lines.value(QStringLiteral("qa_score")).last() - *s.report.qaScore.value) < 1e-9);
    QVERIFY(qAbs(*lines.value(QStringLiteral("pass_rate")).last() - *s.report.passRate.value) < 1e-9);
    QVERIFY(qAbs(*lines.value(QStringLiteral("csat_pct")).last() - *s.report.csatPct.value) < 1e-9);
    QCOMPARE(*lines.value(QStringLiteral("audits")).last(), *s.report.audits.value);
}

void TestDashboardSummary::moversUseTheCubesGiven()
{
    const QSqlDatabase db = m_project->database();
    const KpiPeriod month = KpiPeriod::month(QDate(2026, 10, 1));
    DashboardSummary::Cubes cubes;
    DashboardSummary::computeTrends(db, {month}, {}, nullptr, &cubes);
    QVERIFY(cubes.audits && cubes.csat);
    DashboardSummary::BuiltCubes built;
    const auto given = DashboardSummary::computeMovers(db, month, {}, &built, cubes);
    QVERIFY(built.cubes.isEmpty()); // nothing obtained again
    // The same sentences as the movers that obtain their own cubes.
    const auto own = DashboardSummary::computeMovers(db, month);
    QCOMPARE(given.size(), 3);
    QCOMPARE(own.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(given.at(i).analysed);
        QCOMPARE(given.at(i).kpi, own.at(i).kpi);
        QCOMPARE(given.at(i).sentence, own.at(i).sentence);
    }
}

QTEST_GUILESS_MAIN(TestDashboardSummary)
#include "tst_dashboardsummary.moc"
