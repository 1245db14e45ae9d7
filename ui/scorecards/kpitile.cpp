// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpitile.h"

#include "kpiformat.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ql {

KpiTile::KpiTile(const QString &label, Kind kind, QWidget *parent)
    : QFrame(parent)
    , m_kind(kind)
    , m_label(new QLabel(label, this))
    , m_value(new QLabel(this))
    , m_interval(new QLabel(this))
    , m_delta(new QLabel(this))
    , m_status(new QLabel(this))
    , m_note(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(label);
    setMinimumWidth(170);
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(2);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.9);
    big.setBold(true);
    m_value->setFont(big);
    QFont small = m_interval->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    for (QLabel *l : {m_interval, m_delta, m_note})
        l->setFont(small);
    QFont bold = m_label->font();
    bold.setBold(true);
    m_label->setFont(bold);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    for (QLabel *l : {m_label, m_value, m_interval, m_delta, m_status, m_note})
        layout->addWidget(l);
    layout->addStretch(1);
    clear();
}

void KpiTile::clear()
{
    m_value->setText(QStringLiteral("—"));
    for (QLabel *l : {m_interval, m_delta, m_status, m_note})
        l->clear();
    m_greyed = false;
}

void KpiTile::setKpi(const KpiValue &k, int minimumSample)
{
    m_greyed = k.smallSample;
    m_value->setText(m_kind == Kind::Count ? KpiFormat::count(k.value.value_or(0)) : KpiFormat::level(k.value));
    m_value->setForegroundRole(m_greyed ? QPalette::PlaceholderText : QPalette::WindowText);
    m_interval->setText(m_kind == Kind::Level ? KpiFormat::interval(k) : QString());
    m_delta->setText(k.previous ? tr("%1 vs %2")
                                      .arg(KpiFormat::delta(k, m_kind == Kind::Level),
                                           m_kind == Kind::Count ? KpiFormat::count(*k.previous) : KpiFormat::level(k.previous))
                                : tr("no previous period"));
    m_delta->setToolTip(!k.delta || m_kind == Kind::Count ? QString()
                        : k.deltaSignificant ? tr("The change from the previous period is significant (p < 0.05)")
                                             : tr("The change from the previous period is not significant (p ≥ 0.05): noise"));
    QString status;
    if (k.target) {
        status = tr("Target %1").arg(KpiFormat::level(k.target));
        if (k.status != KpiValue::Status::None)
            status = QStringLiteral("<span style=\"color:%1\">%2 %3</span> · %4")
                         .arg(KpiFormat::statusColor(k.status).name(), KpiFormat::statusSymbol(k.status),
                              KpiFormat::statusText(k.status), status);
    }
    m_status->setText(status);
    m_note->setText(m_greyed ? tr("Small sample: n = %1, below %2").arg(k.n).arg(minimumSample)
                             : (m_kind == Kind::Level && k.value ? tr("n = %1").arg(QLocale().toString(k.n)) : QString()));
    setToolTip(m_greyed ? tr("Below the minimum sample: shown greyed, without status, and left out of rankings.")
                        : QString());
}

QString KpiTile::valueText() const
{
    return m_value->text();
}

QString KpiTile::intervalText() const
{
    return m_interval->text();
}

QString KpiTile::deltaText() const
{
    return m_delta->text();
}

QString KpiTile::statusText() const
{
    return m_status->text();
}

QString KpiTile::noteText() const
{
    return m_note->text();
}

} // namespace ql
