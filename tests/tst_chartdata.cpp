// SPDX-License-Identifier: GPL-3.0-or-later
// Chart numbers on the mini project, worked out by hand: the box plot of qa_score reads the audits
// the KPI counts (no superseded, incomplete or uncounted audit), and a control chart's baseline
// window and restart point come from its spec (analysis.md "Baseline").
#include "chart/chartloader.h"
#include "chart/chartspec.h"
#include "export/agentnames.h"
#include "miniproject.h"
#include "pivot/cubebuilder.h"
#include "pivot/pivotengine.h"
#include "store/projectsettings.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ql;
using test::MiniProject;

namespace {

ChartSpec specOf(const char *json)
{
    QString error;
    const auto spec = ChartSpec::fromJson(QByteArray(json), &error);
    if (!spec)
        qFatal("test spec does not parse: %s", qPrintable(error));
    return *spec;
}

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

} // namespace

class TestChartData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void boxReadsTheKpiAudits();
    void controlBaselineAndRestart_data();
    void controlBaselineAndRestart();
    void controlRefusals_data();
    void controlRefusals();
    void footnoteNamesEveryBaseline();
    void footnoteNIsTheKpis_data();
    void footnoteNIsTheKpis();
    void criteriaShownByName();
    void footnoteFiltersFollowTheNameDisplay();

private:
    std::optional<ChartData> load(const ChartSpec &spec, QString *error) const
    {
        return ChartLoader(m_mini->db()).load(spec, error);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MiniProject> m_mini;
};

// Ann (AG1), January 2026, all random unless said:
//   Critical 0, Weak 60, Good 80, Perfect 100              — the KPI's audits
//   Perfect 100, superseded by the Weak one                — not official
//   Perfect 100, incomplete                                — left out of KPIs
//   Perfect 100, sample type self                          — not a counted type
// Bob (AG2), January: Good 80, Weak 60.
// Cid (AG3), one random audit a month, Jan–Aug 2026: 80, 60, 80, 100, 80, 60, 80, 100
// (Good, Weak, Good, Perfect, …): every moving range is 20.
void TestChartData::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_mini = std::make_unique<MiniProject>(m_dir.filePath(QStringLiteral("chartdata.qlens")));
    QVERIFY2(m_mini->error().isEmpty(), qPrintable(m_mini->error()));
    const QDate jan(2026, 1, 5);
    QVERIFY(m_mini->addAudit(QStringLiteral("A1"), MiniProject::Critical, QStringLiteral("AG1"), jan));
    const qint64 weak = m_mini->addAudit(QStringLiteral("A2"), MiniProject::Weak, QStringLiteral("AG1"), jan.addDays(1));
    QVERIFY(weak);
    QVERIFY(m_mini->addAudit(QStringLiteral("A3"), MiniProject::Good, QStringLiteral("AG1"), jan.addDays(2)));
    QVERIFY(m_mini->addAudit(QStringLiteral("A4"), MiniProject::Perfect, QStringLiteral("AG1"), jan.addDays(3)));
    const qint64 superseded =
        m_mini->addAudit(QStringLiteral("A5"), MiniProject::Perfect, QStringLiteral("AG1"), jan.addDays(4));
    const qint64 incomplete =
        m_mini->addAudit(QStringLiteral("A6"), MiniProject::Perfect, QStringLiteral("AG1"), jan.addDays(5));
    QVERIFY(superseded && incomplete);
    QVERIFY(m_mini->addAudit(QStringLiteral("A7"), MiniProject::Perfect, QStringLiteral("AG1"), jan.addDays(6),
                             QStringLiteral("QA1"), QStringLiteral("self")));
    QSqlQuery q(m_mini->db());
    QVERIFY(q.exec(QStringLiteral("UPDATE audits SET superseded_by = %1 WHERE id = %2").arg(weak).arg(superseded)));
    QVERIFY(q.exec(QStringLiteral("UPDATE audits SET incomplete = 1 WHERE id = %1").arg(incomplete)));
    QVERIFY(m_mini->addAudit(QStringLiteral("B1"), MiniProject::Good, QStringLiteral("AG2"), jan));
    QVERIFY(m_mini->addAudit(QStringLiteral("B2"), MiniProject::Weak, QStringLiteral("AG2"), jan.addDays(1)));
    const MiniProject::Pattern cid[] = {MiniProject::Good, MiniProject::Weak,    MiniProject::Good, MiniProject::Perfect,
                                        MiniProject::Good, MiniProject::Weak,    MiniProject::Good, MiniProject::Perfect};
    for (int m = 0; m < 8; ++m)
        QVERIFY(m_mini->addAudit(QStringLiteral("C%1").arg(m + 1), cid[m], QStringLiteral("AG3"), QDate(2026, m + 1, 10)));
}

// Type-7 percentiles, h = (n − 1) p, between the sorted values x_⌊h⌋ and x_⌊h⌋+1:
//   Ann {0, 60, 80, 100}: p10 h 0.3 → 18; p25 h 0.75 → 45; median h 1.5 → 70; p75 h 2.25 → 85;
//   p90 h 2.7 → 94; mean 60. With the superseded and incomplete 100s (the bug) the median was 90.
//   Bob {60, 80}: p10 62, p25 65, median 70, p75 75, p90 78, mean 70.
void TestChartData::boxReadsTheKpiAudits()
{
    QString error;
    const ChartSpec spec = specOf(R"({"type": "box", "pivot": {"rows": ["agent"], "measures": ["qa_score"],
        "filters": {"agent": {"in": ["AG1", "AG2"]}}}})");
    const auto d = load(spec, &error);
    QVERIFY2(d, qPrintable(error));
    QCOMPARE(d->categories, (QStringList{QStringLiteral("AG1"), QStringLiteral("AG2")}));
    QCOMPARE(d->boxes.size(), 2);
    const stats::BoxSummary &ann = d->boxes[0];
    QCOMPARE(ann.n, qint64(4));
    QVERIFY2(near(ann.low, 18) && near(ann.q1, 45) && near(ann.median, 70) && near(ann.q3, 85) && near(ann.high, 94),
             qPrintable(QStringLiteral("%1 %2 %3 %4 %5").arg(ann.low).arg(ann.q1).arg(ann.median).arg(ann.q3).arg(ann.high)));
    QVERIFY(near(ann.mean, 60));
    const stats::BoxSummary &bob = d->boxes[1];
    QCOMPARE(bob.n, qint64(2));
    QVERIFY(near(bob.low, 62) && near(bob.q1, 65) && near(bob.median, 70) && near(bob.q3, 75) && near(bob.high, 78));
    QVERIFY(near(bob.mean, 70));
    // The footnote's n is the KPI's n (4 + 2), not the 9 audits of Ann and Bob.
    QCOMPARE(d->facts, qint64(6));
    QVERIFY(d->footnote().contains(QStringLiteral("n = 6 audits")));

    // The same audits as the KPI: the box's dot is qa_score, its n the audits measure.
    PivotSpec kpi = spec.pivot;
    kpi.measures = {QStringLiteral("qa_score"), QStringLiteral("audits")};
    auto cube = CubeBuilder::build(m_mini->db(), PivotSource::Audits, {}, &error);
    QVERIFY2(cube, qPrintable(error));
    const auto r = PivotEngine::compute(*cube, kpi, PivotOptions::fromProject(m_mini->db()), &error);
    QVERIFY2(r, qPrintable(error));
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(r->row(i).labels.first(), d->categories[i]);
        QVERIFY(near(r->value(i, 0, 0)->value, d->boxes[i].mean));
        QCOMPARE(qint64(r->value(i, 0, 1)->value), d->boxes[i].n);
    }

    // A plain pivot's percentiles still read every audit that passes the filters (the option is the
    // chart's): Ann's median of all 7 scored audits {0, 60, 80, 100, 100, 100, 100} is 100.
    PivotSpec all = spec.pivot;
    all.measures = {QStringLiteral("median(score)")};
    const auto plain = PivotEngine::compute(*cube, all, PivotOptions::fromProject(m_mini->db()), &error);
    QVERIFY2(plain, qPrintable(error));
    QCOMPARE(plain->value(0, 0, 0)->value, 100.0);
}

// Cid's XmR of qa_score by month, x = 80, 60, 80, 100, 80, 60, 80, 100 (Jan–Aug), mR̄ = 20:
//   default baseline Jan–Jul: x̄ = 540 / 7 = 77.142857…
//   baseline Feb–May: x̄ = (60 + 80 + 100 + 80) / 4 = 80, UNPL 80 + 2.66 × 20 = 133.2
//   restart at May, default baseline: the last phase May–Aug sets its limits from May–Jul,
//   x̄ = (80 + 60 + 80) / 3 = 73.333…; the first phase Jan–Apr: (80 + 60 + 80 + 100) / 4 = 80.
void TestChartData::controlBaselineAndRestart_data()
{
    QTest::addColumn<QByteArray>("control");
    QTest::addColumn<double>("centre");
    QTest::addColumn<int>("baselineFirst");
    QTest::addColumn<int>("baselineLast");
    QTest::addColumn<QList<int>>("phaseStarts");
    QTest::addColumn<QString>("note");
    QTest::newRow("default") << QByteArray() << 540.0 / 7 << 0 << 6 << QList<int>{0}
                             << QStringLiteral("baseline Jan 2026 – Jul 2026 (provisional");
    QTest::newRow("baseline Feb–May") << QByteArray(R"(, "control": {"baseline": {"from": "2026-02", "to": "2026-05"}})")
                                      << 80.0 << 1 << 4 << QList<int>{0}
                                      << QStringLiteral("baseline Feb 2026 – May 2026 (provisional");
    QTest::newRow("restart at May") << QByteArray(R"(, "control": {"restart": "2026-05"})") << 220.0 / 3 << 4 << 6
                                    << QList<int>{0, 4} << QStringLiteral("limits restart in May 2026 (chosen)");
    // An open end ends where the default does, before the latest period: Mar–Jul, 400 / 5 = 80.
    QTest::newRow("baseline from Mar, open end") << QByteArray(R"(, "control": {"baseline": {"from": "2026-03"}})")
                                                 << 80.0 << 2 << 6 << QList<int>{0}
                                                 << QStringLiteral("baseline Mar 2026 – Jul 2026");
    // Restart at May with the baseline Feb–Jul: each phase takes the part of the window it holds,
    // Feb–Apr (60 + 80 + 100) / 3 = 80 and May–Jul (80 + 60 + 80) / 3 = 73.333….
    QTest::newRow("restart at May, baseline Feb–Jul")
        << QByteArray(R"(, "control": {"baseline": {"from": "2026-02", "to": "2026-07"}, "restart": "2026-05"})")
        << 220.0 / 3 << 4 << 6 << QList<int>{0, 4} << QStringLiteral("limits restart in May 2026 (chosen)");
}

void TestChartData::controlBaselineAndRestart()
{
    QFETCH(QByteArray, control);
    QFETCH(double, centre);
    QFETCH(int, baselineFirst);
    QFETCH(int, baselineLast);
    QFETCH(QList<int>, phaseStarts);
    QFETCH(QString, note);
    QString error;
    const QByteArray json = R"({"type": "xmr", "pivot": {"rows": ["month"], "measures": ["qa_score"],
        "filters": {"agent": {"in": ["AG3"]}}})" + control + "}";
    const auto spec = ChartSpec::fromJson(json, &error);
    QVERIFY2(spec, qPrintable(error));
    QCOMPARE(*ChartSpec::fromJson(spec->toJson(), &error), *spec); // the control survives a save
    const auto d = load(*spec, &error);
    QVERIFY2(d, qPrintable(error));
    QVERIFY(d->xmr);
    const stats::XmrChart &x = *d->xmr;
    QCOMPARE(x.x, (QList<double>{80, 60, 80, 100, 80, 60, 80, 100}));
    QVERIFY2(near(x.centre, centre), qPrintable(QString::number(x.centre, 'g', 17)));
    QVERIFY(near(x.meanMovingRange, 20));
    QVERIFY(near(x.upper, centre + 2.66 * 20));
    QCOMPARE(x.baselineFirst, baselineFirst);
    QCOMPARE(x.baselineLast, baselineLast);
    QCOMPARE(x.phaseStarts, phaseStarts);
    QCOMPARE(d->chosenRestart, phaseStarts.size() > 1 ? phaseStarts.last() : -1);
    if (phaseStarts.size() > 1) // the first phase keeps its own centre: Jan–Apr, 80
        QVERIFY(near(x.centres.first(), 80));
    QVERIFY2(d->notes.join(QStringLiteral(" | ")).contains(note), qPrintable(d->notes.join(QStringLiteral(" | "))));
}

void TestChartData::controlRefusals_data()
{
    QTest::addColumn<QByteArray>("control");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("baseline after the data") << QByteArray(R"({"baseline": {"from": "2027-01", "to": "2027-03"}})")
                                             << QStringLiteral("holds none of the periods charted (2026-01 – 2026-08)");
    QTest::newRow("restart before the first period") << QByteArray(R"({"restart": "2025-06"})")
                                                     << QStringLiteral("control.restart 2025-06");
    QTest::newRow("restart at the first period") << QByteArray(R"({"restart": "2026-01"})")
                                                 << QStringLiteral("control.restart 2026-01");
    QTest::newRow("restart after the latest") << QByteArray(R"({"restart": "2026-11"})")
                                              << QStringLiteral("control.restart 2026-11");
}

void TestChartData::controlRefusals()
{
    QFETCH(QByteArray, control);
    QFETCH(QString, mentions);
    QString error;
    const QByteArray json = R"({"type": "p-chart", "pivot": {"rows": ["month"], "measures": ["pass_rate"],
        "filters": {"agent": {"in": ["AG3"]}}}, "control": )" + control + "}";
    const auto spec = ChartSpec::fromJson(json, &error);
    QVERIFY2(spec, qPrintable(error));
    QVERIFY(!load(*spec, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

// Restart at May, default baselines (analysis.md "Baseline"): the first phase Jan–Apr takes all its
// points (the chart's latest, Aug, is not in it), the last phase May–Aug all but Aug: May–Jul. The
// footnote names both, not only the last one's.
void TestChartData::footnoteNamesEveryBaseline()
{
    QString error;
    const ChartSpec spec = specOf(R"({"type": "xmr", "pivot": {"rows": ["month"], "measures": ["qa_score"],
        "filters": {"agent": {"in": ["AG3"]}}}, "control": {"restart": "2026-05"}})");
    const auto d = load(spec, &error);
    QVERIFY2(d, qPrintable(error));
    QCOMPARE(d->xmr->phaseBaselines, (QList<std::pair<int, int>>{{0, 3}, {4, 6}}));
    const QString notes = d->notes.join(QStringLiteral(" | "));
    QVERIFY2(notes.contains(QStringLiteral("baselines Jan 2026 – Apr 2026, May 2026 – Jul 2026 (the latest provisional")),
             qPrintable(notes));

    // One phase: one baseline, said as before.
    const auto one = load(specOf(R"({"type": "p-chart", "pivot": {"rows": ["month"], "measures": ["pass_rate"],
        "filters": {"agent": {"in": ["AG3"]}}}})"), &error);
    QVERIFY2(one, qPrintable(error));
    QCOMPARE(one->pChart->phaseBaselines, (QList<std::pair<int, int>>{{0, 6}}));
    QVERIFY(one->notes.join(QStringLiteral(" | ")).contains(QStringLiteral("baseline Jan 2026 – Jul 2026")));
}

// Ann and Bob have 9 audits between them; the KPIs count 6 (Ann's 4: not the superseded, the
// incomplete or the self-assessed one; Bob's 2). A chart of a KPI says n = 6, a chart of count 9.
void TestChartData::footnoteNIsTheKpis_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("n");
    const char *agents = R"("filters": {"agent": {"in": ["AG1", "AG2"]}})";
    QTest::newRow("bar of qa_score") << (QByteArray(R"({"type": "bar", "pivot": {"rows": ["agent"], "measures": ["qa_score"], )")
                                         + agents + "}}")
                                     << qint64(6);
    QTest::newRow("line of pass_rate by month")
        << (QByteArray(R"({"type": "line", "pivot": {"rows": ["month"], "measures": ["pass_rate"], )") + agents + "}}")
        << qint64(6);
    QTest::newRow("bar of count") << (QByteArray(R"({"type": "bar", "pivot": {"rows": ["agent"], "measures": ["count"], )")
                                      + agents + "}}")
                                  << qint64(9);
}

void TestChartData::footnoteNIsTheKpis()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, n);
    QString error;
    const auto spec = ChartSpec::fromJson(json, &error);
    QVERIFY2(spec, qPrintable(error));
    const auto d = load(*spec, &error);
    QVERIFY2(d, qPrintable(error));
    QCOMPARE(d->facts, n);
    QVERIFY2(d->footnote().contains(QStringLiteral("n = %1 audits").arg(n)), qPrintable(d->footnote()));
    QCOMPARE(d->notes.join(QString()).contains(QStringLiteral("as the KPIs count them")), n == 6);
}

// Charts are read on slides: a criterion shows its name (MiniProject: verify = "Verified identity",
// disclosure = "Read the disclosure", …), while the data keeps the key an annotation or a filter
// names it by.
void TestChartData::criteriaShownByName()
{
    QString error;
    const auto bars = load(specOf(R"({"type": "bar", "pivot": {"source": "answers", "rows": ["criterion"],
        "measures": ["compliance"], "sort": {"by": "label"}}})"), &error);
    QVERIFY2(bars, qPrintable(error));
    QCOMPARE(bars->categories, (QStringList{QStringLiteral("disclosure"), QStringLiteral("resolution"),
                                            QStringLiteral("tone"), QStringLiteral("verify")}));
    QCOMPARE(bars->displayCategories, (QStringList{QStringLiteral("Read the disclosure"), QStringLiteral("Resolution"),
                                                   QStringLiteral("Tone"), QStringLiteral("Verified identity")}));

    const auto heat = load(specOf(R"({"type": "heatmap", "pivot": {"source": "answers", "rows": ["agent"],
        "cols": ["criterion"], "measures": ["compliance"], "filters": {"criterion": {"in": ["verify", "tone"]}}}})"),
                           &error);
    QVERIFY2(heat, qPrintable(error));
    QStringList names, keys;
    for (const ChartSeries &s : heat->series) {
        names << s.name;
        keys << s.key;
    }
    QCOMPARE(names, (QStringList{QStringLiteral("Tone"), QStringLiteral("Verified identity")}));
    QCOMPARE(keys, (QStringList{QStringLiteral("tone"), QStringLiteral("verify")}));
    QVERIFY(heat->series[1].is(QStringLiteral("verify")) && heat->series[1].is(QStringLiteral("Verified identity")));
    QVERIFY(!heat->series[1].is(QStringLiteral("tone")));

    // Other dimensions keep their labels.
    QCOMPARE(chartNamedLabel(QStringLiteral("North · verify"), QStringLiteral("team · criterion"),
                             {{QStringLiteral("verify"), QStringLiteral("Verified identity")}}),
             QStringLiteral("North · Verified identity"));
    QCOMPARE(chartNamedLabel(QStringLiteral("verify"), QStringLiteral("team"),
                             {{QStringLiteral("verify"), QStringLiteral("Verified identity")}}),
             QStringLiteral("verify"));
}

// Under pseudonyms (or ids) the bars hide who the agents are, so the footnote's filters must too:
// a filter written on names (Ann = AG1, Bob = AG2) is shown by the agents' pseudonyms (or ids).
void TestChartData::footnoteFiltersFollowTheNameDisplay()
{
    ProjectSettings settings(m_mini->db());
    QString error;
    auto display = [&](const char *mode) {
        return settings.setValue(ProjectSettings::NameDisplay, QString::fromLatin1(mode), QStringLiteral("test"), &error);
    };
    const ChartSpec byName = specOf(R"({"type": "bar", "pivot": {"rows": ["agent_name"], "measures": ["count"],
        "filters": {"agent_name": {"in": ["Ann", "Bob"]}}}})");
    const ChartSpec byId = specOf(R"({"type": "bar", "pivot": {"rows": ["agent"], "measures": ["count"],
        "filters": {"agent": {"not_in": ["AG3"]}}}})");

    QVERIFY2(display("pseudonyms"), qPrintable(error));
    const QByteArray key = AgentNames::projectKey(m_mini->db(), &error);
    QVERIFY2(!key.isEmpty(), qPrintable(error));
    const QString ann = AgentNames::pseudonym(key, u"AG1"), bob = AgentNames::pseudonym(key, u"AG2");
    const QString cid = AgentNames::pseudonym(key, u"AG3");
    auto d = load(byName, &error);
    QVERIFY2(d, qPrintable(error));
    QCOMPARE(d->filters, QStringLiteral("agent_name = %1, %2").arg(ann, bob));
    QVERIFY(!d->footnote().contains(QStringLiteral("Ann")) && !d->footnote().contains(QStringLiteral("AG1")));
    d = load(byId, &error);
    QVERIFY2(d, qPrintable(error));
    QCOMPARE(d->filters, QStringLiteral("agent ≠ %1").arg(cid));

    QVERIFY2(display("ids"), qPrintable(error));
    d = load(byName, &error);
    QVERIFY2(d, qPrintable(error));
    QCOMPARE(d->filters, QStringLiteral("agent_name = AG1, AG2"));

    QVERIFY2(display("names"), qPrintable(error));
    d = load(byName, &error);
    QVERIFY2(d, qPrintable(error));
    QCOMPARE(d->filters, QStringLiteral("agent_name = Ann, Bob"));

    // The chart's own "names" overrides the project's setting, both ways (ui.md "People in outputs").
    ChartSpec overridden = byName;
    overridden.names = NameDisplay::Pseudonyms;
    d = load(overridden, &error);
    QVERIFY2(d, qPrintable(error));
    QCOMPARE(d->filters, QStringLiteral("agent_name = %1, %2").arg(ann, bob));
    QCOMPARE(d->categories.size(), 2);
    for (const QString &c : d->categories)
        QVERIFY2(c == ann || c == bob, qPrintable(c)); // the bars too, not only the footnote
    QVERIFY2(display("ids"), qPrintable(error));
    overridden.names = NameDisplay::Names;
    d = load(overridden, &error);
    QVERIFY2(d, qPrintable(error));
    QCOMPARE(d->filters, QStringLiteral("agent_name = Ann, Bob"));
    QCOMPARE(d->categories, (QStringList{QStringLiteral("Ann"), QStringLiteral("Bob")}));
}

QTEST_GUILESS_MAIN(TestChartData)
#include "tst_chartdata.moc"
