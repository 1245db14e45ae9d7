// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/chartdata.h"
#include "chart/chartspec.h"
#include "scorecard/kpiengine.h"

#include <QImage>
#include <QWidget>

class QLabel;

namespace ql {

// The trend of a scorecard (issue 4): QA score of the last 12 periods with its 95% band, the pass
// rate, and the target as a dashed line, drawn by the chart library (render/) as a slide would
// show it, scaled to the widget.
class TrendChart final : public QWidget
{
    Q_OBJECT
public:
    explicit TrendChart(QWidget *parent = nullptr);

    // `filters`: the filter bar's choices for the footnote ("team = North"), empty for none.
    void setTrend(const QList<KpiEngine::TrendPoint> &trend, const QString &who, int minimumSample,
                  const QString &filters = {});
    // The chart's spec and data (the coaching pack draws the same chart into its PDF).
    static void build(const QList<KpiEngine::TrendPoint> &trend, const QString &who, int minimumSample,
                      ChartSpec *spec, ChartData *data);
    void clear();
    QImage image() const { return m_image; } // the full-size rendering (empty when none)

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updatePixmap();

    QLabel *m_label;
    QImage m_image;
};

} // namespace ql
