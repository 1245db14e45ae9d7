// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

namespace ql {

// analysis.md "Pareto": categories in descending value (ties by n descending, then label), each
// one's share and the cumulative share (percent); the "vital few" are the categories up to and
// including the one where the cumulative share first reaches 80%, plus any tied with it.
struct ParetoItem
{
    QString label;
    double value = 0;
    qint64 n = 0;
    bool operator==(const ParetoItem &) const = default;
};

struct Pareto
{
    QList<ParetoItem> items; // sorted
    QList<double> share;     // percent of the total
    QList<double> cumulative;
    int vitalFew = 0; // the first vitalFew items
    double total = 0;
};

Pareto paretoOf(QList<ParetoItem> items, double cut = 80.0);

} // namespace ql
