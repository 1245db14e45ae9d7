// SPDX-License-Identifier: GPL-3.0-or-later
// Trends across closed sessions: drift by the SPC rules of analysis.md on an XmR chart of a
// participant's signed deviation (besides the slope test), and per-criterion α over time with the
// headline α pooled over the rolling window, checked against Krippendorff's published example
// split over two sessions.

#include "calibration/calibrationmetrics.h"
#include "calibration/calibrationtrends.h"

#include <QTest>

#include <cmath>

using namespace ql;

namespace {

CalibrationSessionFigures figures(qint64 id, QDate date, const QString &name, double deviation)
{
    CalibrationSessionFigures s;
    s.info.id = id;
    s.info.date = date;
    ParticipantCalibration p;
    p.name = name;
    p.meanSignedDeviation = deviation;
    s.metrics.participants = {p};
    return s;
}

// Krippendorff (2011), section C: four observers, twelve units, values 1–5, 0 where an observer
// gave no value. Published: α ordinal 0.815.
const int kData[4][12] = {
    {1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0},
    {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3},
    {0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0},
    {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0},
};

// Units first..last (0-based, inclusive) of the example as one closed session.
CalibrationSessionData session(qint64 id, QDate date, int first, int last)
{
    CalibrationSessionData d;
    d.info.id = id;
    d.info.date = date;
    d.info.state = CalibrationState::Closed;
    d.info.scorecardName = QStringLiteral("QA");
    d.info.scorecardVersion = 1;
    Section section;
    section.name = QStringLiteral("All");
    Criterion tone;
    tone.key = QStringLiteral("tone");
    tone.name = QStringLiteral("Tone");
    tone.scale = Scale::range(1, 5);
    section.criteria << tone;
    d.card.name = QStringLiteral("QA");
    d.card.version = 1;
    d.card.sections << section;
    d.criterionIds = {1};
    for (const char *name : {"A", "B", "C", "D"})
        d.participants << CalibrationParticipant{qint64(d.participants.size() + 1), QString::fromLatin1(name), 0, false,
                                                 QStringLiteral("x"), {}};
    for (int u = first; u <= last; ++u) {
        CalibrationItem item;
        item.id = id * 100 + u;
        item.position = u - first;
        item.ticketId = QStringLiteral("U%1").arg(u + 1);
        d.items << item;
    }
    d.resetAnswers();
    for (int u = first; u <= last; ++u)
        for (int p = 0; p < 4; ++p)
            if (kData[p][u] > 0)
                d.answers[std::size_t(u - first)][std::size_t(p)][0] = CalibrationAnswer::rated(kData[p][u]);
    d.answersLoaded = true;
    return d;
}

} // namespace

class TestCalibrationTrends : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void driftByControlChart();
    void steadyIsNotFlagged();
    void pooledAlphaReproducesKrippendorff();
    void windowLeavesOldSessionsOut();
};

// Ten sessions: 0, +0.5, −0.5 three times, then +12. XmR baseline = the first nine: x̄ = 0, moving
// ranges 0.5, 1, 0.5, 0.5, 1, 0.5, 0.5, 1 → mR̄ = 5.5 / 8 = 0.6875, upper limit 2.66 × 0.6875 =
// 1.829; +12 is beyond it: drifting lenient by "beyond limit". The slope (0.636 points per
// session, t = 1.654 on 8 df, p ≈ 0.14) is not significant, so that is the only rule.
void TestCalibrationTrends::driftByControlChart()
{
    const double values[] = {0, 0.5, -0.5, 0, 0.5, -0.5, 0, 0.5, -0.5, 12};
    QList<CalibrationSessionFigures> sessions;
    for (int k = 0; k < 10; ++k)
        sessions << figures(k + 1, QDate(2026, 1, 1).addMonths(k), QStringLiteral("Ann"), values[k]);
    const auto trends = calibrationParticipantTrends(sessions);
    QCOMPARE(trends.size(), 1);
    const CalibrationParticipantTrend &t = trends.first();
    QVERIFY(t.pValue && *t.pValue > 0.05);
    QVERIFY(t.drift);
    QCOMPARE(t.direction, QStringLiteral("lenient"));
    QCOMPARE(t.driftRules, QStringList{QStringLiteral("beyond limit")});
}

void TestCalibrationTrends::steadyIsNotFlagged()
{
    QList<CalibrationSessionFigures> sessions;
    for (int k = 0; k < 10; ++k)
        sessions << figures(k + 1, QDate(2026, 1, 1).addMonths(k), QStringLiteral("Ben"), k % 2 ? 0.5 : -0.5);
    const auto trends = calibrationParticipantTrends(sessions);
    QVERIFY(!trends.first().drift);
    QVERIFY(trends.first().driftRules.isEmpty());
    QVERIFY(trends.first().direction.isEmpty());
}

// Units 1–6 in January's session, 7–12 in February's: pooled over the 90-day window they are the
// published example again, so the headline α is Krippendorff's 0.815 (ordinal: a 1–5 range).
void TestCalibrationTrends::pooledAlphaReproducesKrippendorff()
{
    const QList<CalibrationSessionData> data{session(1, QDate(2026, 1, 10), 0, 5),
                                             session(2, QDate(2026, 2, 10), 6, 11)};
    const QList<CalibrationMetrics> metrics{computeCalibrationMetrics(data[0]), computeCalibrationMetrics(data[1])};
    const auto trends = calibrationCriterionTrends(data, metrics, 90);
    QCOMPARE(trends.size(), 1);
    const CalibrationCriterionTrend &t = trends.first();
    QCOMPARE(t.key, QStringLiteral("tone"));
    QCOMPARE(t.points.size(), 2);
    QCOMPARE(t.points[0].sessionId, qint64(1));
    QCOMPARE(t.points[1].date, QDate(2026, 2, 10));
    QCOMPARE(t.pooledSessions, 2);
    QCOMPARE(t.windowFrom, QDate(2025, 11, 12));
    QVERIFY(t.pooledAlpha.value);
    QCOMPARE(QString::number(*t.pooledAlpha.value, 'f', 3), QStringLiteral("0.815"));
    // 11 units have two or more values (unit 12 has one): the interval is given from 10 units.
    QCOMPARE(t.pooledAlpha.units, 11);
    QVERIFY(t.pooledAlpha.ciLow && t.pooledAlpha.ciHigh);
    // Each session's own α is its own figure, not the pooled one.
    QCOMPARE(t.points[0].alpha.value, metrics[0].criteria[0].alpha.value);
    QVERIFY(std::fabs(*t.points[0].alpha.value - *t.pooledAlpha.value) > 1e-6);
}

void TestCalibrationTrends::windowLeavesOldSessionsOut()
{
    // January's session is 131 days before February's: outside a 90-day window.
    const QList<CalibrationSessionData> data{session(1, QDate(2025, 10, 2), 0, 5),
                                             session(2, QDate(2026, 2, 10), 6, 11)};
    const QList<CalibrationMetrics> metrics{computeCalibrationMetrics(data[0]), computeCalibrationMetrics(data[1])};
    const auto trends = calibrationCriterionTrends(data, metrics, 90);
    const CalibrationCriterionTrend &t = trends.first();
    QCOMPARE(t.points.size(), 2);
    QCOMPARE(t.pooledSessions, 1);
    QCOMPARE(t.pooledAlpha.value, metrics[1].criteria[0].alpha.value);
}

QTEST_GUILESS_MAIN(TestCalibrationTrends)
#include "tst_calibrationtrends.moc"
