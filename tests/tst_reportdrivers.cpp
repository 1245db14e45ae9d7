// SPDX-License-Identifier: GPL-3.0-or-later
// The Monthly Quality Report's CSAT drivers section (analysis.md "Drivers", docs/reports.md): on the
// demo, its table is the core drivers function's ranked criteria, in order of potential gain, each
// figure as the function computed it; the gain is r × f × difference of the row's own figures; the
// section says these are associations; and a month without CSAT responses says so instead. The top
// defects, read from the same answers cube, are KpiQueries' counts.
#include "demo/demogenerator.h"
#include "pivot/cubecache.h"
#include "pivot/pivotengine.h"
#include "rca/drivers.h"
#include "report/reportbuilder.h"
#include "scorecard/kpiengine.h"
#include "store/kpiqueries.h"
#include "store/project.h"

#include <QMap>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ql;

namespace {

const ReportSection *section(const ReportDocument &doc, const QString &key)
{
    for (const ReportSection &s : doc.sections)
        if (s.key == key)
            return &s;
    return nullptr;
}

// A cell as a number: "1,204" → 1204, "–" → NaN.
double cellNumber(const QString &cell)
{
    bool ok = false;
    const double v = QString(cell).remove(QLatin1Char(',')).toDouble(&ok);
    return ok ? v : std::nan("");
}

// "[1.2, 9.8]" → {1.2, 9.8}
QPair<double, double> interval(const QString &cell)
{
    const QStringList parts = QString(cell).remove(QLatin1Char('[')).remove(QLatin1Char(']')).split(QStringLiteral(", "));
    return {cellNumber(parts.value(0)), cellNumber(parts.value(1))};
}

} // namespace

class TestReportDrivers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sectionIsTheCoreDrivers();
    void defectsAreKpiQueriesCounts();
    void noResponsesSaysSo();
    void scannedCubesBecomeSnapshots();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
};

void TestReportDrivers::initTestCase()
{
    QVERIFY(m_dir.isValid());
    ProjectError perr;
    m_project = Project::create(m_dir.filePath(QStringLiteral("demo.qlens")), true, &perr);
    QVERIFY2(m_project, qPrintable(perr.message));
    DemoOptions o;
    o.agents = 60;
    o.months = 3;
    o.auditsPerAgentMonth = 20;
    QString error;
    QVERIFY2(generateDemo(*m_project, o, {}, &error), qPrintable(error));
}

void TestReportDrivers::sectionIsTheCoreDrivers()
{
    const QSqlDatabase db = m_project->database();
    QString error;
    const auto doc = ReportBuilder::build(db, ReportTemplate::MonthlyQuality, QStringLiteral("2026-10"), {}, &error);
    QVERIFY2(doc, qPrintable(error));
    // After the CSAT breakdown, before calibration health (the order of sections).
    QStringList keys;
    for (const ReportSection &s : doc->sections)
        keys << s.key;
    QCOMPARE(keys.indexOf(QStringLiteral("drivers")), keys.indexOf(QStringLiteral("csat")) + 1);
    const ReportSection *s = section(*doc, QStringLiteral("drivers"));
    QVERIFY(s);
    QCOMPARE(s->title, QStringLiteral("CSAT drivers"));

    // The core function on the same cubes, for October 2026, ranked by the adjusted effect (analysis.md).
    const auto audits = CubeCache::obtain(db, PivotSource::Audits, {}, &error).cube;
    QVERIFY2(audits, qPrintable(error));
    const auto answers = CubeCache::obtain(db, PivotSource::Answers, {}, &error, audits).cube;
    QVERIFY2(answers, qPrintable(error));
    rca::DriversOptions options;
    options.from = QDate(2026, 10, 1);
    options.to = QDate(2026, 10, 31);
    options.rankBy = rca::DriversOptions::RankBy::AdjustedEffect;
    const rca::DriversResult r = rca::Drivers::compute(*answers, PivotOptions::fromProject(db), options);
    QVERIFY(r.joinedAudits > 0);
    QList<rca::Driver> ranked;
    for (const rca::Driver &d : r.drivers)
        if (d.ranked)
            ranked << d;
    QVERIFY2(ranked.size() >= 3, "the demo should rank a few criteria");

    const ReportBlock *table = nullptr;
    QString text;
    for (const ReportBlock &b : s->blocks) {
        if (b.kind == ReportBlock::Kind::Table)
            table = &b;
        text += b.text + QLatin1Char('\n');
    }
    QVERIFY(table);
    QCOMPARE(table->table.header.value(0), QStringLiteral("Criterion"));
    QCOMPARE(table->table.header.size(), 10);
    QCOMPARE(table->table.header.value(5), QStringLiteral("Adjusted effect (pts)"));
    QCOMPARE(table->table.rows.size(), ranked.size());
    QVERIFY2(text.contains(QLatin1String("associations, not causes")), qPrintable(text));
    QLocale english(QLocale::English, QLocale::UnitedStates); // the report's counts: "1,204"
    QVERIFY2(text.contains(QStringLiteral("on %1 audits joined").arg(english.toString(r.joinedAudits))), qPrintable(text));

    QHash<QString, QString> names;
    for (const CriterionKpi &k : KpiEngine(db).report({KpiSlice::Kind::All, {}}, *KpiPeriod::parse(QStringLiteral("2026-10"))).criteria)
        names.insert(k.key, k.name);
    for (int i = 0; i < ranked.size(); ++i) {
        const rca::Driver &d = ranked.at(i);
        const QStringList &row = table->table.rows.at(i);
        // By name, as the report's other sections (the Scorecards page's) show criteria.
        QVERIFY(names.contains(d.criterion));
        QCOMPARE(row.at(0), names.value(d.criterion));
        // Each figure as the function computed it, to the decimals shown (half a unit of the last place).
        QVERIFY(qAbs(cellNumber(row.at(1)) - *d.csatPassed) <= 0.05);
        QVERIFY(qAbs(cellNumber(row.at(2)) - *d.csatFailed) <= 0.05);
        QVERIFY(qAbs(cellNumber(row.at(3)) - *d.difference) <= 0.05);
        const auto [low, high] = interval(row.at(4));
        QVERIFY(qAbs(low - *d.ciLow) <= 0.05 && qAbs(high - *d.ciHigh) <= 0.05);
        QVERIFY(low <= cellNumber(row.at(3)) && cellNumber(row.at(3)) <= high);
        if (d.adjustedEffect)
            QVERIFY(qAbs(cellNumber(row.at(5)) - *d.adjustedEffect) <= 0.05);
        else
            QCOMPARE(row.at(5), QStringLiteral("–"));
        QVERIFY(qAbs(cellNumber(row.at(6)) - d.failureRate) <= 0.05);
        QVERIFY(qAbs(cellNumber(row.at(7)) - d.potentialGain) <= 0.005);
        QCOMPARE(qint64(cellNumber(row.at(8))), d.failed);
        QCOMPARE(qint64(cellNumber(row.at(9))), d.passed);
        QVERIFY(d.failed >= 10 && d.passed >= 10); // analysis.md's minimum to be ranked
        // The gain from the driver's own counts: r × f × difference, with
        // r = rated / joined, f = failed / rated, difference = CSAT% passed − CSAT% failed.
        const double csatPassed = 100.0 * double(d.passedSatisfied) / double(d.passed);
        const double csatFailed = 100.0 * double(d.failedSatisfied) / double(d.failed);
        const double gain = double(d.rated) / double(d.joined) * double(d.failed) / double(d.rated) * (csatPassed - csatFailed);
        QVERIFY(qAbs(gain - d.potentialGain) < 1e-9);
        QVERIFY(qAbs(cellNumber(row.at(1)) - csatPassed) <= 0.05);
        // In the engine's order (the adjusted effect; the rows are compared one by one above).
        // Red where the interval is above zero (passing goes with higher CSAT), the criterion and the difference.
        const ReportTone tone = *d.ciLow > 0 ? ReportTone::Bad : ReportTone::None;
        QCOMPARE(table->table.tones.at(i).at(0), tone);
        QCOMPARE(table->table.tones.at(i).at(3), tone);
    }
}

// The top defects read the answers cube (with the drivers) instead of KpiEngine's SQL over the
// answers: the same failed and rated answers per criterion (pooled by key) and root causes.
void TestReportDrivers::defectsAreKpiQueriesCounts()
{
    const QSqlDatabase db = m_project->database();
    QString error;
    const auto doc = ReportBuilder::build(db, ReportTemplate::MonthlyQuality, QStringLiteral("2026-10"), {}, &error);
    QVERIFY2(doc, qPrintable(error));
    const ReportSection *s = section(*doc, QStringLiteral("defects"));
    QVERIFY(s);
    QList<const ReportTable *> tables;
    for (const ReportBlock &b : s->blocks)
        if (b.kind == ReportBlock::Kind::Table)
            tables << &b.table;
    QCOMPARE(tables.size(), 2); // failed criteria, root causes

    // The oracle: KpiQueries' sums of October 2026, pooled by criterion key; failed = rated − passed.
    const KpiQueries queries = KpiQueries::forProject(db);
    struct Expected
    {
        QString name;
        qint64 failed = 0;
        qint64 rated = 0;
    };
    QMap<QString, Expected> byKey;
    for (const CriterionSums &c : queries.criteria({KpiSlice::Kind::All, {}}, QDate(2026, 10, 1), QDate(2026, 10, 31))) {
        Expected &e = byKey[c.key];
        e.name = c.name;
        e.failed += c.rated - c.passed;
        e.rated += c.rated;
    }
    QList<Expected> expected;
    for (const Expected &e : std::as_const(byKey))
        if (e.failed > 0)
            expected << e;
    // The Pareto's order: failed descending, ties by rated descending, then name.
    std::sort(expected.begin(), expected.end(), [](const Expected &a, const Expected &b) {
        if (a.failed != b.failed)
            return a.failed > b.failed;
        return a.rated != b.rated ? a.rated > b.rated : a.name < b.name;
    });
    QVERIFY(expected.size() >= 5);
    const QList<QStringList> &rows = tables.at(0)->rows;
    QCOMPARE(rows.size(), qMin(10, int(expected.size())));
    for (int i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows.at(i).at(0), expected.at(i).name);
        QCOMPARE(qint64(cellNumber(rows.at(i).at(1))), expected.at(i).failed);
        QCOMPARE(qint64(cellNumber(rows.at(i).at(2))), expected.at(i).rated);
    }

    const QList<RootCauseCount> causes = queries.rootCauses({KpiSlice::Kind::All, {}}, QDate(2026, 10, 1), QDate(2026, 10, 31));
    QVERIFY(!causes.isEmpty());
    const QList<QStringList> &causeRows = tables.at(1)->rows;
    QCOMPARE(causeRows.size(), causes.size());
    for (int i = 0; i < causes.size(); ++i) {
        QCOMPARE(causeRows.at(i).at(0), causes.at(i).name);
        QCOMPARE(qint64(cellNumber(causeRows.at(i).at(1))), causes.at(i).answers);
    }
}

void TestReportDrivers::noResponsesSaysSo()
{
    // A copy of the demo without CSAT responses: the section stays and says why it is empty.
    const QString path = m_dir.filePath(QStringLiteral("nocsat.qlens"));
    {
        QSqlQuery q(m_project->database());
        QVERIFY(q.exec(QStringLiteral("VACUUM INTO '%1'").arg(path)));
    }
    ProjectError perr;
    auto copy = Project::open(path, Project::Access::ReadWrite, Project::Check::Now, &perr);
    QVERIFY2(copy, qPrintable(perr.message));
    QSqlQuery q(copy->database());
    QVERIFY(q.exec(QStringLiteral("DELETE FROM csat_dimensions")));
    QVERIFY(q.exec(QStringLiteral("DELETE FROM csat_responses")));
    QString error;
    const auto doc = ReportBuilder::build(copy->database(), ReportTemplate::MonthlyQuality, QStringLiteral("2026-10"), {}, &error);
    QVERIFY2(doc, qPrintable(error));
    const ReportSection *s = section(*doc, QStringLiteral("drivers"));
    QVERIFY(s);
    QCOMPARE(s->blocks.size(), 1);
    QCOMPARE(s->blocks.first().text,
             QStringLiteral("No CSAT responses were received in October 2026, so there is nothing to relate the QA "
                            "criteria to."));
}

// The cubes a report had to scan (audits, csat, answers) come back to the caller under one data
// stamp; kept as snapshots, the next report reads them all and is the same document.
void TestReportDrivers::scannedCubesBecomeSnapshots()
{
    const QSqlDatabase db = m_project->database();
    ReportScannedCubes scanned;
    ReportOptions options;
    options.scanned = &scanned;
    QString error;
    const auto first = ReportBuilder::build(db, ReportTemplate::MonthlyQuality, QStringLiteral("2026-10"), options, &error);
    QVERIFY2(first, qPrintable(error));
    QCOMPARE(scanned.cubes.size(), 3);
    QCOMPARE(scanned.stamp, CubeCache::dataStamp(db));
    QList<PivotSource> sources;
    for (const auto &cube : std::as_const(scanned.cubes)) {
        sources << cube->source();
        QVERIFY2(CubeCache::save(db, *cube, scanned.stamp, &error), qPrintable(error));
    }
    QCOMPARE(sources, (QList<PivotSource>{PivotSource::Audits, PivotSource::Csat, PivotSource::Answers}));

    ReportScannedCubes again;
    options.scanned = &again;
    const auto second = ReportBuilder::build(db, ReportTemplate::MonthlyQuality, QStringLiteral("2026-10"), options, &error);
    QVERIFY2(second, qPrintable(error));
    QVERIFY(again.cubes.isEmpty());
    QCOMPARE(second->sections.size(), first->sections.size());
    for (int i = 0; i < first->sections.size(); ++i) {
        const ReportSection &a = first->sections.at(i);
        const ReportSection &b = second->sections.at(i);
        QCOMPARE(b.key, a.key);
        QCOMPARE(b.blocks.size(), a.blocks.size());
        for (int k = 0; k < a.blocks.size(); ++k) {
            QCOMPARE(b.blocks.at(k).text, a.blocks.at(k).text);
            QCOMPARE(b.blocks.at(k).table.rows, a.blocks.at(k).table.rows);
        }
    }
}

QTEST_GUILESS_MAIN(TestReportDrivers)
#include "tst_reportdrivers.moc"
