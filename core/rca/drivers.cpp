// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers.h"

#include "cubedates.h"
#include "stats/intervals.h"

#include <QObject>

#include <algorithm>
#include <vector>

namespace ql::rca {

Driver Drivers::figures(Driver d, int minimumEach)
{
    d.csatPassed.reset();
    d.csatFailed.reset();
    d.difference.reset();
    d.ciLow.reset();
    d.ciHigh.reset();
    if (d.passed > 0)
        d.csatPassed = 100.0 * double(d.passedSatisfied) / double(d.passed);
    if (d.failed > 0)
        d.csatFailed = 100.0 * double(d.failedSatisfied) / double(d.failed);
    const stats::Estimate diff = stats::newcombeDifference(d.passedSatisfied, d.passed, d.failedSatisfied, d.failed);
    if (diff.value) {
        d.difference = 100.0 * *diff.value;
        if (diff.hasInterval()) {
            d.ciLow = 100.0 * *diff.ciLow;
            d.ciHigh = 100.0 * *diff.ciHigh;
        }
    }
    d.failureRate = d.rated > 0 ? 100.0 * double(d.failed) / double(d.rated) : 0;
    d.ratedShare = d.joined > 0 ? 100.0 * double(d.rated) / double(d.joined) : 0;
    d.potentialGain = d.difference ? d.ratedShare / 100.0 * d.failureRate / 100.0 * *d.difference : 0;
    d.ranked = d.failed >= minimumEach && d.passed >= minimumEach;
    return d;
}

DriversResult Drivers::compute(const Cube &answers, const PivotOptions &pivotOptions, const DriversOptions &options)
{
    DriversResult result;
    result.note = QObject::tr("These are associations, not causes: customers whose conversation failed a criterion "
                              "may differ in other ways. Gains overlap and must not be added up.");
    const Cube *audits = answers.parent();
    if (!audits || answers.source() != PivotSource::Answers)
        return result;

    // Which audits are in the joined sample.
    const std::size_t auditCount = audits->factCount();
    const CubeDimension &sampleType = audits->sampleTypeDimension();
    std::vector<std::uint8_t> counted(std::size_t(sampleType.cardinality()), 0);
    std::int32_t triggered = -1;
    for (std::int32_t c = 0; c < sampleType.cardinality(); ++c) {
        counted[std::size_t(c)] = pivotOptions.countedSampleTypes.contains(sampleType.labels.at(c));
        if (sampleType.labels.at(c) == QLatin1String("csat_triggered"))
            triggered = c;
    }
    const CubeDates dates(*audits, pivotOptions.periodDate);
    const auto &outcomes = audits->csatOutcomes();
    std::vector<std::uint8_t> joined(auditCount, 0);
    for (std::size_t a = 0; a < auditCount; ++a) {
        if (!dates.within(a, options.from, options.to))
            continue;
        const std::int32_t st = audits->sampleTypes().at(a);
        const bool official = audits->flags()[a] & Cube::Official;
        if (official && st == triggered) {
            ++result.excludedCsatTriggered;
            continue;
        }
        if (!official || !counted[std::size_t(st)]) {
            ++result.excludedNotCounted;
            continue;
        }
        if (audits->csatOutcomeCodes().at(a) == 0) {
            ++result.excludedNoResponse;
            continue;
        }
        joined[a] = 1;
        ++result.joinedAudits;
    }

    const Cube::DimensionRef criterionRef = answers.findDimension(QStringLiteral("criterion"));
    const QStringList criterionLabels = criterionRef ? criterionRef.dimension->labels : QStringList();
    std::vector<Driver> byCode(std::size_t(criterionLabels.size()));
    const auto &answerOutcomes = answers.answerOutcomes();
    const auto &rows = answers.parentRows();
    for (std::size_t i = 0; i < answers.factCount(); ++i) {
        const std::size_t a = std::size_t(rows[i]);
        if (!joined[a])
            continue;
        const Cube::AnswerOutcome &x = answerOutcomes[std::size_t(answers.answerOutcomeCodes().at(i))];
        if (x.criterion < 0 || std::size_t(x.criterion) >= byCode.size())
            continue;
        Driver &d = byCode[std::size_t(x.criterion)];
        ++d.joined;
        if (!x.rated)
            continue;
        ++d.rated;
        const bool satisfied = outcomes[std::size_t(audits->csatOutcomeCodes().at(a))].satisfied;
        if (x.passesLevel) {
            ++d.passed;
            d.passedSatisfied += satisfied;
        } else {
            ++d.failed;
            d.failedSatisfied += satisfied;
        }
    }

    for (std::size_t c = 0; c < byCode.size(); ++c) {
        Driver d = byCode[c];
        if (d.joined == 0)
            continue;
        d.criterion = criterionLabels.at(qsizetype(c));
        d = figures(d, options.minimumEach);
        result.drivers << d;
    }
    std::stable_sort(result.drivers.begin(), result.drivers.end(), [](const Driver &x, const Driver &y) {
        if (x.ranked != y.ranked)
            return x.ranked;
        if (x.ranked && x.potentialGain != y.potentialGain)
            return x.potentialGain > y.potentialGain;
        return x.criterion < y.criterion;
    });
    return result;
}

} // namespace ql::rca
