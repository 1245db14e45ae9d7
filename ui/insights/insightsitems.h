// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStandardItem>
#include <QString>

#include <cmath>
#include <optional>

// The cells of the Insights page's tables: read-only, numbers right-aligned, shown rounded and
// kept exact in Qt::UserRole for sorting and export.
namespace ql::insights {

inline QStandardItem *textItem(const QString &value)
{
    auto *item = new QStandardItem(value);
    item->setEditable(false);
    return item;
}

// Empty (no value) when value is missing or not finite.
inline QStandardItem *numberItem(std::optional<double> value, int decimals = 1)
{
    auto *item = new QStandardItem;
    item->setEditable(false);
    if (value && std::isfinite(*value)) {
        const double scale = std::pow(10.0, decimals);
        item->setData(std::round(*value * scale) / scale, Qt::DisplayRole);
        item->setData(*value, Qt::UserRole);
    }
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

inline QStandardItem *countItem(qint64 value)
{
    auto *item = new QStandardItem;
    item->setEditable(false);
    item->setData(value, Qt::DisplayRole);
    item->setData(value, Qt::UserRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace ql::insights
