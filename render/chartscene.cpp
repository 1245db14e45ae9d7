// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartscene.h"

#include "chartbuilder.h"

#include <QChart>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QPainter>

namespace ql {

ChartScene::ChartScene(const ChartSpec &spec, const ChartData &data, const ChartTheme &theme, QSize size)
    : m_scene(std::make_unique<QGraphicsScene>(0, 0, size.width(), size.height())), m_size(size), m_theme(theme),
      m_title(spec.title)
{
    m_scene->setBackgroundBrush(theme.background);
    // The ground as an item too, so a view may paint its own background around the chart.
    m_scene->addRect(QRectF(QPointF(0, 0), QSizeF(size)), Qt::NoPen, theme.background)->setZValue(-1000);
    ChartBuilder(m_scene.get(), spec, data, theme, QSizeF(size)).build();
    // With no view and no event loop, a chart's layout request would wait for an event that never
    // comes, and its axes would not be drawn: lay each chart out now.
    for (QGraphicsItem *item : m_scene->items())
        if (auto *chart = qobject_cast<QChart *>(item->toGraphicsObject()); chart && chart->layout())
            chart->layout()->activate();
}

ChartScene::~ChartScene() = default;

void ChartScene::render(QPainter *painter, const QRectF &target) const
{
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setRenderHint(QPainter::TextAntialiasing, true);
    m_scene->render(painter, target, QRectF(QPointF(0, 0), QSizeF(m_size)), Qt::IgnoreAspectRatio);
}

} // namespace ql
