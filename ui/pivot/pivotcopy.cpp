// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotcopy.h"

#include "pivotformatproxy.h"
#include "pivotheadermodel.h"
#include "pivottablemodel.h"

#include <QStringList>

namespace ql::PivotCopy {

namespace {

QString clean(QString text)
{
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.remove(QLatin1Char('\r'));
    return text;
}

// The text of a header cell in a copy: members on every section they span, totals at their level.
QString headerText(const PivotHeaderModel *h, int section, int level)
{
    const PivotHeaderModel::Cell c = h->cell(section, level);
    return c.firstLevel == level ? clean(c.text) : QString();
}

} // namespace

QString block(const PivotFormatProxy *proxy, const QList<int> &rows, const QList<int> &columns)
{
    const PivotTableModel *model = proxy ? proxy->pivotModel() : nullptr;
    if (!model || rows.isEmpty() || columns.isEmpty())
        return {};
    const PivotHeaderModel *rowHeader = model->rowHeaderModel();
    const PivotHeaderModel *columnHeader = model->columnHeaderModel();
    const int rowLevels = rowHeader->levelCount();
    const int columnLevels = columnHeader->levelCount();
    const QStringList rowTitles = rowHeader->levelTitles();
    const QStringList columnTitles = columnHeader->levelTitles();
    QStringList lines;
    for (int h = 0; h < columnLevels; ++h) {
        QStringList fields;
        for (int v = 0; v < rowLevels; ++v) {
            if (h == columnLevels - 1)
                fields << clean(rowTitles.value(v));
            else if (v == rowLevels - 1)
                fields << clean(columnTitles.value(h));
            else
                fields << QString();
        }
        for (int c : columns)
            fields << headerText(columnHeader, c, h);
        lines << fields.join(QLatin1Char('\t'));
    }
    for (int r : rows) {
        QStringList fields;
        for (int v = 0; v < rowLevels; ++v)
            fields << headerText(rowHeader, r, v);
        for (int c : columns)
            fields << clean(proxy->index(r, c).data().toString());
        lines << fields.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace ql::PivotCopy
