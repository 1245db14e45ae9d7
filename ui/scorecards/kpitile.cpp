// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpitile.h"

#include "kpiformat.h"

#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

namespace ql {

// The tile's sparkline: the values as a line in the text colour, gaps where a period has no data,
// the last point marked; scaled to its own range (a trend's shape, not its level).
class KpiSparkline final : public QWidget
{
public:
    explicit KpiSparkline(QWidget *parent)
        : QWidget(parent)
    {
        setFixedHeight(fontMetrics().height() * 2);
        setAttribute(Qt::WA_TransparentForMouseEvents);
    }
    QList<std::optional<double>> values;

protected:
    void paintEvent(QPaintEvent *) override
    {
        double lo = 0, hi = 0;
        bool any = false;
        for (const auto &v : std::as_const(values))
            if (v) {
                lo = any ? std::min(lo, *v) : *v;
                hi = any ? std::max(hi, *v) : *v;
                any = true;
            }
        if (!any)
            return;
        if (hi - lo < 1e-9) {
            lo -= 1;
            hi += 1;
        }
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF area = QRectF(rect()).adjusted(3, 3, -3, -3);
        const qsizetype count = values.size();
        auto at = [&](qsizetype i) {
            const double x = count > 1 ? area.left() + area.width() * double(i) / double(count - 1) : area.center().x();
            return QPointF(x, area.bottom() - area.height() * (*values.at(i) - lo) / (hi - lo));
        };
        QPainterPath path;
        bool pen = false;
        for (qsizetype i = 0; i < count; ++i) {
            if (!values.at(i)) {
                pen = false;
                continue;
            }
            if (pen)
                path.lineTo(at(i));
            else
                path.moveTo(at(i));
            pen = true;
        }
        const QColor ink = palette().color(isEnabled() ? QPalette::WindowText : QPalette::PlaceholderText);
        p.setPen(QPen(ink, 1.5));
        p.drawPath(path);
        if (values.last()) {
            p.setBrush(ink);
            p.drawEllipse(at(count - 1), 2.5, 2.5);
        }
    }
};

KpiTile::KpiTile(const QString &label, Kind kind, QWidget *parent)
    : QFrame(parent)
    , m_kind(kind)
    , m_label(new QLabel(label, this))
    , m_value(new QLabel(this))
    , m_interval(new QLabel(this))
    , m_delta(new QLabel(this))
    , m_status(new QLabel(this))
    , m_note(new QLabel(this))
    , m_sparkline(new KpiSparkline(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(label);
    // Seven tiles share a row on the Scorecards page: a narrow window wraps the small lines
    // instead of forcing the whole window wider than the screen.
    setMinimumWidth(112);
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
    for (QLabel *l : {m_label, m_interval, m_delta, m_status, m_note})
        l->setWordWrap(true);
    for (QLabel *l : {m_label, m_value, m_interval, m_delta, m_status, m_note})
        layout->addWidget(l);
    layout->addWidget(m_sparkline);
    m_sparkline->hide();
    layout->addStretch(1);
    clear();
}

void KpiTile::clear()
{
    m_value->setText(QStringLiteral("—"));
    for (QLabel *l : {m_interval, m_delta, m_status, m_note})
        l->clear();
    m_greyed = false;
    setSparkline({});
}

void KpiTile::setSparkline(const QList<std::optional<double>> &values)
{
    m_sparkline->values = values;
    m_sparkline->setVisible(!values.isEmpty());
    m_sparkline->update();
}

QList<std::optional<double>> KpiTile::sparkline() const
{
    return m_sparkline->values;
}

void KpiTile::setClickable(bool clickable, const QString &tip)
{
    m_clickable = clickable;
    setFocusPolicy(clickable ? Qt::StrongFocus : Qt::NoFocus);
    if (clickable)
        setCursor(Qt::PointingHandCursor);
    else
        unsetCursor();
    setStatusTip(tip);
    setAccessibleDescription(tip);
}

void KpiTile::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_clickable && event->button() == Qt::LeftButton && rect().contains(event->position().toPoint())) {
        Q_EMIT clicked();
        return;
    }
    QFrame::mouseReleaseEvent(event);
}

void KpiTile::keyPressEvent(QKeyEvent *event)
{
    if (m_clickable && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space)) {
        Q_EMIT clicked();
        return;
    }
    QFrame::keyPressEvent(event);
}

void KpiTile::setKpi(const KpiValue &k, int minimumSample)
{
    m_greyed = k.smallSample;
    m_value->setText(m_kind == Kind::Count ? KpiFormat::count(k.value.value_or(0)) : KpiFormat::level(k.value));
    m_value->setForegroundRole(m_greyed ? QPalette::PlaceholderText : QPalette::WindowText);
    m_sparkline->setEnabled(!m_greyed);
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
