// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivotheadermodel.h"

#include <QHeaderView>
#include <QList>
#include <QPointer>

namespace ql {

// A QHeaderView that paints the nested labels of a PivotHeaderModel with their spans (style.md's
// hint): the horizontal header is one band per level, the vertical one a column per level. A span
// is painted piece by piece, each section drawing the whole span clipped to itself, so spans
// survive scrolling and resizing; a label keeps to the visible part of its span, so a team's name
// stays in view while its agents scroll. Headers do not scroll away (they are the frozen part).
//
// Row groups that can be collapsed show an arrow; clicking it emits groupToggled(). Clicking a
// label selects the rows or columns it spans.
class PivotHeaderView final : public QHeaderView
{
    Q_OBJECT
public:
    explicit PivotHeaderView(Qt::Orientation orientation, QWidget *parent = nullptr);

    void setHeaderModel(PivotHeaderModel *model);
    PivotHeaderModel *headerModel() const { return m_header; }

    // Vertical: the width of each level's column; horizontal: one band height for every level.
    QList<int> levelWidths() const { return m_levelWidths; }
    int levelHeight() const;
    int levelOffset(int level) const; // x of a vertical level's column
    // Measures the labels (vertical level widths), then asks the view to lay out again.
    void updateLevels();

    // The viewport rectangle of the span a cell belongs to.
    QRect spanRect(const PivotHeaderModel::Cell &cell) const;
    // Which cell is at a point, and whether the point is on its collapse arrow.
    struct Hit
    {
        int section = -1;
        int level = -1;
        bool onArrow = false;
    };
    Hit hitTest(const QPoint &pos) const;
    QRect arrowRect(const PivotHeaderModel::Cell &cell) const;

    QSize sizeHint() const override;

Q_SIGNALS:
    void groupToggled(int section, int level);
    void spanClicked(int firstSection, int lastSection, Qt::KeyboardModifiers modifiers);

protected:
    void paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const override;
    QSize sectionSizeFromContents(int logicalIndex) const override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    bool nearSectionEdge(const QPoint &pos) const;

    QPointer<PivotHeaderModel> m_header;
    QList<int> m_levelWidths;
    bool m_baseHandlesMouse = false;
};

} // namespace ql
