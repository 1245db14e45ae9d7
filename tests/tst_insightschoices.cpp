// SPDX-License-Identifier: GPL-3.0-or-later
// The Insights page's additions on a small generated demo: new causes tagged on the Pareto charts
// and tables, the Failed criteria tab (counts and points lost), the funnel's units by name or
// pseudonym, the control charts' baseline chooser, and comments in other languages left out.
#include "charts/chartpreview.h"
#include "chartscene.h"
#include "charttheme.h"
#include "demo/demogenerator.h"
#include "export/agentnames.h"
#include "insights/insightspage.h"
#include "pivot/cubebuilder.h"
#include "rca/commentlanguage.h"
#include "rca/pointslost.h"
#include "rca/themes.h"
#include "scorecardeditor/whatifdialog.h"
#include "store/commentstore.h"
#include "store/project.h"
#include "store/projectsettings.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFont>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

class TestInsightsChoices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void newCausesTagged();
    void failedCriteria();
    void funnelShowsNames();
    void baselineChooser();
    void otherLanguagesLeftOut();
    void rescoreOfferedAcrossAVersionChange();
    void screenshots();

private:
    QTableView *table(const QString &name) const { return m_page->findChild<QTableView *>(name); }
    QComboBox *combo(const QString &name) const { return m_page->findChild<QComboBox *>(name); }
    QVariant value(const QString &tableName, int row, int column, int role = Qt::UserRole) const
    {
        const QAbstractItemModel *m = table(tableName)->model();
        return m->data(m->index(row, column), role);
    }
    bool recompute()
    {
        QSignalSpy computed(m_page.get(), &InsightsPage::computed);
        return computed.wait(120000);
    }
    // The texts a chart draws, with their colours.
    static QList<QPair<QString, QColor>> texts(const ChartPreview *preview)
    {
        QList<QPair<QString, QColor>> out;
        if (const ChartScene *chart = preview->chart())
            for (QGraphicsItem *item : chart->scene()->items())
                if (auto *t = dynamic_cast<QGraphicsSimpleTextItem *>(item))
                    out << qMakePair(t->text(), t->brush().color());
        return out;
    }
    bool exec(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(m_project->database());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec())
            qWarning() << q.lastError().text();
        return q.isActive();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    std::unique_ptr<InsightsPage> m_page;
    QList<QAbstractItemModelTester *> m_testers;
};

void TestInsightsChoices::initTestCase()
{
    ProjectError perr;
    m_project = Project::create(m_dir.filePath(QStringLiteral("choices.qlens")), false, &perr);
    QVERIFY2(m_project, qPrintable(perr.message));
    // Twelve months, so that scorecard version 2 (from 2026-05-01) begins inside the charted range.
    DemoOptions o;
    o.agents = 20;
    o.months = 12;
    o.auditsPerAgentMonth = 6;
    QString error;
    QVERIFY2(generateDemo(*m_project, o, {}, &error), qPrintable(error));
    m_page = std::make_unique<InsightsPage>();
    for (QTableView *view : m_page->findChildren<QTableView *>())
        m_testers << new QAbstractItemModelTester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                                  this);
    m_page->resize(1400, 900);
    m_page->show();
    QSignalSpy computed(m_page.get(), &InsightsPage::computed);
    m_page->setProject(m_project.get());
    QVERIFY(computed.wait(120000));
    QVERIFY(m_page->data());
}

void TestInsightsChoices::cleanupTestCase()
{
    if (m_page)
        m_page->setProject(nullptr);
    m_page.reset();
}

void TestInsightsChoices::newCausesTagged()
{
    const QColor signal = ChartTheme::named(QStringLiteral("light")).bad;
    const QStringList months = m_page->data()->months;
    // In the first month of the data every cause is new (nothing before it): each category of both
    // Paretos is tagged, the chart draws the tags, and the table marks them.
    combo(QStringLiteral("current"))->setCurrentIndex(0);
    QVERIFY(recompute());
    QCOMPARE(m_page->data()->current, months.first());
    for (const auto &[name, tableName, chart, pareto] :
         {std::tuple{QStringLiteral("reasons"), QStringLiteral("reasonsTable"), &m_page->data()->reasonsChart,
                     &m_page->data()->reasons},
          std::tuple{QStringLiteral("rootCauses"), QStringLiteral("rootCausesTable"), &m_page->data()->rootCausesChart,
                     &m_page->data()->rootCauses}}) {
        QVERIFY(chart->data && *pareto && !(*pareto)->items.isEmpty());
        QCOMPARE(chart->data->categoryTags.size(), chart->data->categories.size());
        for (const QString &tag : chart->data->categoryTags)
            QCOMPARE(tag, QStringLiteral("NEW"));
        // Under each straight label in the signal colour, or at the end of a turned one.
        int drawn = 0;
        for (const auto &[text, colour] : texts(m_page->chart(name)))
            drawn += (text == QStringLiteral("NEW") && colour == signal) || text.endsWith(QStringLiteral(" · NEW"));
        const int n = int(chart->data->categories.size());
        QCOMPARE(drawn, n <= 15 ? n : 14); // a slide shows 15 bars, or 14 and "N others"
        QVERIFY(chart->data->notes.join(QLatin1Char(' ')).contains(QStringLiteral("NEW: absent")));
        for (int r = 0; r < table(tableName)->model()->rowCount(); ++r) {
            QCOMPARE(value(tableName, r, 5, Qt::DisplayRole).toString(), QStringLiteral("new"));
            QVERIFY(value(tableName, r, 5, Qt::FontRole).value<QFont>().bold());
            QCOMPARE(value(tableName, r, 0, Qt::ForegroundRole).value<QBrush>().color(), signal);
        }
    }
    // In the last month the tags follow the engine's new/recurring, category by category, and
    // recurring causes are drawn plain.
    combo(QStringLiteral("current"))->setCurrentIndex(combo(QStringLiteral("current"))->count() - 1);
    QVERIFY(recompute());
    const rca::Pareto &reasons = *m_page->data()->reasons;
    const ChartData &data = *m_page->data()->reasonsChart.data;
    int tagged = 0;
    for (int i = 0; i < data.categories.size(); ++i) {
        const auto it = std::find_if(reasons.items.cbegin(), reasons.items.cend(),
                                     [&](const rca::ParetoItem &item) { return item.label == data.categories[i]; });
        QVERIFY(it != reasons.items.cend());
        QCOMPARE(data.categoryTags.value(i), it->isNew ? QStringLiteral("NEW") : QString());
        tagged += it->isNew;
    }
    int drawn = 0;
    for (const auto &[text, colour] : texts(m_page->chart(QStringLiteral("reasons"))))
        drawn += text == QStringLiteral("NEW") || text.endsWith(QStringLiteral(" · NEW"));
    QCOMPARE(drawn, tagged);
    for (int r = 0; r < table(QStringLiteral("reasonsTable"))->model()->rowCount(); ++r)
        QCOMPARE(value(QStringLiteral("reasonsTable"), r, 5, Qt::FontRole).value<QFont>().bold(),
                 value(QStringLiteral("reasonsTable"), r, 5, Qt::DisplayRole).toString() == QStringLiteral("new"));
}

void TestInsightsChoices::failedCriteria()
{
    const InsightsData &d = *m_page->data();
    QVERIFY2(d.pointsLost, qPrintable(d.pointsLostError));
    // The engine run directly gives the same numbers.
    QString error;
    const auto audits = CubeBuilder::build(m_project->database(), PivotSource::Audits, {}, &error);
    const auto answers = CubeBuilder::build(m_project->database(), PivotSource::Answers, {}, &error, audits);
    QVERIFY2(answers, qPrintable(error));
    const auto expected = rca::PointsLostBuilder::build(m_project->database(), *answers, *rca::Period::parse(d.current),
                                                        {}, PivotOptions::fromProject(m_project->database()), &error);
    QVERIFY2(expected, qPrintable(error));
    QCOMPARE(d.pointsLost->audits, expected->audits);
    QCOMPARE(d.pointsLost->failed, expected->failed);
    QVERIFY(qAbs(d.pointsLost->total - expected->total) < 1e-6);
    // An independent oracle: an audit's points lost add up to 100 − its raw score (scoring.md), so the
    // month's total is Σ (100 − raw_score) over its audits with a score.
    QSqlQuery q(m_project->database());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*), sum(100 - raw_score) FROM audits WHERE raw_score IS NOT NULL "
                                  "AND substr(date, 1, 7) = '%1'")
                       .arg(d.current)));
    QVERIFY(q.next());
    QCOMPARE(d.pointsLost->audits, q.value(0).toLongLong());
    QVERIFY2(qAbs(d.pointsLost->total - q.value(1).toDouble()) < 1e-3,
             qPrintable(QStringLiteral("%1 against %2").arg(d.pointsLost->total).arg(q.value(1).toDouble())));

    // The tab: one row per criterion, by points lost; its columns add up to the totals.
    const QString t = QStringLiteral("failedTable");
    QCOMPARE(table(t)->model()->rowCount(), d.pointsLost->criteria.size());
    double lost = 0;
    qint64 failed = 0;
    for (int r = 0; r < table(t)->model()->rowCount(); ++r) {
        lost += value(t, r, 3).toDouble();
        failed += value(t, r, 1).toLongLong();
        if (r > 0)
            QVERIFY(value(t, r, 3).toDouble() <= value(t, r - 1, 3).toDouble());
    }
    QVERIFY(qAbs(lost - d.pointsLost->total) < 1e-6);
    QCOMPARE(failed, d.pointsLost->failed);
    // Both Paretos are drawn, side by side, from the same numbers.
    QVERIFY(m_page->chart(QStringLiteral("failedCriteria"))->chart());
    QVERIFY(m_page->chart(QStringLiteral("pointsLost"))->chart());
    QCOMPARE(d.pointsLostChart.data->pareto.total, d.pointsLost->total);
    QCOMPARE(qint64(d.failedChart.data->pareto.total), d.pointsLost->failed);
    // Both by the criterion's name (docs/charts.md "Criteria by name"), the key kept beside it.
    const QString top = d.pointsLostChart.data->categories.first();
    QCOMPARE(value(t, 0, 0, Qt::ToolTipRole).toString(), top);
    QCOMPARE(value(t, 0, 0, Qt::DisplayRole).toString(), d.criterionNames.value(top));
    QCOMPARE(d.pointsLostChart.data->displayCategories.first(), d.criterionNames.value(top));
    QVERIFY(!d.criterionNames.value(top).isEmpty() && d.criterionNames.value(top) != top);
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("failedNote"))->text().contains(d.current));
}

void TestInsightsChoices::funnelShowsNames()
{
    QHash<QString, QString> names;
    QSqlQuery q(m_project->database());
    QVERIFY(q.exec(QStringLiteral("SELECT agent_key, name FROM agents")));
    while (q.next())
        names.insert(q.value(0).toString(), q.value(1).toString());
    auto check = [&](const std::function<QString(const QString &)> &expected) {
        const auto &data = m_page->data()->funnelChart.data;
        QVERIFY2(data && data->funnel, qPrintable(m_page->data()->funnelChart.error));
        QCOMPARE(data->displayCategories.size(), data->categories.size());
        QStringList flagged;
        for (int i = 0; i < data->categories.size(); ++i) {
            QCOMPARE(data->displayCategories[i], expected(data->categories[i]));
            if (data->funnel->status[i] == stats::FunnelStatus::ToWatch ||
                data->funnel->status[i] == stats::FunnelStatus::NeedsAttention)
                flagged << data->displayCategories[i];
        }
        // The demo plants a low agent: someone is flagged, and labelled on the chart and in the
        // signals table by that label.
        QVERIFY(!flagged.isEmpty());
        QStringList drawn;
        for (const auto &[text, colour] : texts(m_page->chart(QStringLiteral("funnel"))))
            drawn << text;
        QStringList listed;
        const QAbstractItemModel *m = table(QStringLiteral("signalsTable"))->model();
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->data(m->index(r, 0)).toString() == QStringLiteral("funnel"))
                listed << m->data(m->index(r, 1)).toString();
        QCOMPARE(listed, flagged);
        // The chart names the furthest out (up to eight, where there is room): by these labels.
        QVERIFY(std::any_of(flagged.cbegin(), flagged.cend(), [&](const QString &f) { return drawn.contains(f); }));
        for (const QString &id : data->categories)
            QVERIFY2(!drawn.contains(id) || expected(id) == id, qPrintable(id));
    };
    // Names by default.
    check([&](const QString &id) { return names.value(id); });
    // Pseudonyms when the project says so: never the name, never the id.
    QString error;
    QVERIFY2(ProjectSettings(m_project->database()).setValue(ProjectSettings::NameDisplay, QStringLiteral("pseudonyms"),
                                                            QStringLiteral("test"), &error),
             qPrintable(error));
    m_page->refresh();
    QVERIFY(recompute());
    const QByteArray key = AgentNames::projectKey(m_project->database(), &error);
    QVERIFY(!key.isEmpty());
    check([&](const QString &id) { return AgentNames::pseudonym(key, id); });
    // The Drivers tab's QA-against-CSAT quadrant shows agents the same way: no name, no id.
    const auto &quadrant = m_page->data()->quadrantChart.data;
    QVERIFY2(quadrant && !quadrant->categories.isEmpty(), qPrintable(m_page->data()->quadrantChart.error));
    for (const QString &c : quadrant->categories)
        QVERIFY2(c.startsWith(QStringLiteral("Agent ")) && !names.values().contains(c) && !names.contains(c),
                 qPrintable(c));
    QVERIFY(ProjectSettings(m_project->database()).setValue(ProjectSettings::NameDisplay, QStringLiteral("ids"),
                                                            QStringLiteral("test"), &error));
    m_page->refresh();
    QVERIFY(recompute());
    check([](const QString &id) { return id; });
    QVERIFY(ProjectSettings(m_project->database()).setValue(ProjectSettings::NameDisplay, QStringLiteral("names"),
                                                            QStringLiteral("test"), &error));
    m_page->refresh();
    QVERIFY(recompute());
}

void TestInsightsChoices::baselineChooser()
{
    auto *from = combo(QStringLiteral("baselineFrom"));
    auto *to = combo(QStringLiteral("baselineTo"));
    auto *keep = m_page->findChild<QCheckBox *>(QStringLiteral("keepBaseline"));
    QVERIFY(from && to && keep);
    const auto *data = &*m_page->data()->controlChart.data;
    QVERIFY(data->pChart);
    const QStringList periods = data->categories;
    QCOMPARE(periods.size(), 12);
    QCOMPARE(from->count(), 13); // the default and each period
    QCOMPARE(to->itemData(12).toString(), periods.last());
    // The default: version 2 begins in 2026-05, where the limits restart.
    const int may = int(periods.indexOf(QStringLiteral("2026-05")));
    QVERIFY(may > 0);
    QCOMPARE(data->pChart->phaseStarts, (QList<int>{0, may}));

    // Keeping one baseline across the version change: one phase, all but the latest period.
    keep->setChecked(true);
    QVERIFY(recompute());
    data = &*m_page->data()->controlChart.data;
    QCOMPARE(data->pChart->phaseStarts, QList<int>{0});
    QCOMPARE(data->pChart->baselineFirst, 0);
    QCOMPARE(data->pChart->baselineLast, 10);

    // A window of the first three periods: the limits come from them alone, marked provisional.
    from->setCurrentIndex(from->findData(periods.at(0)));
    QVERIFY(recompute());
    to->setCurrentIndex(to->findData(periods.at(2)));
    QVERIFY(recompute());
    data = &*m_page->data()->controlChart.data;
    QVERIFY(data->pChart);
    QCOMPARE(data->pChart->baselineFirst, 0);
    QCOMPARE(data->pChart->baselineLast, 2);
    QVERIFY(data->pChart->provisional);
    // p̄ = Σx / Σn over the three points (x = the rate × n, as counts).
    const ChartSeries &s = data->series.first();
    double x = 0, n = 0;
    for (int i = 0; i < 3; ++i) {
        x += std::round(s.values[i] / 100.0 * double(s.n[i]));
        n += double(s.n[i]);
    }
    QVERIFY2(qAbs(data->pChart->centre - x / n) < 1e-12, qPrintable(QString::number(data->pChart->centre)));
    QVERIFY(data->notes.join(QLatin1Char(' ')).contains(QStringLiteral("provisional")));
    QCOMPARE(from->currentData().toString(), periods.at(0)); // the choice survives the recomputation

    // A window that holds no period is refused with a message on the chart, and can be undone.
    from->setCurrentIndex(from->findData(periods.at(5)));
    QVERIFY(recompute());
    QVERIFY(!m_page->data()->controlChart.data);
    QVERIFY(m_page->chart(QStringLiteral("control"))->message().contains(QStringLiteral("baseline")));
    // Another period kind starts from the default window again.
    combo(QStringLiteral("controlPeriod"))->setCurrentIndex(1);
    QVERIFY(recompute());
    QCOMPARE(from->currentIndex(), 0);
    QCOMPARE(to->currentIndex(), 0);
    QVERIFY(m_page->data()->controlChart.data);
    combo(QStringLiteral("controlPeriod"))->setCurrentIndex(0);
    QVERIFY(recompute());
    keep->setChecked(false);
    QVERIFY(recompute());
}

void TestInsightsChoices::otherLanguagesLeftOut()
{
    // The demo's comments are all English.
    QVERIFY(m_page->data()->otherLanguages.isEmpty());
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("languageNote"))->text().startsWith(QStringLiteral("No comment")));
    QVERIFY(combo(QStringLiteral("themeLanguage"))->isHidden());

    QString error;
    const auto comments = CommentStore::customerComments(m_project->database(), {}, {}, &error);
    QVERIFY2(comments && comments->size() > 10, qPrintable(error));
    // Three comments rewritten in Spanish are recognised, counted and left out.
    QSet<qint64> spanish;
    for (int i = 0; i < 3; ++i) {
        spanish.insert(comments->at(i).id);
        QVERIFY(exec(QStringLiteral("UPDATE csat_responses SET comment = ? WHERE id = ?"),
                     {QStringLiteral("No me ayudaron con el reembolso, muy mal servicio"), comments->at(i).id}));
    }
    m_page->reloadData();
    QVERIFY(recompute());
    QCOMPARE(m_page->data()->otherLanguages, (QMap<QString, qint64>{{QStringLiteral("es"), 3}}));
    QList<StoredComment> english;
    const auto all = CommentStore::customerComments(m_project->database(), {}, {}, &error);
    QVERIFY2(all, qPrintable(error));
    for (const StoredComment &c : *all)
        if (!spanish.contains(c.id))
            english << c;
    const rca::ThemesResult expected = rca::Themes::rank(rca::Themes::documents(english), rca::Themes::englishStopWords());
    QCOMPARE(m_page->data()->themes.focusDocuments, expected.focusDocuments);
    QCOMPARE(m_page->data()->themes.referenceDocuments, expected.referenceDocuments);
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("languageNote"))->text().startsWith(
        QStringLiteral("Left out: 3 comments in other languages (es 3)")));

    // A language column in the data: its value decides (English comments declared French are left
    // out too), and a language filter appears with its values.
    QVERIFY(exec(QStringLiteral("INSERT INTO custom_dimensions(name) VALUES ('language')")));
    for (int i = 3; i < 8; ++i)
        QVERIFY(exec(QStringLiteral("INSERT INTO csat_dimensions(response_id, dimension_id, value) "
                                    "SELECT ?, id, 'fr' FROM custom_dimensions WHERE name = 'language'"),
                     {comments->at(i).id}));
    QVERIFY(exec(QStringLiteral("INSERT INTO csat_dimensions(response_id, dimension_id, value) "
                                "SELECT ?, id, 'en' FROM custom_dimensions WHERE name = 'language'"),
                 {comments->at(8).id}));
    m_page->reloadData();
    QVERIFY(recompute());
    QCOMPARE(m_page->data()->languageDimension, QStringLiteral("language"));
    QCOMPARE(m_page->data()->declaredLanguages, 6);
    QCOMPARE(m_page->data()->otherLanguages,
             (QMap<QString, qint64>{{QStringLiteral("es"), 3}, {QStringLiteral("fr"), 5}}));
    auto *language = combo(QStringLiteral("themeLanguage"));
    QVERIFY(!language->isHidden()); // shown (its tab may not be the current one)
    QCOMPARE(language->count(), 3); // all, en, fr
    // Only French comments: all of them left out, nothing ranked, and the note says why.
    language->setCurrentIndex(language->findData(QStringLiteral("fr")));
    QVERIFY(recompute());
    QCOMPARE(m_page->data()->otherLanguages, (QMap<QString, qint64>{{QStringLiteral("fr"), 5}}));
    QCOMPARE(m_page->data()->themes.focusDocuments + m_page->data()->themes.referenceDocuments, 0);
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("languageNote"))->text().contains(QStringLiteral("English stop-word list")));
    language->setCurrentIndex(0);
    QVERIFY(recompute());
}

// What changed across the demo's scorecard version change (version 2 from 2026-05-01) warns and
// offers the what-if of the base period (analysis.md "What changed": re-score the base period
// under the current version); within one version it offers nothing.
void TestInsightsChoices::rescoreOfferedAcrossAVersionChange()
{
    QPushButton *rescore = m_page->rescoreBaseButton();
    QVERIFY(rescore);
    QComboBox *metric = combo(QStringLiteral("metric"));
    const int csat = metric->currentIndex();
    metric->setCurrentIndex(metric->findData(QStringLiteral("qa_score"))); // CSAT has no scorecard
    auto choose = [&](const QString &base, const QString &current) {
        combo(QStringLiteral("base"))->setCurrentIndex(combo(QStringLiteral("base"))->findText(base));
        combo(QStringLiteral("current"))->setCurrentIndex(combo(QStringLiteral("current"))->findText(current));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->data() && m_page->data()->base == base &&
                                     m_page->data()->current == current,
                                 120000);
    };
    choose(QStringLiteral("2026-08"), QStringLiteral("2026-09"));
    QVERIFY(m_page->data()->whatChanged && m_page->data()->whatChanged->warnings.isEmpty());
    QVERIFY(rescore->isHidden());
    choose(QStringLiteral("2026-04"), QStringLiteral("2026-05"));
    QVERIFY(m_page->data()->whatChanged);
    QCOMPARE(m_page->data()->whatChanged->warnings.size(), 1);
    QVERIFY(m_page->data()->whatChanged->warnings.first().contains(QStringLiteral("scorecard version changed")));
    QVERIFY(!rescore->isHidden());
    rescore->click();
    auto *dialog = m_page->findChild<WhatIfDialog *>();
    QVERIFY(dialog);
    // The base period, April 2026, for all agents.
    QCOMPARE(dialog->fromEdit()->date(), QDate(2026, 4, 1));
    QCOMPARE(dialog->toEdit()->date(), QDate(2026, 4, 30));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 60000);
    if (const QString out = qEnvironmentVariable("QL_INSIGHTS_SCREENSHOT_DIR"); !out.isEmpty()) {
        m_page->grab().save(QDir(out).filePath(QStringLiteral("insights-rescore.png")));
        dialog->grab().save(QDir(out).filePath(QStringLiteral("insights-rescore-whatif.png")));
    }
    dialog->close();
    QTRY_VERIFY(!m_page->findChild<WhatIfDialog *>());
    metric->setCurrentIndex(csat);
    QVERIFY(recompute());
}

// With QL_INSIGHTS_SCREENSHOT_DIR set: the Reasons, Control charts and Failed criteria tabs on a
// 60-agent demo (a year, the default audits), saved there as choices-N.png, and their charts.
void TestInsightsChoices::screenshots()
{
    const QString out = qEnvironmentVariable("QL_INSIGHTS_SCREENSHOT_DIR");
    if (out.isEmpty())
        QSKIP("QL_INSIGHTS_SCREENSHOT_DIR is not set");
    ProjectError perr;
    auto project = Project::create(m_dir.filePath(QStringLiteral("demo.qlens")), false, &perr);
    QVERIFY2(project, qPrintable(perr.message));
    QString error;
    DemoOptions options;
    options.agents = 60;
    QVERIFY2(generateDemo(*project, options, {}, &error), qPrintable(error));
    InsightsPage page;
    page.resize(1600, 1000);
    page.show();
    QSignalSpy computed(&page, &InsightsPage::computed);
    page.setProject(project.get());
    QVERIFY(computed.wait(300000));
    auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("insightsTabs"));
    for (int i : {2, 4, 5}) {
        tabs->setCurrentIndex(i);
        QTest::qWait(50);
        QVERIFY(page.grab().save(QDir(out).filePath(QStringLiteral("choices-%1.png").arg(i + 1))));
    }
    for (const QString &name : {QStringLiteral("reasons"), QStringLiteral("rootCauses"), QStringLiteral("funnel"),
                                QStringLiteral("control"), QStringLiteral("failedCriteria"), QStringLiteral("pointsLost")})
        QVERIFY2(page.exportChart(name, QDir(out).filePath(name + QStringLiteral(".png")), 1, &error), qPrintable(error));
    // The first month: every cause new.
    auto *current = page.findChild<QComboBox *>(QStringLiteral("current"));
    current->setCurrentIndex(0);
    QVERIFY(computed.wait(300000));
    QVERIFY(page.exportChart(QStringLiteral("rootCauses"), QDir(out).filePath(QStringLiteral("rootCauses-first.png")), 1,
                             &error));
    page.setProject(nullptr);
}

QTEST_MAIN(TestInsightsChoices)
#include "tst_insightschoices.moc"
