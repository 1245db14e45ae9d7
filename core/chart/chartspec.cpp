// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartspec.h"

#include "pivot/pivotjsonwriter.h"
#include "rca/rcaengine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>

#include <cmath>

namespace ql {

namespace {

struct TypeName
{
    ChartType type;
    const char *name;
};

constexpr TypeName typeNames[] = {
    {ChartType::Bar, "bar"},
    {ChartType::StackedBar, "stacked-bar"},
    {ChartType::StackedBar100, "stacked-bar-100"},
    {ChartType::Line, "line"},
    {ChartType::Combo, "combo"},
    {ChartType::Pareto, "pareto"},
    {ChartType::Box, "box"},
    {ChartType::Scatter, "scatter"},
    {ChartType::Heatmap, "heatmap"},
    {ChartType::PChart, "p-chart"},
    {ChartType::Xmr, "xmr"},
    {ChartType::Funnel, "funnel"},
    {ChartType::Waterfall, "waterfall"},
};

QString describe(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return QStringLiteral("\"%1\"").arg(v.toString());
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    default:
        return QStringLiteral("nothing");
    }
}

bool checkKeys(const QJsonObject &object, const QStringList &allowed, const QString &where, QString *error)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        if (!allowed.contains(it.key())) {
            *error = QObject::tr("%1: unknown key \"%2\" (known: %3)")
                         .arg(where, it.key(), allowed.join(QStringLiteral(", ")));
            return false;
        }
    return true;
}

bool readString(const QJsonObject &o, const char *key, const QString &where, QString *out, QString *error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString()) {
        *error = QObject::tr("%1%2 must be a string, not %3").arg(where, QLatin1String(key), describe(v));
        return false;
    }
    *out = v.toString();
    return true;
}

bool readBool(const QJsonObject &o, const char *key, QString *error, bool *out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isBool()) {
        *error = QObject::tr("%1 must be true or false, not %2").arg(QLatin1String(key), describe(v));
        return false;
    }
    *out = v.toBool();
    return true;
}

bool finite(const QJsonValue &v)
{
    return v.isDouble() && std::isfinite(v.toDouble());
}

} // namespace

QString chartTypeName(ChartType type)
{
    for (const TypeName &t : typeNames)
        if (t.type == type)
            return QString::fromLatin1(t.name);
    return {};
}

std::optional<ChartType> chartTypeFromName(const QString &name)
{
    for (const TypeName &t : typeNames)
        if (name == QLatin1String(t.name))
            return t.type;
    return std::nullopt;
}

QList<ChartType> allChartTypes()
{
    QList<ChartType> list;
    for (const TypeName &t : typeNames)
        list << t.type;
    return list;
}

QStringList chartThemeNames()
{
    return {QStringLiteral("light"), QStringLiteral("dark"), QStringLiteral("print"), QStringLiteral("brand")};
}

std::optional<ChartSpec> ChartSpec::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QObject::tr("not valid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QObject::tr("a chart spec must be a JSON object");
        return std::nullopt;
    }
    return fromJsonObject(doc.object(), error);
}

std::optional<ChartSpec> ChartSpec::fromJsonObject(const QJsonObject &o, QString *error)
{
    static const QStringList keys{"type",  "title",    "subtitle", "pivot",      "rca",
                                  "target", "labels",  "theme",    "footnote", "band",
                                  "annotation", "reference_lines", "control", "names"};
    if (!checkKeys(o, keys, QObject::tr("chart spec"), error))
        return std::nullopt;
    ChartSpec s;
    const QJsonValue type = o.value(QLatin1String("type"));
    if (type.isUndefined()) {
        *error = QObject::tr("type is missing (one of %1)").arg([] {
            QStringList names;
            for (ChartType t : allChartTypes())
                names << chartTypeName(t);
            return names.join(QStringLiteral(", "));
        }());
        return std::nullopt;
    }
    const auto parsedType = chartTypeFromName(type.toString());
    if (!type.isString() || !parsedType) {
        QStringList names;
        for (ChartType t : allChartTypes())
            names << chartTypeName(t);
        *error = QObject::tr("type must be one of %1, not %2").arg(names.join(QStringLiteral(", ")), describe(type));
        return std::nullopt;
    }
    s.type = *parsedType;
    if (!readString(o, "title", {}, &s.title, error) || !readString(o, "subtitle", {}, &s.subtitle, error))
        return std::nullopt;

    const QJsonValue pivot = o.value(QLatin1String("pivot"));
    const QJsonValue rca = o.value(QLatin1String("rca"));
    if (s.type == ChartType::Waterfall) {
        if (!rca.isObject()) {
            *error = QObject::tr("a waterfall chart needs \"rca\": {\"metric\", \"base\", \"current\", \"dims\"}");
            return std::nullopt;
        }
        s.rca = rca.toObject();
        if (!checkKeys(s.rca, {"metric", "base", "current", "dims", "filters"}, QStringLiteral("rca"), error))
            return std::nullopt;
    } else if (!rca.isUndefined()) {
        *error =
            QObject::tr("rca belongs to waterfall charts only; a %1 chart reads \"pivot\"").arg(chartTypeName(s.type));
        return std::nullopt;
    }
    if (!pivot.isUndefined()) {
        if (!pivot.isObject()) {
            *error = QObject::tr("pivot must be an object, not %1").arg(describe(pivot));
            return std::nullopt;
        }
        QString pivotError;
        const auto p = PivotSpec::fromJsonObject(pivot.toObject(), &pivotError);
        if (!p) {
            *error = QObject::tr("pivot: %1").arg(pivotError);
            return std::nullopt;
        }
        s.pivot = *p;
    } else if (s.type != ChartType::Waterfall) {
        *error = QObject::tr("pivot is missing: a %1 chart is fed from a pivot").arg(chartTypeName(s.type));
        return std::nullopt;
    }

    const QJsonValue target = o.value(QLatin1String("target"));
    if (!target.isUndefined() && !target.isNull()) {
        if (!finite(target)) {
            *error = QObject::tr("target must be a number, not %1").arg(describe(target));
            return std::nullopt;
        }
        s.target = target.toDouble();
    }
    if (!readBool(o, "labels", error, &s.labels) || !readBool(o, "footnote", error, &s.footnote))
        return std::nullopt;
    const QJsonValue theme = o.value(QLatin1String("theme"));
    if (!theme.isUndefined() && !theme.isNull()) {
        if (!theme.isString() || !chartThemeNames().contains(theme.toString())) {
            *error = QObject::tr("theme must be one of %1, not %2")
                         .arg(chartThemeNames().join(QStringLiteral(", ")), describe(theme));
            return std::nullopt;
        }
        s.theme = theme.toString();
    }
    const QJsonValue band = o.value(QLatin1String("band"));
    if (!band.isUndefined() && !band.isNull()) {
        if (band.toString() == QLatin1String("ci95")) {
            s.band = band.toString();
        } else if (band.toString() != QLatin1String("none")) {
            *error = QObject::tr("band must be \"ci95\" or \"none\", not %1").arg(describe(band));
            return std::nullopt;
        }
    }

    const QJsonValue names = o.value(QLatin1String("names"));
    if (!names.isUndefined() && !names.isNull()) {
        s.names = AgentNames::fromName(names.toString());
        if (!names.isString() || !s.names) {
            *error = QObject::tr("names must be \"names\", \"ids\" or \"pseudonyms\" (or absent: the project's "
                                 "setting), not %1")
                         .arg(describe(names));
            return std::nullopt;
        }
    }

    const QJsonValue annotation = o.value(QLatin1String("annotation"));
    if (!annotation.isUndefined() && !annotation.isNull()) {
        const QJsonObject a = annotation.toObject();
        if (!annotation.isObject() || !checkKeys(a, {"at", "text"}, QStringLiteral("annotation"), error)) {
            if (!annotation.isObject())
                *error = QObject::tr("annotation must be an object, not %1").arg(describe(annotation));
            return std::nullopt;
        }
        const QJsonObject at = a.value(QLatin1String("at")).toObject();
        if (!a.value(QLatin1String("at")).isObject() ||
            !checkKeys(at, {"row", "series"}, QStringLiteral("annotation.at"), error)) {
            if (!a.value(QLatin1String("at")).isObject())
                *error = QObject::tr("annotation.at must be {\"row\": …, \"series\": …}");
            return std::nullopt;
        }
        ChartAnnotation ann;
        if (!readString(at, "row", QStringLiteral("annotation.at."), &ann.row, error) ||
            !readString(at, "series", QStringLiteral("annotation.at."), &ann.series, error) ||
            !readString(a, "text", QStringLiteral("annotation."), &ann.text, error))
            return std::nullopt;
        if (ann.row.isEmpty() || ann.text.isEmpty()) {
            *error = QObject::tr("annotation needs at.row and text");
            return std::nullopt;
        }
        s.annotation = ann;
    }

    const QJsonValue lines = o.value(QLatin1String("reference_lines"));
    if (!lines.isUndefined() && !lines.isNull()) {
        if (!lines.isArray()) {
            *error = QObject::tr("reference_lines must be an array, not %1").arg(describe(lines));
            return std::nullopt;
        }
        for (const QJsonValue &v : lines.toArray()) {
            const QJsonObject l = v.toObject();
            if (!v.isObject() || !checkKeys(l, {"axis", "value", "label"}, QStringLiteral("reference_lines"), error)) {
                if (!v.isObject())
                    *error = QObject::tr("each reference line must be an object, not %1").arg(describe(v));
                return std::nullopt;
            }
            ChartReferenceLine line;
            if (!readString(l, "axis", QStringLiteral("reference_lines."), &line.axis, error) ||
                !readString(l, "label", QStringLiteral("reference_lines."), &line.label, error))
                return std::nullopt;
            if (line.axis != QLatin1String("x") && line.axis != QLatin1String("y")) {
                *error = QObject::tr("reference_lines.axis must be \"x\" or \"y\", not \"%1\"").arg(line.axis);
                return std::nullopt;
            }
            const QJsonValue value = l.value(QLatin1String("value"));
            if (!finite(value)) {
                *error = QObject::tr("reference_lines.value must be a number, not %1").arg(describe(value));
                return std::nullopt;
            }
            line.value = value.toDouble();
            s.referenceLines << line;
        }
    }

    const QJsonValue control = o.value(QLatin1String("control"));
    if (!control.isUndefined() && !control.isNull()) {
        if (!isControlChart(s.type)) {
            *error = QObject::tr("control belongs to p-chart and xmr charts only, not to a %1 chart")
                         .arg(chartTypeName(s.type));
            return std::nullopt;
        }
        const QJsonObject c = control.toObject();
        if (!control.isObject() ||
            !checkKeys(c, {"baseline", "restart", "version_restart"}, QStringLiteral("control"), error)) {
            if (!control.isObject())
                *error = QObject::tr("control must be an object, not %1").arg(describe(control));
            return std::nullopt;
        }
        const QJsonValue baseline = c.value(QLatin1String("baseline"));
        if (!baseline.isUndefined() && !baseline.isNull()) {
            const QJsonObject b = baseline.toObject();
            if (!baseline.isObject() || !checkKeys(b, {"from", "to"}, QStringLiteral("control.baseline"), error)) {
                if (!baseline.isObject())
                    *error = QObject::tr("control.baseline must be {\"from\": …, \"to\": …}, not %1")
                                 .arg(describe(baseline));
                return std::nullopt;
            }
            if (!readString(b, "from", QStringLiteral("control.baseline."), &s.control.baselineFrom, error) ||
                !readString(b, "to", QStringLiteral("control.baseline."), &s.control.baselineTo, error))
                return std::nullopt;
            if (!s.control.baselineFrom.isEmpty() && !s.control.baselineTo.isEmpty() &&
                s.control.baselineFrom > s.control.baselineTo) {
                *error = QObject::tr("control.baseline: from \"%1\" is after to \"%2\"")
                             .arg(s.control.baselineFrom, s.control.baselineTo);
                return std::nullopt;
            }
        }
        if (!readString(c, "restart", QStringLiteral("control."), &s.control.restart, error))
            return std::nullopt;
        const QJsonValue version = c.value(QLatin1String("version_restart"));
        if (!version.isUndefined() && !version.isNull()) {
            if (!version.isBool()) {
                *error = QObject::tr("control.version_restart must be true or false, not %1").arg(describe(version));
                return std::nullopt;
            }
            s.control.versionRestart = version.toBool();
        }
    }
    return s;
}

bool isControlChart(ChartType type)
{
    return type == ChartType::PChart || type == ChartType::Xmr;
}

QByteArray ChartSpec::toJson() const
{
    PivotJsonWriter w;
    w.beginObject();
    w.key("type").string(chartTypeName(type));
    w.key("title").string(title);
    w.key("subtitle").string(subtitle);
    if (type == ChartType::Waterfall)
        w.key("rca").raw(QJsonDocument(rca).toJson(QJsonDocument::Compact));
    else
        w.key("pivot").raw(pivot.toJson());
    if (target)
        w.key("target").number(*target);
    else
        w.key("target").null();
    w.key("labels").boolean(labels);
    w.key("theme").string(theme);
    w.key("footnote").boolean(footnote);
    w.key("band").string(band.isEmpty() ? QStringLiteral("none") : band);
    if (names)
        w.key("names").string(AgentNames::displayName(*names));
    if (annotation) {
        w.key("annotation").beginObject();
        w.key("at").beginObject();
        w.key("row").string(annotation->row);
        w.key("series").string(annotation->series);
        w.endObject();
        w.key("text").string(annotation->text);
        w.endObject();
    }
    w.key("reference_lines").beginArray();
    for (const ChartReferenceLine &l : referenceLines) {
        w.beginObject();
        w.key("axis").string(l.axis);
        w.key("value").number(l.value);
        w.key("label").string(l.label);
        w.endObject();
    }
    w.endArray();
    if (isControlChart(type) && !control.isDefault()) {
        w.key("control").beginObject();
        if (!control.baselineFrom.isEmpty() || !control.baselineTo.isEmpty()) {
            w.key("baseline").beginObject();
            if (control.baselineFrom.isEmpty())
                w.key("from").null();
            else
                w.key("from").string(control.baselineFrom);
            if (control.baselineTo.isEmpty())
                w.key("to").null();
            else
                w.key("to").string(control.baselineTo);
            w.endObject();
        }
        if (!control.restart.isEmpty())
            w.key("restart").string(control.restart);
        w.key("version_restart").boolean(control.versionRestart);
        w.endObject();
    }
    w.endObject();
    return w.take();
}

std::optional<QList<PivotFilter>> waterfallFilters(const ChartSpec &spec, QString *error)
{
    const QJsonValue filters = spec.rca.value(QLatin1String("filters"));
    if (filters.isUndefined())
        return QList<PivotFilter>{};
    // The pivot spec's reader knows filters: read them as a pivot's.
    const auto pivot = PivotSpec::fromJsonObject(
        QJsonObject{{QStringLiteral("measures"), QJsonArray{QStringLiteral("count")}}, {QStringLiteral("filters"), filters}},
        error);
    if (!pivot)
        return std::nullopt;
    return pivot->filters;
}

QJsonValue waterfallFiltersJson(const QList<PivotFilter> &filters)
{
    PivotSpec p;
    p.measures = QStringList{QStringLiteral("count")};
    p.filters = filters;
    return QJsonDocument::fromJson(p.toJson()).object().value(QLatin1String("filters"));
}

QString ChartSpec::validate() const
{
    if (type == ChartType::Waterfall) {
        QString problem;
        if (!rca::Metric::parse(rca.value(QLatin1String("metric")).toString(), &problem))
            return QObject::tr("rca.metric: %1").arg(problem);
        for (const char *key : {"base", "current"})
            if (!rca::Period::parse(rca.value(QLatin1String(key)).toString()))
                return QObject::tr("rca.%1 must be a period such as 2026-10, 2026-Q3 or 2026-W07, not \"%2\"")
                    .arg(QLatin1String(key), rca.value(QLatin1String(key)).toString());
        const QJsonValue dims = rca.value(QLatin1String("dims"));
        if (!dims.isUndefined() && !dims.isArray())
            return QObject::tr("rca.dims must be a list of dimensions");
        if (!waterfallFilters(*this, &problem))
            return QObject::tr("rca.%1").arg(problem);
        return {};
    }
    if (const QString problem = pivot.validate(); !problem.isEmpty())
        return QObject::tr("pivot: %1").arg(problem);
    if (!isControlChart(type) && !control.isDefault())
        return QObject::tr("control belongs to p-chart and xmr charts only, not to a %1 chart").arg(chartTypeName(type));
    const int measures = int(pivot.measures.size());
    auto need = [&](int count, const QString &what) -> QString {
        if (measures < count)
            return QObject::tr("a %1 chart needs %2").arg(chartTypeName(type), what);
        return {};
    };
    switch (type) {
    case ChartType::Combo:
        return need(2, QObject::tr("two measures: the bars', then the line's"));
    case ChartType::Scatter:
        return need(2, QObject::tr("two measures (x, y) and optionally a third for the point size"));
    case ChartType::Heatmap:
        if (pivot.rows.isEmpty() || pivot.cols.isEmpty())
            return QObject::tr("a heatmap chart needs row and column dimensions");
        break;
    case ChartType::Pareto:
    case ChartType::Box:
    case ChartType::Funnel:
    case ChartType::PChart:
    case ChartType::Xmr:
        if (pivot.rows.isEmpty())
            return QObject::tr("a %1 chart needs a row dimension").arg(chartTypeName(type));
        if (!pivot.cols.isEmpty())
            return QObject::tr("a %1 chart reads rows only; remove the column dimensions").arg(chartTypeName(type));
        break;
    default:
        break;
    }
    return {};
}

} // namespace ql
