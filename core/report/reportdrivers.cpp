// SPDX-License-Identifier: GPL-3.0-or-later
// The Monthly Quality Report's "CSAT drivers" section (analysis.md "Drivers", docs/reports.md):
// the criteria that go with dissatisfied customers in the period, ranked by potential CSAT gain,
// labelled as associations; and the drivers table the section sent from Insights shares.
#include "rca/drivers.h"
#include "reportparts.h"

#include <cmath>

namespace ql::report {

namespace {

QString optionalNumber(std::optional<double> value, int decimals)
{
    return value && std::isfinite(*value) ? number(*value, decimals) : QStringLiteral("–");
}

} // namespace

ReportTable driversTable(const rca::DriversResult &result, int *unranked, const QHash<QString, QString> &names)
{
    ReportTable t;
    t.header = {QStringLiteral("Criterion"), QStringLiteral("CSAT % passed"), QStringLiteral("CSAT % failed"),
                QStringLiteral("Difference (pts)"), QStringLiteral("95% interval"), QStringLiteral("Adjusted effect (pts)"),
                QStringLiteral("Failure rate %"), QStringLiteral("Potential gain (pts)"), QStringLiteral("Failed n"),
                QStringLiteral("Passed n")};
    t.numeric = {false, true, true, true, true, true, true, true, true, true};
    t.widths = {2.3, 0.8, 0.8, 1.1, 1.45, 1.0, 0.8, 0.95, 0.75, 0.85};
    *unranked = 0;
    for (const rca::Driver &d : result.drivers) {
        if (!d.ranked) {
            ++*unranked;
            continue;
        }
        t.rows << QStringList{names.value(d.criterion, d.criterion), optionalNumber(d.csatPassed, 1), optionalNumber(d.csatFailed, 1),
                              optionalNumber(d.difference, 1),
                              d.ciLow && d.ciHigh ? QStringLiteral("[%1, %2]").arg(number(*d.ciLow, 1), number(*d.ciHigh, 1))
                                                  : QStringLiteral("–"),
                              optionalNumber(d.adjustedEffect, 1), number(d.failureRate, 1), number(d.potentialGain, 2),
                              count(d.failed), count(d.passed)};
        const ReportTone tone = d.ciLow && *d.ciLow > 0 ? ReportTone::Bad : ReportTone::None;
        t.tones << QList<ReportTone>{tone, ReportTone::None, ReportTone::None, tone, ReportTone::None, ReportTone::None,
                                     ReportTone::None, ReportTone::None, ReportTone::None, ReportTone::None};
    }
    return t;
}

ReportSection csatDrivers(const Context &c)
{
    ReportSection s;
    s.key = QStringLiteral("drivers");
    s.title = QStringLiteral("CSAT drivers");
    s.minRoom = 0.6; // the table is read as a whole: a new page unless most of one is left
    if (c.report.csatResponses.n <= 0) {
        s.blocks << ReportBlock::paragraph(QStringLiteral("No CSAT responses were received in %1, so there is nothing to "
                                                          "relate the QA criteria to.")
                                               .arg(periodTitle(c.period)));
        return s;
    }
    const Cube *answers = c.answers.get();
    if (!answers) {
        s.blocks << ReportBlock::paragraph(QStringLiteral("Not analysed: %1.")
                                               .arg(c.answersError.isEmpty() ? QStringLiteral("the answers could not be read")
                                                                             : c.answersError));
        return s;
    }
    const rca::DriversResult r = rca::Drivers::compute(*answers, c.pivotOptions, driversOptions(c));
    s.blocks << ReportBlock::paragraph(
        QStringLiteral("Which QA criteria go with satisfied customers in %1: CSAT % where a criterion passed and where it "
                       "failed, on %2 audits joined to their ticket's CSAT response (left out: %3 CSAT-triggered, %4 not "
                       "official or not counted, %5 without a response). Ranked by the adjusted effect: the "
                       "difference once the other criteria's failures, the reason, queue and channel are taken into "
                       "account. The potential gain is the CSAT points that would move if the criterion's failures "
                       "went away, were the association causal (rated share × failure rate × difference).")
            .arg(periodTitle(c.period), count(r.joinedAudits), count(r.excludedCsatTriggered),
                 count(r.excludedNotCounted), count(r.excludedNoResponse)));
    int unranked = 0;
    const ReportTable t = driversTable(r, &unranked, c.chartContext.criterionNames); // by name: the cube knows the keys
    if (t.rows.isEmpty())
        s.blocks << ReportBlock::paragraph(
            QStringLiteral("No criterion has at least %1 failed and %1 passed joined answers to rank.").arg(driversOptions(c).minimumEach));
    else
        s.blocks << ReportBlock::tableBlock(t);
    QString note = r.note;
    if (unranked > 0)
        note += QStringLiteral(" %1 %2 fewer than %3 failed or passed answers and %4 not shown.")
                    .arg(unranked)
                    .arg(unranked == 1 ? QStringLiteral("criterion has") : QStringLiteral("criteria have"))
                    .arg(driversOptions(c).minimumEach)
                    .arg(unranked == 1 ? QStringLiteral("is") : QStringLiteral("are"));
    note += QStringLiteral(" An interval above zero (red) means passing goes with higher CSAT.");
    s.blocks << ReportBlock::note(note);
    return s;
}

rca::DriversOptions driversOptions(const Context &c)
{
    rca::DriversOptions options;
    options.from = c.period.from;
    options.to = c.period.to;
    options.rankBy = rca::DriversOptions::RankBy::AdjustedEffect; // analysis.md "Drivers", as on Insights
    return options;
}

} // namespace ql::report
