// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotformatproxy.h"

#include "pivottablemodel.h"

#include <QApplication>
#include <QBrush>
#include <QFont>
#include <QPalette>

#include <algorithm>

namespace ql {

PivotFormatProxy::PivotFormatProxy(QObject *parent) : QIdentityProxyModel(parent) {}

void PivotFormatProxy::setPivotModel(PivotTableModel *model)
{
    if (m_pivot)
        disconnect(m_pivot, nullptr, this, nullptr);
    m_pivot = model;
    // Connected before setSourceModel, so these run before the proxy passes the reset on: the
    // formats are ready when the view hears of it.
    if (m_pivot)
        connect(m_pivot, &QAbstractItemModel::modelReset, this, &PivotFormatProxy::resultChanged);
    setSourceModel(model);
    resultChanged();
}

void PivotFormatProxy::setLocale(const QLocale &locale)
{
    m_locale = locale;
    if (rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void PivotFormatProxy::setMinimumSamples(int audits, int responses)
{
    m_minAudits = audits;
    m_minResponses = responses;
    if (rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void PivotFormatProxy::setHeatMap(const QStringList &measures)
{
    m_heatMapNames = measures;
    resultChanged();
    if (rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::BackgroundRole});
}

void PivotFormatProxy::resultChanged()
{
    m_formats.clear();
    m_titles.clear();
    m_heatMap.clear();
    const auto result = m_pivot ? m_pivot->result() : nullptr;
    if (!result)
        return;
    for (int m = 0; m < result->measureCount(); ++m) {
        const QString &name = result->measures().at(m);
        const PivotShowAs how = result->spec().showAsOf(name);
        m_formats << PivotFields::valueFormat(name, how);
        m_titles << PivotFields::chipTitle(name, true, how);
        if (m_heatMapNames.contains(name))
            m_heatMap.insert(m);
    }
}

bool PivotFormatProxy::belowMinimum(int measure, qint64 n) const
{
    const PivotValueFormat f = m_formats.value(measure);
    if (!f.minSampleApplies)
        return false;
    return n < (f.responses ? m_minResponses : m_minAudits);
}

QString PivotFormatProxy::formatted(const QModelIndex &index) const
{
    const QVariant v = QIdentityProxyModel::data(index, PivotTableModel::ValueRole);
    if (!v.isValid())
        return {};
    const int m = QIdentityProxyModel::data(index, PivotTableModel::MeasureRole).toInt();
    return m_formats.value(m).format(v.toDouble(), m_locale);
}

QVariant PivotFormatProxy::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return formatted(index);
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (QIdentityProxyModel::data(index, PivotTableModel::TotalRole).toBool()) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole: {
        const QVariant n = QIdentityProxyModel::data(index, PivotTableModel::CountRole);
        const int m = QIdentityProxyModel::data(index, PivotTableModel::MeasureRole).toInt();
        if (n.isValid() && belowMinimum(m, n.toLongLong()))
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    }
    case Qt::BackgroundRole: {
        const int m = QIdentityProxyModel::data(index, PivotTableModel::MeasureRole).toInt();
        if (!m_heatMap.contains(m) || !m_pivot || QIdentityProxyModel::data(index, PivotTableModel::TotalRole).toBool())
            return {};
        const QVariant v = QIdentityProxyModel::data(index, PivotTableModel::ValueRole);
        const auto range = m_pivot->detailRange(m);
        if (!v.isValid() || !range)
            return {};
        // Cells below the minimum sample are left uncoloured (analysis.md: hatched or grey).
        if (belowMinimum(m, QIdentityProxyModel::data(index, PivotTableModel::CountRole).toLongLong()))
            return {};
        const double span = range->second - range->first;
        const double t = span > 0 ? std::clamp((v.toDouble() - range->first) / span, 0.0, 1.0) : 0.5;
        // One hue from the system palette (ui.md: no hard-coded colours), stronger for larger values;
        // the text stays readable at the strongest shade.
        QColor c = QApplication::palette().color(QPalette::Highlight);
        c.setAlphaF(0.05 + 0.4 * t);
        return QBrush(c);
    }
    case Qt::ToolTipRole: {
        const QVariant v = QIdentityProxyModel::data(index, PivotTableModel::ValueRole);
        if (!v.isValid())
            return {};
        const int m = QIdentityProxyModel::data(index, PivotTableModel::MeasureRole).toInt();
        const qint64 n = QIdentityProxyModel::data(index, PivotTableModel::CountRole).toLongLong();
        QString tip = tr("%1: %2\nn = %3").arg(m_titles.value(m), formatted(index), m_locale.toString(n));
        if (belowMinimum(m, n))
            tip += QLatin1Char('\n') + tr("Below the minimum sample (%1): read it with care.")
                                           .arg(m_formats.value(m).responses ? m_minResponses : m_minAudits);
        tip += QLatin1Char('\n') + tr("Double-click to see the records behind it.");
        return tip;
    }
    default:
        return QIdentityProxyModel::data(index, role);
    }
}

} // namespace ql
