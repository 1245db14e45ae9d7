// SPDX-License-Identifier: GPL-3.0-or-later
#include "rcasummary.h"

#include "rcaengine.h"

#include <QObject>
#include <QStringList>

#include <cmath>

namespace ql::rca {

namespace {

QString number(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

QString changeSize(const Metric &m, double delta)
{
    const double size = std::abs(delta);
    if (m.percent || m.spelling == QLatin1String("qa_score"))
        return QObject::tr("%1 points").arg(number(size, 1));
    return number(size, 2);
}

QString joinAnd(const QStringList &parts)
{
    if (parts.size() <= 1)
        return parts.value(0);
    return QStringList(parts.mid(0, parts.size() - 1)).join(QStringLiteral(", ")) + QObject::tr(" and ") + parts.last();
}

QString mixClause(const Element &e, qint64 n0, qint64 n1)
{
    const double w0 = n0 > 0 ? 100.0 * double(e.base.n) / double(n0) : 0;
    const double w1 = n1 > 0 ? 100.0 * double(e.current.n) / double(n1) : 0;
    return (w1 >= w0 ? QObject::tr("a mix shift, its volume rising from %1% to %2% of the total")
                     : QObject::tr("a mix shift, its volume falling from %1% to %2% of the total"))
        .arg(number(w0, 1), number(w1, 1));
}

// "Returns (a rate drop from 78.0% to 55.5%)" or "Refund delay (a mix shift, its volume …)".
QString elementPhrase(const Metric &m, const Element &e, const Analysis &a)
{
    QString driver;
    if (e.base.n > 0 && e.current.n > 0 && std::abs(e.rateEffect) >= std::abs(e.mixEffect))
        driver = (e.current.value < e.base.value ? QObject::tr("a rate drop from %1 to %2")
                                                 : QObject::tr("a rate rise from %1 to %2"))
                     .arg(formatValue(m, e.base.value), formatValue(m, e.current.value));
    else
        driver = mixClause(e, a.base.n, a.current.n);
    return QStringLiteral("%1 (%2)").arg(e.label, driver);
}

QString shareWords(double share)
{
    if (share >= 0.995)
        return QObject::tr("all of it");
    if (share >= 0.9)
        return QObject::tr("nearly all of it (%1%)").arg(qRound(100 * share));
    if (share >= 0.5)
        return QObject::tr("most of it (%1%)").arg(qRound(100 * share));
    return QObject::tr("%1% of it").arg(qRound(100 * share));
}

// The explaining set of the top dimension and what offsets it, or empty when there is none.
QString explanation(const Metric &m, const Analysis &a, bool withDriver)
{
    if (a.dimensions.isEmpty() || a.dimensions.first().explainingSetSize == 0)
        return {};
    const Dimension &top = a.dimensions.first();
    QStringList set, offsets;
    for (const Element &e : top.elements) {
        if (e.inExplainingSet)
            set << (withDriver ? elementPhrase(m, e, a) : e.label);
        else if (e.shareOfChange && *e.shareOfChange <= -0.1 && e.significant && offsets.size() < 2)
            offsets << elementPhrase(m, e, a);
    }
    QString text = QObject::tr("%1 %2 %3 %4")
                       .arg(top.name, joinAnd(set), set.size() == 1 ? QObject::tr("explains") : QObject::tr("explain"),
                            shareWords(top.explained.value_or(0)));
    if (!offsets.isEmpty())
        text += QObject::tr(", partly offset by %1").arg(joinAnd(offsets));
    return text;
}

} // namespace

QString formatValue(const Metric &metric, double value)
{
    if (metric.percent)
        return number(value, 1) + QLatin1Char('%');
    if (metric.spelling == QLatin1String("csat_mean"))
        return number(value, 2);
    return number(value, 1);
}

QString summarise(const Result &r)
{
    const Metric &m = r.request.metric;
    const Analysis &a = r.analysis;
    QString text;
    if (a.delta == 0)
        text = QObject::tr("%1 did not change (%2 in %3 and %4)")
                   .arg(m.title, formatValue(m, a.current.value), r.request.base.label, r.request.current.label);
    else if (changeSize(m, a.delta) == changeSize(m, 0.0))
        // A change that rounds to nothing is not a fall of "0.0 points".
        text = QObject::tr("%1 held steady, %2 in %3 and %4 in %5")
                   .arg(m.title, formatValue(m, a.base.value), r.request.base.label, formatValue(m, a.current.value),
                        r.request.current.label);
    else
        text = QObject::tr("%1 %2 %3, from %4 in %5 to %6 in %7")
                   .arg(m.title, a.delta < 0 ? QObject::tr("fell") : QObject::tr("rose"), changeSize(m, a.delta),
                        formatValue(m, a.base.value), r.request.base.label, formatValue(m, a.current.value),
                        r.request.current.label);
    if (!a.significant) {
        text += a.pValue ? QObject::tr("; this is no significant change (p = %1), so no dimension is ranked")
                               .arg(number(*a.pValue, 2))
                         : QObject::tr("; there is no significant change (it cannot be tested), so no dimension is "
                                       "ranked");
        return text + QLatin1Char('.');
    }
    if (!a.gatePassed)
        return text + QObject::tr("; the change is below the minimum change of %1, so no dimension is ranked.")
                          .arg(changeSize(m, r.settings.minChange));
    const QString why = explanation(m, a, true);
    if (why.isEmpty()) {
        const bool anyKept = !a.dimensions.isEmpty() && a.dimensions.first().kept;
        return text +
               (anyKept ? QObject::tr("; no small set of segments explains it (it is concentrated most by %1)")
                              .arg(a.dimensions.first().name)
                        : QObject::tr("; no dimension searched explains it (the change is spread evenly)")) +
               QLatin1Char('.');
    }
    text += QStringLiteral("; ") + why;
    if (r.drill) {
        const Analysis &d = *r.drill;
        if (!d.dimensions.isEmpty() && d.dimensions.first().explainingSetSize > 0) {
            QStringList labels;
            for (const Element &e : d.dimensions.first().elements)
                if (e.inExplainingSet)
                    labels << e.label;
            text += QObject::tr(", mostly with %1 %2").arg(d.dimensions.first().name, joinAnd(labels));
        }
    }
    return text + QLatin1Char('.');
}

} // namespace ql::rca
