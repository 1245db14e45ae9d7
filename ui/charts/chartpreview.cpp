// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartpreview.h"

#include "chartscene.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QResizeEvent>

namespace ql {

ChartPreview::ChartPreview(QWidget *parent)
    : QGraphicsView(parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    // Grey around the chart shows where the slide ends.
    setBackgroundBrush(palette().color(QPalette::Dark));
    setAccessibleName(tr("Chart preview"));
    setMinimumSize(320, 180);
}

ChartPreview::~ChartPreview() = default;

void ChartPreview::setChart(std::unique_ptr<ChartScene> chart)
{
    setScene(chart ? chart->scene() : nullptr);
    m_chart = std::move(chart); // the old scene goes only after the view let go of it
    m_message.clear();
    fit();
    viewport()->update();
}

void ChartPreview::setMessage(const QString &message)
{
    m_message = message;
    setScene(nullptr);
    m_chart.reset();
    viewport()->update();
}

void ChartPreview::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    fit();
}

void ChartPreview::fit()
{
    if (m_chart)
        fitInView(QRectF(QPointF(0, 0), QSizeF(m_chart->size())), Qt::KeepAspectRatio);
}

void ChartPreview::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    if (m_message.isEmpty())
        return;
    painter->save();
    painter->resetTransform();
    painter->setPen(palette().color(QPalette::BrightText));
    painter->drawText(viewport()->rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, m_message);
    painter->restore();
}

} // namespace ql
