// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibration/calibrationmetrics.h"

#include <QAbstractTableModel>

namespace ql {

// The reveal grid of one item in review (calibration.md "review"): the baseline's row, then one row
// per participant, one column per criterion. A cell shows the answer; where it differs from the
// baseline it says so in text and is coloured with the status colours of ui.md (watch: differs;
// bad: a critical mismatch), and matches are marked good. Criteria whose disagreement on this item
// exceeds the threshold are flagged in their header.
class CalibrationRevealModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Status : quint8 { None, Match, Differs, CriticalMismatch };
    static constexpr int StatusRole = Qt::UserRole + 1;

    explicit CalibrationRevealModel(QObject *parent = nullptr);

    // Empty (no rows) when the data carries no answers.
    void setItem(const CalibrationSessionData &data, const CalibrationMetrics &metrics, int item);
    void clear();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QColor colour(Status status);

private:
    struct Cell
    {
        QString text;
        QString toolTip;
        Status status = Status::None;
    };
    QStringList m_rows;
    QStringList m_columns;
    QList<bool> m_flagged;
    QList<QList<Cell>> m_cells;
};

} // namespace ql
