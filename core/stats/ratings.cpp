// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratings.h"

#include <QHash>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace ql::stats {

QString levelName(Level level)
{
    switch (level) {
    case Level::Nominal:
        return QStringLiteral("nominal");
    case Level::Ordinal:
        return QStringLiteral("ordinal");
    case Level::Interval:
        return QStringLiteral("interval");
    case Level::Ratio:
        return QStringLiteral("ratio");
    }
    return {};
}

std::optional<Level> levelFromName(const QString &name)
{
    for (const Level l : {Level::Nominal, Level::Ordinal, Level::Interval, Level::Ratio}) {
        if (levelName(l) == name)
            return l;
    }
    return std::nullopt;
}

Ratings::Ratings(QStringList units, QStringList raters, QList<Category> categories)
    : m_units(std::move(units)), m_raters(std::move(raters)), m_categories(std::move(categories)),
      m_cells(std::size_t(m_units.size() * m_raters.size()), Missing)
{
}

bool Ratings::counts(qsizetype unit, qsizetype rater, Level level) const
{
    const int c = at(unit, rater);
    if (c == Missing)
        return false;
    return level == Level::Nominal || !m_categories.at(c).notApplicable;
}

int Ratings::countIn(qsizetype unit, Level level) const
{
    int n = 0;
    for (qsizetype r = 0; r < raterCount(); ++r)
        n += counts(unit, r, level) ? 1 : 0;
    return n;
}

bool Ratings::isNumeric() const
{
    return std::all_of(m_categories.begin(), m_categories.end(),
                       [](const Category &c) { return c.notApplicable || c.isNumeric(); });
}

Ratings Ratings::withUnits(std::span<const qsizetype> units) const
{
    QStringList ids;
    ids.reserve(qsizetype(units.size()));
    for (const qsizetype u : units)
        ids.append(m_units.at(u));
    Ratings out(ids, m_raters, m_categories);
    const qsizetype k = raterCount();
    for (std::size_t i = 0; i < units.size(); ++i)
        std::copy_n(m_cells.begin() + std::ptrdiff_t(units[i] * k), k,
                    out.m_cells.begin() + std::ptrdiff_t(qsizetype(i) * k));
    return out;
}

bool isNotApplicableLabel(const QString &value)
{
    return value.compare(QLatin1String("N/A"), Qt::CaseInsensitive) == 0;
}

namespace {

std::optional<double> parseNumber(const QString &text)
{
    bool ok = false;
    const double v = QLocale::c().toDouble(text, &ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

QString numberLabel(double v)
{
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

struct Parsed
{
    enum Kind { Missing, NotApplicable, Number, Text } kind = Missing;
    double number = 0;
    QString text;
};

Parsed parseValue(const QString &raw)
{
    const QString v = raw.trimmed();
    if (v.isEmpty())
        return {};
    if (isNotApplicableLabel(v))
        return {Parsed::NotApplicable, 0, v};
    if (const auto n = parseNumber(v))
        return {Parsed::Number, *n, v};
    return {Parsed::Text, 0, v};
}

// The index of id, appended on first sight so that order follows the input.
qsizetype indexOf(const QString &id, QStringList *ids, QHash<QString, qsizetype> *index)
{
    const auto it = index->constFind(id);
    if (it != index->constEnd())
        return it.value();
    ids->append(id);
    index->insert(id, ids->size() - 1);
    return ids->size() - 1;
}

bool fail(RatingsInputError *error, QString message, qsizetype line)
{
    if (error)
        *error = {std::move(message), line};
    return false;
}

// The declared scale, or the scale of the values that occur; the N/A category goes last.
bool buildCategories(const QList<Parsed> &parsed, const RatingsInputOptions &options, QList<Category> *categories,
                     RatingsInputError *error)
{
    bool sawNotApplicable =
        std::any_of(parsed.begin(), parsed.end(), [](const Parsed &p) { return p.kind == Parsed::NotApplicable; });
    const bool numericLevel = options.level == Level::Interval || options.level == Level::Ratio;
    if (!options.categories.isEmpty()) {
        for (const QString &raw : options.categories) {
            const Parsed p = parseValue(raw);
            if (p.kind == Parsed::Missing)
                return fail(error, QStringLiteral("an empty category in the declared categories"), 0);
            if (p.kind == Parsed::NotApplicable) {
                sawNotApplicable = true; // declared: it counts even when nobody used it
                continue;
            }
            if (p.kind == Parsed::Text && numericLevel)
                return fail(error,
                            QStringLiteral("category '%1' is not a number, which level %2 needs")
                                .arg(p.text, levelName(options.level)),
                            0);
            for (const Category &c : std::as_const(*categories)) {
                const bool same = p.kind == Parsed::Number ? c.isNumeric() && c.value == p.number : c.label == p.text;
                if (same)
                    return fail(error, QStringLiteral("category '%1' is declared twice").arg(p.text), 0);
            }
            Category c;
            c.label = p.text;
            if (p.kind == Parsed::Number)
                c.value = p.number;
            categories->append(c);
        }
    } else {
        std::map<double, QString> numbers; // numeric order, first spelling kept
        QStringList texts;
        for (qsizetype i = 0; i < parsed.size(); ++i) {
            const Parsed &p = parsed.at(i);
            if (p.kind == Parsed::Number)
                numbers.emplace(p.number, numberLabel(p.number));
            else if (p.kind == Parsed::Text)
                texts.append(p.text);
        }
        std::sort(texts.begin(), texts.end());
        texts.erase(std::unique(texts.begin(), texts.end()), texts.end());
        for (const auto &[value, label] : numbers)
            categories->append(Category{label, value, false});
        for (const QString &t : std::as_const(texts))
            categories->append(Category{t, std::numeric_limits<double>::quiet_NaN(), false});
    }
    if (sawNotApplicable)
        categories->append(Category{QStringLiteral("N/A"), std::numeric_limits<double>::quiet_NaN(), true});
    return true;
}

} // namespace

std::optional<Ratings> ratingsFromRecords(const QList<RatingRecord> &records, const RatingsInputOptions &options,
                                          RatingsInputError *error)
{
    const bool declared = !options.categories.isEmpty();
    QList<Parsed> parsed;
    parsed.reserve(records.size());
    QStringList units;
    QStringList raters;
    QHash<QString, qsizetype> unitIndex;
    QHash<QString, qsizetype> raterIndex;
    QHash<std::pair<qsizetype, qsizetype>, qsizetype> seen; // (unit, rater) → first line

    // First pass: refuse what cannot be used, before anything is built.
    for (const RatingRecord &r : records) {
        const QString unit = r.unit.trimmed();
        const QString rater = r.rater.trimmed();
        if (unit.isEmpty())
            return fail(error, QStringLiteral("the unit is empty"), r.line), std::nullopt;
        if (rater.isEmpty())
            return fail(error, QStringLiteral("the rater is empty"), r.line), std::nullopt;
        const Parsed p = parseValue(r.value);
        if (p.kind == Parsed::Text) {
            if (options.level == Level::Interval || options.level == Level::Ratio)
                return fail(error,
                            QStringLiteral("'%1' is not a number, which level %2 needs")
                                .arg(p.text, levelName(options.level)),
                            r.line),
                       std::nullopt;
            if (options.level == Level::Ordinal && !declared)
                return fail(error,
                            QStringLiteral(
                                "'%1' is text: level ordinal needs --categories to fix the order of text answers")
                                .arg(p.text),
                            r.line),
                       std::nullopt;
        }
        if (p.kind == Parsed::Number && options.level == Level::Ratio && p.number < 0)
            return fail(error, QStringLiteral("%1 is negative, which level ratio does not allow").arg(p.text), r.line),
                   std::nullopt;

        const qsizetype u = indexOf(unit, &units, &unitIndex);
        const qsizetype k = indexOf(rater, &raters, &raterIndex);
        const auto key = std::make_pair(u, k);
        if (const auto it = seen.constFind(key); it != seen.constEnd()) {
            const QString first = it.value() > 0 ? QStringLiteral(" (first on line %1)").arg(it.value()) : QString();
            return fail(error, QStringLiteral("unit '%1' is rated twice by rater '%2'%3").arg(unit, rater, first),
                        r.line),
                   std::nullopt;
        }
        seen.insert(key, r.line);
        parsed.append(p);
    }

    QList<Category> categories;
    if (!buildCategories(parsed, options, &categories, error))
        return std::nullopt;

    Ratings ratings(units, raters, categories);
    for (qsizetype i = 0; i < records.size(); ++i) {
        const Parsed &p = parsed.at(i);
        if (p.kind == Parsed::Missing)
            continue;
        int index = -1;
        for (qsizetype c = 0; c < categories.size() && index < 0; ++c) {
            const Category &cat = categories.at(c);
            if (p.kind == Parsed::NotApplicable ? cat.notApplicable
                : p.kind == Parsed::Number      ? cat.isNumeric() && cat.value == p.number
                                                : !cat.notApplicable && !cat.isNumeric() && cat.label == p.text)
                index = int(c);
        }
        if (index < 0) {
            return fail(error,
                        QStringLiteral("'%1' is not one of the categories %2")
                            .arg(p.text, options.categories.join(QLatin1Char(','))),
                        records.at(i).line),
                   std::nullopt;
        }
        ratings.set(unitIndex.value(records.at(i).unit.trimmed()), raterIndex.value(records.at(i).rater.trimmed()),
                    index);
    }
    return ratings;
}

} // namespace ql::stats
