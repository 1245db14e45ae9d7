// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivottableview.h"

#include "common/icons.h"
#include "pivotcopy.h"
#include "pivotformatproxy.h"
#include "pivotheaderview.h"
#include "pivottablemodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QItemSelectionModel>
#include <QPainter>
#include <QStyleOptionHeader>

#include <algorithm>
#include <cmath>

namespace ql {

namespace {

// The top-left corner: the name of each column level beside its band, and over the row labels the
// name of each row level, so a reader knows what each header is.
class PivotCorner final : public QWidget
{
public:
    PivotCorner(PivotTableView *view) : QWidget(view), m_view(view)
    {
        setObjectName(QStringLiteral("pivotCorner"));
        setAttribute(Qt::WA_TransparentForMouseEvents);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        QStyleOptionHeader opt;
        opt.initFrom(this);
        opt.rect = rect();
        opt.position = QStyleOptionHeader::OnlyOneSection;
        style()->drawControl(QStyle::CE_HeaderSection, &opt, &p, this);
        const PivotTableModel *model = m_view->pivotModel();
        if (!model || !model->result())
            return;
        const PivotHeaderView *rows = m_view->rowHeader();
        const PivotHeaderView *cols = m_view->columnHeader();
        const QStringList rowTitles = model->rowHeaderModel()->levelTitles();
        const QStringList colTitles = model->columnHeaderModel()->levelTitles();
        const int lh = cols->levelHeight();
        const int bands = std::max(1, int(colTitles.size()));
        QFont bold = font();
        bold.setBold(true);
        p.setPen(palette().color(QPalette::PlaceholderText));
        for (int b = 0; b < bands - 1; ++b) {
            const QRect band(6, b * lh, width() - 12, lh);
            p.drawText(
                band, int(Qt::AlignRight | Qt::AlignVCenter),
                fontMetrics().elidedText(colTitles.value(b) + QStringLiteral(" ▸"), Qt::ElideLeft, band.width()));
        }
        // The last band: the row levels' names, each over its column of labels.
        p.setFont(bold);
        p.setPen(palette().color(QPalette::ButtonText));
        const int top = std::max(0, height() - lh);
        for (int level = 0; level < rowTitles.size(); ++level) {
            const int left = rows->levelOffset(level);
            const int right = level + 1 < rowTitles.size() ? rows->levelOffset(level + 1) : width();
            const QRect cell(left + 6, top, right - left - 12, lh);
            p.drawText(cell, int(Qt::AlignLeft | Qt::AlignVCenter),
                       p.fontMetrics().elidedText(rowTitles.at(level), Qt::ElideRight, cell.width()));
        }
        if (colTitles.size() == 1 && !colTitles.first().isEmpty() && rowTitles.join(QString()).isEmpty()) {
            const QRect cell(6, top, width() - 12, lh);
            p.drawText(cell, int(Qt::AlignRight | Qt::AlignVCenter), colTitles.first());
        }
    }

private:
    PivotTableView *m_view;
};

} // namespace

PivotTableView::PivotTableView(QWidget *parent)
    : QTableView(parent), m_rowHeader(new PivotHeaderView(Qt::Vertical, this)),
      m_columnHeader(new PivotHeaderView(Qt::Horizontal, this)), m_corner(new PivotCorner(this)),
      m_copy(new QAction(Icons::themed(QStringLiteral("edit-copy")), tr("&Copy"), this))
{
    setObjectName(QStringLiteral("pivotTable"));
    setAccessibleName(tr("Pivot table"));
    setVerticalHeader(m_rowHeader);
    setHorizontalHeader(m_columnHeader);
    m_rowHeader->setObjectName(QStringLiteral("pivotRowHeader"));
    m_columnHeader->setObjectName(QStringLiteral("pivotColumnHeader"));
    setCornerButtonEnabled(false);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setWordWrap(false);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setShowGrid(true);

    m_copy->setObjectName(QStringLiteral("copyAction"));
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copy->setToolTip(tr("Copy the selected cells with their headers, to paste into a spreadsheet"));
    connect(m_copy, &QAction::triggered, this, [this] {
        const QString text = selectionText();
        if (!text.isEmpty())
            QApplication::clipboard()->setText(text);
    });
    addAction(m_copy);

    connect(this, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex &index) { Q_EMIT drillRequested(index.row(), index.column()); });
    connect(m_rowHeader, &PivotHeaderView::spanClicked, this,
            [this](int first, int last, Qt::KeyboardModifiers m) { selectSpan(Qt::Vertical, first, last, m); });
    connect(m_columnHeader, &PivotHeaderView::spanClicked, this,
            [this](int first, int last, Qt::KeyboardModifiers m) { selectSpan(Qt::Horizontal, first, last, m); });
}

PivotTableModel *PivotTableView::pivotModel() const
{
    return m_proxy ? m_proxy->pivotModel() : nullptr;
}

void PivotTableView::setPivotModel(PivotFormatProxy *proxy)
{
    m_proxy = proxy;
    setModel(proxy);
    if (PivotTableModel *model = pivotModel()) {
        m_rowHeader->setHeaderModel(model->rowHeaderModel());
        m_columnHeader->setHeaderModel(model->columnHeaderModel());
    }
}

void PivotTableView::fitToContents()
{
    m_rowHeader->updateLevels();
    m_columnHeader->updateLevels();
    PivotTableModel *model = pivotModel();
    if (model && model->result()) {
        // Column widths from the labels and the widest value each measure can show, never from the
        // cells themselves (there may be millions).
        const auto result = model->result();
        QFont bold = font();
        bold.setBold(true);
        const QFontMetrics metrics(bold);
        QList<int> valueWidths;
        for (int m = 0; m < result->measureCount(); ++m) {
            const PivotValueFormat f = m_proxy->formatOf(m);
            double largest = 0;
            for (int k = 0; k < result->cellCount(); ++k)
                if (const auto &v = result->cellValue(k, m))
                    largest = std::max(largest, std::fabs(v->value));
            const QString widest = f.format(-largest, locale());
            valueWidths << metrics.horizontalAdvance(widest) + 16;
        }
        const PivotHeaderModel *h = model->columnHeaderModel();
        const int levels = h->levelCount();
        for (int c = 0; c < h->sectionCount(); ++c) {
            int width = valueWidths.value(model->measureAt(c), 60);
            const PivotHeaderModel::Cell leaf = h->cell(c, levels - 1);
            if (leaf.firstSection == leaf.lastSection && leaf.firstLevel == levels - 1)
                width = std::max(width, metrics.horizontalAdvance(leaf.text) + 16);
            m_columnHeader->resizeSection(c, std::clamp(width, 56, 220));
        }
    }
    doItemsLayout();
    m_corner->update();
}

void PivotTableView::updateGeometries()
{
    QTableView::updateGeometries();
    const int f = frameWidth();
    m_corner->setGeometry(f, f, m_rowHeader->isVisible() ? m_rowHeader->width() : 0,
                          m_columnHeader->isVisible() ? m_columnHeader->height() : 0);
    m_corner->raise();
    m_corner->update();
}

void PivotTableView::selectSpan(Qt::Orientation orientation, int first, int last, Qt::KeyboardModifiers modifiers)
{
    if (!model() || !selectionModel())
        return;
    const bool vertical = orientation == Qt::Vertical;
    const QModelIndex topLeft = vertical ? model()->index(first, 0) : model()->index(0, first);
    const QModelIndex bottomRight =
        vertical ? model()->index(last, model()->columnCount() - 1) : model()->index(model()->rowCount() - 1, last);
    if (!topLeft.isValid() || !bottomRight.isValid())
        return;
    const auto flags =
        modifiers & Qt::ControlModifier ? QItemSelectionModel::Select : QItemSelectionModel::ClearAndSelect;
    selectionModel()->select(QItemSelection(topLeft, bottomRight), flags);
    selectionModel()->setCurrentIndex(topLeft, QItemSelectionModel::NoUpdate);
}

QString PivotTableView::selectionText() const
{
    if (!selectionModel())
        return {};
    QList<int> rows, columns;
    for (const QModelIndex &index : selectionModel()->selectedIndexes()) {
        rows << index.row();
        columns << index.column();
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    std::sort(columns.begin(), columns.end());
    columns.erase(std::unique(columns.begin(), columns.end()), columns.end());
    return PivotCopy::block(m_proxy, rows, columns);
}

} // namespace ql
