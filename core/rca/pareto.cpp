// SPDX-License-Identifier: GPL-3.0-or-later
#include "pareto.h"

#include "common/periods.h"

#include <QDate>
#include <QHash>

#include <algorithm>

namespace ql::rca {

namespace {

const QString blank = QStringLiteral("(blank)");

} // namespace

QStringList ParetoBuilder::previousPeriods(const Period &period, int n)
{
    QStringList out;
    const QString &p = period.label;
    if (period.dimension == QLatin1String("month")) {
        QDate d(p.left(4).toInt(), p.mid(5, 2).toInt(), 1);
        for (int i = n; i >= 1; --i) {
            const QDate q = d.addMonths(-i);
            out << Periods::monthLabel(q.year() * 100 + q.month());
        }
    } else if (period.dimension == QLatin1String("quarter")) {
        const int year = p.left(4).toInt(), quarter = p.mid(6, 1).toInt();
        for (int i = n; i >= 1; --i) {
            const int k = year * 4 + (quarter - 1) - i;
            out << Periods::quarterLabel((k / 4) * 10 + k % 4 + 1);
        }
    } else if (period.dimension == QLatin1String("week")) {
        // The Thursday of the ISO week decides its year; step back whole weeks from it.
        const int year = p.left(4).toInt(), week = p.mid(6, 2).toInt();
        const QDate jan4(year, 1, 4);
        const QDate thursday = jan4.addDays(1 - jan4.dayOfWeek()).addDays(7 * (week - 1) + 3);
        for (int i = n; i >= 1; --i)
            out << Periods::weekLabel(PeriodKeys::of(thursday.addDays(-7 * i)).week);
    } else if (period.dimension == QLatin1String("year")) {
        for (int i = n; i >= 1; --i)
            out << QString::number(p.toInt() - i);
    } else if (period.dimension == QLatin1String("day")) {
        const QDate d = QDate::fromString(p, Qt::ISODate);
        for (int i = n; i >= 1; --i)
            out << d.addDays(-i).toString(Qt::ISODate);
    }
    return out;
}

void ParetoBuilder::markVitalFew(QList<ParetoItem> &items)
{
    qsizetype last = -1;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (items[i].cumulative >= 80.0 - 1e-9) {
            last = i;
            break;
        }
    }
    if (last < 0)
        last = items.size() - 1;
    for (qsizetype i = 0; i < items.size(); ++i)
        items[i].vitalFew = i <= last || (last >= 0 && items[i].count == items[last].count);
}

std::optional<Pareto> ParetoBuilder::build(const Cube &cube, const QString &dimension, const Period &period,
                                           const QList<PivotFilter> &filters, const PivotOptions &options,
                                           QString *error)
{
    Pareto pareto;
    pareto.dimension = dimension;
    pareto.period = period.label;
    pareto.previousPeriods = previousPeriods(period, 3);
    PivotSpec spec;
    spec.source = cube.source();
    spec.rows = QStringList{dimension};
    spec.cols = QStringList{period.dimension};
    spec.measures = QStringList{QStringLiteral("count")};
    spec.filters = filters;
    spec.filters << PivotFilter{period.dimension, false, QStringList(pareto.previousPeriods) << period.label};
    const auto result = PivotEngine::compute(cube, spec, options, error);
    if (!result)
        return std::nullopt;
    QHash<QString, ParetoItem> byLabel;
    for (int k = 0; k < result->cellCount(); ++k) {
        const auto &cell = result->cell(k);
        const QString label = result->row(cell.row).labels.value(0);
        if (label == blank)
            continue;
        const QString column = result->column(cell.column).labels.value(0);
        const auto &v = result->cellValue(k, 0);
        if (!v)
            continue;
        ParetoItem &item = byLabel[label];
        item.label = label;
        if (item.previous.isEmpty())
            item.previous = QList<qint64>(pareto.previousPeriods.size(), 0);
        if (column == period.label)
            item.count = v->n;
        else if (const qsizetype i = pareto.previousPeriods.indexOf(column); i >= 0)
            item.previous[i] = v->n;
    }
    for (const ParetoItem &item : std::as_const(byLabel)) {
        if (item.count == 0)
            continue;
        pareto.total += item.count;
        pareto.items << item;
    }
    std::sort(pareto.items.begin(), pareto.items.end(), [](const ParetoItem &a, const ParetoItem &b) {
        if (a.count != b.count)
            return a.count > b.count;
        return a.label < b.label;
    });
    qint64 running = 0;
    for (ParetoItem &item : pareto.items) {
        running += item.count;
        item.share = 100.0 * double(item.count) / double(pareto.total);
        item.cumulative = 100.0 * double(running) / double(pareto.total);
        item.isNew = std::all_of(item.previous.cbegin(), item.previous.cend(), [](qint64 c) { return c == 0; });
    }
    markVitalFew(pareto.items);
    return pareto;
}

std::optional<CrossTab> ParetoBuilder::crossTab(const Cube &cube, const QString &rowDimension,
                                                const QString &columnDimension, const Period &period,
                                                const QList<PivotFilter> &filters, const PivotOptions &options,
                                                QString *error)
{
    PivotSpec spec;
    spec.source = cube.source();
    spec.rows = QStringList{rowDimension};
    spec.cols = QStringList{columnDimension};
    spec.measures = QStringList{QStringLiteral("count")};
    spec.filters = filters;
    spec.filters << PivotFilter{period.dimension, false, QStringList{period.label}};
    spec.filters << PivotFilter{rowDimension, true, QStringList{blank}};
    spec.filters << PivotFilter{columnDimension, true, QStringList{blank}};
    const auto result = PivotEngine::compute(cube, spec, options, error);
    if (!result)
        return std::nullopt;
    CrossTab tab;
    tab.rowDimension = rowDimension;
    tab.columnDimension = columnDimension;
    for (const PivotHeader &h : result->rows())
        tab.rows << h.labels.value(0);
    for (const PivotHeader &h : result->columns())
        tab.columns << h.labels.value(0);
    tab.counts.assign(std::size_t(tab.rows.size()), std::vector<qint64>(std::size_t(tab.columns.size()), 0));
    for (int k = 0; k < result->cellCount(); ++k) {
        const auto &cell = result->cell(k);
        if (const auto &v = result->cellValue(k, 0)) {
            tab.counts[std::size_t(cell.row)][std::size_t(cell.column)] = v->n;
            tab.total += v->n;
        }
    }
    return tab;
}

} // namespace ql::rca
