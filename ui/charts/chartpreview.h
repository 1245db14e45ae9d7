// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsView>

#include <memory>

namespace ql {

class ChartScene;

// Shows a chart laid out at its real output size, scaled to fit: the preview has the output's
// aspect ratio and the exact layout the export will have.
class ChartPreview final : public QGraphicsView
{
    Q_OBJECT
public:
    explicit ChartPreview(QWidget *parent = nullptr);
    ~ChartPreview() override;

    void setChart(std::unique_ptr<ChartScene> chart);
    const ChartScene *chart() const { return m_chart.get(); }
    void setMessage(const QString &message); // instead of a chart (no project, an invalid spec, …)
    QString message() const { return m_message; }

protected:
    void resizeEvent(QResizeEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    void fit();

    std::unique_ptr<ChartScene> m_chart;
    QString m_message;
};

} // namespace ql
