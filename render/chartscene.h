// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/chartdata.h"
#include "chart/chartspec.h"
#include "charttheme.h"

#include <QSize>

#include <memory>

class QGraphicsScene;
class QPainter;

namespace ql {

// A chart laid out for one output size: a QChart (and the titles, labels and marks around it) in a
// QGraphicsScene whose coordinates are the output's pixels. Needs a QApplication (Qt Charts uses
// QtWidgets); renders with no view and no display (offscreen platform), identically in the GUI's
// preview, its export and the CLI.
class ChartScene final
{
public:
    ChartScene(const ChartSpec &spec, const ChartData &data, const ChartTheme &theme, QSize size);
    ~ChartScene();
    ChartScene(const ChartScene &) = delete;
    ChartScene &operator=(const ChartScene &) = delete;

    QSize size() const { return m_size; }
    const ChartTheme &theme() const { return m_theme; }
    QString title() const { return m_title; }
    QGraphicsScene *scene() const { return m_scene.get(); }

    // Paints the whole chart into target (a rectangle of the painter's device).
    void render(QPainter *painter, const QRectF &target) const;

private:
    std::unique_ptr<QGraphicsScene> m_scene;
    QSize m_size;
    ChartTheme m_theme;
    QString m_title;
};

} // namespace ql
