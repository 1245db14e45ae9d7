// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobstatuswidget.h"

#include "icons.h"
#include "jobrunner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace ql {

JobStatusWidget::JobStatusWidget(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("jobStatus"));
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(false);
    m_bar->setFixedWidth(140);
    m_bar->setMaximumHeight(m_label->sizeHint().height());
    m_bar->setAccessibleName(tr("Progress"));
    m_cancel->setIcon(Icons::themed(QStringLiteral("process-stop")));
    m_cancel->setAutoRaise(true);
    m_cancel->setToolTip(tr("Cancel"));
    m_cancel->setAccessibleName(tr("Cancel background task"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (!m_active.isEmpty() && m_active.last().runner)
            m_active.last().runner->cancelJob(m_active.last().id);
    });
    m_showDelay.setSingleShot(true);
    m_showDelay.setInterval(300);
    connect(&m_showDelay, &QTimer::timeout, this, &JobStatusWidget::refresh);
    hide();
}

void JobStatusWidget::watch(JobRunner *runner)
{
    connect(runner, &JobRunner::jobStarted, this,
            [this, runner](quint64 id, const QString &label) { started(runner, id, label); });
    connect(runner, &JobRunner::jobProgress, this, &JobStatusWidget::progressed);
    connect(runner, &JobRunner::jobFinished, this, &JobStatusWidget::finished);
}

QString JobStatusWidget::currentText() const
{
    return m_label->text();
}

void JobStatusWidget::started(JobRunner *runner, quint64 id, const QString &label)
{
    m_active.append({runner, id, label, QString(), -1});
    if (isVisible())
        refresh();
    else if (!m_showDelay.isActive())
        m_showDelay.start();
}

void JobStatusWidget::progressed(quint64 id, double fraction, const QString &text)
{
    for (Active &a : m_active) {
        if (a.id == id) {
            a.fraction = fraction;
            if (!text.isEmpty())
                a.text = text;
        }
    }
    if (isVisible())
        refresh();
}

void JobStatusWidget::finished(quint64 id)
{
    m_active.erase(std::remove_if(m_active.begin(), m_active.end(), [id](const Active &a) { return a.id == id; }),
                   m_active.end());
    refresh();
}

void JobStatusWidget::refresh()
{
    if (m_active.isEmpty()) {
        m_showDelay.stop();
        hide();
        m_label->clear();
        return;
    }
    const Active &a = m_active.last();
    QString text = a.text.isEmpty() ? a.label : QStringLiteral("%1 %2").arg(a.label, a.text);
    if (m_active.size() > 1)
        text = tr("%1 (and %n more)", nullptr, int(m_active.size() - 1)).arg(text);
    m_label->setText(text);
    if (a.fraction < 0) {
        m_bar->setRange(0, 0);
    } else {
        m_bar->setRange(0, 1000);
        m_bar->setValue(int(a.fraction * 1000));
    }
    if (!m_showDelay.isActive())
        show();
}

} // namespace ql
