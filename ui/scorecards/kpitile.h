// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scorecard/kpireport.h"

#include <QFrame>

class QLabel;

namespace ql {

// One KPI as a tile (ui.md "KPI tiles are one reusable widget"): its label, the value, the 95%
// interval in small type, the delta to the previous period, the target with the status in colour
// and in words, and, below the minimum sample, the value greyed with a "small sample" note.
class KpiTile final : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Level, Count };
    KpiTile(const QString &label, Kind kind, QWidget *parent = nullptr);

    void setKpi(const KpiValue &kpi, int minimumSample);
    void clear();

    QString valueText() const;
    QString intervalText() const;
    QString deltaText() const;
    QString statusText() const;
    QString noteText() const;
    bool isGreyed() const { return m_greyed; }

private:
    Kind m_kind;
    QLabel *m_label;
    QLabel *m_value;
    QLabel *m_interval;
    QLabel *m_delta;
    QLabel *m_status;
    QLabel *m_note;
    bool m_greyed = false;
};

} // namespace ql
