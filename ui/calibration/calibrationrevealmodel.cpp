// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationrevealmodel.h"

#include "calibrationscoringform.h"

#include <QColor>

namespace ql {

CalibrationRevealModel::CalibrationRevealModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QColor CalibrationRevealModel::colour(Status status)
{
    switch (status) {
    case Status::Match:
        return QColor(0x00, 0x9E, 0x73); // good
    case Status::Differs:
        return QColor(0xE6, 0x9F, 0x00); // watch
    case Status::CriticalMismatch:
        return QColor(0xD5, 0x5E, 0x00); // bad
    case Status::None:
        break;
    }
    return {};
}

void CalibrationRevealModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_columns.clear();
    m_flagged.clear();
    m_cells.clear();
    endResetModel();
}

void CalibrationRevealModel::setItem(const CalibrationSessionData &data, const CalibrationMetrics &metrics, int item)
{
    beginResetModel();
    m_rows.clear();
    m_columns.clear();
    m_flagged.clear();
    m_cells.clear();
    if (data.answersLoaded && item >= 0 && item < int(data.items.size()) && item < int(metrics.items.size())) {
        const Scorecard &card = data.card;
        const ItemCalibration &ic = metrics.items.at(item);
        const int n = card.criterionCount();
        for (int c = 0; c < n; ++c) {
            const Criterion &crit = card.criterionAt(c);
            m_columns << (crit.name.isEmpty() ? crit.key : crit.name);
            m_flagged << ic.flaggedCriteria.contains(crit.key);
        }
        // The baseline's row.
        m_rows << tr("Baseline (%1)").arg(calibrationBaselineName(metrics.baseline));
        QList<Cell> baseRow;
        for (int c = 0; c < n; ++c) {
            const CalibrationAnswer b = c < ic.baseline.size() ? ic.baseline.at(c) : CalibrationAnswer{};
            baseRow.append({calibrationAnswerText(card.criterionAt(c), b), {}, Status::None});
        }
        m_cells << baseRow;
        for (int p = 0; p < int(data.participants.size()); ++p) {
            const CalibrationParticipant &who = data.participants.at(p);
            m_rows << (who.expert ? tr("%1 (expert)").arg(who.name) : who.name);
            QList<Cell> row;
            for (int c = 0; c < n; ++c) {
                const Criterion &crit = card.criterionAt(c);
                const CalibrationAnswer &a = data.answer(item, p, c);
                const CalibrationAnswer b = c < ic.baseline.size() ? ic.baseline.at(c) : CalibrationAnswer{};
                Cell cell{calibrationAnswerText(crit, a), a.comment, Status::None};
                if (!a.isMissing() && !b.isMissing()) {
                    bool critical = false;
                    for (const CriticalMismatch &m : metrics.criticalMismatches)
                        if (m.participant == p && m.item == item && m.criterion == c)
                            critical = true;
                    if (critical) {
                        cell.status = Status::CriticalMismatch;
                        cell.text += tr(" ⚠ critical, baseline %1").arg(calibrationAnswerText(crit, b));
                    } else if (!a.sameAnswer(b)) {
                        cell.status = Status::Differs;
                        cell.text += tr(" ≠ baseline %1").arg(calibrationAnswerText(crit, b));
                    } else {
                        cell.status = Status::Match;
                        cell.text += QStringLiteral(" ✓");
                    }
                }
                row << cell;
            }
            m_cells << row;
        }
    }
    endResetModel();
}

int CalibrationRevealModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CalibrationRevealModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant CalibrationRevealModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Cell &cell = m_cells.at(index.row()).at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return cell.text;
    case Qt::ToolTipRole:
        return cell.toolTip.isEmpty() ? QVariant() : QVariant(cell.toolTip);
    case Qt::BackgroundRole:
        if (cell.status != Status::None) {
            QColor c = colour(cell.status);
            c.setAlpha(cell.status == Status::Match ? 40 : 90);
            return c;
        }
        return {};
    case Qt::FontRole:
        if (index.row() == 0) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case StatusRole:
        return int(cell.status);
    default:
        return {};
    }
}

QVariant CalibrationRevealModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (orientation == Qt::Vertical)
        return section >= 0 && section < m_rows.size() ? QVariant(m_rows.at(section)) : QVariant();
    if (section < 0 || section >= m_columns.size())
        return {};
    if (role == Qt::ToolTipRole)
        return m_flagged.at(section) ? tr("Disagreement on this item exceeds the threshold") : QVariant();
    return m_flagged.at(section) ? tr("%1 ⚑ disagreement").arg(m_columns.at(section)) : m_columns.at(section);
}

} // namespace ql
