// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>

namespace ql {

class PivotFormatProxy;
class PivotHeaderView;
class PivotTableModel;

// The pivot's table: a plain QTableView over PivotFormatProxy with a PivotHeaderView on each side
// (the frozen, nested headers), a corner naming the dimensions of each level, Ctrl+C copying the
// selection as TSV with its headers, and double-click asking for the records behind a cell.
class PivotTableView final : public QTableView
{
    Q_OBJECT
public:
    explicit PivotTableView(QWidget *parent = nullptr);

    void setPivotModel(PivotFormatProxy *proxy);
    PivotFormatProxy *proxy() const { return m_proxy; }
    PivotTableModel *pivotModel() const;
    PivotHeaderView *rowHeader() const { return m_rowHeader; }
    PivotHeaderView *columnHeader() const { return m_columnHeader; }
    QWidget *corner() const { return m_corner; }
    QAction *copyAction() const { return m_copy; }

    // Sizes the headers and columns to their labels and values; called after every new result.
    void fitToContents();
    // The selection as TSV with the header rows and row labels (PivotCopy).
    QString selectionText() const;

Q_SIGNALS:
    void drillRequested(int row, int column);

protected:
    void updateGeometries() override;

private:
    void selectSpan(Qt::Orientation orientation, int first, int last, Qt::KeyboardModifiers modifiers);

    PivotFormatProxy *m_proxy = nullptr;
    PivotHeaderView *m_rowHeader;
    PivotHeaderView *m_columnHeader;
    QWidget *m_corner;
    QAction *m_copy;
};

} // namespace ql
