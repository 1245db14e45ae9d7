// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scorecard/kpireport.h"

#include <QFrame>
#include <QList>

#include <optional>

class QLabel;

namespace ql {

class KpiSparkline;

// One KPI as a tile (ui.md "KPI tiles are one reusable widget"): its label, the value, the 95%
// interval in small type, the delta to the previous period, the target with the status in colour
// and in words, and, below the minimum sample, the value greyed with a "small sample" note.
// Optionally a sparkline of the last periods, and a click-through (mouse, Enter or Space) to the
// page that explains the number.
class KpiTile final : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Level, Count };
    KpiTile(const QString &label, Kind kind, QWidget *parent = nullptr);

    void setKpi(const KpiValue &kpi, int minimumSample);
    void clear();
    // Values oldest first (nullopt: no data that period); empty hides the sparkline.
    void setSparkline(const QList<std::optional<double>> &values);
    QList<std::optional<double>> sparkline() const;
    // A clickable tile takes focus, shows a pointing hand and emits clicked(); tip says where to.
    void setClickable(bool clickable, const QString &tip = QString());
    bool isClickable() const { return m_clickable; }

    QString valueText() const;
    QString intervalText() const;
    QString deltaText() const;
    QString statusText() const;
    QString noteText() const;
    bool isGreyed() const { return m_greyed; }

Q_SIGNALS:
    void clicked();

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    Kind m_kind;
    QLabel *m_label;
    QLabel *m_value;
    QLabel *m_interval;
    QLabel *m_delta;
    QLabel *m_status;
    QLabel *m_note;
    KpiSparkline *m_sparkline;
    bool m_greyed = false;
    bool m_clickable = false;
};

} // namespace ql
