// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotspec.h"

#include "pivotjsonwriter.h"
#include "pivotmeasure.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QObject>

#include <cmath>

namespace ql {

QString pivotShowAsName(PivotShowAs showAs)
{
    switch (showAs) {
    case PivotShowAs::Value:
        return QStringLiteral("value");
    case PivotShowAs::PctGrand:
        return QStringLiteral("pct_grand");
    case PivotShowAs::PctRow:
        return QStringLiteral("pct_row");
    case PivotShowAs::PctCol:
        return QStringLiteral("pct_col");
    case PivotShowAs::DiffPrevCol:
        return QStringLiteral("diff_prev_col");
    }
    return {};
}

namespace {

// How a JSON value reads in an error message.
QString shown(const QJsonValue &v)
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

// A string, or a number written as text (a filter on scorecard_version 2).
bool labelOf(const QJsonValue &v, QString *out)
{
    if (v.isString()) {
        *out = v.toString();
        return true;
    }
    if (v.isDouble()) {
        *out = QString::number(v.toDouble(), 'g', 17);
        return true;
    }
    return false;
}

bool stringList(const QJsonValue &v, const QString &key, QStringList *out, QString *error, bool numbersToo = false)
{
    if (!v.isArray()) {
        *error = QObject::tr("\"%1\" must be an array of names, not %2").arg(key, shown(v));
        return false;
    }
    out->clear();
    for (const QJsonValue &item : v.toArray()) {
        QString s;
        if (item.isString())
            s = item.toString();
        else if (!numbersToo || !labelOf(item, &s)) {
            *error = QObject::tr("\"%1\" must hold strings, not %2").arg(key, shown(item));
            return false;
        }
        out->append(s);
    }
    return true;
}

bool dateOf(const QJsonValue &v, const QString &key, QDate *out, QString *error)
{
    if (v.isNull() || v.isUndefined()) {
        *out = QDate();
        return true;
    }
    *out = v.isString() ? QDate::fromString(v.toString(), Qt::ISODate) : QDate();
    if (!out->isValid() || v.toString().size() != 10) {
        *error = QObject::tr("\"%1\" must be a date YYYY-MM-DD, not %2").arg(key, shown(v));
        return false;
    }
    return true;
}

bool boolOf(const QJsonValue &v, const QString &key, bool *out, QString *error)
{
    if (!v.isBool()) {
        *error = QObject::tr("\"%1\" must be true or false, not %2").arg(key, shown(v));
        return false;
    }
    *out = v.toBool();
    return true;
}

} // namespace

std::optional<PivotSpec> PivotSpec::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QObject::tr("the pivot spec is not valid JSON: %1 at offset %2")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QObject::tr("the pivot spec must be a JSON object");
        return std::nullopt;
    }
    return fromJsonObject(doc.object(), error);
}

std::optional<PivotSpec> PivotSpec::fromJsonObject(const QJsonObject &o, QString *error)
{
    PivotSpec spec;
    if (!checkKeys(o, {"source", "rows", "cols", "measures", "filters", "totals", "show_as", "sort", "top"},
                   QObject::tr("pivot spec"), error))
        return std::nullopt;
    if (o.contains(QLatin1String("source"))) {
        const QJsonValue v = o.value(QLatin1String("source"));
        const auto source = pivotSourceFromName(v.toString());
        if (!v.isString() || !source) {
            *error = QObject::tr("\"source\" must be audits, answers or csat, not %1").arg(shown(v));
            return std::nullopt;
        }
        spec.source = *source;
    }
    if (o.contains(QLatin1String("rows")) &&
        !stringList(o.value(QLatin1String("rows")), QStringLiteral("rows"), &spec.rows, error))
        return std::nullopt;
    if (o.contains(QLatin1String("cols")) &&
        !stringList(o.value(QLatin1String("cols")), QStringLiteral("cols"), &spec.cols, error))
        return std::nullopt;
    if (o.contains(QLatin1String("measures")) &&
        !stringList(o.value(QLatin1String("measures")), QStringLiteral("measures"), &spec.measures, error))
        return std::nullopt;

    if (o.contains(QLatin1String("filters"))) {
        const QJsonValue fv = o.value(QLatin1String("filters"));
        if (!fv.isObject()) {
            *error = QObject::tr("\"filters\" must be an object, not %1").arg(shown(fv));
            return std::nullopt;
        }
        const QJsonObject filters = fv.toObject();
        for (auto it = filters.begin(); it != filters.end(); ++it) {
            const QString where = QStringLiteral("filters.%1").arg(it.key());
            if (!it.value().isObject()) {
                *error = QObject::tr("\"%1\" must be an object, not %2").arg(where, shown(it.value()));
                return std::nullopt;
            }
            const QJsonObject f = it.value().toObject();
            if (it.key() == QLatin1String("date")) {
                if (!checkKeys(f, {"from", "to"}, QStringLiteral("\"%1\"").arg(where), error) ||
                    !dateOf(f.value(QLatin1String("from")), where + QStringLiteral(".from"), &spec.from, error) ||
                    !dateOf(f.value(QLatin1String("to")), where + QStringLiteral(".to"), &spec.to, error))
                    return std::nullopt;
                continue;
            }
            if (!checkKeys(f, {"in", "not_in"}, QStringLiteral("\"%1\"").arg(where), error))
                return std::nullopt;
            if (f.size() != 1) {
                *error = QObject::tr("\"%1\" needs exactly one of \"in\" and \"not_in\"").arg(where);
                return std::nullopt;
            }
            PivotFilter filter;
            filter.dimension = it.key();
            filter.exclude = f.contains(QLatin1String("not_in"));
            const QString key = filter.exclude ? QStringLiteral("not_in") : QStringLiteral("in");
            if (!stringList(f.value(key), where + QLatin1Char('.') + key, &filter.values, error, true))
                return std::nullopt;
            spec.filters << filter;
        }
    }

    if (o.contains(QLatin1String("totals"))) {
        const QJsonValue tv = o.value(QLatin1String("totals"));
        if (tv.isBool()) {
            spec.totals = tv.toBool() ? PivotTotals::all() : PivotTotals{};
        } else if (tv.isObject()) {
            const QJsonObject t = tv.toObject();
            if (!checkKeys(t, {"subtotals", "rows", "cols"}, QStringLiteral("\"totals\""), error))
                return std::nullopt;
            for (const auto &[key, flag] : {std::pair{"subtotals", &spec.totals.subtotals},
                                            std::pair{"rows", &spec.totals.rows}, std::pair{"cols", &spec.totals.cols}})
                if (t.contains(QLatin1String(key)) &&
                    !boolOf(t.value(QLatin1String(key)), QStringLiteral("totals.%1").arg(QLatin1String(key)), flag,
                            error))
                    return std::nullopt;
        } else {
            *error = QObject::tr("\"totals\" must be true, false or {\"subtotals\", \"rows\", \"cols\"}, not %1")
                         .arg(shown(tv));
            return std::nullopt;
        }
    }

    if (o.contains(QLatin1String("show_as"))) {
        const QJsonValue sv = o.value(QLatin1String("show_as"));
        if (!sv.isObject()) {
            *error = QObject::tr("\"show_as\" must be an object, not %1").arg(shown(sv));
            return std::nullopt;
        }
        const QJsonObject s = sv.toObject();
        for (auto it = s.begin(); it != s.end(); ++it) {
            const QString how = it.value().toString();
            PivotShowAs value = PivotShowAs::Value;
            for (PivotShowAs candidate :
                 {PivotShowAs::PctGrand, PivotShowAs::PctRow, PivotShowAs::PctCol, PivotShowAs::DiffPrevCol})
                if (how == pivotShowAsName(candidate))
                    value = candidate;
            if (value == PivotShowAs::Value) {
                *error = QObject::tr("\"show_as.%1\" must be pct_grand, pct_row, pct_col or diff_prev_col, not %2")
                             .arg(it.key(), shown(it.value()));
                return std::nullopt;
            }
            spec.showAs.append({it.key(), value});
        }
    }

    if (o.contains(QLatin1String("sort"))) {
        const QJsonValue sv = o.value(QLatin1String("sort"));
        if (!sv.isObject()) {
            *error = QObject::tr("\"sort\" must be an object, not %1").arg(shown(sv));
            return std::nullopt;
        }
        const QJsonObject s = sv.toObject();
        if (!checkKeys(s, {"axis", "by", "at", "order"}, QStringLiteral("\"sort\""), error))
            return std::nullopt;
        PivotSort sort;
        const QJsonValue axis = s.value(QLatin1String("axis"));
        if (!axis.isUndefined()) {
            if (axis.toString() == QLatin1String("rows"))
                sort.axis = PivotSort::Axis::Rows;
            else if (axis.toString() == QLatin1String("cols"))
                sort.axis = PivotSort::Axis::Cols;
            else {
                *error = QObject::tr("\"sort.axis\" must be rows or cols, not %1").arg(shown(axis));
                return std::nullopt;
            }
        }
        const QJsonValue by = s.value(QLatin1String("by"));
        if (!by.isString() || by.toString().isEmpty()) {
            *error = QObject::tr("\"sort.by\" must be \"label\" or a measure, not %1").arg(shown(by));
            return std::nullopt;
        }
        sort.by = by.toString();
        if (s.contains(QLatin1String("at")) &&
            !stringList(s.value(QLatin1String("at")), QStringLiteral("sort.at"), &sort.at, error, true))
            return std::nullopt;
        const QJsonValue order = s.value(QLatin1String("order"));
        if (order.isUndefined())
            sort.descending = sort.by != QLatin1String("label"); // measures: largest first
        else if (order.toString() == QLatin1String("asc") || order.toString() == QLatin1String("desc"))
            sort.descending = order.toString() == QLatin1String("desc");
        else {
            *error = QObject::tr("\"sort.order\" must be asc or desc, not %1").arg(shown(order));
            return std::nullopt;
        }
        spec.sort = sort;
    }

    if (o.contains(QLatin1String("top"))) {
        const QJsonValue tv = o.value(QLatin1String("top"));
        if (!tv.isObject()) {
            *error = QObject::tr("\"top\" must be an object, not %1").arg(shown(tv));
            return std::nullopt;
        }
        const QJsonObject t = tv.toObject();
        if (!checkKeys(t, {"n", "by", "others"}, QStringLiteral("\"top\""), error))
            return std::nullopt;
        PivotTop top;
        const QJsonValue n = t.value(QLatin1String("n"));
        const double nv = n.toDouble(-1);
        if (!n.isDouble() || nv < 1 || nv != std::floor(nv) || nv > 1e9) {
            *error = QObject::tr("\"top.n\" must be a whole number from 1, not %1").arg(shown(n));
            return std::nullopt;
        }
        top.n = int(nv);
        const QJsonValue by = t.value(QLatin1String("by"));
        if (!by.isUndefined()) {
            if (!by.isString() || by.toString().isEmpty()) {
                *error = QObject::tr("\"top.by\" must be a measure, not %1").arg(shown(by));
                return std::nullopt;
            }
            top.by = by.toString();
        }
        if (t.contains(QLatin1String("others")) &&
            !boolOf(t.value(QLatin1String("others")), QStringLiteral("top.others"), &top.others, error))
            return std::nullopt;
        spec.top = top;
    }
    return spec;
}

QString PivotSpec::validate() const
{
    if (measures.isEmpty())
        return QObject::tr("the pivot has no measure (\"measures\" needs at least one)");
    QList<PivotMeasure> parsed;
    for (const QString &m : measures) {
        QString error;
        const auto measure = PivotMeasure::parse(m, &error);
        if (!measure)
            return error;
        if (const QString problem = measure->checkSource(source); !problem.isEmpty())
            return problem;
        if (measures.count(m) > 1)
            return QObject::tr("the measure \"%1\" is asked twice").arg(m);
        parsed << *measure;
    }
    auto checkExtra = [&](const QString &m, const QString &where) -> QString {
        QString error;
        const auto measure = PivotMeasure::parse(m, &error);
        if (!measure)
            return QObject::tr("%1: %2").arg(where, error);
        if (const QString problem = measure->checkSource(source); !problem.isEmpty())
            return QObject::tr("%1: %2").arg(where, problem);
        return {};
    };
    for (const auto &[measure, how] : showAs) {
        const qsizetype i = measures.indexOf(measure);
        if (i < 0)
            return QObject::tr("\"show_as\" names \"%1\", which is not among the measures").arg(measure);
        if (how != PivotShowAs::DiffPrevCol && !parsed.at(i).isAdditive())
            return QObject::tr(
                       "\"show_as.%1\": %2 is offered for count and sum only (a share of an average means nothing)")
                .arg(measure, pivotShowAsName(how));
    }
    for (const QString &d : rows + cols)
        if ((rows + cols).count(d) > 1)
            return QObject::tr("the dimension \"%1\" is on the axes twice").arg(d);
    QStringList filtered;
    for (const PivotFilter &f : filters) {
        if (filtered.contains(f.dimension))
            return QObject::tr("the dimension \"%1\" is filtered twice").arg(f.dimension);
        filtered << f.dimension;
    }
    if (from.isValid() && to.isValid() && from > to)
        return QObject::tr("the date range ends (%1) before it starts (%2)")
            .arg(to.toString(Qt::ISODate), from.toString(Qt::ISODate));
    if (sort && sort->by != QLatin1String("label"))
        if (const QString e = checkExtra(sort->by, QStringLiteral("\"sort.by\"")); !e.isEmpty())
            return e;
    if (sort) {
        const QStringList &other = sort->axis == PivotSort::Axis::Rows ? cols : rows;
        if (sort->at.size() > other.size() && !(other.isEmpty() && sort->at == QStringList{QStringLiteral("(total)")}))
            return QObject::tr("\"sort.at\" names %1 labels, but the other axis has %2 dimensions")
                .arg(sort->at.size())
                .arg(other.size());
    }
    if (top) {
        if (!top->by.isEmpty())
            if (const QString e = checkExtra(top->by, QStringLiteral("\"top.by\"")); !e.isEmpty())
                return e;
        if (rows.isEmpty())
            return QObject::tr("\"top\" keeps the first rows: it needs a row dimension");
    }
    return {};
}

PivotShowAs PivotSpec::showAsOf(const QString &measure) const
{
    for (const auto &[m, how] : showAs)
        if (m == measure)
            return how;
    return PivotShowAs::Value;
}

const PivotFilter *PivotSpec::filterOn(const QString &dimension) const
{
    for (const PivotFilter &f : filters)
        if (f.dimension == dimension)
            return &f;
    return nullptr;
}

QByteArray PivotSpec::toJson() const
{
    PivotJsonWriter w;
    w.beginObject();
    w.key("source").string(pivotSourceName(source));
    w.key("rows").strings(rows);
    w.key("cols").strings(cols);
    w.key("measures").strings(measures);
    w.key("filters").beginObject();
    for (const PivotFilter &f : filters) {
        w.key(f.dimension).beginObject();
        w.key(f.exclude ? "not_in" : "in").strings(f.values);
        w.endObject();
    }
    if (from.isValid() || to.isValid()) {
        w.key("date").beginObject();
        if (from.isValid())
            w.key("from").string(from.toString(Qt::ISODate));
        if (to.isValid())
            w.key("to").string(to.toString(Qt::ISODate));
        w.endObject();
    }
    w.endObject();
    w.key("totals");
    if (totals == PivotTotals::all() || totals == PivotTotals{}) {
        w.boolean(totals.rows);
    } else {
        w.beginObject();
        w.key("subtotals").boolean(totals.subtotals);
        w.key("rows").boolean(totals.rows);
        w.key("cols").boolean(totals.cols);
        w.endObject();
    }
    if (!showAs.isEmpty()) {
        w.key("show_as").beginObject();
        for (const auto &[m, how] : showAs)
            w.key(m).string(pivotShowAsName(how));
        w.endObject();
    }
    if (sort) {
        w.key("sort").beginObject();
        w.key("axis").string(sort->axis == PivotSort::Axis::Rows ? QStringLiteral("rows") : QStringLiteral("cols"));
        w.key("by").string(sort->by);
        if (!sort->at.isEmpty())
            w.key("at").strings(sort->at);
        w.key("order").string(sort->descending ? QStringLiteral("desc") : QStringLiteral("asc"));
        w.endObject();
    }
    if (top) {
        w.key("top").beginObject();
        w.key("n").integer(top->n);
        if (!top->by.isEmpty())
            w.key("by").string(top->by);
        w.key("others").boolean(top->others);
        w.endObject();
    }
    w.endObject();
    return w.take();
}

} // namespace ql
