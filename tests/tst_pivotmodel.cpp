// SPDX-License-Identifier: GPL-3.0-or-later
// The pivot page's pieces without the page: number formats, layout edits, the table and header
// models (under QAbstractItemModelTester) against numbers worked out by hand, the TSV copy, the
// file outputs, the drill-down's facts, saved views and answer lookups.
#include "export/csvtablewriter.h"
#include "pivot/cubebuilder.h"
#include "pivot/pivotcopy.h"
#include "pivot/pivotdrill.h"
#include "pivot/pivotengine.h"
#include "pivot/pivotfields.h"
#include "pivot/pivotformatproxy.h"
#include "pivot/pivotheadermodel.h"
#include "pivot/pivotlayout.h"
#include "pivot/pivotoutput.h"
#include "pivot/pivottablemodel.h"
#include "pivot/pivottableoutput.h"
#include "store/answerids.h"
#include "store/changelog.h"
#include "store/project.h"
#include "store/savedviewstore.h"
#include "tst_pivottiny.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QFont>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

class TestPivotModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void formatsNumbersPerMeasure_data();
    void formatsNumbersPerMeasure();
    void fieldListPerSource();
    void layoutEdits();
    void layoutDateGroupingAndSource();
    void layoutJsonRoundTrip();

    void tableModelHoldsTheHandComputedNumbers();
    void rowHeaderSpansTwoLevels();
    void columnHeaderNamesMeasures();
    void collapsesAndExpandsRowGroups();
    void proxyFormatsBoldHeatAndTooltip();
    void copiesABlockAsTsv();
    void fileOutputMatchesTheCommandLine();

    void drillFindsTheFactsBehindACell();
    void drillOthersRowIsTheRestOfItsGroup();
    void answerIdsFromAuditAndCriterion();
    void savedViewsWithChangeLog();

private:
    std::shared_ptr<const PivotResult> compute(const PivotSpec &spec, PivotSource source = PivotSource::Audits);
    static PivotSpec teamByMonth();

    QTemporaryDir m_dir;
    QString m_tiny;
    QString m_small;
    std::unique_ptr<Project> m_tinyProject;
    std::unique_ptr<Project> m_smallProject;
    std::shared_ptr<const Cube> m_tinyCube;
};

void TestPivotModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(m_dir.isValid());
    m_tiny = m_dir.filePath(QStringLiteral("tiny.qlens"));
    m_small = m_dir.filePath(QStringLiteral("small.qlens"));
    QString error = test::createTinyPivotProject(m_tiny);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = test::createTestProject(m_small);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    ProjectError pe;
    m_tinyProject = Project::open(m_tiny, Project::Access::ReadWrite, Project::Check::Deferred, &pe);
    QVERIFY2(m_tinyProject, qPrintable(pe.message));
    m_smallProject = Project::open(m_small, Project::Access::ReadWrite, Project::Check::Deferred, &pe);
    QVERIFY2(m_smallProject, qPrintable(pe.message));
    m_tinyCube = CubeBuilder::build(m_tinyProject->database(), PivotSource::Audits, {}, &error);
    QVERIFY2(m_tinyCube, qPrintable(error));
    QCOMPARE(m_tinyCube->factCount(), std::size_t(6));
}

PivotSpec TestPivotModel::teamByMonth()
{
    PivotSpec spec;
    spec.rows = {QStringLiteral("team")};
    spec.cols = {QStringLiteral("month")};
    spec.measures = {QStringLiteral("count"), QStringLiteral("qa_score")};
    spec.totals = PivotTotals::all();
    return spec;
}

std::shared_ptr<const PivotResult> TestPivotModel::compute(const PivotSpec &spec, PivotSource source)
{
    QString error;
    std::shared_ptr<const Cube> cube = m_tinyCube;
    if (source != PivotSource::Audits)
        cube = CubeBuilder::build(m_tinyProject->database(), source, {}, &error, m_tinyCube);
    auto result = PivotEngine::compute(*cube, spec, PivotOptions::fromProject(m_tinyProject->database()), &error);
    if (!result)
        qWarning() << error;
    return result ? std::make_shared<const PivotResult>(std::move(*result)) : nullptr;
}

void TestPivotModel::formatsNumbersPerMeasure_data()
{
    QTest::addColumn<QString>("measure");
    QTest::addColumn<int>("showAs");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    const QString minus(QChar(0x2212));
    QTest::newRow("count: thousands separators") << "count" << int(PivotShowAs::Value) << 1234.0 << "1,234";
    QTest::newRow("audits: zero") << "audits" << int(PivotShowAs::Value) << 0.0 << "0";
    QTest::newRow("QA score: one decimal and %, half away from zero")
        << "qa_score" << int(PivotShowAs::Value) << 85.25 << "85.3%";
    QTest::newRow("pass rate") << "pass_rate" << int(PivotShowAs::Value) << 50.0 << "50.0%";
    QTest::newRow("NPS: a plain number") << "nps" << int(PivotShowAs::Value) << -12.5 << "-12.5";
    QTest::newRow("mean CSAT: two decimals") << "csat_mean" << int(PivotShowAs::Value) << 4.125 << "4.13";
    QTest::newRow("median score") << "median(score)" << int(PivotShowAs::Value) << 85.0 << "85.0";
    QTest::newRow("QA score difference: points, signed")
        << "qa_score" << int(PivotShowAs::DiffPrevCol) << 2.34 << "+2.3 pts";
    QTest::newRow("pass rate difference: minus sign")
        << "pass_rate" << int(PivotShowAs::DiffPrevCol) << -1.0 << minus + "1.0 pts";
    QTest::newRow("count difference") << "count" << int(PivotShowAs::DiffPrevCol) << -3.0 << minus + "3";
    QTest::newRow("count as a share") << "count" << int(PivotShowAs::PctGrand) << 12.5 << "12.5%";
}

void TestPivotModel::formatsNumbersPerMeasure()
{
    QFETCH(QString, measure);
    QFETCH(int, showAs);
    QFETCH(double, value);
    QFETCH(QString, text);
    const PivotValueFormat f = PivotFields::valueFormat(measure, PivotShowAs(showAs));
    QCOMPARE(f.format(value, QLocale(QLocale::English, QLocale::UnitedStates)), text);
}

void TestPivotModel::fieldListPerSource()
{
    auto ids = [](PivotSource s, const QStringList &custom = {}) {
        QStringList out;
        for (const PivotField &f : PivotFields::forSource(s, custom))
            out << f.id;
        return out;
    };
    const QStringList audits = ids(PivotSource::Audits, {QStringLiteral("product")});
    QVERIFY(audits.contains(QStringLiteral("team")));
    QVERIFY(audits.contains(QStringLiteral("date")));
    QVERIFY(audits.contains(QStringLiteral("product")));
    QVERIFY(audits.contains(QStringLiteral("qa_score")));
    QVERIFY(audits.contains(QStringLiteral("median(score)")));
    QVERIFY(!audits.contains(QStringLiteral("criterion")));
    QVERIFY(!audits.contains(QStringLiteral("month"))); // one Date field, grouped where it is placed
    const QStringList answers = ids(PivotSource::Answers);
    QVERIFY(answers.contains(QStringLiteral("criterion")));
    QVERIFY(answers.contains(QStringLiteral("compliance")));
    QVERIFY(!answers.contains(QStringLiteral("qa_score")));
    const QStringList csat = ids(PivotSource::Csat);
    QVERIFY(csat.contains(QStringLiteral("csat_pct")));
    QVERIFY(!csat.contains(QStringLiteral("auditor")));
    // Every measure offered is one the engine accepts for its source.
    for (PivotSource s : {PivotSource::Audits, PivotSource::Answers, PivotSource::Csat})
        for (const PivotField &f : PivotFields::forSource(s, {}))
            if (f.kind == PivotField::Kind::Measure) {
                PivotSpec spec;
                spec.source = s;
                spec.measures = {f.id};
                QVERIFY2(spec.validate().isEmpty(), qPrintable(f.id + QLatin1String(": ") + spec.validate()));
                QVERIFY2(f.title != f.id || f.id == QLatin1String("nps"), qPrintable(f.id));
            }
}

void TestPivotModel::layoutEdits()
{
    PivotLayout l;
    QVERIFY(l.insert(PivotZone::Rows, -1, QStringLiteral("team")));
    QVERIFY(l.insert(PivotZone::Rows, 0, QStringLiteral("site")));
    QCOMPARE(l.spec.rows, (QStringList{"site", "team"}));
    QVERIFY(!l.insert(PivotZone::Rows, -1, QStringLiteral("qa_score"))); // a measure is not a row
    QVERIFY(l.insert(PivotZone::Values, -1, QStringLiteral("qa_score")));
    QVERIFY(l.insert(PivotZone::Values, -1, QStringLiteral("agent"))); // a dimension counts its values
    QCOMPARE(l.spec.measures, (QStringList{"qa_score", "count_distinct(agent)"}));
    QVERIFY(!l.insert(PivotZone::Values, -1, QStringLiteral("compliance"))); // not an audits measure
    // A dimension on the other axis moves.
    QVERIFY(l.insert(PivotZone::Columns, -1, QStringLiteral("team")));
    QCOMPARE(l.spec.rows, (QStringList{"site"}));
    QCOMPARE(l.spec.cols, (QStringList{"team"}));
    // Reorder inside a zone; index counts as before the move.
    QVERIFY(l.insert(PivotZone::Rows, -1, QStringLiteral("queue")));
    QVERIFY(l.move(PivotZone::Rows, 1, PivotZone::Rows, 0));
    QCOMPARE(l.spec.rows, (QStringList{"queue", "site"}));
    QVERIFY(!l.move(PivotZone::Rows, 0, PivotZone::Rows, 1)); // the same place
    QVERIFY(l.move(PivotZone::Rows, 0, PivotZone::Rows, 2));
    QCOMPARE(l.spec.rows, (QStringList{"site", "queue"}));
    // Filters: a dimension gets a filter that keeps everything; the list is alphabetical.
    QVERIFY(l.insert(PivotZone::Filters, -1, QStringLiteral("team")));
    QVERIFY(l.insert(PivotZone::Filters, -1, QStringLiteral("channel")));
    QVERIFY(!l.insert(PivotZone::Filters, -1, QStringLiteral("channel")));
    QCOMPARE(l.items(PivotZone::Filters), (QStringList{"channel", "team"}));
    QCOMPARE(*l.spec.filterOn(QStringLiteral("channel")), (PivotFilter{"channel", true, {}}));
    QVERIFY(l.insert(PivotZone::Filters, -1, QStringLiteral("date")));
    QCOMPARE(l.items(PivotZone::Filters), (QStringList{"date", "channel", "team"}));
    QVERIFY(l.setDateRange(QDate(2026, 1, 1), QDate(2026, 3, 31)));
    // A chip from Filters to Rows takes its dimension along and leaves the filter.
    QVERIFY(l.move(PivotZone::Filters, 1, PivotZone::Rows, 0));
    QCOMPARE(l.spec.rows, (QStringList{"channel", "site", "queue"}));
    QVERIFY(!l.spec.filterOn(QStringLiteral("channel")));
    // Removing the date chip removes the range.
    QVERIFY(l.remove(PivotZone::Filters, 0));
    QVERIFY(!l.dateFilter);
    QVERIFY(!l.spec.from.isValid() && !l.spec.to.isValid());
    // Show-as and heat map follow their measure out.
    QVERIFY(l.setHeatMap(QStringLiteral("qa_score"), true));
    QVERIFY(!l.setShowAs(QStringLiteral("nps"), PivotShowAs::PctGrand)); // not in Values
    QVERIFY(l.insert(PivotZone::Values, -1, QStringLiteral("count")));
    QVERIFY(l.setShowAs(QStringLiteral("count"), PivotShowAs::PctRow));
    QVERIFY(l.remove(PivotZone::Values, 0));
    QVERIFY(l.heatMap.isEmpty());
    QVERIFY(l.remove(PivotZone::Values, l.spec.measures.indexOf(QStringLiteral("count"))));
    QVERIFY(l.spec.showAs.isEmpty());
    QVERIFY(l.clear());
    QVERIFY(l.spec.rows.isEmpty() && l.spec.measures.isEmpty() && l.items(PivotZone::Filters).isEmpty());
    QVERIFY(!l.clear());
}

void TestPivotModel::layoutDateGroupingAndSource()
{
    PivotLayout l;
    QVERIFY(l.insert(PivotZone::Columns, -1, QStringLiteral("date")));
    QVERIFY(l.insert(PivotZone::Rows, -1, QStringLiteral("date")));
    QCOMPARE(l.spec.cols, (QStringList{"month"}));
    QCOMPARE(l.spec.rows, (QStringList{"quarter"})); // month is taken
    QVERIFY(l.setPeriod(PivotZone::Rows, 0, QStringLiteral("year")));
    QVERIFY(!l.setPeriod(PivotZone::Rows, 0, QStringLiteral("month"))); // on Columns already
    QVERIFY(!l.setPeriod(PivotZone::Rows, 0, QStringLiteral("team")));
    QCOMPARE(l.spec.rows, (QStringList{"year"}));
    // A period chip moved to Filters filters its values; the Date field there is the range.
    QVERIFY(l.move(PivotZone::Rows, 0, PivotZone::Filters, 0));
    QCOMPARE(l.items(PivotZone::Filters), (QStringList{"year"}));
    QVERIFY(l.insert(PivotZone::Rows, -1, QStringLiteral("auditor")));
    QVERIFY(l.insert(PivotZone::Values, -1, QStringLiteral("qa_score")));
    QVERIFY(l.insert(PivotZone::Values, -1, QStringLiteral("csat_pct")));
    // Answers: no auditor KPI, no CSAT KPI; the auditor stays (answers have it), the month too.
    QVERIFY(l.setSource(PivotSource::Answers, {}));
    QCOMPARE(l.spec.measures, (QStringList{"count"}));
    QCOMPARE(l.spec.rows, (QStringList{"auditor"}));
    QCOMPARE(l.spec.cols, (QStringList{"month"}));
    QVERIFY(l.setSource(PivotSource::Csat, {}));
    QVERIFY(l.spec.rows.isEmpty()); // responses have no auditor
}

void TestPivotModel::layoutJsonRoundTrip()
{
    PivotLayout l = PivotLayout::defaultFor(PivotSource::Audits);
    QVERIFY(l.insert(PivotZone::Columns, -1, QStringLiteral("date")));
    QVERIFY(l.setFilter({QStringLiteral("queue"), false, {QStringLiteral("Billing")}}));
    QVERIFY(l.setDateRange(QDate(2026, 1, 1), QDate()));
    QVERIFY(l.setHeatMap(QStringLiteral("qa_score"), true));
    QVERIFY(l.setShowAs(QStringLiteral("audits"), PivotShowAs::DiffPrevCol));
    const auto back = PivotLayout::fromJson(l.toJson());
    QVERIFY(back);
    QCOMPARE(back->toJson(), l.toJson());
    QVERIFY(*back == l);
    // A saved view is the spec alone; its date range brings the date chip.
    QString error;
    const PivotLayout fromSpec = PivotLayout::fromSpec(*PivotSpec::fromJson(l.spec.toJson(), &error));
    QVERIFY(fromSpec.dateFilter);
    QCOMPARE(fromSpec.spec, l.spec);
    QVERIFY(!PivotLayout::fromJson("{\"spec\": 3}"));
}

void TestPivotModel::tableModelHoldsTheHandComputedNumbers()
{
    PivotTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester rowTester(model.rowHeaderModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester colTester(model.columnHeaderModel(),
                                       QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setResult(compute(teamByMonth()));
    // Rows East, North, South, Grand total; columns 2026-01, 2026-02, Total, each with count and
    // QA score.
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), 6);
    auto value = [&](int row, int column) { return model.index(row, column).data(PivotTableModel::ValueRole); };
    auto n = [&](int row, int column) { return model.index(row, column).data(PivotTableModel::CountRole); };
    // East: nothing in January; February 2 audits, one scored (85).
    QVERIFY(!value(0, 0).isValid());
    QVERIFY(!value(0, 1).isValid());
    QCOMPARE(value(0, 2).toDouble(), 2.0);
    QCOMPARE(value(0, 3).toDouble(), 85.0);
    QCOMPARE(n(0, 3).toLongLong(), 1);
    // North: 90 in January, 80 in February, (90 + 80) / 2 = 85 in total.
    QCOMPARE(value(1, 1).toDouble(), 90.0);
    QCOMPARE(value(1, 3).toDouble(), 80.0);
    QCOMPARE(value(1, 4).toDouble(), 2.0);
    QCOMPARE(value(1, 5).toDouble(), 85.0);
    // South: January (70 + 100) / 2 = 85.
    QCOMPARE(value(2, 0).toDouble(), 2.0);
    QCOMPARE(value(2, 1).toDouble(), 85.0);
    QVERIFY(!value(2, 3).isValid());
    // Grand total row: January (90 + 70 + 100) / 3, February (80 + 85) / 2, all (90+80+70+100+85) / 5.
    QCOMPARE(value(3, 0).toDouble(), 3.0);
    QVERIFY(qAbs(value(3, 1).toDouble() - 260.0 / 3) < 1e-9);
    QCOMPARE(value(3, 3).toDouble(), 82.5);
    QCOMPARE(value(3, 4).toDouble(), 6.0);
    QCOMPARE(value(3, 5).toDouble(), 85.0);
    QCOMPARE(n(3, 5).toLongLong(), 5);
    QVERIFY(model.index(3, 0).data(PivotTableModel::TotalRole).toBool());
    QVERIFY(model.index(0, 4).data(PivotTableModel::TotalRole).toBool());
    QVERIFY(!model.index(0, 2).data(PivotTableModel::TotalRole).toBool());
    QCOMPARE(model.index(0, 3).data(PivotTableModel::MeasureRole).toInt(), 1);
    // Detail range of the QA score (the heat map's scale) leaves the totals out.
    QCOMPARE(model.detailRange(1), (std::optional<std::pair<double, double>>{{80.0, 90.0}}));
    QCOMPARE(model.headerData(3, Qt::Vertical).toString(), QStringLiteral("Grand total"));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("2026-01 · QA score"));
    model.setResult(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestPivotModel::rowHeaderSpansTwoLevels()
{
    PivotSpec spec = teamByMonth();
    spec.rows = {QStringLiteral("site"), QStringLiteral("team")};
    PivotTableModel model;
    QAbstractItemModelTester rowTester(model.rowHeaderModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setResult(compute(spec));
    // Lisbon: East, North, subtotal; Porto: South, subtotal; grand total.
    const PivotHeaderModel *h = model.rowHeaderModel();
    QCOMPARE(h->rowCount(), 6);
    QCOMPARE(h->columnCount(), 2);
    QCOMPARE(h->levelTitles(), (QStringList{"Site", "Team"}));
    auto text = [&](int row, int level) { return h->index(row, level).data().toString(); };
    auto span = [&](int row, int level) { return h->index(row, level).data(PivotHeaderModel::SpanRole).toRect(); };
    QCOMPARE(text(0, 0), QStringLiteral("Lisbon"));
    QCOMPARE(span(1, 0), QRect(QPoint(0, 0), QPoint(0, 2))); // Lisbon spans its teams and its subtotal
    QCOMPARE(text(1, 1), QStringLiteral("North"));
    QCOMPARE(span(1, 1), QRect(QPoint(1, 1), QPoint(1, 1)));
    QCOMPARE(text(2, 1), QStringLiteral("Total"));
    QVERIFY(h->index(2, 1).data(PivotHeaderModel::TotalRole).toBool());
    QCOMPARE(h->index(2, 1).data(PivotHeaderModel::LabelRole).toString(), QStringLiteral("(total)"));
    QCOMPARE(text(3, 0), QStringLiteral("Porto"));
    QCOMPARE(span(4, 0), QRect(QPoint(0, 3), QPoint(0, 4)));
    // The grand total spans both levels; span() answers on its first cell.
    QCOMPARE(text(5, 0), QStringLiteral("Grand total"));
    QCOMPARE(span(5, 1), QRect(QPoint(0, 5), QPoint(1, 5)));
    QCOMPARE(h->span(h->index(5, 0)), QSize(2, 1));
    QCOMPARE(h->span(h->index(0, 0)), QSize(1, 3));
    QCOMPARE(h->span(h->index(1, 0)), QSize(1, 1));
    // Site groups can be collapsed (there are subtotals); teams, the last level, cannot.
    QVERIFY(h->index(0, 0).data(PivotHeaderModel::GroupRole).toBool());
    QVERIFY(!h->index(0, 1).data(PivotHeaderModel::GroupRole).toBool());
    QCOMPARE(model.index(2, 5).data(PivotTableModel::ValueRole).toDouble(), 85.0); // Lisbon: (90+80+85) / 3
}

void TestPivotModel::columnHeaderNamesMeasures()
{
    PivotTableModel model;
    QAbstractItemModelTester colTester(model.columnHeaderModel(),
                                       QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setResult(compute(teamByMonth()));
    const PivotHeaderModel *h = model.columnHeaderModel();
    QCOMPARE(h->rowCount(), 2); // month, then the measures
    QCOMPARE(h->levelTitles(), (QStringList{"Month", "Values"}));
    QCOMPARE(h->index(0, 0).data().toString(), QStringLiteral("2026-01"));
    QCOMPARE(h->index(0, 1).data(PivotHeaderModel::SpanRole).toRect(), QRect(QPoint(0, 0), QPoint(1, 0)));
    QCOMPARE(h->index(1, 1).data().toString(), QStringLiteral("QA score"));
    QCOMPARE(h->index(0, 4).data().toString(), QStringLiteral("Grand total"));
    // over both measures of the total column
    QCOMPARE(h->index(0, 5).data(PivotHeaderModel::SpanRole).toRect(), QRect(QPoint(4, 0), QPoint(5, 0)));
    QCOMPARE(h->span(h->index(0, 4)), QSize(2, 1));
    QVERIFY(h->index(1, 4).data(PivotHeaderModel::TotalRole).toBool());
    // One measure: no measure level.
    PivotSpec spec = teamByMonth();
    spec.measures = {QStringLiteral("count")};
    model.setResult(compute(spec));
    QCOMPARE(h->rowCount(), 1);
    QCOMPARE(h->levelTitles(), (QStringList{"Month"}));
}

void TestPivotModel::collapsesAndExpandsRowGroups()
{
    PivotSpec spec = teamByMonth();
    spec.rows = {QStringLiteral("site"), QStringLiteral("team")};
    PivotTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester rowTester(model.rowHeaderModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setResult(compute(spec));
    QVERIFY(model.canCollapse());
    model.setGroupCollapsed(1, 0, true); // Lisbon, from its North row
    QCOMPARE(model.rowCount(), 4);       // Lisbon (its subtotal), South, Porto's subtotal, grand total
    const PivotHeaderModel *h = model.rowHeaderModel();
    QCOMPARE(h->index(0, 0).data().toString(), QStringLiteral("Lisbon"));
    QVERIFY(h->index(0, 0).data(PivotHeaderModel::CollapsedRole).toBool());
    QCOMPARE(h->index(0, 1).data(PivotHeaderModel::SpanRole).toRect(), QRect(QPoint(0, 0), QPoint(1, 0)));
    QCOMPARE(model.index(0, 4).data(PivotTableModel::ValueRole).toDouble(), 4.0); // Lisbon's 4 audits
    QVERIFY(model.isGroupCollapsed(0, 0));
    // Kept across a new result with the same groups.
    model.setResult(compute(spec));
    QCOMPARE(model.rowCount(), 4);
    model.expandAll();
    QCOMPARE(model.rowCount(), 6);
    model.collapseAll(0);
    QCOMPARE(model.rowCount(), 3);
    // Without subtotals there is nothing to stand for a group.
    spec.totals = PivotTotals{false, true, true};
    model.setResult(compute(spec));
    QVERIFY(!model.canCollapse());
    QCOMPARE(model.rowCount(), 4); // East, North, South, grand total
}

void TestPivotModel::proxyFormatsBoldHeatAndTooltip()
{
    PivotTableModel model;
    PivotFormatProxy proxy;
    proxy.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    proxy.setPivotModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setHeatMap({QStringLiteral("qa_score")});
    proxy.setMinimumSamples(1, 20);
    model.setResult(compute(teamByMonth()));
    QCOMPARE(proxy.index(3, 1).data().toString(), QStringLiteral("86.7%"));
    QCOMPARE(proxy.index(3, 4).data().toString(), QStringLiteral("6"));
    QCOMPARE(proxy.index(0, 0).data().toString(), QString()); // empty stays empty
    QCOMPARE(proxy.index(3, 4).data(PivotTableModel::ValueRole).toDouble(), 6.0);
    QVERIFY(proxy.index(3, 0).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!proxy.index(0, 2).data(Qt::FontRole).isValid());
    QCOMPARE(proxy.index(0, 2).data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
    // Heat: North's January (90, the largest detail) strongest, its February (80) faintest; totals none.
    const QColor hot = proxy.index(1, 1).data(Qt::BackgroundRole).value<QBrush>().color();
    const QColor cold = proxy.index(1, 3).data(Qt::BackgroundRole).value<QBrush>().color();
    QVERIFY(hot.alphaF() > cold.alphaF());
    QVERIFY(!proxy.index(3, 1).data(Qt::BackgroundRole).isValid());
    QVERIFY(!proxy.index(1, 0).data(Qt::BackgroundRole).isValid()); // count has no heat map
    // n on hover; one scored audit is below a minimum of 2: greyed, and said.
    proxy.setMinimumSamples(2, 20);
    const QString tip = proxy.index(0, 3).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("n = 1")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("minimum sample")), qPrintable(tip));
    QVERIFY(proxy.index(0, 3).data(Qt::ForegroundRole).isValid());
    QVERIFY(!proxy.index(0, 3).data(Qt::BackgroundRole).isValid()); // nor coloured
    QVERIFY(!proxy.index(1, 5).data(Qt::ForegroundRole).isValid());
    QVERIFY(!proxy.index(0, 2).data(Qt::ForegroundRole).isValid()); // counts are never greyed
}

void TestPivotModel::copiesABlockAsTsv()
{
    PivotSpec spec = teamByMonth();
    spec.rows = {QStringLiteral("site"), QStringLiteral("team")};
    PivotTableModel model;
    PivotFormatProxy proxy;
    proxy.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    proxy.setPivotModel(&model);
    model.setResult(compute(spec));
    // Lisbon's rows and the grand total, January's two values and the total count.
    const QString tsv = PivotCopy::block(&proxy, {0, 1, 2, 5}, {0, 1, 4});
    const QString expected = QStringLiteral("\tMonth\t2026-01\t2026-01\tGrand total\n"
                                            "Site\tTeam\tCount\tQA score\tCount\n"
                                            "Lisbon\tEast\t\t\t2\n"
                                            "Lisbon\tNorth\t1\t90.0%\t2\n"
                                            "Lisbon\tTotal\t1\t90.0%\t4\n"
                                            "Grand total\t\t3\t86.7%\t6\n");
    QCOMPARE(tsv, expected);
    QCOMPARE(PivotCopy::block(&proxy, {}, {0}), QString());
}

void TestPivotModel::fileOutputMatchesTheCommandLine()
{
    const auto result = compute(teamByMonth());
    for (auto [shape, cli] : {std::pair{PivotTableOutput::Shape::Grid, PivotOutput::toGrid(*result)},
                              std::pair{PivotTableOutput::Shape::Long, PivotOutput::toLong(*result)}}) {
        const QString path = m_dir.filePath(QStringLiteral("out.csv"));
        CsvTableWriter writer(path);
        QString error;
        QVERIFY2(PivotTableOutput::write(*result, shape, writer, &error), qPrintable(error));
        QVERIFY(writer.finish());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray written = f.readAll();
        QCOMPARE(written, cli);
        QCOMPARE(PivotTableOutput::rowCount(*result, shape), qint64(written.count("\r\n") - 1));
    }
    // The grid by hand: the header rows, then East with its empty January.
    const QByteArray grid = PivotOutput::toGrid(*result);
    QVERIFY(grid.startsWith("month,2026-01,2026-01,2026-02,2026-02,(total),(total)\r\n"
                            "team,count,qa_score,count,qa_score,count,qa_score\r\n"
                            "East,,,2,85,2,85\r\n"));
}

void TestPivotModel::drillFindsTheFactsBehindACell()
{
    const auto result = compute(teamByMonth());
    const PivotOptions options = PivotOptions::fromProject(m_tinyProject->database());
    auto ids = [&](int row, int column) {
        const PivotSpec spec = PivotDrill::cellSpec(*result, row, column);
        QString error;
        const auto rows = PivotDrill::factRows(*m_tinyCube, spec, options, nullptr, &error);
        std::vector<std::int64_t> out = rows ? PivotDrill::factIds(*m_tinyCube, *rows) : std::vector<std::int64_t>{};
        std::sort(out.begin(), out.end());
        return out;
    };
    // Result rows: East, North, South, total; columns 2026-01, 2026-02, total.
    QCOMPARE(ids(1, 0), (std::vector<std::int64_t>{1}));                // North, January
    QCOMPARE(ids(2, 0), (std::vector<std::int64_t>{3, 4}));             // South, January
    QCOMPARE(ids(0, 2), (std::vector<std::int64_t>{5, 6}));             // East, all months (with the unscored one)
    QCOMPARE(ids(3, 1), (std::vector<std::int64_t>{2, 5, 6}));          // all teams, February
    QCOMPARE(ids(3, 2), (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6})); // grand total
    const PivotSpec north = PivotDrill::cellSpec(*result, 1, 0);
    QCOMPARE(north.filters.size(), 2);
    QVERIFY(north.rows.isEmpty() && north.cols.isEmpty());
    // With the pivot's own filter and date range.
    PivotSpec filtered = teamByMonth();
    filtered.filters = {{QStringLiteral("site"), false, {QStringLiteral("Lisbon")}}};
    filtered.to = QDate(2026, 2, 9);
    const auto lisbon = compute(filtered);
    const PivotSpec total = PivotDrill::cellSpec(*lisbon, lisbon->rowCount() - 1, lisbon->columnCount() - 1);
    QString error;
    const auto rows = PivotDrill::factRows(*m_tinyCube, total, options, nullptr, &error);
    QVERIFY(rows);
    auto facts = PivotDrill::factIds(*m_tinyCube, *rows);
    std::sort(facts.begin(), facts.end());
    QCOMPARE(facts, (std::vector<std::int64_t>{1, 2})); // Lisbon until 9 February: North's two
    // A dimension the source lacks.
    PivotSpec bad;
    bad.filters = {{QStringLiteral("nonsense"), false, {}}};
    QVERIFY(!PivotDrill::factRows(*m_tinyCube, bad, options, nullptr, &error));
    QVERIFY(error.contains(QStringLiteral("nonsense")));
}

void TestPivotModel::drillOthersRowIsTheRestOfItsGroup()
{
    // The small project: queues of different sizes, so top 1 leaves an "(others)" row.
    QString error;
    const auto cube = CubeBuilder::build(m_smallProject->database(), PivotSource::Audits, {}, &error);
    QVERIFY2(cube, qPrintable(error));
    const PivotOptions options = PivotOptions::fromProject(m_smallProject->database());
    PivotSpec spec;
    spec.rows = {QStringLiteral("team"), QStringLiteral("queue")};
    spec.measures = {QStringLiteral("count")};
    spec.top = PivotTop{1, QStringLiteral("count"), true};
    spec.totals = PivotTotals::all();
    const auto computed = PivotEngine::compute(*cube, spec, options, &error);
    QVERIFY2(computed, qPrintable(error));
    const auto result = std::make_shared<const PivotResult>(*computed);
    int checked = 0;
    for (int r = 0; r < result->rowCount(); ++r) {
        if (!result->row(r).others)
            continue;
        // The (others) row of a team: its audits in the queues top-N did not keep.
        const PivotSpec drill = PivotDrill::cellSpec(*result, r, 0);
        const auto rows = PivotDrill::factRows(*cube, drill, options, nullptr, &error);
        QVERIFY(rows);
        QCOMPARE(double(rows->size()), result->value(r, 0, 0)->value);
        const PivotFilter *queue = drill.filterOn(QStringLiteral("queue"));
        QVERIFY(queue && queue->exclude && !queue->values.isEmpty());
        ++checked;
    }
    QVERIFY(checked > 0);
}

void TestPivotModel::answerIdsFromAuditAndCriterion()
{
    QString error;
    const auto answers = CubeBuilder::build(m_smallProject->database(), PivotSource::Answers, {}, &error);
    QVERIFY2(answers, qPrintable(error));
    PivotSpec spec;
    spec.source = PivotSource::Answers;
    spec.filters = {{QStringLiteral("criterion"), false, {QStringLiteral("tone")}},
                    {QStringLiteral("team"), false, {QStringLiteral("North")}}};
    const auto rows =
        PivotDrill::factRows(*answers, spec, PivotOptions::fromProject(m_smallProject->database()), nullptr, &error);
    QVERIFY(rows);
    std::vector<std::pair<qint64, QString>> keys;
    for (const PivotDrill::AnswerKey &k : PivotDrill::answerKeys(*answers, *rows))
        keys.emplace_back(k.auditId, k.criterion);
    const auto ids = AnswerIds::find(m_smallProject->database(), keys, nullptr, &error);
    QVERIFY2(ids, qPrintable(error));
    std::vector<qint64> expected;
    QSqlQuery q(m_smallProject->database());
    QVERIFY(q.exec(QStringLiteral("SELECT an.id FROM answers an JOIN criteria cr ON cr.id = an.criterion_id "
                                  "JOIN audits a ON a.id = an.audit_id JOIN teams t ON t.id = a.team_id "
                                  "WHERE cr.key = 'tone' AND t.name = 'North' ORDER BY an.id")));
    while (q.next())
        expected.push_back(q.value(0).toLongLong());
    QVERIFY(!expected.empty());
    QCOMPARE(*ids, expected);
}

void TestPivotModel::savedViewsWithChangeLog()
{
    SavedViewStore store(m_tinyProject->database());
    QString error;
    const QByteArray spec = teamByMonth().toJson();
    const auto id = store.create(QStringLiteral("pivot"), QStringLiteral("  Team by month "), spec, &error);
    QVERIFY2(id, qPrintable(error));
    QVERIFY(!store.create(QStringLiteral("pivot"), QStringLiteral("Team by month"), spec, &error));
    QVERIFY(error.contains(QStringLiteral("already")));
    QVERIFY(!store.create(QStringLiteral("pivot"), QStringLiteral("  "), spec, &error));
    QVERIFY(store.create(QStringLiteral("chart"), QStringLiteral("Team by month"), "{}", &error)); // another kind
    const auto aId = store.create(QStringLiteral("pivot"), QStringLiteral("a first"), spec, &error);
    QVERIFY(aId);
    const QList<SavedView> views = store.list(QStringLiteral("pivot"));
    QCOMPARE(views.size(), 2);
    QCOMPARE(views.at(0).name, QStringLiteral("a first"));
    QCOMPARE(views.at(1).name, QStringLiteral("Team by month"));
    QCOMPARE(views.at(1).specJson, spec);
    QCOMPARE(PivotSpec::fromJson(views.at(1).specJson, &error), std::optional<PivotSpec>(teamByMonth()));

    QVERIFY(store.rename(*id, QStringLiteral("Teams"), &error));
    QVERIFY(!store.rename(*id, QStringLiteral("a first"), &error));
    PivotSpec other = teamByMonth();
    other.rows = {QStringLiteral("site")};
    QVERIFY(store.updateSpec(*id, other.toJson(), &error));
    QCOMPARE(store.load(*id)->specJson, other.toJson());
    QVERIFY(store.remove(*id, &error));
    QVERIFY(!store.load(*id));

    const QList<ChangeEntry> log =
        ChangeLog::forEntity(m_tinyProject->database(), QStringLiteral("saved_view"), QString::number(*id));
    QCOMPARE(log.size(), 4);
    QCOMPARE(log.at(0).newValue.toString(), QString::fromUtf8(spec));
    QVERIFY(log.at(0).reason.contains(QStringLiteral("Team by month")));
    QCOMPARE(log.at(1).field, QStringLiteral("name"));
    QCOMPARE(log.at(1).oldValue.toString(), QStringLiteral("Team by month"));
    QCOMPARE(log.at(1).newValue.toString(), QStringLiteral("Teams"));
    QCOMPARE(log.at(2).field, QStringLiteral("spec_json"));
    QCOMPARE(log.at(3).oldValue.toString(), QString::fromUtf8(other.toJson())); // a deleted view can be recovered
}

QTEST_MAIN(TestPivotModel)
#include "tst_pivotmodel.moc"
