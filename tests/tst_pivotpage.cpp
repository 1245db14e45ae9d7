// SPDX-License-Identifier: GPL-3.0-or-later
// The Pivot page driven as a user would: fields dragged into zones (drag and drop as real events
// carrying the source's own mimeData(), since QDrag::exec() returns at once offscreen), chips
// reordered, moved, removed, fields double-clicked, filters chosen in their popups, Ctrl+C, export,
// drill-down, saved views, undo and redo — with the numbers of the six-audit project checked by hand.
// The page inside the main window (its place, undo stack, Chart This, screenshots): tst_pivotwindow.
#include "common/emptystate.h"
#include "data/datapage.h"
#include "data/recordbrowser.h"
#include "data/recordtablemodel.h"
#include "pivot/pivotdrag.h"
#include "pivot/pivotdrilldialog.h"
#include "pivot/pivotdropzone.h"
#include "pivot/pivotfieldlist.h"
#include "pivot/pivotfilterpopup.h"
#include "pivot/pivotformatproxy.h"
#include "pivot/pivotpage.h"
#include "pivot/pivottablemodel.h"
#include "pivot/pivottableview.h"
#include "pivot/pivotviewspanel.h"
#include "store/changelog.h"
#include "store/project.h"
#include "store/savedviewstore.h"
#include "tst_pivottiny.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace ql;

class TestPivotPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void buildsTheCubeAndShowsTheDefaultLayout();
    void dragsAFieldFromTheListIntoAZone();
    void dragsChipsToReorderAndMove();
    void removesChipsByDragKeyAndMenu();
    void refusesMeasuresOnRows();
    void doubleClickAddsAFieldWhereItBelongs();
    void filtersValuesInThePopup();
    void filtersADateRange();
    void filterListsBlankOnlyWhereThereIsOne();
    void topMenuKeepsTheLargestRowsAndGathersTheRest();
    void sortsColumnsByAMeasure();
    void undoesAndRedoesLayoutChanges();
    void drillsDownToTheRecords();
    void drillsDownIntoAnswers();
    void savesOpensRenamesAndDeletesViews();
    void readOnlyProjectCannotSaveViews();
    void switchesTheSource();
    void saysWhatToDoWhenEmpty();
    void keepsOnlyTheNewestResult();

private:
    void openTiny(bool readOnly = false);
    void waitIdle();
    void setLayout(const QStringList &rows, const QStringList &cols, const QStringList &measures);
    static void dragAndDrop(QMimeData *mime, QWidget *target, const QPoint &pos);
    QMimeData *fieldMime(const QString &id) const;
    QMimeData *chipMime(PivotZone zone, int index) const;
    QPoint dropPoint(PivotZone zone, int index) const;
    QString text(int row, int column) const;

    QTemporaryDir m_dir;
    QString m_tiny;
    QString m_small;
    std::unique_ptr<Project> m_project;
    std::unique_ptr<PivotPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TestPivotPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QualityLensTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_pivotpage"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    qRegisterMetaType<ql::Project *>();
    QVERIFY(m_dir.isValid());
    m_tiny = m_dir.filePath(QStringLiteral("tiny.qlens"));
    m_small = m_dir.filePath(QStringLiteral("small.qlens"));
    QString error = test::createTinyPivotProject(m_tiny);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = test::createTestProject(m_small);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestPivotPage::init()
{
    QSettings().clear();
    m_page = std::make_unique<PivotPage>();
    m_page->resize(1400, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_modelTester = std::make_unique<QAbstractItemModelTester>(m_page->model(),
                                                               QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_page->proxy(),
                                                               QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void TestPivotPage::cleanup()
{
    m_modelTester.reset();
    m_proxyTester.reset();
    if (m_page)
        m_page->setProject(nullptr);
    m_page.reset();
    m_project.reset();
}

void TestPivotPage::openTiny(bool readOnly)
{
    ProjectError error;
    m_project = Project::open(m_tiny, readOnly ? Project::Access::ReadOnly : Project::Access::ReadWrite,
                              Project::Check::Deferred, &error);
    QVERIFY2(m_project, qPrintable(error.message));
    m_page->setProject(m_project.get());
    waitIdle();
}

void TestPivotPage::waitIdle()
{
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 30000);
}

void TestPivotPage::setLayout(const QStringList &rows, const QStringList &cols, const QStringList &measures)
{
    PivotLayout layout = m_page->currentLayout();
    layout.spec.rows = rows;
    layout.spec.cols = cols;
    layout.spec.measures = measures;
    layout.spec.filters.clear();
    layout.spec.totals = PivotTotals::all();
    m_page->changeLayout(layout, QStringLiteral("test layout"));
    waitIdle();
}

void TestPivotPage::dragAndDrop(QMimeData *mime, QWidget *target, const QPoint &pos)
{
    QVERIFY(mime);
    const Qt::DropActions actions = Qt::CopyAction | Qt::MoveAction;
    QDragEnterEvent enter(pos, actions, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(pos, actions, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &move);
    QVERIFY(move.isAccepted());
    QDropEvent drop(QPointF(pos), actions, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
    delete mime;
}

QMimeData *TestPivotPage::fieldMime(const QString &id) const
{
    PivotFieldList *list = m_page->fieldList();
    const QModelIndex index = list->viewIndex(id);
    return index.isValid() ? list->view()->model()->mimeData({index}) : nullptr;
}

QMimeData *TestPivotPage::chipMime(PivotZone zone, int index) const
{
    PivotDropZone *z = m_page->zone(zone);
    return z->model()->mimeData({z->model()->index(index, 0)});
}

QPoint TestPivotPage::dropPoint(PivotZone zone, int index) const
{
    PivotDropZone *z = m_page->zone(zone);
    if (index < z->count())
        return z->visualItemRect(z->item(index)).topLeft() + QPoint(4, 1);
    if (z->count() == 0)
        return QPoint(4, 4);
    return z->visualItemRect(z->item(z->count() - 1)).bottomLeft() + QPoint(4, 3);
}

QString TestPivotPage::text(int row, int column) const
{
    return m_page->proxy()->index(row, column).data().toString();
}

void TestPivotPage::buildsTheCubeAndShowsTheDefaultLayout()
{
    QVERIFY(!m_page->cube(PivotSource::Audits));
    openTiny();
    QVERIFY(m_page->cube(PivotSource::Audits));
    // The default: audits, QA score and pass rate by team, with totals.
    QCOMPARE(m_page->currentLayout().spec.rows, (QStringList{"team"}));
    QCOMPARE(m_page->model()->rowCount(), 4);
    QCOMPARE(m_page->model()->columnCount(), 3);
    // East: 1 scored audit (85, passed); North: 90 and 80, one passed; South: 70 and 100, one
    // passed; all: 5 audits, (90+80+70+100+85)/5 = 85, 3 of 5 passed.
    const QStringList expected[] = {
        {"1", "85.0%", "100.0%"}, {"2", "85.0%", "50.0%"}, {"2", "85.0%", "50.0%"}, {"5", "85.0%", "60.0%"}};
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 3; ++c)
            QCOMPARE(text(r, c), expected[r].at(c));
    QVERIFY(m_page->statusText().startsWith(QStringLiteral("6 audits")));
    QVERIFY(!m_page->emptyState()->isVisible());
    QCOMPARE(m_page->zone(PivotZone::Rows)->count(), 1);
    QCOMPARE(m_page->zone(PivotZone::Values)->count(), 3);
    QVERIFY(m_page->captionLabel()->text().contains(QStringLiteral("by Team")));
}

void TestPivotPage::dragsAFieldFromTheListIntoAZone()
{
    openTiny();
    PivotDropZone *columns = m_page->zone(PivotZone::Columns);
    dragAndDrop(fieldMime(QStringLiteral("date")), columns->viewport(), dropPoint(PivotZone::Columns, 0));
    QCOMPARE(m_page->currentLayout().spec.cols, (QStringList{"month"}));
    QCOMPARE(columns->count(), 1);
    QCOMPARE(columns->item(0)->text(), QStringLiteral("Date · Month"));
    waitIdle();
    QCOMPARE(m_page->model()->columnCount(), 9); // 2026-01, 2026-02, total × 3 measures
    // A second date goes in as the next grouping not yet shown, where it is dropped.
    dragAndDrop(fieldMime(QStringLiteral("date")), columns->viewport(), dropPoint(PivotZone::Columns, 0));
    QCOMPARE(m_page->currentLayout().spec.cols, (QStringList{"quarter", "month"}));
    // A measure dropped into Values, at the front.
    dragAndDrop(fieldMime(QStringLiteral("count")), m_page->zone(PivotZone::Values)->viewport(),
                dropPoint(PivotZone::Values, 0));
    QCOMPARE(m_page->currentLayout().spec.measures.first(), QStringLiteral("count"));
    waitIdle();
    QCOMPARE(m_page->model()->rowCount(), 4);
}

void TestPivotPage::dragsChipsToReorderAndMove()
{
    openTiny();
    setLayout({"team", "site"}, {}, {"count"});
    // Reorder: site above team.
    dragAndDrop(chipMime(PivotZone::Rows, 1), m_page->zone(PivotZone::Rows)->viewport(), dropPoint(PivotZone::Rows, 0));
    QCOMPARE(m_page->currentLayout().spec.rows, (QStringList{"site", "team"}));
    // Move: team to Columns.
    dragAndDrop(chipMime(PivotZone::Rows, 1), m_page->zone(PivotZone::Columns)->viewport(),
                dropPoint(PivotZone::Columns, 0));
    QCOMPARE(m_page->currentLayout().spec.rows, (QStringList{"site"}));
    QCOMPARE(m_page->currentLayout().spec.cols, (QStringList{"team"}));
    // Into Filters: the dimension becomes a filter that keeps everything.
    dragAndDrop(chipMime(PivotZone::Columns, 0), m_page->zone(PivotZone::Filters)->viewport(),
                dropPoint(PivotZone::Filters, 0));
    QVERIFY(m_page->currentLayout().spec.cols.isEmpty());
    QCOMPARE(m_page->zone(PivotZone::Filters)->item(0)->text(), QStringLiteral("Team: all"));
    waitIdle();
    // Lisbon (4 audits), Porto (2), total.
    QCOMPARE(m_page->model()->rowCount(), 3);
    QCOMPARE(text(0, 0), QStringLiteral("4"));
    QCOMPARE(text(2, 0), QStringLiteral("6"));
}

void TestPivotPage::removesChipsByDragKeyAndMenu()
{
    openTiny();
    setLayout({"team", "site"}, {"month"}, {"count", "qa_score"});
    // Dragged back onto the field list.
    QTreeView *tree = m_page->fieldList()->view();
    dragAndDrop(chipMime(PivotZone::Columns, 0), tree->viewport(), QPoint(10, 10));
    QVERIFY(m_page->currentLayout().spec.cols.isEmpty());
    // The Delete key on the current chip.
    PivotDropZone *rows = m_page->zone(PivotZone::Rows);
    rows->setFocus();
    rows->setCurrentRow(1);
    QTest::keyClick(rows, Qt::Key_Delete);
    QCOMPARE(m_page->currentLayout().spec.rows, (QStringList{"team"}));
    // And the page's own call, as the chip menu's Remove does.
    QVERIFY(m_page->removeChip(PivotZone::Values, 0));
    QCOMPARE(m_page->currentLayout().spec.measures, (QStringList{"qa_score"}));
    QVERIFY(!m_page->removeChip(PivotZone::Values, 5));
}

void TestPivotPage::refusesMeasuresOnRows()
{
    openTiny();
    const PivotLayout before = m_page->currentLayout();
    const int steps = m_page->layoutUndoStack()->count();
    dragAndDrop(fieldMime(QStringLiteral("qa_score")), m_page->zone(PivotZone::Rows)->viewport(),
                dropPoint(PivotZone::Rows, 0));
    QVERIFY(m_page->currentLayout() == before);
    QCOMPARE(m_page->layoutUndoStack()->count(), steps);
    // Anything but a pivot field is not taken at all.
    QMimeData other;
    other.setText(QStringLiteral("team"));
    QDragEnterEvent enter(QPoint(4, 4), Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_page->zone(PivotZone::Rows)->viewport(), &enter);
    QVERIFY(!enter.isAccepted());
}

void TestPivotPage::doubleClickAddsAFieldWhereItBelongs()
{
    openTiny();
    setLayout({}, {}, {});
    QTreeView *tree = m_page->fieldList()->view();
    auto doubleClick = [&](const QString &id) {
        const QModelIndex index = m_page->fieldList()->viewIndex(id);
        QVERIFY(index.isValid());
        tree->scrollTo(index);
        const QPoint at = tree->visualRect(index).center();
        // A widget's double-click arrives after a click (QTest sends the double-click alone).
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, at);
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    };
    doubleClick(QStringLiteral("team"));
    QCOMPARE(m_page->currentLayout().spec.rows, (QStringList{"team"}));
    doubleClick(QStringLiteral("count"));
    QCOMPARE(m_page->currentLayout().spec.measures, (QStringList{"count"}));
    doubleClick(QStringLiteral("date"));
    QCOMPARE(m_page->currentLayout().spec.rows, (QStringList{"team", "month"}));
    // The search box narrows the list; what it hides cannot be clicked, what it shows can.
    m_page->fieldList()->searchBox()->setText(QStringLiteral("median"));
    QVERIFY(!m_page->fieldList()->viewIndex(QStringLiteral("team")).isValid());
    doubleClick(QStringLiteral("median(score)"));
    QCOMPARE(m_page->currentLayout().spec.measures, (QStringList{"count", "median(score)"}));
    waitIdle();
    QCOMPARE(m_page->model()->columnCount(), 2);
}

void TestPivotPage::filtersValuesInThePopup()
{
    openTiny();
    setLayout({"team"}, {}, {"count"});
    PivotFilterPopup *popup = m_page->editFilter(QStringLiteral("team"));
    QVERIFY(popup);
    // East, North, South: every audit has a team, so no (blank) is offered.
    QCOMPARE(popup->model()->rowCount(), 3);
    QCOMPARE(popup->model()->item(2)->text(), QStringLiteral("South"));
    popup->checkAll(false);
    popup->setChecked(QStringLiteral("North"), true);
    popup->accept();
    const PivotFilter *f = m_page->currentLayout().spec.filterOn(QStringLiteral("team"));
    QVERIFY(f);
    QCOMPARE(*f, (PivotFilter{"team", false, {"North"}}));
    QCOMPARE(m_page->zone(PivotZone::Filters)->item(0)->text(), QStringLiteral("Team: North"));
    waitIdle();
    QCOMPARE(m_page->model()->rowCount(), 2);
    QCOMPARE(text(1, 0), QStringLiteral("2"));
    // Exclude instead: everything but East. Consecutive edits of one filter are one undo step.
    const int steps = m_page->layoutUndoStack()->count();
    popup = m_page->editFilter(QStringLiteral("team"));
    popup->modeBox()->setCurrentIndex(1);
    popup->checkAll(false);
    popup->setChecked(QStringLiteral("East"), true);
    popup->accept();
    QCOMPARE(*m_page->currentLayout().spec.filterOn(QStringLiteral("team")), (PivotFilter{"team", true, {"East"}}));
    QCOMPARE(m_page->layoutUndoStack()->count(), steps);
    waitIdle();
    QCOMPARE(m_page->model()->rowCount(), 3);
    QCOMPARE(text(2, 0), QStringLiteral("4"));
    // The search box narrows the list that Check all acts on.
    popup = m_page->editFilter(QStringLiteral("team"));
    popup->searchBox()->setText(QStringLiteral("th"));
    popup->modeBox()->setCurrentIndex(0);
    popup->checkAll(false);
    popup->searchBox()->clear();
    QCOMPARE(popup->filter(), (PivotFilter{"team", false, {"East"}})); // North and South unchecked
    popup->close();
    // Nothing kept: the empty state offers to clear the filters.
    PivotLayout none = m_page->currentLayout();
    none.setFilter({QStringLiteral("team"), false, {}});
    m_page->changeLayout(none, QStringLiteral("none"));
    waitIdle();
    QVERIFY(m_page->emptyState()->isVisible());
    QVERIFY(m_page->emptyState()->title().contains(QStringLiteral("match the filters")));
}

void TestPivotPage::filterListsBlankOnlyWhereThereIsOne()
{
    openTiny();
    setLayout({"team"}, {}, {"count"});
    // No response is linked to any audit: every audit's reason is (blank), and only that is offered.
    PivotFilterPopup *popup = m_page->editFilter(QStringLiteral("reason"));
    QVERIFY(popup);
    QCOMPARE(popup->model()->rowCount(), 1);
    QCOMPARE(popup->model()->item(0)->text(), QStringLiteral("(blank)"));
    popup->close();
    // A filter that names (blank) keeps it listed, so that it can be unchecked.
    PivotLayout layout = m_page->currentLayout();
    layout.setFilter({QStringLiteral("team"), true, {QStringLiteral("(blank)")}});
    m_page->changeLayout(layout, QStringLiteral("exclude blank"));
    waitIdle();
    popup = m_page->editFilter(QStringLiteral("team"));
    QCOMPARE(popup->model()->rowCount(), 4);
    QCOMPARE(popup->model()->item(3)->text(), QStringLiteral("(blank)"));
    popup->close();
}

void TestPivotPage::topMenuKeepsTheLargestRowsAndGathersTheRest()
{
    ProjectError openError;
    m_project = Project::open(m_small, Project::Access::ReadWrite, Project::Check::Deferred, &openError);
    QVERIFY2(m_project, qPrintable(openError.message));
    m_page->setProject(m_project.get());
    waitIdle();
    setLayout({"agent"}, {}, {"qa_score", "count"});
    QMenu *menu = m_page->topMenu();
    QVERIFY(m_page->findChild<QToolButton *>(QStringLiteral("topButton")));
    auto action = [menu](const QString &text) -> QAction * {
        Q_EMIT menu->aboutToShow();
        for (QAction *a : menu->actions())
            if (a->text() == text)
                return a;
        return nullptr;
    };

    // The oracle: every agent's QA score and its n, from the pivot of all rows.
    const auto all = m_page->model()->result();
    QVERIFY(all);
    struct Agent
    {
        QString label;
        double score;
        qint64 n;
    };
    QList<Agent> agents;
    PivotValue total;
    for (int r = 0; r < all->rowCount(); ++r) {
        const auto v = all->value(r, 0, 0);
        QVERIFY(v);
        if (all->row(r).isTotal(1))
            total = *v;
        else
            agents.append({all->row(r).labels.first(), v->value, v->n});
    }
    QCOMPARE(agents.size(), 12);
    std::sort(agents.begin(), agents.end(), [](const Agent &a, const Agent &b) { return a.score > b.score; });
    const double fifth = agents.at(4).score;
    QSet<QString> kept;
    double keptSum = 0;
    qint64 keptN = 0;
    for (const Agent &a : agents)
        if (a.score >= fifth) { // ties with the fifth stay
            kept.insert(a.label);
            keptSum += a.score * double(a.n);
            keptN += a.n;
        }
    QVERIFY(kept.size() < agents.size());

    QAction *top5 = action(QStringLiteral("Top 5"));
    QVERIFY(top5);
    top5->trigger();
    waitIdle();
    QVERIFY(m_page->currentLayout().spec.top == (PivotTop{5, QStringLiteral("qa_score"), false}));
    auto shown = m_page->model()->result();
    QSet<QString> rows;
    for (const PivotHeader &h : shown->rows())
        if (!h.isTotal(1))
            rows.insert(h.labels.first());
    QCOMPARE(rows, kept);

    // The rest as (others): one more row, whose mean is that of the agents left out.
    QAction *rest = action(QStringLiteral("The Rest as \"(others)\""));
    QVERIFY(rest && rest->isEnabled());
    rest->trigger();
    waitIdle();
    QVERIFY(m_page->currentLayout().spec.top->others);
    shown = m_page->model()->result();
    int othersRow = -1;
    for (int r = 0; r < shown->rowCount(); ++r)
        if (shown->row(r).others)
            othersRow = r;
    QVERIFY(othersRow >= 0);
    const auto others = shown->value(othersRow, 0, 0);
    QVERIFY(others);
    QCOMPARE(others->n, total.n - keptN);
    QVERIFY(std::abs(others->value - (total.value * double(total.n) - keptSum) / double(total.n - keptN)) < 1e-9);

    // Undo goes back step by step; "All Rows" drops the cut.
    m_page->layoutUndoStack()->undo();
    QVERIFY(m_page->currentLayout().spec.top == (PivotTop{5, QStringLiteral("qa_score"), false}));
    action(QStringLiteral("All Rows"))->trigger();
    waitIdle();
    QVERIFY(!m_page->currentLayout().spec.top);
    QCOMPARE(m_page->model()->result()->rowCount(), all->rowCount());
}

void TestPivotPage::sortsColumnsByAMeasure()
{
    openTiny();
    setLayout({"team"}, {"site"}, {"count"});
    auto firstColumn = [this] { return m_page->model()->result()->column(0).labels.first(); };
    QCOMPARE(firstColumn(), QStringLiteral("Lisbon")); // pivot order; Lisbon has 4 audits, Porto 2
    auto sortBy = [this](const QString &text) {
        QMenu menu;
        m_page->fillChipMenu(&menu, PivotZone::Columns, 0);
        QMenu *sort = nullptr;
        for (QAction *a : menu.actions())
            if (a->text() == QStringLiteral("Sort Columns"))
                sort = a->menu();
        QVERIFY(sort);
        QAction *chosen = nullptr;
        for (QAction *a : sort->actions())
            if (a->text().endsWith(text))
                chosen = a;
        QVERIFY2(chosen, qPrintable(text));
        chosen->trigger();
        waitIdle();
    };
    sortBy(QStringLiteral("smallest first"));
    QVERIFY(m_page->currentLayout().spec.sort->axis == PivotSort::Axis::Cols);
    QCOMPARE(m_page->currentLayout().spec.sort->by, QStringLiteral("count"));
    QCOMPARE(firstColumn(), QStringLiteral("Porto"));
    sortBy(QStringLiteral("largest first"));
    QCOMPARE(firstColumn(), QStringLiteral("Lisbon"));
    sortBy(QStringLiteral("In pivot order"));
    QVERIFY(!m_page->currentLayout().spec.sort);
}

void TestPivotPage::filtersADateRange()
{
    openTiny();
    setLayout({"team"}, {}, {"count"});
    PivotDateRangePopup *popup = m_page->editDateRange();
    QVERIFY(popup);
    QVERIFY(!popup->fromBox()->isChecked());
    popup->fromBox()->setChecked(true);
    popup->fromEdit()->setDate(QDate(2026, 2, 1));
    popup->accept();
    QCOMPARE(m_page->currentLayout().spec.from, QDate(2026, 2, 1));
    QVERIFY(!m_page->currentLayout().spec.to.isValid());
    QCOMPARE(m_page->zone(PivotZone::Filters)->item(0)->text(), QStringLiteral("Date: from 2026-02-01"));
    waitIdle();
    QCOMPARE(m_page->model()->result()->factCount(), qint64(3)); // audits 2, 5 and 6
    // Presets count back from the latest date in the data (11 February 2026).
    popup = m_page->editDateRange();
    popup->applyPreset(PivotDateRangePopup::Preset::LastMonth);
    QCOMPARE(popup->from(), QDate(2026, 1, 1));
    QCOMPARE(popup->to(), QDate(2026, 1, 31));
    popup->accept();
    waitIdle();
    QCOMPARE(m_page->model()->result()->factCount(), qint64(3)); // audits 1, 3 and 4
    QCOMPARE(PivotDateRangePopup::presetRange(PivotDateRangePopup::Preset::Last3Months, QDate(2026, 2, 11)),
             (std::pair{QDate(2025, 12, 1), QDate(2026, 2, 28)}));
    QCOMPARE(PivotDateRangePopup::presetRange(PivotDateRangePopup::Preset::YearToDate, QDate(2026, 2, 11)),
             (std::pair{QDate(2026, 1, 1), QDate(2026, 2, 11)}));
}

void TestPivotPage::undoesAndRedoesLayoutChanges()
{
    openTiny();
    QUndoStack *stack = m_page->layoutUndoStack();
    QVERIFY(stack);
    QCOMPARE(stack->count(), 0);
    const PivotLayout start = m_page->currentLayout();
    dragAndDrop(fieldMime(QStringLiteral("channel")), m_page->zone(PivotZone::Columns)->viewport(),
                dropPoint(PivotZone::Columns, 0));
    QCOMPARE(stack->count(), 1);
    QCOMPARE(stack->undoText(), QStringLiteral("Add Channel"));
    waitIdle();
    const int withChannel = m_page->model()->columnCount();
    QVERIFY(withChannel > 3);
    stack->undo();
    QVERIFY(m_page->currentLayout() == start);
    QVERIFY(m_page->currentLayout().spec.cols.isEmpty());
    QCOMPARE(m_page->zone(PivotZone::Columns)->count(), 0);
    waitIdle();
    QCOMPARE(m_page->model()->columnCount(), 3);
    stack->redo();
    QCOMPARE(m_page->currentLayout().spec.cols, (QStringList{"channel"}));
    waitIdle();
    QCOMPARE(m_page->model()->columnCount(), withChannel);
    // A heat map is a layout change too, and needs no new computation.
    PivotLayout heat = m_page->currentLayout();
    heat.setHeatMap(QStringLiteral("qa_score"), true);
    QVERIFY(m_page->changeLayout(heat, QStringLiteral("heat")));
    QVERIFY(!m_page->isBusy());
    QCOMPARE(m_page->proxy()->heatMap(), (QStringList{"qa_score"}));
    stack->undo();
    QVERIFY(m_page->proxy()->heatMap().isEmpty());
    // The last layout is remembered for the project.
    m_page->setProject(nullptr);
    m_page->setProject(m_project.get());
    QCOMPARE(m_page->currentLayout().spec.cols, (QStringList{"channel"}));
    QCOMPARE(stack->count(), 0); // a new project, a new history
}

void TestPivotPage::drillsDownToTheRecords()
{
    openTiny();
    setLayout({"team"}, {"month"}, {"count", "qa_score"});
    QSignalSpy opened(m_page.get(), &PivotPage::drillOpened);
    // Double-click North's January QA score: audit 1.
    PivotTableView *table = m_page->table();
    const QModelIndex cell = table->model()->index(1, 1);
    table->scrollTo(cell);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, table->visualRect(cell).center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, table->visualRect(cell).center());
    QVERIFY(opened.wait(10000));
    auto *dialog = opened.at(0).at(0).value<PivotDrillDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->recordCount(), qint64(1));
    QVERIFY2(dialog->caption().contains(QStringLiteral("Team: North")), qPrintable(dialog->caption()));
    QVERIFY(dialog->caption().contains(QStringLiteral("Month: 2026-01")));
    RecordTableModel *records = dialog->browser()->model();
    QTRY_VERIFY(records->isLoaded());
    QCOMPARE(records->rowCount(), 1);
    QCOMPARE(records->idAt(0), qint64(1));
    dialog->close();
    // The grand total: all six, the unscored one included; searchable like the Data page.
    opened.clear();
    m_page->drillDown(3, 5);
    QVERIFY(opened.wait(10000));
    dialog = opened.at(0).at(0).value<PivotDrillDialog *>();
    QVERIFY2(dialog->caption().contains(QStringLiteral("6 audits (5 of them behind the QA score)")),
             qPrintable(dialog->caption())); // the unscored audit is a record, not a score
    records = dialog->browser()->model();
    QTRY_VERIFY(records->isLoaded());
    QCOMPARE(records->rowCount(), 6);
    RecordFilter search = records->filter();
    search.text = QStringLiteral("A-00002");
    records->setFilter(search);
    QTRY_VERIFY(!records->isLoading());
    QCOMPARE(records->rowCount(), 1);
    QCOMPARE(records->totalCount(), qint64(6));
    // A subtotal: South, every month.
    opened.clear();
    m_page->drillDown(2, 4);
    QVERIFY(opened.wait(10000));
    dialog = opened.at(0).at(0).value<PivotDrillDialog *>();
    QTRY_VERIFY(dialog->browser()->model()->isLoaded());
    QCOMPARE(dialog->browser()->model()->rowCount(), 2);
}

void TestPivotPage::drillsDownIntoAnswers()
{
    ProjectError error;
    m_project = Project::open(m_small, Project::Access::ReadWrite, Project::Check::Deferred, &error);
    QVERIFY(m_project);
    m_page->setProject(m_project.get());
    waitIdle();
    PivotLayout layout = m_page->currentLayout();
    const auto audits = m_page->cube(PivotSource::Audits);
    layout.setSource(PivotSource::Answers, audits->customDimensionNames());
    layout.spec.rows = {QStringLiteral("criterion")};
    layout.spec.cols = {QStringLiteral("team")};
    layout.spec.measures = {QStringLiteral("count")};
    m_page->changeLayout(layout, QStringLiteral("answers"));
    waitIdle();
    QVERIFY(m_page->cube(PivotSource::Answers));
    const QVariant n = m_page->model()->index(0, 0).data(PivotTableModel::ValueRole);
    QVERIFY(n.isValid());
    QSignalSpy opened(m_page.get(), &PivotPage::drillOpened);
    m_page->drillDown(0, 0);
    QVERIFY(opened.wait(10000));
    auto *dialog = opened.at(0).at(0).value<PivotDrillDialog *>();
    QCOMPARE(dialog->browser()->kind(), RecordKind::Answers);
    QTRY_VERIFY(dialog->browser()->model()->isLoaded());
    QCOMPARE(double(dialog->browser()->model()->rowCount()), n.toDouble());
}

void TestPivotPage::savesOpensRenamesAndDeletesViews()
{
    openTiny();
    setLayout({"team"}, {"month"}, {"count"});
    QString error;
    QVERIFY2(m_page->saveView(QStringLiteral("Team by month"), false, &error), qPrintable(error));
    QCOMPARE(m_page->viewsPanel()->list()->count(), 1);
    QVERIFY(!m_page->saveView(QStringLiteral("Team by month"), false, &error));
    SavedViewStore store(m_project->database());
    const auto saved = store.find(QStringLiteral("pivot"), QStringLiteral("Team by month"));
    QVERIFY(saved);
    QCOMPARE(*PivotSpec::fromJson(saved->specJson, &error), m_page->currentLayout().spec);
    // Change the layout, then open the view again: the layout comes back, as one undoable step.
    setLayout({"site"}, {}, {"qa_score"});
    const int steps = m_page->layoutUndoStack()->count();
    QVERIFY(m_page->openView(saved->id));
    QCOMPARE(m_page->currentLayout().spec.rows, (QStringList{"team"}));
    QCOMPARE(m_page->currentLayout().spec.cols, (QStringList{"month"}));
    QCOMPARE(m_page->layoutUndoStack()->count(), steps + 1);
    waitIdle();
    QCOMPARE(m_page->model()->columnCount(), 3);
    // Save over it.
    setLayout({"site"}, {}, {"count"});
    QVERIFY2(m_page->saveView(QStringLiteral("Team by month"), true, &error), qPrintable(error));
    QCOMPARE(PivotSpec::fromJson(store.load(saved->id)->specJson, &error)->rows, (QStringList{"site"}));
    // Rename and delete, each in the change log.
    QVERIFY(m_page->renameView(saved->id, QStringLiteral("By site"), &error));
    QCOMPARE(m_page->viewsPanel()->list()->item(0)->text(), QStringLiteral("By site"));
    QVERIFY(m_page->deleteView(saved->id, &error));
    QCOMPARE(m_page->viewsPanel()->list()->count(), 0);
    const QList<ChangeEntry> log =
        ChangeLog::forEntity(m_project->database(), QStringLiteral("saved_view"), QString::number(saved->id));
    QCOMPARE(log.size(), 4); // created, spec replaced, renamed, deleted
}

void TestPivotPage::readOnlyProjectCannotSaveViews()
{
    openTiny(true);
    QString error;
    QVERIFY(!m_page->saveView(QStringLiteral("x"), false, &error));
    QVERIFY(error.contains(QStringLiteral("read-only")));
    QVERIFY(!m_page->viewsPanel()->saveButton()->isEnabled());
    QVERIFY(m_page->model()->rowCount() > 0); // the pivot itself works
}

void TestPivotPage::switchesTheSource()
{
    openTiny();
    QComboBox *source = m_page->sourceBox();
    const int csat = source->findData(int(PivotSource::Csat));
    source->setCurrentIndex(csat);
    Q_EMIT source->activated(csat);
    QCOMPARE(m_page->currentLayout().spec.source, PivotSource::Csat);
    QCOMPARE(m_page->currentLayout().spec.measures, (QStringList{"count"})); // no audit KPI there
    waitIdle();
    QVERIFY(m_page->cube(PivotSource::Csat));
    // No responses in this project: the page says so.
    QVERIFY(m_page->emptyState()->isVisible());
    QVERIFY2(m_page->emptyState()->title().contains(QStringLiteral("No csat responses yet"), Qt::CaseInsensitive),
             qPrintable(m_page->emptyState()->title()));
    m_page->layoutUndoStack()->undo();
    QCOMPARE(m_page->currentLayout().spec.source, PivotSource::Audits);
    QCOMPARE(source->currentData().toInt(), int(PivotSource::Audits));
}

void TestPivotPage::saysWhatToDoWhenEmpty()
{
    openTiny();
    setLayout({"team"}, {}, {});
    QVERIFY(m_page->emptyState()->isVisible());
    QCOMPARE(m_page->emptyState()->title(), QStringLiteral("Drag a measure to Values"));
    QCOMPARE(m_page->model()->rowCount(), 0);
    m_page->setProject(nullptr);
    QVERIFY(!m_page->emptyState()->isVisible());
    QVERIFY(m_page->statusText().isEmpty());
}

void TestPivotPage::keepsOnlyTheNewestResult()
{
    openTiny();
    // Three layouts in a row without waiting: what is shown in the end is the last one.
    for (const QString &d : {QStringLiteral("site"), QStringLiteral("channel"), QStringLiteral("queue")}) {
        PivotLayout next = m_page->currentLayout();
        next.spec.rows = {d};
        m_page->changeLayout(next, d);
    }
    waitIdle();
    QCOMPARE(m_page->model()->result()->spec(), m_page->currentLayout().spec);
    QCOMPARE(m_page->model()->result()->rowDimensions(), (QStringList{"queue"}));
}

QTEST_MAIN(TestPivotPage)
#include "tst_pivotpage.moc"
