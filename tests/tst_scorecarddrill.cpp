// SPDX-License-Identifier: GPL-3.0-or-later
// The Scorecards page's click-through beyond the tiles (ui.md "Every number that summarises records
// clicks through"), offscreen on a hand-made mini project: the criterion breakdown's numbers open
// the answers behind them (the slice's, the team's, all agents'), following the filter bar; the
// critical error rate by family opens the audits that failed that family; and the coaching pack
// follows the filter bar and says so on its pages.
#include "common/filterbar.h"
#include "miniproject.h"
#include "pivot/pivotdrilldialog.h"
#include "scorecards/scorecardspage.h"
#include "scorecards/scorecardtablemodel.h"
#include "scorecards/kpitile.h"
#include "store/project.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

class TestScorecardDrill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void criterionAnswers_data();
    void criterionAnswers();
    void doubleClickOpensAnswers();
    void criticalFamilies_data();
    void criticalFamilies();
    void coachingPackFollowsTheFilters();
    void rootCausesClickThrough();

private:
    bool showAnnMarch();
    bool setFilter(const QString &dimension, const QString &value); // "" = All
    int criterionRow(const QString &key) const;
    PivotDrillDialog *openAnswers(int row, int column);

    QTemporaryDir m_dir;
    std::unique_ptr<test::MiniProject> m_mini;
    std::unique_ptr<ScorecardsPage> m_page;
    QList<QAbstractItemModelTester *> m_testers;
};

// Mini QA (tests/miniproject.h): verify (binary), disclosure (binary, N/A allowed), tone, resolution.
// March 2026, agent: audit pattern, queue, sample type —
//   Ann (AG1, North): M1 Good Billing random, M2 Good Orders random, M3 Weak Billing targeted,
//                     M4 Critical Billing random (a compliance critical error), M5 Perfect Orders
//                     targeted, M6 Perfect Billing self (not counted);
//   Bob (AG2, North): B1 Perfect Billing random, B2 Weak Orders random;
//   Cid (AG3, South): C1 Good Billing random.
// Weak has disclosure N/A; every other pattern rates all four criteria.
void TestScorecardDrill::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_mini = std::make_unique<test::MiniProject>(m_dir.filePath(QStringLiteral("drill.qlens")));
    QVERIFY2(m_mini->error().isEmpty(), qPrintable(m_mini->error()));
    using P = test::MiniProject;
    const QString ann = QStringLiteral("AG1"), bob = QStringLiteral("AG2"), cid = QStringLiteral("AG3");
    const QString qa = QStringLiteral("QA1"), random = QStringLiteral("random"), targeted = QStringLiteral("targeted");
    const QString billing = QStringLiteral("Billing"), orders = QStringLiteral("Orders");
    QVERIFY(m_mini->addAudit(QStringLiteral("M1"), P::Good, ann, QDate(2026, 3, 2), qa, random, billing));
    QVERIFY(m_mini->addAudit(QStringLiteral("M2"), P::Good, ann, QDate(2026, 3, 5), qa, random, orders));
    QVERIFY(m_mini->addAudit(QStringLiteral("M3"), P::Weak, ann, QDate(2026, 3, 10), qa, targeted, billing));
    QVERIFY(m_mini->addAudit(QStringLiteral("M4"), P::Critical, ann, QDate(2026, 3, 17), qa, random, billing));
    QVERIFY(m_mini->addAudit(QStringLiteral("M5"), P::Perfect, ann, QDate(2026, 3, 31), qa, targeted, orders));
    QVERIFY(m_mini->addAudit(QStringLiteral("M6"), P::Perfect, ann, QDate(2026, 3, 20), qa, QStringLiteral("self"), billing));
    QVERIFY(m_mini->addAudit(QStringLiteral("B1"), P::Perfect, bob, QDate(2026, 3, 3), qa, random, billing));
    QVERIFY(m_mini->addAudit(QStringLiteral("B2"), P::Weak, bob, QDate(2026, 3, 4), qa, random, orders));
    QVERIFY(m_mini->addAudit(QStringLiteral("C1"), P::Good, cid, QDate(2026, 3, 6), qa, random, billing));
    QVERIFY(m_mini->addAudit(QStringLiteral("F1"), P::Perfect, ann, QDate(2026, 2, 2), qa, random, billing));

    m_page = std::make_unique<ScorecardsPage>();
    m_testers << new QAbstractItemModelTester(m_page->criteriaModel(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                              this)
              << new QAbstractItemModelTester(m_page->auditsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                              this);
    m_page->resize(1400, 900);
    m_page->QWidget::show();
    m_page->setProject(m_mini->project());
    m_page->filterBar()->clear();
    QVERIFY(showAnnMarch());
}

void TestScorecardDrill::cleanupTestCase()
{
    qDeleteAll(m_testers);
    if (m_page) {
        m_page->filterBar()->clear();
        m_page->setProject(nullptr);
    }
    m_page.reset();
    m_mini.reset();
}

bool TestScorecardDrill::showAnnMarch()
{
    QSignalSpy loaded(m_page.get(), &ScorecardsPage::loaded);
    m_page->showSlice({KpiSlice::Kind::Agent, QStringLiteral("AG1")}, *KpiPeriod::parse(QStringLiteral("2026-03")));
    return loaded.wait(20000);
}

bool TestScorecardDrill::setFilter(const QString &dimension, const QString &value)
{
    QComboBox *box = m_page->filterBar()->box(dimension);
    const int index = value.isEmpty() ? 0 : box->findData(value);
    if (index < 0)
        return false;
    if (box->currentIndex() == index)
        return true;
    QSignalSpy loaded(m_page.get(), &ScorecardsPage::loaded);
    box->setCurrentIndex(index);
    return loaded.wait(20000);
}

int TestScorecardDrill::criterionRow(const QString &key) const
{
    for (int i = 0; i < m_page->criteriaModel()->rowCount(); ++i)
        if (m_page->criteriaModel()->index(i, 0).data(ScorecardTableModel::IdRole).toString() == key)
            return i;
    return -1;
}

// Drives the table as a user does: the cell made current, then Enter.
PivotDrillDialog *TestScorecardDrill::openAnswers(int row, int column)
{
    auto *view = m_page->findChild<QTableView *>(QStringLiteral("criteriaTable"));
    if (!view)
        return nullptr;
    m_page->tabs()->setCurrentIndex(0);
    view->setFocus();
    view->setCurrentIndex(view->model()->index(row, column));
    QSignalSpy opened(m_page.get(), &ScorecardsPage::answersOpened);
    QTest::keyClick(view, Qt::Key_Return);
    if (opened.isEmpty() && !opened.wait(10000))
        return nullptr;
    return opened.first().first().value<PivotDrillDialog *>();
}

void TestScorecardDrill::criterionAnswers_data()
{
    QTest::addColumn<QString>("queue");
    QTest::addColumn<QString>("criterion");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("answers");
    QTest::addColumn<QString>("whose");

    // Counted: M1–M5 (M6 is self). Ann's verify: 5 rated answers; disclosure 4 rated (M3 is N/A)
    // and 5 with the N/A; the team North adds Bob's B1 and B2, all agents Cid's C1 too.
    QTest::newRow("compliance: Ann's rated answers") << QString() << QStringLiteral("verify") << 1 << 5 << QStringLiteral("Ann");
    QTest::newRow("n: the same answers") << QString() << QStringLiteral("verify") << 3 << 5 << QStringLiteral("Ann");
    QTest::newRow("pass rate: the same answers") << QString() << QStringLiteral("verify") << 9 << 5 << QStringLiteral("Ann");
    QTest::newRow("gap: Ann's answers") << QString() << QStringLiteral("verify") << 6 << 5 << QStringLiteral("Ann");
    QTest::newRow("team: 5 + 2") << QString() << QStringLiteral("verify") << 4 << 7 << QStringLiteral("team North");
    QTest::newRow("all agents: 5 + 2 + 1") << QString() << QStringLiteral("verify") << 5 << 8 << QStringLiteral("all agents");
    QTest::newRow("disclosure rated: M3 is N/A") << QString() << QStringLiteral("disclosure") << 1 << 4 << QStringLiteral("Ann");
    QTest::newRow("N/A rate: with the N/A") << QString() << QStringLiteral("disclosure") << 10 << 5 << QStringLiteral("Ann");
    QTest::newRow("disclosure team: 4 + B1 (B2 N/A)") << QString() << QStringLiteral("disclosure") << 4 << 5 << QStringLiteral("team North");
    QTest::newRow("disclosure all agents: + C1") << QString() << QStringLiteral("disclosure") << 5 << 6 << QStringLiteral("all agents");
    // Queue Orders: Ann's M2 and M5; the team North's M2, M5 and B2; all agents the same three.
    QTest::newRow("Orders: Ann") << QStringLiteral("Orders") << QStringLiteral("verify") << 1 << 2 << QStringLiteral("Ann");
    QTest::newRow("Orders: team") << QStringLiteral("Orders") << QStringLiteral("verify") << 4 << 3 << QStringLiteral("team North");
    QTest::newRow("Orders: all agents") << QStringLiteral("Orders") << QStringLiteral("verify") << 5 << 3 << QStringLiteral("all agents");
    QTest::newRow("Orders: disclosure team (B2 N/A)") << QStringLiteral("Orders") << QStringLiteral("disclosure") << 4 << 2 << QStringLiteral("team North");
}

void TestScorecardDrill::criterionAnswers()
{
    QFETCH(QString, queue);
    QFETCH(QString, criterion);
    QFETCH(int, column);
    QFETCH(int, answers);
    QFETCH(QString, whose);
    QVERIFY(setFilter(QStringLiteral("queue"), queue));
    const int row = criterionRow(criterion);
    QVERIFY(row >= 0);
    if (column == 1 || column == 3) // the n the table shows is the count of the answers opened
        QCOMPARE(m_page->criteriaModel()->index(row, 3).data(ScorecardTableModel::SortRole).toInt(), answers);
    PivotDrillDialog *dialog = openAnswers(row, column);
    QVERIFY(dialog);
    QCOMPARE(dialog->recordCount(), qint64(answers));
    QCOMPARE(dialog->windowTitle(), QStringLiteral("%1 answers").arg(answers));
    QVERIFY2(dialog->caption().contains(whose), qPrintable(dialog->caption()));
    QVERIFY2(dialog->caption().contains(QStringLiteral("2026-03")), qPrintable(dialog->caption()));
    if (!queue.isEmpty())
        QVERIFY2(dialog->caption().contains(QStringLiteral("filtered: queue = Orders")), qPrintable(dialog->caption()));
    dialog->close();
    QVERIFY(setFilter(QStringLiteral("queue"), QString()));
}

// The criterion name is no number: it opens nothing; a double-click on a number does.
void TestScorecardDrill::doubleClickOpensAnswers()
{
    QVERIFY(!m_page->openCriterionAnswers(criterionRow(QStringLiteral("verify")), 0));
    QVERIFY(!m_page->openCriterionAnswers(99, 1));
    auto *view = m_page->findChild<QTableView *>(QStringLiteral("criteriaTable"));
    QVERIFY(view);
    m_page->tabs()->setCurrentIndex(0);
    const QRect cell = view->visualRect(view->model()->index(criterionRow(QStringLiteral("tone")), 1));
    QVERIFY(cell.isValid());
    QSignalSpy opened(m_page.get(), &ScorecardsPage::answersOpened);
    // As a user's double-click arrives: a click, then the double-click (QTest's alone has no press).
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QVERIFY(opened.wait(10000));
    auto *dialog = opened.first().first().value<PivotDrillDialog *>();
    QCOMPARE(dialog->recordCount(), qint64(5)); // tone is rated on every counted audit
    dialog->close();
}

void TestScorecardDrill::criticalFamilies_data()
{
    QTest::addColumn<QString>("sampleType");
    QTest::addColumn<QString>("family");
    QTest::addColumn<QStringList>("audits");
    // Only M4 (Critical) fails a family: verify is critical for compliance.
    QTest::newRow("compliance") << QString() << QStringLiteral("compliance") << QStringList{QStringLiteral("M4")};
    QTest::newRow("customer: none") << QString() << QStringLiteral("customer") << QStringList{};
    QTest::newRow("business: none") << QString() << QStringLiteral("business") << QStringList{};
    // Targeted audits are M3 and M5: neither failed a family.
    QTest::newRow("targeted: compliance none") << QStringLiteral("targeted") << QStringLiteral("compliance") << QStringList{};
}

void TestScorecardDrill::criticalFamilies()
{
    QFETCH(QString, sampleType);
    QFETCH(QString, family);
    QFETCH(QStringList, audits);
    QVERIFY(setFilter(QStringLiteral("sample_type"), sampleType));
    QLabel *line = m_page->criticalFamiliesLabel();
    // Compliance: 1 of 5 counted audits = 20.0%; targeted: 0 of 2.
    QVERIFY2(line->text().contains(QStringLiteral("href=\"%1\"").arg(family)), qPrintable(line->text()));
    if (family == QLatin1String("compliance"))
        QVERIFY2(line->text().contains(sampleType.isEmpty() ? QStringLiteral("compliance 20.0%")
                                                            : QStringLiteral("compliance 0.0%")),
                 qPrintable(line->text()));
    m_page->tabs()->setCurrentIndex(0);
    Q_EMIT line->linkActivated(family); // what a click (or Enter on the focused link) on it sends
    QCOMPARE(m_page->tabs()->currentWidget()->objectName(), QStringLiteral("auditsSplitter"));
    QCOMPARE(m_page->auditFilterBox()->currentData().toString(), QStringLiteral("critical-") + family);
    const QAbstractItemModel *shown = m_page->auditsView()->model();
    QStringList keys;
    for (int i = 0; i < shown->rowCount(); ++i)
        keys << shown->index(i, 1).data().toString();
    QCOMPARE(keys, audits);
    m_page->auditFilterBox()->setCurrentIndex(0);
    QVERIFY(setFilter(QStringLiteral("sample_type"), QString()));
}

namespace {

// The PDF's /Title, written by Qt as UTF-16BE text (parentheses escaped, so search without them).
bool pdfTitleHas(const QString &path, const QString &text)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QByteArray utf16;
    for (QChar c : text)
        utf16 += char(c.unicode() >> 8), utf16 += char(c.unicode() & 0xff);
    return f.readAll().contains(utf16);
}

} // namespace

// Queue Orders: Ann's M2 (80) and M5 (100), QA score 90.0%; Bob's B2 (Weak, 60). The pack's
// numbers are the filtered page's, and every page says the filters.
void TestScorecardDrill::coachingPackFollowsTheFilters()
{
    QVERIFY(showAnnMarch());
    QCOMPARE(m_page->tile(QStringLiteral("qa_score"))->valueText(), QStringLiteral("64.0%")); // (80+80+60+0+100)/5
    QVERIFY(setFilter(QStringLiteral("queue"), QStringLiteral("Orders")));
    QCOMPARE(m_page->tile(QStringLiteral("audits"))->valueText(), QStringLiteral("2"));
    QCOMPARE(m_page->tile(QStringLiteral("qa_score"))->valueText(), QStringLiteral("90.0%"));
    // QL_SCORECARD_DRILL_PACK=DIR keeps the filtered pack there, to look at.
    const QString folder = qEnvironmentVariable("QL_SCORECARD_DRILL_PACK", m_dir.filePath(QStringLiteral("pack")));
    QSignalSpy finished(m_page.get(), &ScorecardsPage::coachingPackFinished);
    QVERIFY(m_page->exportCoachingPack(folder));
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QHash<QString, KpiReport> reports;
    for (const KpiReport &r : m_page->coachingPackReports())
        reports.insert(r.slice.id, r);
    QCOMPARE(reports.size(), 2); // Ann and Bob of North, both with audits in Orders
    const KpiReport ann = reports.value(QStringLiteral("AG1"));
    QCOMPARE(ann.audits.n, qint64(2));
    QCOMPARE(*ann.qaScore.value, 90.0);
    QCOMPARE(reports.value(QStringLiteral("AG2")).audits.n, qint64(1));
    QCOMPARE(*reports.value(QStringLiteral("AG2")).qaScore.value, 60.0);
    // The page's verify line under the same filter: Ann 2 of 2 (100%), the team 2 of 3.
    const int verify = criterionRow(QStringLiteral("verify"));
    bool found = false;
    for (const CriterionKpi &c : ann.criteria)
        if (c.key == QLatin1String("verify")) {
            found = true;
            QCOMPARE(c.compliance.n, qint64(2));
            QCOMPARE(c.compliance.n, m_page->criteriaModel()->index(verify, 3).data(ScorecardTableModel::SortRole).toLongLong());
            QCOMPARE(*c.teamCompliance, m_page->criteriaModel()->index(verify, 4).data(ScorecardTableModel::SortRole).toDouble());
        }
    QVERIFY(found);
    const QStringList files = finished.first().at(2).toStringList();
    QCOMPARE(files.size(), 2);
    for (const QString &file : files)
        QVERIFY2(pdfTitleHas(file, QStringLiteral("filtered: queue = Orders")), qPrintable(file));

    // Without a filter the pack says none and has Ann's five audits.
    QVERIFY(setFilter(QStringLiteral("queue"), QString()));
    QSignalSpy again(m_page.get(), &ScorecardsPage::coachingPackFinished);
    QVERIFY(m_page->exportCoachingPack(m_dir.filePath(QStringLiteral("pack2"))));
    QVERIFY(again.wait(60000));
    bool annSeen = false;
    for (const KpiReport &r : m_page->coachingPackReports())
        if (r.slice.id == QLatin1String("AG1")) {
            annSeen = true;
            QCOMPARE(r.audits.n, qint64(5));
        }
    QVERIFY(annSeen);
    QVERIFY(!pdfTitleHas(again.first().at(2).toStringList().first(), QStringLiteral("filtered")));
}

// The root-causes line links each cause to the failed answers that name it. In the mini project
// every answer with c < 0.5 has the root cause "Knowledge gap": Ann's counted March audits fail
// M3's resolution (No, c = 0) and M4's verify (0), so 2; under sample type "targeted" only M3 and
// M5 count, so 1 (M3's resolution); M6 (self) never counts.
void TestScorecardDrill::rootCausesClickThrough()
{
    QVERIFY(setFilter(QStringLiteral("sample_type"), QString()));
    auto *line = m_page->findChild<QLabel *>(QStringLiteral("rootCauses"));
    QVERIFY(line);
    QVERIFY2(line->text().contains(QStringLiteral(">Knowledge gap</a> (2)")), qPrintable(line->text()));
    QSignalSpy opened(m_page.get(), &ScorecardsPage::answersOpened);
    Q_EMIT line->linkActivated(QStringLiteral("cause:Knowledge%20gap")); // as a click on the link does
    QVERIFY(opened.wait(10000));
    auto *dialog = opened.first().first().value<PivotDrillDialog *>();
    QCOMPARE(dialog->recordCount(), qint64(2));
    QVERIFY2(dialog->caption().contains(QStringLiteral("whose root cause is Knowledge gap")), qPrintable(dialog->caption()));
    dialog->close();

    QVERIFY(setFilter(QStringLiteral("sample_type"), QStringLiteral("targeted")));
    QVERIFY2(line->text().contains(QStringLiteral(">Knowledge gap</a> (1)")), qPrintable(line->text()));
    opened.clear();
    QVERIFY(m_page->openRootCauseAnswers(QStringLiteral("Knowledge gap")));
    QVERIFY(opened.wait(10000));
    dialog = opened.first().first().value<PivotDrillDialog *>();
    QCOMPARE(dialog->recordCount(), qint64(1));
    QVERIFY2(dialog->caption().contains(QStringLiteral("filtered: sample_type = targeted")), qPrintable(dialog->caption()));
    dialog->close();
    QVERIFY(setFilter(QStringLiteral("sample_type"), QString()));
}

QTEST_MAIN(TestScorecardDrill)
#include "tst_scorecarddrill.moc"
