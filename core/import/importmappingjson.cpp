// SPDX-License-Identifier: GPL-3.0-or-later
// Writing a mapping back as the JSON of formats.md (the wizard saves presets this way); reading it
// is in importmapping.cpp.
#include "importmapping.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ql {

QJsonObject ImportMapping::toJson() const
{
    const auto pairs = [](const QList<std::pair<QString, QString>> &list) {
        QJsonObject o;
        for (const auto &[k, v] : list)
            o.insert(k, v);
        return o;
    };
    QJsonObject o;
    o.insert(QStringLiteral("kind"), kindName(kind));
    o.insert(QStringLiteral("source"), source);
    const bool audits = kind == Kind::AuditsLong || kind == Kind::AuditsWide;
    if (audits) {
        o.insert(QStringLiteral("scorecard"), scorecard.isEmpty() ? QJsonValue() : QJsonValue(scorecard));
        o.insert(QStringLiteral("scorecard_version"), scorecardVersion ? QJsonValue(*scorecardVersion) : QJsonValue());
    }
    QJsonObject csv;
    csv.insert(QStringLiteral("delimiter"), delimiter.isNull() ? QStringLiteral("auto") : QString(delimiter));
    csv.insert(QStringLiteral("encoding"), encoding);
    csv.insert(QStringLiteral("decimal"), QString(decimal));
    o.insert(QStringLiteral("csv"), csv);
    o.insert(QStringLiteral("date_format"), dateFormat);
    o.insert(QStringLiteral("time_zone"), timeZone.isEmpty() ? QJsonValue() : QJsonValue(timeZone));
    o.insert(QStringLiteral("columns"), pairs(columns));
    if (!dimensions.isEmpty())
        o.insert(QStringLiteral("dimensions"), pairs(dimensions));
    if (!values.isEmpty()) {
        QJsonObject vo;
        for (const auto &[field, map] : values) {
            QJsonObject mo;
            for (const auto &[key, value] : map.entries()) {
                switch (value.kind) {
                case ValueMap::Value::Number:
                    mo.insert(key, value.number);
                    break;
                case ValueMap::Value::Text:
                    mo.insert(key, value.text);
                    break;
                case ValueMap::Value::NotApplicable:
                    mo.insert(key, QStringLiteral("na"));
                    break;
                }
            }
            vo.insert(field, mo);
        }
        o.insert(QStringLiteral("values"), vo);
    }
    if (!criteria.isEmpty())
        o.insert(QStringLiteral("criteria"), pairs(criteria));
    if (kind == Kind::AuditsWide) {
        o.insert(QStringLiteral("criteria_columns"), pairs(criteriaColumns));
        if (!rootCauseColumns.isEmpty())
            o.insert(QStringLiteral("root_cause_columns"), pairs(rootCauseColumns));
    }
    if (kind == Kind::Csat) {
        QJsonObject scale;
        QJsonArray sat, dis;
        if (csatScale.isLabels()) {
            scale.insert(QStringLiteral("labels"), QJsonArray::fromStringList(csatScale.labels));
            sat = QJsonArray::fromStringList(csatScale.satisfiedLabels);
            dis = QJsonArray::fromStringList(csatScale.dissatisfiedLabels);
        } else {
            scale.insert(QStringLiteral("min"), csatScale.min);
            scale.insert(QStringLiteral("max"), csatScale.max);
            for (double d : csatScale.satisfied)
                sat.append(d);
            for (double d : csatScale.dissatisfied)
                dis.append(d);
        }
        o.insert(QStringLiteral("scale"), scale);
        o.insert(QStringLiteral("satisfied"), sat);
        o.insert(QStringLiteral("dissatisfied"), dis);
    }
    QJsonArray maskList;
    for (MaskKind k : {MaskCard, MaskEmail, MaskPhone, MaskIban}) {
        if (mask & k)
            maskList.append(maskName(k));
    }
    o.insert(QStringLiteral("mask"), maskList);
    return o;
}

QByteArray ImportMapping::toJsonText() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

} // namespace ql
