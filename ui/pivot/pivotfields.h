// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivot/cube.h"
#include "pivot/pivotspec.h"

#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace ql {

// One entry of the pivot page's field list: a dimension, the date (shown once, grouped by day,
// week, month, quarter or year where it is placed) or a measure.
struct PivotField
{
    enum class Kind { Dimension, Date, Measure };
    QString id;    // dimension name, "date", or the measure as spelled ("median(score)")
    QString title; // for people ("Median score")
    QString group; // the heading it is listed under
    Kind kind = Kind::Dimension;
    QString description;
};

// How the numbers of one measure are shown (ui.md "Numbers").
struct PivotValueFormat
{
    enum class Style {
        Count,   // integer, thousands separators
        Percent, // one decimal and %: QA score, rates, shares of a total
        Number,  // `decimals` decimals, thousands separators
        Points,  // a signed difference of a percentage: "+2.3 pts", "−1.0 pts"
        Delta,   // a signed difference of anything else: "+12", "−0.25"
    };
    Style style = Style::Number;
    int decimals = 1;
    bool minSampleApplies = true; // a level (rate, mean) greys out below the minimum sample; counts never
    bool responses = false;       // the minimum sample counts CSAT responses, not audits

    QString format(double value, const QLocale &locale) const;
};

// The vocabulary of analysis.md as the pivot page offers it: which fields each source has, what
// they are called, and how their numbers look. Pure functions (no widgets), so they are tested on
// their own.
namespace PivotFields {

// The field list of a source: dimensions grouped (people, work, scorecard, time, custom), then
// measures grouped (counts, quality, CSAT, statistics of each numeric field).
QList<PivotField> forSource(PivotSource source, const QStringList &customDimensions);

// The built-in dimensions of a source (no periods), in analysis.md's order.
QStringList dimensionsOf(PivotSource source);
QStringList periods(); // day, week, month, quarter, year
bool isPeriod(const QString &dimension);

QString sourceTitle(PivotSource source);          // "Audits"
QString sourceNoun(PivotSource source, qint64 n); // "1 audit", "1,234 answers"
QString sourcePlural(PivotSource source);         // "audits", "CSAT responses"
QString dimensionTitle(const QString &dimension); // "Team", "Month"; a custom dimension as named
QString periodTitle(const QString &period);       // "month" -> "Month"
QString measureTitle(const QString &measure);     // "qa_score" -> "QA score"
QString showAsTitle(PivotShowAs showAs);          // "% of grand total"
// A chip's text: "Date · Month", "Count · % of grand total".
QString chipTitle(const QString &id, bool measure, PivotShowAs showAs = PivotShowAs::Value);
// A header label as shown: "(blank)" and "(others)" translated, periods and names as they are.
QString memberTitle(const QString &label);

PivotValueFormat valueFormat(const QString &measure, PivotShowAs showAs);

} // namespace PivotFields

} // namespace ql
