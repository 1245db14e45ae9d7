// SPDX-License-Identifier: GPL-3.0-or-later
#include "trendchart.h"

#include "chart/chartdata.h"
#include "chartexport.h"
#include "chartscene.h"
#include "charttheme.h"

#include <QLabel>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace ql {

TrendChart::TrendChart(QWidget *parent) : QWidget(parent), m_label(new QLabel(this))
{
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setMinimumSize(200, 120);
    m_label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_label->setAccessibleName(tr("Trend chart of the last 12 periods"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
}

void TrendChart::clear()
{
    m_image = QImage();
    m_label->clear();
}

void TrendChart::build(const QList<KpiEngine::TrendPoint> &trend, const QString &who, int minimumSample,
                       ChartSpec *specOut, ChartData *dataOut)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    ChartSpec spec;
    spec.type = ChartType::Line;
    spec.title = tr("QA score and pass rate, last %1 periods").arg(trend.size());
    spec.subtitle = who;
    spec.band = QStringLiteral("ci95");
    spec.target = trend.isEmpty() ? std::nullopt : trend.last().target;
    ChartData data;
    data.type = ChartType::Line;
    data.source = PivotSource::Audits;
    data.rowDimension = QStringLiteral("period");
    ChartSeries score{tr("QA score"), {}, {}, {}, {}, {}};
    ChartSeries pass{tr("Pass rate"), {}, {}, {}, {}, {}};
    for (const KpiEngine::TrendPoint &t : trend) {
        data.categories << t.period.label();
        score.values << t.qaScore.value.value_or(nan);
        score.n << t.qaScore.n;
        score.low << t.qaScore.ciLow.value_or(nan);
        score.high << t.qaScore.ciHigh.value_or(nan);
        pass.values << t.passRate.value.value_or(nan);
        pass.n << t.passRate.n;
        data.facts += t.qaScore.n;
    }
    data.displayCategories = chartDisplayLabels(data.categories);
    data.series = {score, pass};
    data.measures = {chartMeasureInfo(QStringLiteral("qa_score"), PivotSource::Audits),
                     chartMeasureInfo(QStringLiteral("pass_rate"), PivotSource::Audits)};
    data.minSample = minimumSample;
    if (!trend.isEmpty()) {
        data.firstDate = trend.first().period.from;
        data.lastDate = trend.last().period.to;
    }
    data.periodDate = tr("review date");
    data.notes << tr("Band: 95% t-interval of the QA score; dashed line: QA score target");
    *specOut = spec;
    *dataOut = data;
}

void TrendChart::setTrend(const QList<KpiEngine::TrendPoint> &trend, const QString &who, int minimumSample,
                          const QString &filters)
{
    if (trend.isEmpty()) {
        clear();
        return;
    }
    ChartSpec spec;
    ChartData data;
    build(trend, who, minimumSample, &spec, &data);
    data.filters = filters;
    const ChartScene chart(spec, data, ChartTheme::named(QStringLiteral("light")), QSize(1920, 900));
    m_image = ChartExport::image(chart, 1);
    updatePixmap();
}

void TrendChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updatePixmap();
}

void TrendChart::updatePixmap()
{
    if (m_image.isNull())
        return;
    m_label->setPixmap(QPixmap::fromImage(
        m_image.scaled(m_label->size() * devicePixelRatioF(), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

} // namespace ql
