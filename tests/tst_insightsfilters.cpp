// SPDX-License-Identifier: GPL-3.0-or-later
// The Insights page under the shared filter bar, offscreen on a hand-made mini project: its From
// and To take ui.md's date presets (counted from the latest audit), and its analyses honour the
// bar's scorecard and sample type filters for audits and answers while CSAT, which has neither,
// counts every response (and the bar says so). Numbers are checked against hand-computed ones.
#include "common/filterbar.h"
#include "insights/insightsdata.h"
#include "insights/insightspage.h"
#include "miniproject.h"
#include "pivot/cube.h"
#include "pivot/cubebuilder.h"
#include "rca/sourcefilters.h"
#include "store/project.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ql;

class TestInsightsFilters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void responsesTakeNoScorecardFilter();
    void datePresets_data();
    void datePresets();
    void handEditedDatesAreCustom();
    void sampleTypeFilter_data();
    void sampleTypeFilter();
    void scorecardFilterKeepsCsat();

private:
    bool recompute(const std::function<void()> &change);
    QDateEdit *dateBox(const char *name) const { return m_page->findChild<QDateEdit *>(QLatin1String(name)); }

    QTemporaryDir m_dir;
    std::unique_ptr<test::MiniProject> m_mini;
    std::unique_ptr<InsightsPage> m_page;
};

// February 2026: Ann F1 Perfect random (100), F2 Good targeted (80).
// March 2026: Ann M1 Good random (80), M3 Weak targeted (60), M5 Perfect targeted (100), M6 Perfect
// self (not counted); Bob B1 Perfect random (100). The latest audit is 2026-03-31.
// CSAT (1–5, satisfied ≥ 4): Ann 4 in February; Ann 5 and Bob 1 in March.
void TestInsightsFilters::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_mini = std::make_unique<test::MiniProject>(m_dir.filePath(QStringLiteral("insights.qlens")));
    QVERIFY2(m_mini->error().isEmpty(), qPrintable(m_mini->error()));
    using P = test::MiniProject;
    const QString ann = QStringLiteral("AG1"), qa = QStringLiteral("QA1"), random = QStringLiteral("random"),
                  targeted = QStringLiteral("targeted"), billing = QStringLiteral("Billing");
    QVERIFY(m_mini->addAudit(QStringLiteral("F1"), P::Perfect, ann, QDate(2026, 2, 2), qa, random, billing, QStringLiteral("T1")));
    QVERIFY(m_mini->addAudit(QStringLiteral("F2"), P::Good, ann, QDate(2026, 2, 9), qa, targeted, billing, QStringLiteral("T2")));
    QVERIFY(m_mini->addAudit(QStringLiteral("M1"), P::Good, ann, QDate(2026, 3, 2), qa, random, billing, QStringLiteral("T3")));
    QVERIFY(m_mini->addAudit(QStringLiteral("M3"), P::Weak, ann, QDate(2026, 3, 10), qa, targeted, billing, QStringLiteral("T4")));
    QVERIFY(m_mini->addAudit(QStringLiteral("M5"), P::Perfect, ann, QDate(2026, 3, 31), qa, targeted, billing, QStringLiteral("T5")));
    QVERIFY(m_mini->addAudit(QStringLiteral("M6"), P::Perfect, ann, QDate(2026, 3, 20), qa, QStringLiteral("self"), billing, QStringLiteral("T6")));
    QVERIFY(m_mini->addAudit(QStringLiteral("B1"), P::Perfect, QStringLiteral("AG2"), QDate(2026, 3, 3), qa, random, billing, QStringLiteral("T7")));
    QVERIFY(m_mini->addResponse(QStringLiteral("R1"), 4, QDate(2026, 2, 10), ann, QStringLiteral("T1")));
    QVERIFY(m_mini->addResponse(QStringLiteral("R2"), 5, QDate(2026, 3, 4), ann, QStringLiteral("T3")));
    QVERIFY(m_mini->addResponse(QStringLiteral("R3"), 1, QDate(2026, 3, 5), QStringLiteral("AG2"), QStringLiteral("T7")));

    m_page = std::make_unique<InsightsPage>();
    m_page->resize(1400, 900);
    m_page->show();
    QSignalSpy computed(m_page.get(), &InsightsPage::computed);
    m_page->setProject(m_mini->project());
    QVERIFY(computed.wait(60000));
    if (!m_page->filterBar()->filters().isEmpty())
        QVERIFY(recompute([this] { m_page->filterBar()->clear(); }));
    QVERIFY(m_page->data());
    QCOMPARE(m_page->data()->latest, QDate(2026, 3, 31));
}

void TestInsightsFilters::cleanupTestCase()
{
    if (m_page) {
        m_page->filterBar()->clear();
        m_page->setProject(nullptr);
    }
    m_page.reset();
    m_mini.reset();
}

bool TestInsightsFilters::recompute(const std::function<void()> &change)
{
    QSignalSpy computed(m_page.get(), &InsightsPage::computed);
    change();
    return computed.wait(60000);
}

// The core rule the page relies on: responses have no scorecard and no sample type dimension, so
// those filters are left out for them and kept for audits; any other filter is kept everywhere.
void TestInsightsFilters::responsesTakeNoScorecardFilter()
{
    QString error;
    const auto audits = CubeBuilder::build(m_mini->db(), PivotSource::Audits, {}, &error);
    QVERIFY2(audits, qPrintable(error));
    const auto csat = CubeBuilder::build(m_mini->db(), PivotSource::Csat, {}, &error, audits);
    const auto answers = CubeBuilder::build(m_mini->db(), PivotSource::Answers, {}, &error, audits);
    QVERIFY2(csat && answers, qPrintable(error));
    const QList<PivotFilter> filters{{QStringLiteral("team"), false, {QStringLiteral("North")}},
                                     {QStringLiteral("scorecard"), false, {QStringLiteral("Mini QA")}},
                                     {QStringLiteral("sample_type"), false, {QStringLiteral("targeted")}}};
    QCOMPARE(rca::filtersFor(*audits, filters), filters);
    QCOMPARE(rca::filtersFor(*answers, filters), filters);
    QCOMPARE(rca::filtersFor(*csat, filters), QList<PivotFilter>{filters.first()});
    QVERIFY(rca::dropsFilters(*csat, filters));
    QVERIFY(!rca::dropsFilters(*audits, filters));
    const QList<PivotFilter> unknown{{QStringLiteral("colour"), false, {QStringLiteral("red")}}};
    QCOMPARE(rca::filtersFor(*csat, unknown), unknown); // still refused by the pivot, not hidden
}

void TestInsightsFilters::datePresets_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    // Counted from the latest audit, 2026-03-31 (earlier than today).
    QTest::newRow("this month") << QStringLiteral("This month") << QDate(2026, 3, 1) << QDate(2026, 3, 31);
    QTest::newRow("last month") << QStringLiteral("Last month") << QDate(2026, 2, 1) << QDate(2026, 2, 28);
    QTest::newRow("last 3 months") << QStringLiteral("Last 3 months") << QDate(2026, 1, 1) << QDate(2026, 3, 31);
    QTest::newRow("last 12 months") << QStringLiteral("Last 12 months") << QDate(2025, 4, 1) << QDate(2026, 3, 31);
    QTest::newRow("year to date") << QStringLiteral("Year to date") << QDate(2026, 1, 1) << QDate(2026, 3, 31);
}

void TestInsightsFilters::datePresets()
{
    QFETCH(QString, preset);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QComboBox *dates = m_page->datesBox();
    QCOMPARE(dates->itemText(0), QStringLiteral("All dates"));
    const int index = dates->findText(preset);
    QVERIFY(index > 0);
    QVERIFY(recompute([&] { dates->setCurrentIndex(index); }));
    QCOMPARE(dateBox("from")->date(), from);
    QCOMPARE(dateBox("to")->date(), to);
    QCOMPARE(m_page->request().from, from);
    QCOMPARE(m_page->request().to, to);
    // Last month holds February alone: the quadrant's QA score is F1 and F2's, (100 + 80) / 2.
    if (preset == QLatin1String("Last month"))
        QCOMPARE(*m_page->data()->quadrant->qaScore, 90.0);
    QVERIFY(recompute([&] { dates->setCurrentIndex(0); }));
    QVERIFY(!m_page->request().from.isValid());
    QVERIFY(!m_page->request().to.isValid());
}

void TestInsightsFilters::handEditedDatesAreCustom()
{
    QVERIFY(recompute([this] { m_page->datesBox()->setCurrentIndex(m_page->datesBox()->findText(QStringLiteral("Last 3 months"))); }));
    QVERIFY(recompute([this] { dateBox("from")->setDate(QDate(2026, 3, 1)); }));
    QCOMPARE(m_page->datesBox()->currentText(), QStringLiteral("Custom range"));
    QCOMPARE(m_page->request().from, QDate(2026, 3, 1));
    QCOMPARE(m_page->request().to, QDate(2026, 3, 31));
    // March's counted audits: 80, 60, 100, 100 (M6 is self): 85.0.
    QCOMPARE(*m_page->data()->quadrant->qaScore, 85.0);
    QVERIFY(recompute([this] { m_page->datesBox()->setCurrentIndex(0); }));
    QCOMPARE(m_page->datesBox()->currentText(), QStringLiteral("All dates"));
}

void TestInsightsFilters::sampleTypeFilter_data()
{
    QTest::addColumn<QString>("sampleType");
    QTest::addColumn<double>("qaScore");
    QTest::addColumn<double>("baseQa");
    QTest::addColumn<double>("currentQa");
    // All counted audits: (100 + 80 + 80 + 60 + 100 + 100) / 6 = 86.67; February (100 + 80) / 2 = 90,
    // March (80 + 60 + 100 + 100) / 4 = 85.
    QTest::newRow("all") << QString() << 520.0 / 6 << 90.0 << 85.0;
    // Targeted: F2 80; M3 60, M5 100: overall 80, February 80, March 80.
    QTest::newRow("targeted") << QStringLiteral("targeted") << 80.0 << 80.0 << 80.0;
    // Random: F1 100; M1 80, B1 100: overall 93.33, February 100, March 90.
    QTest::newRow("random") << QStringLiteral("random") << 280.0 / 3 << 100.0 << 90.0;
}

void TestInsightsFilters::sampleTypeFilter()
{
    QFETCH(QString, sampleType);
    QFETCH(double, qaScore);
    QFETCH(double, baseQa);
    QFETCH(double, currentQa);
    QComboBox *box = m_page->filterBar()->box(QStringLiteral("sample_type"));
    const int index = sampleType.isEmpty() ? 0 : box->findData(sampleType);
    QVERIFY(index >= 0);
    if (box->currentIndex() != index)
        QVERIFY(recompute([&] { box->setCurrentIndex(index); }));
    const InsightsRequest rq = m_page->request();
    QCOMPARE(rq.filters.isEmpty(), sampleType.isEmpty());
    const InsightsData *d = m_page->data();
    QVERIFY(d->quadrant);
    QVERIFY(std::abs(*d->quadrant->qaScore - qaScore) < 1e-9);
    // CSAT counts every response whatever the sample type: 2 satisfied of 3.
    QVERIFY(std::abs(*d->quadrant->csatPct - 200.0 / 3) < 1e-9);
    // The bar says so while a sample type is chosen.
    QCOMPARE(m_page->filterBar()->noteLabel()->isVisibleTo(m_page.get()), !sampleType.isEmpty());
    if (!sampleType.isEmpty())
        QVERIFY(m_page->filterBar()->noteLabel()->text().contains(QStringLiteral("count every response")));
    QVERIFY2(d->whatChangedError.isEmpty(), qPrintable(d->whatChangedError)); // CSAT % takes the other filters
    QVERIFY2(d->paretoError.isEmpty(), qPrintable(d->paretoError));
    // What changed in the QA score, February to March, under the page's filters.
    InsightsRequest qa = rq;
    qa.metric = QStringLiteral("qa_score");
    qa.base = QStringLiteral("2026-02");
    qa.current = QStringLiteral("2026-03");
    const InsightsData run = InsightsCompute::run(m_mini->db(), qa, d->cubes);
    QVERIFY2(run.whatChanged, qPrintable(run.whatChangedError));
    QVERIFY(std::abs(run.whatChanged->analysis.base.value - baseQa) < 1e-9);
    QVERIFY(std::abs(run.whatChanged->analysis.current.value - currentQa) < 1e-9);
    if (box->currentIndex() != 0)
        QVERIFY(recompute([&] { box->setCurrentIndex(0); }));
}

// Scorecard Mini QA keeps every audit (the project has one scorecard): the numbers stay, and the
// CSAT analyses, which cannot take the filter, still compute instead of failing.
void TestInsightsFilters::scorecardFilterKeepsCsat()
{
    QComboBox *box = m_page->filterBar()->box(QStringLiteral("scorecard"));
    const int index = box->findData(QStringLiteral("Mini QA"));
    QVERIFY(index > 0);
    QVERIFY(recompute([&] { box->setCurrentIndex(index); }));
    const InsightsData *d = m_page->data();
    QVERIFY(m_page->request().filters.contains(PivotFilter{QStringLiteral("scorecard"), false, {QStringLiteral("Mini QA")}}));
    QVERIFY(std::abs(*d->quadrant->qaScore - 520.0 / 6) < 1e-9);
    QVERIFY(std::abs(*d->quadrant->csatPct - 200.0 / 3) < 1e-9);
    QVERIFY2(d->whatChangedError.isEmpty(), qPrintable(d->whatChangedError));
    QVERIFY2(d->themesError.isEmpty(), qPrintable(d->themesError));
    QVERIFY2(d->controlChart.error.isEmpty() || !d->controlChart.error.contains(QStringLiteral("unknown dimension")),
             qPrintable(d->controlChart.error));
    QVERIFY(m_page->filterBar()->noteLabel()->isVisibleTo(m_page.get()));
    QVERIFY(!m_page->filterBar()->noteLabel()->text().contains(QStringLiteral("does not filter")));
    // With QL_INSIGHTS_FILTERS_SCREENSHOT=FILE.png the page is grabbed here (the bar with its note).
    if (const QString out = qEnvironmentVariable("QL_INSIGHTS_FILTERS_SCREENSHOT"); !out.isEmpty())
        QVERIFY(m_page->grab().save(out));
    QVERIFY(recompute([&] { box->setCurrentIndex(0); }));
}

QTEST_MAIN(TestInsightsFilters)
#include "tst_insightsfilters.moc"
