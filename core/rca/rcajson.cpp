// SPDX-License-Identifier: GPL-3.0-or-later
#include "rcajson.h"

#include "rcaengine.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ql::rca {

namespace {

QJsonValue optional(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonObject periodObject(const QString &period, const PeriodValue &v)
{
    QJsonObject o;
    if (!period.isNull())
        o.insert(QStringLiteral("period"), period);
    o.insert(QStringLiteral("value"), v.n > 0 ? QJsonValue(v.value) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("n"), v.n);
    return o;
}

QJsonArray dimensionsArray(const Analysis &a)
{
    QJsonArray dims;
    for (const Dimension &d : a.dimensions) {
        QJsonArray elements;
        for (const Element &e : d.elements) {
            QJsonObject o;
            o.insert(QStringLiteral("element"), e.label);
            o.insert(QStringLiteral("rate_effect"), e.rateEffect);
            o.insert(QStringLiteral("mix_effect"), e.mixEffect);
            o.insert(QStringLiteral("share_of_change"), optional(e.shareOfChange));
            o.insert(QStringLiteral("volume"), e.volume);
            o.insert(QStringLiteral("p_value"), optional(e.pValue));
            o.insert(QStringLiteral("significant"), e.significant);
            o.insert(QStringLiteral("small_sample"), e.smallSample);
            o.insert(QStringLiteral("in_explaining_set"), e.inExplainingSet);
            o.insert(QStringLiteral("surprise"), e.surprise);
            o.insert(QStringLiteral("base"), periodObject(QString(), e.base));
            o.insert(QStringLiteral("current"), periodObject(QString(), e.current));
            elements.append(o);
        }
        QJsonObject o;
        o.insert(QStringLiteral("dimension"), d.name);
        o.insert(QStringLiteral("kept"), d.kept);
        o.insert(QStringLiteral("concentration"), d.concentration);
        o.insert(QStringLiteral("surprise"), d.surprise);
        o.insert(QStringLiteral("explained"), optional(d.explained));
        o.insert(QStringLiteral("elements"), elements);
        dims.append(o);
    }
    return dims;
}

} // namespace

QJsonObject toJson(const Result &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("metric"), r.request.metric.spelling);
    o.insert(QStringLiteral("base"), periodObject(r.request.base.label, r.analysis.base));
    o.insert(QStringLiteral("current"), periodObject(r.request.current.label, r.analysis.current));
    o.insert(QStringLiteral("delta"), r.analysis.delta);
    o.insert(QStringLiteral("p_value"), optional(r.analysis.pValue));
    o.insert(QStringLiteral("significant"), r.analysis.significant);
    o.insert(QStringLiteral("dimensions"), dimensionsArray(r.analysis));
    if (r.drill) {
        QJsonObject drill;
        drill.insert(QStringLiteral("dimension"), r.drillDimension);
        drill.insert(QStringLiteral("element"), r.drillElement);
        drill.insert(QStringLiteral("dimensions"), dimensionsArray(*r.drill));
        o.insert(QStringLiteral("drill"), drill);
    } else {
        o.insert(QStringLiteral("drill"), QJsonValue(QJsonValue::Null));
    }
    o.insert(QStringLiteral("summary"), r.summary);
    return o;
}

QByteArray toJsonText(const Result &result)
{
    return QJsonDocument(toJson(result)).toJson(QJsonDocument::Indented);
}

} // namespace ql::rca
