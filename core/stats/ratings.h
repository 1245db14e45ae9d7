// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <limits>
#include <optional>
#include <span>
#include <vector>

namespace ql::stats {

// Levels of measurement (Krippendorff 2011): what a difference between two answers means.
enum class Level { Nominal, Ordinal, Interval, Ratio };

QString levelName(Level level); // "nominal", "ordinal", "interval", "ratio"
std::optional<Level> levelFromName(const QString &name);

// One answer a rater can give. `value` holds the number of a numeric answer (NaN for a text label
// and for N/A). N/A is its own category in nominal statistics and missing in all others, so the
// statistics, not the input, decide what it means.
struct Category
{
    QString label;
    double value = std::numeric_limits<double>::quiet_NaN();
    bool notApplicable = false;

    bool isNumeric() const { return value == value; }
};

// The input of every agreement statistic: units (interactions, items) × raters, each cell the
// index of a category or Missing. The category list is the declared scale in its order (an
// ordinal scale's order; a category nobody used still counts in κ weights and AC1).
class Ratings
{
public:
    static constexpr int Missing = -1;

    Ratings() = default;
    Ratings(QStringList units, QStringList raters, QList<Category> categories);

    qsizetype unitCount() const { return m_units.size(); }
    qsizetype raterCount() const { return m_raters.size(); }
    qsizetype categoryCount() const { return m_categories.size(); }
    const QStringList &units() const { return m_units; }
    const QStringList &raters() const { return m_raters; }
    const QList<Category> &categories() const { return m_categories; }
    const Category &category(int index) const { return m_categories.at(index); }

    int at(qsizetype unit, qsizetype rater) const { return m_cells[std::size_t(unit * raterCount() + rater)]; }
    void set(qsizetype unit, qsizetype rater, int category)
    {
        m_cells[std::size_t(unit * raterCount() + rater)] = category;
    }

    // True when cell holds an answer that a statistic at this level uses: any category at the
    // nominal level, any category but N/A at the others.
    bool counts(qsizetype unit, qsizetype rater, Level level) const;
    // How many answers of a unit count at this level.
    int countIn(qsizetype unit, Level level) const;
    // True when every category other than N/A has a numeric value (interval, ratio, ICC).
    bool isNumeric() const;

    // The same raters and categories with the given units (repeats allowed), in that order: a
    // bootstrap resample.
    Ratings withUnits(std::span<const qsizetype> units) const;

private:
    QStringList m_units;
    QStringList m_raters;
    QList<Category> m_categories;
    std::vector<int> m_cells;
};

// Long-format input: one (unit, rater, value) per line, as the CLI reads it and the calibration
// screen writes it. An empty value is missing; "N/A" (any case) is not applicable.
struct RatingRecord
{
    QString unit;
    QString rater;
    QString value;
    qsizetype line = 0; // where the record came from, for messages; 0 when not from a file
};

struct RatingsInputOptions
{
    Level level = Level::Nominal;
    // The declared scale, in order; empty means "the values that occur" (numbers in numeric
    // order, then text labels in code-point order).
    QStringList categories;
};

struct RatingsInputError
{
    QString message;
    qsizetype line = 0; // the record's line, 0 when the message is not about one line
};

// Builds the table, refusing what the statistics cannot use: a repeated (unit, rater), a value
// outside the declared categories, text at the interval or ratio level or at the ordinal level
// without declared categories to fix the order, a negative value at the ratio level.
// Units and raters keep the order in which they first appear; N/A becomes one more category.
std::optional<Ratings> ratingsFromRecords(const QList<RatingRecord> &records, const RatingsInputOptions &options,
                                          RatingsInputError *error);

bool isNotApplicableLabel(const QString &value);

} // namespace ql::stats
