// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/chartdata.h"
#include "chart/chartspec.h"

#include <QImage>
#include <QWidget>

class QLabel;

namespace ql {

// A chart of the chart library (render/) drawn at slide size and shown scaled to the widget, or a
// sentence saying why there is none.
class ChartPicture final : public QWidget
{
    Q_OBJECT
public:
    explicit ChartPicture(const QString &accessibleName, QWidget *parent = nullptr);

    void setChart(const ChartSpec &spec, const ChartData &data, QSize size = QSize(1920, 1080));
    void setMessage(const QString &message);
    QImage image() const { return m_image; } // the full-size rendering (empty when none)
    QString message() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updatePixmap();

    QLabel *m_label;
    QImage m_image;
};

} // namespace ql
