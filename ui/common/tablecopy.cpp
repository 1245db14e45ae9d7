// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablecopy.h"

#include "icons.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QTableView>

#include <algorithm>

namespace ql::TableCopy {

namespace {
QString cell(QString text)
{
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.remove(QLatin1Char('\r'));
    return text;
}
} // namespace

QString selectedRows(const QTableView *view, int maxRows, int *copiedRows, int *selectedCount)
{
    const QAbstractItemModel *model = view->model();
    if (!model || !view->selectionModel())
        return {};
    QList<int> rows;
    for (const QItemSelectionRange &range : view->selectionModel()->selection())
        for (int row = range.top(); row <= range.bottom(); ++row)
            rows << row;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    if (selectedCount)
        *selectedCount = int(rows.size());
    if (rows.size() > maxRows)
        rows.resize(maxRows);
    if (copiedRows)
        *copiedRows = int(rows.size());
    if (rows.isEmpty())
        return {};
    const QHeaderView *header = view->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns << logical;
    }
    QStringList lines;
    QStringList fields;
    for (int c : columns)
        fields << cell(model->headerData(c, Qt::Horizontal).toString());
    lines << fields.join(QLatin1Char('\t'));
    for (int row : rows) {
        fields.clear();
        for (int c : columns)
            fields << cell(model->index(row, c).data().toString());
        lines << fields.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QAction *install(QTableView *view)
{
    auto *copy = new QAction(Icons::themed(QStringLiteral("edit-copy")), QApplication::translate("ql::TableCopy", "&Copy"), view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(copy, &QAction::triggered, view, [view] {
        const QString text = selectedRows(view, MaxRows);
        if (!text.isEmpty())
            QApplication::clipboard()->setText(text);
    });
    view->addAction(copy);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    return copy;
}

} // namespace ql::TableCopy
