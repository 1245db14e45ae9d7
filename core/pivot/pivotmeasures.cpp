// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotmeasures.h"

#include <QObject>

#include <cmath>

namespace ql::pivot {

namespace {

using Kind = PivotMeasure::Kind;
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// The per-audit KPI mask, and the rows an answer reads it at (null for audits).
const std::uint8_t *eligibility(MeasureContext *ctx, const std::int32_t **rows)
{
    const Cube &cube = *ctx->cube;
    const Cube &audits = cube.parent() ? *cube.parent() : cube;
    *rows = cube.parent() ? cube.parentRows().data() : nullptr;
    if (!ctx->eligible.empty() || audits.factCount() == 0)
        return ctx->eligible.data();
    const CubeDimension &sampleType = audits.sampleTypeDimension();
    std::vector<std::uint8_t> counted(std::size_t(sampleType.cardinality()), 0);
    for (std::int32_t c = 0; c < sampleType.cardinality(); ++c)
        counted[std::size_t(c)] = ctx->countedSampleTypes.contains(sampleType.labels.at(c));
    constexpr std::uint8_t needed = Cube::Official | Cube::Scored | Cube::Complete;
    ctx->eligible.resize(audits.factCount());
    const std::uint8_t *flags = audits.flags().data();
    audits.sampleTypes().visit([&](auto *st) {
        for (std::size_t i = 0; i < ctx->eligible.size(); ++i)
            ctx->eligible[i] = (flags[i] & needed) == needed && counted[std::size_t(st[i])];
    });
    return ctx->eligible.data();
}

// Categories over the linked (audits) or own (csat) response outcome; code 0 is "no response".
CategoryInput csatCategories(const Cube &cube, Kind kind)
{
    CategoryInput in;
    in.codes = &cube.csatOutcomeCodes();
    const auto &outcomes = cube.csatOutcomes();
    in.table.assign(outcomes.size(), 0);
    for (std::size_t o = 1; o < outcomes.size(); ++o) {
        const Cube::CsatOutcome &x = outcomes[o];
        std::uint8_t c = 1;
        if (kind == Kind::CsatPct)
            c = x.satisfied ? 2 : 1;
        else if (kind == Kind::DsatPct)
            c = x.dissatisfied ? 2 : 1;
        else if (kind == Kind::Nps)
            c = !x.zeroToTen ? 0 : x.promoter ? 2 : x.detractor ? 3 : 1;
        in.table[o] = c;
    }
    return in;
}

NumericInput csatScores(const Cube &cube)
{
    NumericInput in;
    in.codes = &cube.csatOutcomeCodes();
    for (const Cube::CsatOutcome &x : cube.csatOutcomes())
        in.table.push_back(x.score);
    return in;
}

NumericInput answerValues(const Cube &cube, bool c, bool ratedOnly)
{
    NumericInput in;
    in.codes = &cube.answerOutcomeCodes();
    for (const Cube::AnswerOutcome &x : cube.answerOutcomes())
        in.table.push_back(ratedOnly && !x.rated ? NaN : c ? x.c : x.value);
    return in;
}

std::optional<NumericInput> field(const Cube &cube, const QString &name)
{
    NumericInput in;
    switch (cube.source()) {
    case PivotSource::Audits:
        if (name == QLatin1String("score"))
            in.column = &cube.score();
        else if (name == QLatin1String("raw_score"))
            in.column = &cube.rawScore();
        else if (name == QLatin1String("csat"))
            in = csatScores(cube);
        else
            return std::nullopt;
        break;
    case PivotSource::Answers:
        if (name == QLatin1String("value") || name == QLatin1String("c"))
            in = answerValues(cube, name == QLatin1String("c"), false);
        else
            return std::nullopt;
        break;
    case PivotSource::Csat:
        if (name == QLatin1String("csat") || name == QLatin1String("score"))
            in = csatScores(cube);
        else
            return std::nullopt;
        break;
    }
    return in;
}

std::uint8_t familyBit(const QString &family)
{
    return family == QLatin1String("customer")   ? Cube::Customer
           : family == QLatin1String("business") ? Cube::Business
                                                 : Cube::Compliance;
}

} // namespace

std::unique_ptr<Accumulator> makeAccumulator(const PivotMeasure &m, MeasureContext *ctx, QString *error)
{
    const Cube &cube = *ctx->cube;
    using Category = CategoryAccumulator::Result;
    using Moment = MomentAccumulator::Result;
    switch (m.kind) {
    case Kind::Count:
    case Kind::AuditsTotal:
        if (ctx->facts)
            return std::make_unique<FactCountAccumulator>(ctx->facts);
        return std::make_unique<CategoryAccumulator>(CategoryInput{}, Category::Count);
    case Kind::CountDistinct: {
        const Cube::DimensionRef ref = cube.findDimension(m.argument, ctx->periodDate);
        if (!ref) {
            *error = QObject::tr("unknown dimension \"%1\" in \"%2\" for the %3 source (known: %4)")
                         .arg(m.argument, m.spelling, pivotSourceName(cube.source()),
                              cube.dimensionNames().join(QStringLiteral(", ")));
            return nullptr;
        }
        const CubeDimension &d = *ref.dimension;
        DistinctInput in;
        in.column = d.column;
        in.map = d.map.empty() ? nullptr : d.map.data();
        in.parentRows = ref.viaParent ? cube.parentRows().data() : nullptr;
        in.multiValued = d.multiValued;
        in.setOffsets = d.setOffsets.data();
        in.setValues = d.setValues.data();
        in.blank = d.blankCode();
        in.cardinality = d.cardinality();
        if (d.multiValued && ctx->allowedMembers)
            if (const auto *allowed = ctx->allowedMembers(m.argument))
                in.allowed = allowed->data();
        return std::make_unique<DistinctAccumulator>(in);
    }
    case Kind::Sum:
    case Kind::Avg:
    case Kind::Min:
    case Kind::Max:
    case Kind::Median:
    case Kind::Percentile:
    case Kind::Stddev: {
        auto in = field(cube, m.argument);
        if (!in) {
            *error = m.checkSource(cube.source());
            return nullptr;
        }
        if (ctx->fieldsOfKpiAudits && cube.source() != PivotSource::Csat)
            in->mask = eligibility(ctx, &in->maskRows);
        if (m.kind == Kind::Sum)
            return std::make_unique<MomentAccumulator>(std::move(*in), Moment::Sum, 1.0);
        if (m.kind == Kind::Avg)
            return std::make_unique<MomentAccumulator>(std::move(*in), Moment::Mean, 1.0);
        if (m.kind == Kind::Stddev)
            return std::make_unique<MomentAccumulator>(std::move(*in), Moment::Stddev, 1.0);
        if (m.kind == Kind::Min || m.kind == Kind::Max)
            return std::make_unique<ExtremeAccumulator>(std::move(*in), m.kind == Kind::Max);
        auto &shared = ctx->percentileValues[m.argument];
        const bool owner = !shared;
        if (owner)
            shared = std::make_shared<PercentileValues>(std::move(*in));
        return std::make_unique<PercentileAccumulator>(shared, owner, m.kind == Kind::Median ? 50 : m.percent);
    }
    case Kind::Audits: {
        CategoryInput in;
        in.mask = eligibility(ctx, &in.maskRows);
        return std::make_unique<CategoryAccumulator>(std::move(in), Category::Count);
    }
    case Kind::QaScore:
    case Kind::RawScore: {
        NumericInput in;
        in.column = m.kind == Kind::QaScore ? &cube.score() : &cube.rawScore();
        in.mask = eligibility(ctx, &in.maskRows);
        return std::make_unique<MomentAccumulator>(std::move(in), Moment::Mean, 1.0);
    }
    case Kind::PassRate:
    case Kind::CriticalRate:
    case Kind::Accuracy: {
        CategoryInput in;
        in.mask = eligibility(ctx, &in.maskRows);
        if (m.argument.isEmpty()) {
            // Category by the flags byte: 1 + (the flag is set).
            const std::uint8_t bit = m.kind == Kind::PassRate ? Cube::Passed : Cube::CriticalFail;
            in.bytes = cube.flags().data();
            in.table.resize(256);
            for (int f = 0; f < 256; ++f)
                in.table[std::size_t(f)] = (f & bit) ? 2 : 1;
        } else {
            const std::uint8_t bit = familyBit(m.argument);
            in.codes = &cube.families();
            in.table.resize(8);
            for (int f = 0; f < 8; ++f)
                in.table[std::size_t(f)] = (f & bit) ? 2 : 1;
        }
        return std::make_unique<CategoryAccumulator>(std::move(in),
                                                     m.kind == Kind::Accuracy ? Category::Complement : Category::Rate);
    }
    case Kind::Compliance: {
        NumericInput in = answerValues(cube, true, true);
        in.mask = eligibility(ctx, &in.maskRows);
        return std::make_unique<MomentAccumulator>(std::move(in), Moment::Mean, 100.0);
    }
    case Kind::CriterionPassRate:
    case Kind::NaRate: {
        CategoryInput in;
        in.codes = &cube.answerOutcomeCodes();
        in.mask = eligibility(ctx, &in.maskRows);
        in.table.clear();
        for (const Cube::AnswerOutcome &x : cube.answerOutcomes())
            in.table.push_back(m.kind == Kind::NaRate ? (x.na ? 2 : 1) : !x.rated ? 0 : x.passesLevel ? 2 : 1);
        return std::make_unique<CategoryAccumulator>(std::move(in), Category::Rate);
    }
    case Kind::CsatResponses:
        return std::make_unique<CategoryAccumulator>(csatCategories(cube, m.kind), Category::Count);
    case Kind::CsatPct:
    case Kind::DsatPct:
        return std::make_unique<CategoryAccumulator>(csatCategories(cube, m.kind), Category::Rate);
    case Kind::Nps:
        return std::make_unique<CategoryAccumulator>(csatCategories(cube, m.kind), Category::Nps);
    case Kind::CsatMean: {
        NumericInput in = csatScores(cube);
        for (const Cube::CsatOutcome &x : cube.csatOutcomes())
            in.groupOfCode.push_back(x.scale);
        return std::make_unique<MomentAccumulator>(std::move(in), Moment::Mean, 1.0);
    }
    }
    *error = QObject::tr("unknown measure \"%1\"").arg(m.spelling);
    return nullptr;
}

} // namespace ql::pivot
