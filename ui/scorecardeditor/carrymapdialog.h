// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scorecard/whatifrescore.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QTableWidget;

namespace ql {

// "Map Answers…" of the what-if (docs/scorecard-editor.md "Mapping"): for each criterion whose
// answers the target cannot take, the target criterion they go to, and for each option label the
// target lacks, the target's label it becomes. One row per criterion, then one per label; a
// criterion row offers the target's criteria of the same kind of scale (binary, range, options),
// a label row the options of the criterion the answers go to. Labels of a criterion mapped to
// another show up once the what-if has run with the map (Map Answers… again). map() is what the user chose, on top
// of the map the what-if ran with.
class CarryMapDialog final : public QDialog
{
    Q_OBJECT
public:
    CarryMapDialog(const WhatIfResult &result, const Scorecard &target, QWidget *parent = nullptr);

    CarryMap map() const;

    QTableWidget *table() const { return m_table; }
    // The row's combo box (column 2), nullptr when the row has none.
    QComboBox *choice(int row) const;
    // The row of a criterion, or of one of its labels; -1 when absent.
    int rowOf(const QString &key, const QString &label = QString()) const;

private:
    struct Row
    {
        QString key;
        QString label; // empty: the criterion's row
    };
    void fillLabels(const QString &key);

    Scorecard m_target;
    CarryMap m_map;
    QList<Row> m_rows;
    QTableWidget *m_table;
    QDialogButtonBox *m_buttons;
};

} // namespace ql
