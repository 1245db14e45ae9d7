// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotdrill.h"

#include <QObject>
#include <QSet>

#include <limits>

namespace ql {

namespace {

const QString Others = QStringLiteral("(others)");

// Narrows the filters to `label` on `dimension` (the cell is under it, so it passes any filter
// already there).
void fixMember(QList<PivotFilter> *filters, const QString &dimension, const QString &label)
{
    for (PivotFilter &f : *filters)
        if (f.dimension == dimension) {
            f = PivotFilter{dimension, false, {label}};
            return;
        }
    filters->append(PivotFilter{dimension, false, {label}});
}

// Takes the members top-N kept out of the filter on `dimension`: what is left is the "(others)".
void dropMembers(QList<PivotFilter> *filters, const QString &dimension, const QStringList &kept)
{
    for (PivotFilter &f : *filters)
        if (f.dimension == dimension) {
            if (f.exclude) {
                for (const QString &k : kept)
                    if (!f.values.contains(k))
                        f.values << k;
            } else {
                for (const QString &k : kept)
                    f.values.removeAll(k);
            }
            return;
        }
    filters->append(PivotFilter{dimension, true, kept});
}

// One filter resolved against the cube: which codes pass.
struct Test
{
    Cube::DimensionRef ref;
    std::vector<std::uint8_t> passes; // per code, or per set id on a multi-valued dimension
};

bool passes(const Test &t, std::size_t row)
{
    const CubeDimension &d = *t.ref.dimension;
    std::int32_t code = d.column->at(row);
    if (!d.multiValued && !d.map.empty())
        code = d.map[std::size_t(code)];
    return t.passes[std::size_t(code)] != 0;
}

} // namespace

PivotSpec PivotDrill::cellSpec(const PivotResult &result, int row, int column)
{
    const PivotSpec &from = result.spec();
    PivotSpec spec;
    spec.source = from.source;
    spec.measures = from.measures;
    spec.filters = from.filters;
    spec.from = from.from;
    spec.to = from.to;
    spec.totals = from.totals;
    spec.showAs = from.showAs;

    auto fix = [&spec](const QStringList &dimensions, const PivotHeader &header) {
        for (int j = 0; j < header.level && j < dimensions.size(); ++j)
            if (header.labels.at(j) != Others)
                fixMember(&spec.filters, dimensions.at(j), header.labels.at(j));
    };
    const PivotHeader &r = result.row(row);
    fix(result.rowDimensions(), r);
    if (r.others && !result.rowDimensions().isEmpty()) {
        // The rows of the same group that top-N kept; the "(others)" row holds the rest.
        const int last = int(result.rowDimensions().size()) - 1;
        QStringList kept;
        for (const PivotHeader &h : result.rows()) {
            if (h.others || h.level != last + 1)
                continue;
            bool sameGroup = true;
            for (int j = 0; j < last && sameGroup; ++j)
                sameGroup = h.labels.at(j) == r.labels.at(j);
            if (sameGroup)
                kept << h.labels.at(last);
        }
        dropMembers(&spec.filters, result.rowDimensions().at(last), kept);
    }
    fix(result.columnDimensions(), result.column(column));
    return spec;
}

std::optional<std::vector<std::int32_t>> PivotDrill::factRows(const Cube &cube, const PivotSpec &spec,
                                                              const PivotOptions &options,
                                                              const std::atomic_bool *cancel, QString *error)
{
    std::vector<Test> own, viaParent;
    for (const PivotFilter &f : spec.filters) {
        Test t;
        t.ref = cube.findDimension(f.dimension, options.periodDate);
        if (!t.ref) {
            *error = QObject::tr("unknown dimension \"%1\" for the %2 source")
                         .arg(f.dimension, pivotSourceName(cube.source()));
            return std::nullopt;
        }
        const CubeDimension &d = *t.ref.dimension;
        const QSet<QString> values(f.values.begin(), f.values.end());
        std::vector<std::uint8_t> allowed(std::size_t(d.cardinality()));
        for (std::int32_t c = 0; c < d.cardinality(); ++c)
            allowed[std::size_t(c)] = values.contains(d.labels.at(c)) != f.exclude;
        if (d.multiValued) {
            // A fact stays when one of its members passes (as in PivotEngine).
            const std::size_t sets = d.setOffsets.empty() ? 0 : d.setOffsets.size() - 1;
            t.passes.assign(sets, 0);
            for (std::size_t s = 0; s < sets; ++s)
                for (std::uint32_t k = d.setOffsets[s]; k < d.setOffsets[s + 1]; ++k)
                    if (allowed[std::size_t(d.setValues[k])])
                        t.passes[s] = 1;
        } else {
            t.passes = std::move(allowed);
        }
        (t.ref.viaParent ? viaParent : own).push_back(std::move(t));
    }
    if (spec.from.isValid() || spec.to.isValid()) {
        Test t;
        t.ref = cube.findDimension(QStringLiteral("day"), options.periodDate);
        if (!t.ref) {
            *error = QObject::tr("the %1 source has no dates").arg(pivotSourceName(cube.source()));
            return std::nullopt;
        }
        const std::int64_t lo = spec.from.isValid() ? spec.from.toJulianDay() : 1;
        const std::int64_t hi = spec.to.isValid() ? spec.to.toJulianDay() : std::numeric_limits<std::int64_t>::max();
        for (std::int32_t jd : t.ref.dimension->julianDays)
            t.passes.push_back(jd > 0 && jd >= lo && jd <= hi); // a fact without the date is out
        (t.ref.viaParent ? viaParent : own).push_back(std::move(t));
    }

    auto cancelled = [&] {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            *error = QObject::tr("cancelled");
            return true;
        }
        return false;
    };
    constexpr std::size_t CheckEvery = 1 << 16;

    // An answer's audit dimensions are tested once per audit.
    std::vector<std::uint8_t> parentPasses;
    if (!viaParent.empty()) {
        const Cube &parent = *cube.parent();
        parentPasses.assign(parent.factCount(), 1);
        for (std::size_t i = 0; i < parent.factCount(); ++i) {
            for (const Test &t : viaParent)
                if (!passes(t, i)) {
                    parentPasses[i] = 0;
                    break;
                }
            if (i % CheckEvery == 0 && cancelled())
                return std::nullopt;
        }
    }
    std::vector<std::int32_t> rows;
    const std::int32_t *parentRows = cube.parent() ? cube.parentRows().data() : nullptr;
    for (std::size_t i = 0; i < cube.factCount(); ++i) {
        if (i % CheckEvery == 0 && cancelled())
            return std::nullopt;
        if (!parentPasses.empty() && !parentPasses[std::size_t(parentRows[i])])
            continue;
        bool keep = true;
        for (const Test &t : own)
            if (!passes(t, i)) {
                keep = false;
                break;
            }
        if (keep)
            rows.push_back(std::int32_t(i));
    }
    return rows;
}

std::vector<std::int64_t> PivotDrill::factIds(const Cube &cube, const std::vector<std::int32_t> &rows)
{
    std::vector<std::int64_t> ids;
    const std::vector<std::int64_t> &all = cube.factIds();
    ids.reserve(rows.size());
    for (std::int32_t r : rows)
        if (std::size_t(r) < all.size())
            ids.push_back(all[std::size_t(r)]);
    return ids;
}

std::vector<PivotDrill::AnswerKey> PivotDrill::answerKeys(const Cube &cube, const std::vector<std::int32_t> &rows)
{
    std::vector<AnswerKey> keys;
    const Cube *audits = cube.parent();
    const Cube::DimensionRef criterion = cube.findDimension(QStringLiteral("criterion"));
    if (!audits || !criterion)
        return keys;
    const std::vector<std::int64_t> &auditIds = audits->factIds();
    const std::vector<std::int32_t> &parentRows = cube.parentRows();
    const QStringList &labels = criterion.dimension->labels;
    keys.reserve(rows.size());
    for (std::int32_t r : rows) {
        const Cube::AnswerOutcome &outcome =
            cube.answerOutcomes()[std::size_t(cube.answerOutcomeCodes().at(std::size_t(r)))];
        keys.push_back({auditIds[std::size_t(parentRows[std::size_t(r)])], labels.value(outcome.criterion)});
    }
    return keys;
}

} // namespace ql
