// SPDX-License-Identifier: GPL-3.0-or-later
// The period's failed answers read from the answers cube (docs/reports.md "Top defects"): by
// criterion and by root cause, the counts KpiQueries::criteria and ::rootCauses give for the whole
// project (tst_reportdrivers compares them on the demo), without a second pass of SQL over the
// period's answers: the cube is read once for these and for the CSAT drivers.
#include "rca/cubedates.h"
#include "reportparts.h"

#include <algorithm>
#include <vector>

namespace ql::report {

AnswerFailures answerFailures(const Context &c)
{
    AnswerFailures out;
    const Cube *answers = c.answers.get();
    const Cube *audits = answers ? answers->parent() : nullptr;
    if (!audits)
        return out;
    out.read = true;

    // The audits the KPIs count (scoring.md): official, scored, complete, of a counted sample type;
    // in the period.
    const CubeDimension &sampleType = audits->sampleTypeDimension();
    std::vector<std::uint8_t> countedType(std::size_t(sampleType.cardinality()), 0);
    for (std::int32_t t = 0; t < sampleType.cardinality(); ++t)
        countedType[std::size_t(t)] = c.pivotOptions.countedSampleTypes.contains(sampleType.labels.at(t));
    const rca::CubeDates dates(*audits, c.pivotOptions.periodDate);
    const std::uint8_t kpi = Cube::Official | Cube::Scored | Cube::Complete;
    std::vector<std::uint8_t> counted(audits->factCount(), 0);
    for (std::size_t a = 0; a < audits->factCount(); ++a)
        counted[a] = (audits->flags()[a] & kpi) == kpi && countedType[std::size_t(audits->sampleTypes().at(a))] &&
                     dates.within(a, c.period.from, c.period.to);

    const Cube::DimensionRef criterionRef = answers->findDimension(QStringLiteral("criterion"));
    const Cube::DimensionRef causeRef = answers->findDimension(QStringLiteral("root_cause"));
    const QStringList keys = criterionRef ? criterionRef.dimension->labels : QStringList();
    const CubeDimension *cause = causeRef && causeRef.dimension->multiValued ? causeRef.dimension : nullptr;
    std::vector<qint64> rated(std::size_t(keys.size()), 0);
    std::vector<qint64> failed(std::size_t(keys.size()), 0);
    std::vector<qint64> causes(cause ? std::size_t(cause->cardinality()) : 0, 0);
    const auto &outcomes = answers->answerOutcomes();
    const auto &rows = answers->parentRows();
    const CodeColumn &codes = answers->answerOutcomeCodes();
    for (std::size_t i = 0; i < answers->factCount(); ++i) {
        if (!counted[std::size_t(rows[i])])
            continue;
        const Cube::AnswerOutcome &x = outcomes[std::size_t(codes.at(i))];
        if (!x.rated || x.criterion < 0 || std::size_t(x.criterion) >= rated.size())
            continue;
        ++rated[std::size_t(x.criterion)];
        if (x.passesLevel)
            continue;
        ++failed[std::size_t(x.criterion)];
        if (!cause)
            continue;
        const auto set = std::size_t(cause->column->at(i));
        for (std::uint32_t k = cause->setOffsets[set]; k < cause->setOffsets[set + 1]; ++k)
            if (const std::int32_t v = cause->setValues[k]; v != cause->blankCode())
                ++causes[std::size_t(v)];
    }

    const QHash<QString, QString> names = c.chartContext.criterionNames;
    for (qsizetype k = 0; k < keys.size(); ++k)
        if (rated[std::size_t(k)] > 0)
            out.criteria << CriterionFailures{keys.at(k), names.value(keys.at(k), keys.at(k)), rated[std::size_t(k)],
                                              failed[std::size_t(k)]};
    for (std::size_t v = 0; v < causes.size(); ++v)
        if (causes[v] > 0)
            out.rootCauses << RootCauseCount{cause->labels.at(qsizetype(v)), causes[v]};
    // As KpiQueries::rootCauses: the most answers first, ties by name.
    std::stable_sort(out.rootCauses.begin(), out.rootCauses.end(), [](const RootCauseCount &a, const RootCauseCount &b) {
        return a.answers != b.answers ? a.answers > b.answers : a.name < b.name;
    });
    return out;
}

} // namespace ql::report
