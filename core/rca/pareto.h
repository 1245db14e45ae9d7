// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rcaengine.h"

#include "pivot/cube.h"
#include "pivot/pivotengine.h"
#include "pivot/pivotspec.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace ql::rca {

// One category of a Pareto (analysis.md "Pareto"): its count in the period, share and cumulative
// share (percent), whether it is among the vital few, and whether it is new (absent in the three
// periods before) or recurring.
struct ParetoItem
{
    QString label;
    qint64 count = 0;
    double share = 0;
    double cumulative = 0;
    bool vitalFew = false;
    bool isNew = false;
    QList<qint64> previous; // counts in the three periods before, oldest first
};

struct Pareto
{
    QString dimension;
    QString period;
    QStringList previousPeriods; // oldest first
    qint64 total = 0;            // facts with a value (blank left out)
    QList<ParetoItem> items;     // by count descending, ties by label
};

// A cross-tab of two dimensions over one period: counts[r][c] of facts with both values.
struct CrossTab
{
    QString rowDimension;
    QString columnDimension;
    QStringList rows;
    QStringList columns;
    std::vector<std::vector<qint64>> counts;
    qint64 total = 0;
};

class ParetoBuilder final
{
public:
    // The Pareto of a dimension's members in a period, counting facts that pass the filters;
    // "(blank)" is left out. CSAT reasons: the csat cube and "reason"; audit root causes: the
    // answers cube and "root_cause" (an answer with several causes counts under each).
    static std::optional<Pareto> build(const Cube &cube, const QString &dimension, const Period &period,
                                       const QList<PivotFilter> &filters, const PivotOptions &options, QString *error);

    // Reason × root cause over the answers cube: answers with a root cause on audits whose ticket's
    // response gave a reason, in the period.
    static std::optional<CrossTab> crossTab(const Cube &cube, const QString &rowDimension,
                                            const QString &columnDimension, const Period &period,
                                            const QList<PivotFilter> &filters, const PivotOptions &options,
                                            QString *error);

    // The n periods before a period of the same kind, oldest first (2026-10 → 2026-07, -08, -09).
    static QStringList previousPeriods(const Period &period, int n);

    // Marks the vital few: the items up to and including the one where the cumulative share first
    // reaches 80%, plus any tied with it. Items must be in Pareto order with shares filled in.
    static void markVitalFew(QList<ParetoItem> &items);
};

} // namespace ql::rca
