// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivotfields.h"

#include <QIdentityProxyModel>
#include <QList>
#include <QLocale>
#include <QSet>

namespace ql {

class PivotTableModel;

// The thin formatting layer over PivotTableModel (after GammaRay's ClientTimerModel): the number
// as text per its measure (counts with thousands separators, levels with one decimal and %, deltas
// in points), totals bold, values right-aligned, the heat map as a background, n on hover, and a
// value below the minimum sample greyed (ui.md "Numbers"). ValueRole and the rest pass through.
class PivotFormatProxy final : public QIdentityProxyModel
{
    Q_OBJECT
public:
    explicit PivotFormatProxy(QObject *parent = nullptr);

    void setPivotModel(PivotTableModel *model);
    PivotTableModel *pivotModel() const { return m_pivot; }

    void setLocale(const QLocale &locale);
    // Minimum samples (project settings): audits, and CSAT responses.
    void setMinimumSamples(int audits, int responses);
    void setHeatMap(const QStringList &measures); // by spelling
    QStringList heatMap() const { return m_heatMapNames; }

    PivotValueFormat formatOf(int measure) const { return m_formats.value(measure); }
    QString formatted(const QModelIndex &index) const; // the text a cell shows (empty when empty)

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void resultChanged();
    bool belowMinimum(int measure, qint64 n) const;

    PivotTableModel *m_pivot = nullptr;
    QLocale m_locale;
    int m_minAudits = 10;
    int m_minResponses = 20;
    QStringList m_heatMapNames;
    QSet<int> m_heatMap; // measure indexes
    QList<PivotValueFormat> m_formats;
    QStringList m_titles;
};

} // namespace ql
