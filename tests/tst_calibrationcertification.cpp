// SPDX-License-Identifier: GPL-3.0-or-later
// Certification (calibration.md "Trends, drift and graders", ui.md's defaults): alignment over
// the last N items against a threshold, and who has not calibrated in 60 days. Hand-computed
// sessions for the pure rule, then the hand-computed session of tst_calibrationmetrics closed with
// the expert's answers as consensus, read back from a project with its settings.

#include "calibration/calibrationcertification.h"
#include "store/projectsettings.h"
#include "tst_calibrationfixture.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ql;
using namespace ql::test;

namespace {

using Alignments = QList<std::optional<double>>;

ParticipantCalibration person(const QString &name, const Alignments &items)
{
    ParticipantCalibration p;
    p.name = name;
    p.itemAlignment = items;
    return p;
}

CalibrationSessionFigures closed(qint64 id, QDate date, const QList<ParticipantCalibration> &people)
{
    CalibrationSessionFigures s;
    s.info.id = id;
    s.info.date = date;
    s.info.state = CalibrationState::Closed;
    s.metrics.participants = people;
    return s;
}

// Two closed sessions, handed over newest first (the rule sorts them):
//   S1 2026-01-10: Ann 1, 1, 1          Ben 0.9, 0.8, 1
//   S2 2026-02-10: Ann 0.5, –, 0.7      Ben –, –, –   (Ben answered nothing there)
// Newest first, items from the last position back:
//   Ann: 0.7, 0.5, 1, 1, 1   (5 items; last calibrated 2026-02-10)
//   Ben: 1, 0.8, 0.9         (3 items; last calibrated 2026-01-10: S2 has no item of his)
QList<CalibrationSessionFigures> twoSessions()
{
    const std::optional<double> none;
    return {closed(2, QDate(2026, 2, 10), {person(QStringLiteral("Ann"), {0.5, none, 0.7}),
                                           person(QStringLiteral("Ben"), {none, none, none})}),
            closed(1, QDate(2026, 1, 10), {person(QStringLiteral("Ann"), {1, 1, 1}),
                                           person(QStringLiteral("Ben"), {0.9, 0.8, 1})})};
}

const GraderCertification *find(const QList<GraderCertification> &list, const QString &name)
{
    for (const GraderCertification &g : list)
        if (g.name.compare(name, Qt::CaseInsensitive) == 0)
            return &g;
    return nullptr;
}

} // namespace

class TestCalibrationCertification : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rule_data();
    void rule();
    void graderList();
    void fromProject_data();
    void fromProject();
};

void TestCalibrationCertification::rule_data()
{
    QTest::addColumn<int>("items");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<QDate>("asOf");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("counted");
    QTest::addColumn<double>("alignment"); // percent, −1 for none
    QTest::addColumn<bool>("certified");
    QTest::addColumn<int>("days"); // −1 for none
    QTest::addColumn<bool>("overdue");

    const QDate mar15(2026, 3, 15);
    // Ann's last 3: (0.7 + 0.5 + 1)/3 = 73.333%; Feb 10 → Mar 15 = 18 + 15 = 33 days.
    QTest::newRow("Ann, last 3, below 80%") << 3 << 80.0 << mar15 << "Ann" << 3 << 73.333333 << false << 33 << false;
    // Ann's last 2: (0.7 + 0.5)/2 = 60% (the newest session's items, last position first).
    QTest::newRow("Ann, last 2") << 2 << 50.0 << mar15 << "Ann" << 2 << 60.0 << true << 33 << false;
    // Ann's last 5: (0.7 + 0.5 + 1 + 1 + 1)/5 = 4.2/5 = 84% ≥ 70%.
    QTest::newRow("Ann, last 5, certified at 70%") << 5 << 70.0 << mar15 << "Ann" << 5 << 84.0 << true << 33 << false;
    // Six wanted, five there: 84% over what there is, not certified (too few items).
    QTest::newRow("Ann, 6 wanted, 5 there") << 6 << 70.0 << mar15 << "Ann" << 5 << 84.0 << false << 33 << false;
    // Ben's last 3: (1 + 0.8 + 0.9)/3 = 90% exactly reaches 90%; Jan 10 → Mar 15 = 21 + 28 + 15 = 64 > 60.
    QTest::newRow("Ben, exactly at 90%, overdue") << 3 << 90.0 << mar15 << "Ben" << 3 << 90.0 << true << 64 << true;
    // Jan 10 → Mar 11 = 21 + 28 + 11 = 60 days: not more than 60, not overdue.
    QTest::newRow("Ben, 60 days is not overdue") << 3 << 90.0 << QDate(2026, 3, 11) << "Ben" << 3 << 90.0 << true
                                                  << 60 << false;
    // Ben's last 2: the newest two of his, 1 (position 3) and 0.8 (position 2): 90% < 95%.
    QTest::newRow("Ben, last 2 at 95%") << 2 << 95.0 << mar15 << "Ben" << 2 << 90.0 << false << 64 << true;
    // Someone who never calibrated (an auditor of ordinary audits): nothing counted, overdue.
    QTest::newRow("Cy, never calibrated") << 3 << 90.0 << mar15 << "Cy" << 0 << -1.0 << false << -1 << true;
}

void TestCalibrationCertification::rule()
{
    QFETCH(int, items);
    QFETCH(double, threshold);
    QFETCH(QDate, asOf);
    QFETCH(QString, name);
    QFETCH(int, counted);
    QFETCH(double, alignment);
    QFETCH(bool, certified);
    QFETCH(int, days);
    QFETCH(bool, overdue);

    CalibrationCertificationRule rule;
    rule.items = items;
    rule.alignmentPct = threshold;
    const auto list = calibrationCertification(twoSessions(), rule, asOf, {QStringLiteral("Cy")});
    const GraderCertification *g = find(list, name);
    QVERIFY(g);
    QCOMPARE(g->items, counted);
    if (alignment < 0) {
        QVERIFY(!g->alignment);
    } else {
        QVERIFY(g->alignment);
        QVERIFY2(std::abs(*g->alignment - alignment) < 1e-4, qPrintable(QString::number(*g->alignment)));
    }
    QCOMPARE(g->certified, certified);
    QCOMPARE(g->daysSince.has_value(), days >= 0);
    if (days >= 0)
        QCOMPARE(*g->daysSince, qint64(days));
    QCOMPARE(g->overdue, overdue);
}

void TestCalibrationCertification::graderList()
{
    // Order: first appearance in the oldest session, then the added names; "ann" is Ann, not a
    // new grader; blank names are ignored.
    const auto list = calibrationCertification(twoSessions(), {}, QDate(2026, 3, 15),
                                               {QStringLiteral("ann"), QStringLiteral("Cy"), QStringLiteral(" ")});
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.at(0).name, QStringLiteral("Ann"));
    QCOMPARE(list.at(1).name, QStringLiteral("Ben"));
    QCOMPARE(list.at(2).name, QStringLiteral("Cy"));
    QCOMPARE(list.at(0).itemsAvailable, 5);
    QCOMPARE(list.at(0).lastCalibrated, QDate(2026, 2, 10));
    QCOMPARE(list.at(1).itemsAvailable, 3);
    QCOMPARE(list.at(1).lastCalibrated, QDate(2026, 1, 10));
    // The default rule (90% over 10 items): nobody has 10 items, nobody is certified.
    for (const GraderCertification &g : list)
        QVERIFY(!g.certified);
    QVERIFY(calibrationCertification({}, {}, QDate(2026, 3, 15)).isEmpty());
}

void TestCalibrationCertification::fromProject_data()
{
    QTest::addColumn<int>("items");       // certification_items
    QTest::addColumn<double>("threshold"); // certification_alignment
    QTest::addColumn<QDate>("asOf");
    QTest::addColumn<QStringList>("certified");
    QTest::addColumn<QStringList>("overdue");

    // The hand session (2026-03-18), closed with the expert's answers as consensus, so the item
    // alignments are tst_calibrationmetrics' against the expert and Cat's are 1:
    //   Cat T1 1, T2 1; Ann T1 0.875, T2 0.75; Ben T1 0.5, T2 1; Dan none.
    // Last 2 at 80%: Cat 100%, Ann (0.75 + 0.875)/2 = 81.25%, Ben (1 + 0.5)/2 = 75%.
    QTest::newRow("last 2 at 80%") << 2 << 80.0 << QDate(2026, 5, 17) << QStringList{"Cat", "Ann"}
                                   << QStringList{"Dan"};
    // Last 1 (item T2, the last position) at 80%: Cat 100%, Ann 75%, Ben 100%. Mar 18 → May 18 =
    // 13 + 30 + 18 = 61 days: everyone is overdue.
    QTest::newRow("last 1 at 80%, 61 days on") << 1 << 80.0 << QDate(2026, 5, 18) << QStringList{"Cat", "Ben"}
                                               << QStringList{"Cat", "Ann", "Ben", "Dan"};
    // The defaults (90% over 10 items): two items are not enough for anyone.
    QTest::newRow("defaults") << 0 << 0.0 << QDate(2026, 3, 18) << QStringList{} << QStringList{"Dan"};
}

void TestCalibrationCertification::fromProject()
{
    QFETCH(int, items);
    QFETCH(double, threshold);
    QFETCH(QDate, asOf);
    QFETCH(QStringList, certified);
    QFETCH(QStringList, overdue);

    QTemporaryDir dir;
    auto project = createProject(dir.filePath(QStringLiteral("cert.qlens")));
    QVERIFY(project);
    const QSqlDatabase db = project->database();
    const qint64 card = storeCard(*project);
    const HandSession h = writeHandSession(db, card);
    CalibrationReview review(db);
    QCOMPARE(review.fillConsensusFromExpert(h.sessionId).value_or(-1), 6);
    CalibrationSessions sessions(db);
    QVERIFY(!sessions.advance(h.sessionId, CalibrationState::Resolved).isError());
    QVERIFY(!sessions.advance(h.sessionId, CalibrationState::Closed).isError());

    ProjectSettings settings(db);
    if (items > 0) {
        QVERIFY(settings.setValue(ProjectSettings::CertificationItems, items, QStringLiteral("test")));
        QVERIFY(settings.setValue(ProjectSettings::CertificationAlignment, threshold, QStringLiteral("test")));
    }
    const CalibrationCertificationRule rule = calibrationCertificationRule(db);
    QCOMPARE(rule.items, items > 0 ? items : 10);
    QCOMPARE(rule.alignmentPct, items > 0 ? threshold : 90.0);
    QCOMPARE(rule.overdueDays, 60);

    CalibrationError error;
    const auto figures = closedCalibrationSessions(db, &error);
    QVERIFY2(figures, qPrintable(error.message));
    const auto list = calibrationCertification(*figures, rule, asOf);
    QStringList gotCertified;
    QStringList gotOverdue;
    for (const GraderCertification &g : list) {
        if (g.certified)
            gotCertified << g.name;
        if (g.overdue)
            gotOverdue << g.name;
    }
    QCOMPARE(gotCertified, certified);
    QCOMPARE(gotOverdue, overdue);
    const GraderCertification *ann = find(list, QStringLiteral("Ann"));
    QVERIFY(ann && ann->alignment);
    // Ann: last 2 → 81.25%; last 1 → 75%; defaults (10 wanted, 2 there) → 81.25% over 2 items.
    QCOMPARE(ann->items, items == 1 ? 1 : 2);
    QVERIFY(std::abs(*ann->alignment - (items == 1 ? 75.0 : 81.25)) < 1e-9);
    QCOMPARE(ann->lastCalibrated, QDate(2026, 3, 18));
}

QTEST_GUILESS_MAIN(TestCalibrationCertification)
#include "tst_calibrationcertification.moc"
