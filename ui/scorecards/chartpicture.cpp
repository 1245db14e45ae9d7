// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartpicture.h"

#include "chartexport.h"
#include "chartscene.h"
#include "charttheme.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ql {

ChartPicture::ChartPicture(const QString &accessibleName, QWidget *parent) : QWidget(parent), m_label(new QLabel(this))
{
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setWordWrap(true);
    m_label->setMinimumSize(200, 120);
    m_label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_label->setAccessibleName(accessibleName);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
}

void ChartPicture::setChart(const ChartSpec &spec, const ChartData &data, QSize size)
{
    const ChartScene chart(spec, data, ChartTheme::named(QStringLiteral("light")), size);
    m_image = ChartExport::image(chart, 1);
    m_label->clear();
    updatePixmap();
}

void ChartPicture::setMessage(const QString &message)
{
    m_image = QImage();
    m_label->setPixmap(QPixmap());
    m_label->setText(message);
}

QString ChartPicture::message() const
{
    return m_image.isNull() ? m_label->text() : QString();
}

void ChartPicture::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updatePixmap();
}

void ChartPicture::updatePixmap()
{
    if (m_image.isNull())
        return;
    m_label->setPixmap(QPixmap::fromImage(
        m_image.scaled(m_label->size() * devicePixelRatioF(), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

} // namespace ql
