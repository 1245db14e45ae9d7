// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotlayout.h"

#include "pivot/pivotmeasure.h"
#include "pivotfields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace ql {

namespace {

const QString DateChip = QStringLiteral("date");

bool isMeasure(const QString &field)
{
    QString error;
    // Dimension names are lower-case words too: "audits" is a measure, "team" is not.
    const auto m = PivotMeasure::parse(field, &error);
    return m.has_value();
}

QStringList *axis(PivotSpec &spec, PivotZone zone)
{
    return zone == PivotZone::Rows ? &spec.rows : zone == PivotZone::Columns ? &spec.cols : nullptr;
}

int clampIndex(int index, qsizetype size)
{
    return index < 0 || index > size ? int(size) : index;
}

} // namespace

QString pivotZoneName(PivotZone zone)
{
    switch (zone) {
    case PivotZone::Filters:
        return QStringLiteral("filters");
    case PivotZone::Rows:
        return QStringLiteral("rows");
    case PivotZone::Columns:
        return QStringLiteral("cols");
    case PivotZone::Values:
        return QStringLiteral("values");
    }
    return {};
}

std::optional<PivotZone> pivotZoneFromName(const QString &name)
{
    for (PivotZone z : {PivotZone::Filters, PivotZone::Rows, PivotZone::Columns, PivotZone::Values})
        if (pivotZoneName(z) == name)
            return z;
    return std::nullopt;
}

QStringList PivotLayout::items(PivotZone zone) const
{
    switch (zone) {
    case PivotZone::Rows:
        return spec.rows;
    case PivotZone::Columns:
        return spec.cols;
    case PivotZone::Values:
        return spec.measures;
    case PivotZone::Filters: {
        QStringList chips;
        if (dateFilter)
            chips << DateChip;
        for (const PivotFilter &f : spec.filters)
            chips << f.dimension;
        return chips;
    }
    }
    return {};
}

bool PivotLayout::insert(PivotZone zone, int index, const QString &field)
{
    if (field.isEmpty())
        return false;
    const bool measure = isMeasure(field) && !PivotFields::dimensionsOf(spec.source).contains(field);
    switch (zone) {
    case PivotZone::Rows:
    case PivotZone::Columns: {
        if (measure)
            return false;
        QString dimension = field;
        if (field == DateChip) {
            dimension.clear();
            for (const char *p : {"month", "quarter", "year", "week", "day"})
                if (!spec.rows.contains(QLatin1String(p)) && !spec.cols.contains(QLatin1String(p))) {
                    dimension = QLatin1String(p);
                    break;
                }
            if (dimension.isEmpty())
                return false;
        }
        QStringList *target = axis(spec, zone);
        QStringList *other = axis(spec, zone == PivotZone::Rows ? PivotZone::Columns : PivotZone::Rows);
        const PivotLayout before = *this;
        if (const qsizetype at = target->indexOf(dimension); at >= 0) {
            target->removeAt(at);
            if (index > at)
                --index;
        }
        other->removeAll(dimension);
        target->insert(clampIndex(index, target->size()), dimension);
        normalise();
        return !(*this == before);
    }
    case PivotZone::Values: {
        QString spelling = field;
        if (!measure) {
            if (field == DateChip || PivotFields::isPeriod(field))
                return false;
            spelling = QStringLiteral("count_distinct(%1)").arg(field);
        }
        QString error;
        const auto parsed = PivotMeasure::parse(spelling, &error);
        if (!parsed || !parsed->checkSource(spec.source).isEmpty())
            return false;
        const PivotLayout before = *this;
        if (const qsizetype at = spec.measures.indexOf(spelling); at >= 0) {
            spec.measures.removeAt(at);
            if (index > at)
                --index;
        }
        spec.measures.insert(clampIndex(index, spec.measures.size()), spelling);
        return !(*this == before);
    }
    case PivotZone::Filters:
        if (measure)
            return false;
        if (field == DateChip) {
            if (dateFilter)
                return false;
            dateFilter = true;
            return true;
        }
        if (spec.filterOn(field))
            return false;
        spec.filters << PivotFilter{field, true, {}};
        normalise();
        return true;
    }
    return false;
}

bool PivotLayout::move(PivotZone from, int fromIndex, PivotZone to, int toIndex)
{
    const QStringList chips = items(from);
    if (fromIndex < 0 || fromIndex >= chips.size())
        return false;
    if (from == to) {
        if (from == PivotZone::Filters)
            return false;
        QStringList list = chips;
        const QString id = list.takeAt(fromIndex);
        if (toIndex > fromIndex)
            --toIndex;
        list.insert(clampIndex(toIndex, list.size()), id);
        if (list == chips)
            return false;
        if (from == PivotZone::Values)
            spec.measures = list;
        else
            *axis(spec, from) = list;
        return true;
    }
    PivotLayout next = *this;
    QString id = chips.at(fromIndex);
    // A filter's values go with it; a period keeps its grouping between Rows and Columns.
    if (!next.remove(from, fromIndex) || !next.insert(to, toIndex, id))
        return false;
    *this = next;
    return true;
}

bool PivotLayout::remove(PivotZone zone, int index)
{
    const QStringList chips = items(zone);
    if (index < 0 || index >= chips.size())
        return false;
    const QString id = chips.at(index);
    switch (zone) {
    case PivotZone::Rows:
    case PivotZone::Columns:
        axis(spec, zone)->removeAt(index);
        break;
    case PivotZone::Values:
        spec.measures.removeAt(index);
        break;
    case PivotZone::Filters:
        if (id == DateChip && dateFilter) {
            dateFilter = false;
            spec.from = QDate();
            spec.to = QDate();
        } else {
            spec.filters.removeIf([&](const PivotFilter &f) { return f.dimension == id; });
        }
        break;
    }
    normalise();
    return true;
}

bool PivotLayout::setPeriod(PivotZone zone, int index, const QString &period)
{
    QStringList *list = axis(spec, zone);
    if (!list || index < 0 || index >= list->size() || !PivotFields::isPeriod(list->at(index)) ||
        !PivotFields::isPeriod(period) || list->at(index) == period)
        return false;
    if (spec.rows.contains(period) || spec.cols.contains(period))
        return false;
    (*list)[index] = period;
    normalise();
    return true;
}

bool PivotLayout::setShowAs(const QString &measure, PivotShowAs showAs)
{
    if (!spec.measures.contains(measure) || spec.showAsOf(measure) == showAs)
        return false;
    spec.showAs.removeIf([&](const QPair<QString, PivotShowAs> &p) { return p.first == measure; });
    if (showAs != PivotShowAs::Value)
        spec.showAs.append({measure, showAs});
    return true;
}

bool PivotLayout::setHeatMap(const QString &measure, bool on)
{
    if (!spec.measures.contains(measure) || heatMap.contains(measure) == on)
        return false;
    if (on)
        heatMap << measure;
    else
        heatMap.removeAll(measure);
    return true;
}

bool PivotLayout::setFilter(const PivotFilter &filter)
{
    for (PivotFilter &f : spec.filters)
        if (f.dimension == filter.dimension) {
            if (f == filter)
                return false;
            f = filter;
            return true;
        }
    spec.filters << filter;
    normalise();
    return true;
}

bool PivotLayout::setDateRange(const QDate &from, const QDate &to)
{
    if (spec.from == from && spec.to == to && dateFilter)
        return false;
    spec.from = from;
    spec.to = to;
    dateFilter = true;
    return true;
}

bool PivotLayout::setTotals(const PivotTotals &totals)
{
    if (spec.totals == totals)
        return false;
    spec.totals = totals;
    return true;
}

bool PivotLayout::setSort(const std::optional<PivotSort> &sort)
{
    if (spec.sort == sort)
        return false;
    spec.sort = sort;
    normalise();
    return true;
}

bool PivotLayout::setTop(const std::optional<PivotTop> &top)
{
    if (spec.top == top)
        return false;
    spec.top = top;
    normalise();
    return true;
}

bool PivotLayout::setSource(PivotSource source, const QStringList &customDimensions)
{
    if (spec.source == source)
        return false;
    spec.source = source;
    const QStringList known = PivotFields::dimensionsOf(source) + PivotFields::periods() + customDimensions;
    auto unknown = [&](const QString &d) { return !known.contains(d); };
    spec.rows.removeIf(unknown);
    spec.cols.removeIf(unknown);
    spec.filters.removeIf([&](const PivotFilter &f) { return unknown(f.dimension); });
    spec.measures.removeIf([&](const QString &m) {
        QString error;
        const auto parsed = PivotMeasure::parse(m, &error);
        if (!parsed || !parsed->checkSource(source).isEmpty())
            return true;
        return parsed->kind == PivotMeasure::Kind::CountDistinct && unknown(parsed->argument);
    });
    if (spec.measures.isEmpty())
        spec.measures << QStringLiteral("count");
    normalise();
    return true;
}

bool PivotLayout::clear()
{
    PivotLayout empty;
    empty.spec.source = spec.source;
    empty.spec.totals = spec.totals;
    if (empty == *this)
        return false;
    *this = empty;
    return true;
}

void PivotLayout::normalise()
{
    std::stable_sort(spec.filters.begin(), spec.filters.end(),
                     [](const PivotFilter &a, const PivotFilter &b) { return a.dimension < b.dimension; });
    spec.showAs.removeIf([&](const QPair<QString, PivotShowAs> &p) {
        if (!spec.measures.contains(p.first))
            return true;
        QString error;
        const auto m = PivotMeasure::parse(p.first, &error);
        return p.second != PivotShowAs::DiffPrevCol && (!m || !m->isAdditive());
    });
    heatMap.removeIf([&](const QString &m) { return !spec.measures.contains(m); });
    heatMap.removeDuplicates();
    if (spec.sort && spec.sort->by != QLatin1String("label") && !spec.measures.contains(spec.sort->by))
        spec.sort.reset();
    if (spec.sort) {
        const QStringList &other = spec.sort->axis == PivotSort::Axis::Rows ? spec.cols : spec.rows;
        if (spec.sort->at.size() > other.size())
            spec.sort->at.clear();
        if ((spec.sort->axis == PivotSort::Axis::Rows ? spec.rows : spec.cols).isEmpty())
            spec.sort.reset();
    }
    if (spec.top && (spec.rows.isEmpty() || (!spec.top->by.isEmpty() && !spec.measures.contains(spec.top->by))))
        spec.top.reset();
}

PivotLayout PivotLayout::defaultFor(PivotSource source)
{
    PivotLayout layout;
    layout.spec.source = source;
    layout.spec.totals = PivotTotals::all();
    switch (source) {
    case PivotSource::Audits:
        layout.spec.rows = {QStringLiteral("team")};
        layout.spec.measures = {QStringLiteral("audits"), QStringLiteral("qa_score"), QStringLiteral("pass_rate")};
        break;
    case PivotSource::Answers:
        layout.spec.rows = {QStringLiteral("criterion")};
        layout.spec.measures = {QStringLiteral("count"), QStringLiteral("compliance")};
        break;
    case PivotSource::Csat:
        layout.spec.rows = {QStringLiteral("queue")};
        layout.spec.measures = {QStringLiteral("csat_responses"), QStringLiteral("csat_pct")};
        break;
    }
    return layout;
}

QByteArray PivotLayout::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("spec"), QJsonDocument::fromJson(spec.toJson()).object());
    o.insert(QStringLiteral("date_filter"), dateFilter);
    o.insert(QStringLiteral("heat_map"), QJsonArray::fromStringList(heatMap));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<PivotLayout> PivotLayout::fromJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (!o.value(QLatin1String("spec")).isObject())
        return std::nullopt;
    QString error;
    const auto spec = PivotSpec::fromJsonObject(o.value(QLatin1String("spec")).toObject(), &error);
    if (!spec)
        return std::nullopt;
    QStringList heat;
    for (const QJsonValue &v : o.value(QLatin1String("heat_map")).toArray())
        heat << v.toString();
    PivotLayout layout = fromSpec(*spec, heat);
    layout.dateFilter = layout.dateFilter || o.value(QLatin1String("date_filter")).toBool();
    return layout;
}

PivotLayout PivotLayout::fromSpec(const PivotSpec &spec, const QStringList &heatMap)
{
    PivotLayout layout;
    layout.spec = spec;
    layout.dateFilter = spec.from.isValid() || spec.to.isValid();
    layout.heatMap = heatMap;
    layout.normalise();
    return layout;
}

} // namespace ql
