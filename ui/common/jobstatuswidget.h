// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace ql {

class JobRunner;

// The status bar's view of background work: the newest running job's label, its progress and a
// button to cancel it. Quick jobs never show (it appears only after a short delay).
class JobStatusWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit JobStatusWidget(QWidget *parent = nullptr);

    void watch(JobRunner *runner);
    QString currentText() const;

private:
    struct Active
    {
        QPointer<JobRunner> runner;
        quint64 id = 0;
        QString label;
        QString text;
        double fraction = -1;
    };

    void started(JobRunner *runner, quint64 id, const QString &label);
    void progressed(quint64 id, double fraction, const QString &text);
    void finished(quint64 id);
    void refresh();

    QList<Active> m_active; // oldest first
    QLabel *m_label;
    QProgressBar *m_bar;
    QToolButton *m_cancel;
    QTimer m_showDelay;
};

} // namespace ql
