// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers.h"

#include "cubedates.h"
#include "pivot/pivotdrill.h"
#include "ridgelogistic.h"
#include "stats/intervals.h"

#include <QObject>

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace ql::rca {

namespace {

// A fact's code in a single-valued dimension of the audits cube (its dictionary code).
std::int32_t codeOf(const CubeDimension &d, std::size_t i)
{
    const std::int32_t c = d.column->at(i);
    return d.map.empty() ? c : d.map[std::size_t(c)];
}

double logistic(double eta)
{
    return 1.0 / (1.0 + std::exp(-eta));
}

} // namespace

// The adjusted effects: "satisfied" on every ranked criterion's failure plus queue and channel
// (each with its most frequent member as the reference), ridge-penalised. A criterion's effect is
// the average, over the audits where it failed, of the CSAT points a pass would have given
// (σ(η − β_c + … ) with the failure removed, minus σ(η)); its interval maps β_c ± 1.96 SE the same way.
void Drivers::adjust(const Cube &audits, const std::vector<std::uint8_t> &joined,
                     const std::vector<std::vector<std::int32_t>> &failedOf, const QStringList &criterionLabels,
                     double lambda, DriversResult *result)
{
    std::map<std::int32_t, int> columnOfCriterion;
    QList<int> driverOfColumn;
    for (int i = 0; i < result->drivers.size(); ++i) {
        if (!result->drivers[i].ranked)
            continue;
        columnOfCriterion[std::int32_t(criterionLabels.indexOf(result->drivers[i].criterion))] =
            int(driverOfColumn.size());
        driverOfColumn << i;
    }
    if (driverOfColumn.isEmpty())
        return;
    int columns = int(driverOfColumn.size());
    // Dummies of queue and channel.
    struct Factor
    {
        const CubeDimension *dimension = nullptr;
        std::map<std::int32_t, int> columnOfCode; // the reference member has none
    };
    std::vector<Factor> factors;
    for (const char *name : {"queue", "channel"}) {
        const Cube::DimensionRef ref = audits.findDimension(QLatin1String(name));
        if (!ref || ref.dimension->multiValued)
            continue;
        Factor f;
        f.dimension = ref.dimension;
        std::map<std::int32_t, qint64> counts;
        for (std::size_t a = 0; a < joined.size(); ++a)
            if (joined[a])
                ++counts[codeOf(*f.dimension, a)];
        std::int32_t reference = -1;
        qint64 most = -1;
        for (const auto &[code, n] : counts)
            if (n > most) {
                most = n;
                reference = code;
            }
        for (const auto &[code, n] : counts)
            if (code != reference)
                f.columnOfCode[code] = columns++;
        factors.push_back(std::move(f));
    }

    std::vector<double> x, y;
    std::vector<std::size_t> rows;
    const auto &outcomes = audits.csatOutcomes();
    for (std::size_t a = 0; a < joined.size(); ++a) {
        if (!joined[a])
            continue;
        const std::size_t base = x.size();
        x.resize(base + std::size_t(columns), 0.0);
        for (const std::int32_t c : failedOf[a])
            if (const auto it = columnOfCriterion.find(c); it != columnOfCriterion.end())
                x[base + std::size_t(it->second)] = 1;
        for (const Factor &f : factors)
            if (const auto it = f.columnOfCode.find(codeOf(*f.dimension, a)); it != f.columnOfCode.end())
                x[base + std::size_t(it->second)] = 1;
        y.push_back(outcomes[std::size_t(audits.csatOutcomeCodes().at(a))].satisfied ? 1.0 : 0.0);
        rows.push_back(a);
    }
    const auto fit = RidgeLogistic::fit(x, columns, y, lambda);
    if (!fit || !fit->converged)
        return;
    result->adjustedConverged = true;
    const std::size_t n = y.size();
    for (int c = 0; c < int(driverOfColumn.size()); ++c) {
        const double beta = fit->beta[std::size_t(c + 1)];
        const double se = fit->standardErrors[std::size_t(c + 1)];
        const auto effect = [&](double b) {
            double sum = 0;
            qint64 count = 0;
            for (std::size_t i = 0; i < n; ++i) {
                if (x[i * std::size_t(columns) + std::size_t(c)] == 0)
                    continue;
                double eta = fit->beta[0];
                for (int j = 0; j < columns; ++j)
                    eta += x[i * std::size_t(columns) + std::size_t(j)] * fit->beta[std::size_t(j + 1)];
                const double without = eta - beta;
                sum += logistic(without) - logistic(without + b);
                ++count;
            }
            return count > 0 ? 100.0 * sum / double(count) : 0.0;
        };
        Driver &d = result->drivers[driverOfColumn[c]];
        d.adjustedEffect = effect(beta);
        d.adjustedLow = effect(beta + 1.959963984540054 * se);
        d.adjustedHigh = effect(beta - 1.959963984540054 * se);
    }
}

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
    // The audits the dimension filters keep (the pivot's own filter rules, through its drill-down).
    std::vector<std::uint8_t> kept;
    if (!options.filters.isEmpty()) {
        PivotSpec spec;
        spec.source = PivotSource::Audits;
        spec.filters = options.filters;
        const auto rows = PivotDrill::factRows(*audits, spec, pivotOptions, nullptr, &result.error);
        if (!rows)
            return result;
        kept.assign(auditCount, 0);
        for (const std::int32_t row : *rows)
            kept[std::size_t(row)] = 1;
    }
    std::vector<std::uint8_t> joined(auditCount, 0);
    for (std::size_t a = 0; a < auditCount; ++a) {
        if (!dates.within(a, options.from, options.to))
            continue;
        if (!kept.empty() && !kept[a]) {
            ++result.excludedByFilters;
            continue;
        }
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

    // Per joined audit, the criteria it failed (for the adjusted model).
    std::vector<std::vector<std::int32_t>> failedOf(auditCount);

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
            failedOf[a].push_back(x.criterion);
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
    adjust(*audits, joined, failedOf, criterionLabels, options.ridgeLambda, &result);
    const bool byAdjusted = options.rankBy == DriversOptions::RankBy::AdjustedEffect && result.adjustedConverged;
    std::stable_sort(result.drivers.begin(), result.drivers.end(), [byAdjusted](const Driver &x, const Driver &y) {
        if (x.ranked != y.ranked)
            return x.ranked;
        if (x.ranked) {
            const double a = byAdjusted ? x.adjustedEffect.value_or(0) : x.potentialGain;
            const double b = byAdjusted ? y.adjustedEffect.value_or(0) : y.potentialGain;
            if (a != b)
                return a > b;
        }
        return x.criterion < y.criterion;
    });
    return result;
}

} // namespace ql::rca
