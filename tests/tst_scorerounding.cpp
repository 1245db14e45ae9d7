// SPDX-License-Identifier: GPL-3.0-or-later
// How scores are shown and compared (scoring.md "Exact comparisons"): 6-decimal rounding before
// comparing, half away from zero for display, and a failing audit never shown at the threshold.
#include "scoring/scorerounding.h"

#include <QTest>

using namespace ql;

class TestScoreRounding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void display_data()
    {
        QTest::addColumn<double>("score");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("audit");
        QTest::addColumn<QString>("plain");
        QTest::newRow("84.96 fails at 85: truncated, never 85.0") << 84.96 << 85.0 << 1 << "84.9"
                                                                  << "85.0";
        QTest::newRow("84.95 rounds half away from zero on its decimals") << 84.95 << 85.0 << 1 << "84.9"
                                                                          << "85.0";
        QTest::newRow("84.94") << 84.94 << 85.0 << 1 << "84.9"
                               << "84.9";
        QTest::newRow("84.999999 still fails") << 84.999999 << 85.0 << 1 << "84.9"
                                               << "85.0";
        QTest::newRow("84.9999996 is 85 at 6 decimals and passes") << 84.9999996 << 85.0 << 1 << "85.0"
                                                                   << "85.0";
        QTest::newRow("exactly the threshold") << 85.0 << 85.0 << 1 << "85.0"
                                               << "85.0";
        QTest::newRow("passing scores round") << 85.05 << 85.0 << 1 << "85.1"
                                              << "85.1";
        QTest::newRow("85.45 fails at 85.5: not shown as 85.5") << 85.45 << 85.5 << 1 << "85.4"
                                                                << "85.5";
        QTest::newRow("99.99 rounds up to 100.0") << 99.99 << 85.0 << 1 << "100.0"
                                                  << "100.0";
        QTest::newRow("62.25 half up") << 62.25 << 60.0 << 1 << "62.3"
                                       << "62.3";
        QTest::newRow("1.005 to two decimals") << 1.005 << 0.0 << 2 << "1.01"
                                               << "1.01";
        QTest::newRow("no decimals") << 2.5 << 0.0 << 0 << "3"
                                     << "3";
        QTest::newRow("zero") << 0.0 << 85.0 << 1 << "0.0"
                              << "0.0";
    }

    void display()
    {
        QFETCH(double, score);
        QFETCH(double, threshold);
        QFETCH(int, decimals);
        QFETCH(QString, audit);
        QFETCH(QString, plain);
        QCOMPARE(formatAuditScoreForDisplay(score, threshold, decimals), audit);
        QCOMPARE(formatScoreForDisplay(score, decimals), plain);
    }

    void roundingTo6Decimals_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("rounded");
        QTest::newRow("84.99999999999999 is 85") << 84.99999999999999 << 85.0;
        QTest::newRow("already 6 decimals") << 63.6 << 63.6;
        QTest::newRow("410/7") << 410.0 / 7 << 58.571429;
        QTest::newRow("tiny is 0") << 1e-7 << 0.0;
        QTest::newRow("half a millionth rounds up") << 0.0000005 << 0.000001;
    }

    void roundingTo6Decimals()
    {
        QFETCH(double, value);
        QFETCH(double, rounded);
        QCOMPARE(ql::roundScore6(value), rounded);
    }
};

QTEST_GUILESS_MAIN(TestScoreRounding)
#include "tst_scorerounding.moc"
