// SPDX-License-Identifier: GPL-3.0-or-later
#include "savedviewvalues.h"

#include "chartspec.h"
#include "pivot/pivotspec.h"
#include "store/changelog.h"
#include "common/userinfo.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace ql {

namespace {

// Replaces `from` by `to` in the filters on `dimension`; true when anything changed.
bool renameIn(QList<PivotFilter> &filters, const QString &dimension, const QString &from, const QString &to)
{
    bool changed = false;
    for (PivotFilter &f : filters) {
        if (f.dimension != dimension)
            continue;
        for (QString &v : f.values)
            if (v == from) {
                v = to;
                changed = true;
            }
        f.values.removeDuplicates(); // a list naming both keeps one
    }
    return changed;
}

// The spec with the value renamed, or an empty array when the view does not filter on it.
QByteArray renamedSpec(const QString &kind, const QByteArray &json, const QString &dimension, const QString &from,
                       const QString &to)
{
    QString ignored;
    if (kind == QLatin1String("pivot")) {
        auto spec = PivotSpec::fromJson(json, &ignored);
        if (!spec || !renameIn(spec->filters, dimension, from, to))
            return {};
        return spec->toJson();
    }
    auto spec = ChartSpec::fromJson(json, &ignored);
    if (!spec)
        return {};
    bool changed = renameIn(spec->pivot.filters, dimension, from, to);
    if (spec->type == ChartType::Waterfall) {
        if (auto rca = waterfallFilters(*spec, &ignored); rca && renameIn(*rca, dimension, from, to)) {
            spec->rca.insert(QStringLiteral("filters"), waterfallFiltersJson(*rca));
            changed = true;
        }
    }
    return changed ? spec->toJson() : QByteArray();
}

} // namespace

std::optional<int> SavedViewValues::rename(const QSqlDatabase &db, const QString &dimension, const QString &from,
                                           const QString &to, const QString &reason, QString *error)
{
    struct Rewrite
    {
        qint64 id;
        QString oldSpec;
        QByteArray newSpec;
    };
    QList<Rewrite> rewrites;
    QSqlQuery read(db);
    if (!read.exec(QStringLiteral("SELECT id, kind, spec_json FROM saved_views WHERE kind IN ('pivot', 'chart') "
                                  "ORDER BY id"))) {
        if (error)
            *error = read.lastError().text();
        return std::nullopt;
    }
    while (read.next()) {
        const QString spec = read.value(2).toString();
        if (!spec.contains(from)) // most views: no need to parse
            continue;
        const QByteArray renamed = renamedSpec(read.value(1).toString(), spec.toUtf8(), dimension, from, to);
        if (!renamed.isEmpty())
            rewrites.append({read.value(0).toLongLong(), spec, renamed});
    }
    for (const Rewrite &r : rewrites) {
        QSqlQuery write(db);
        write.prepare(QStringLiteral("UPDATE saved_views SET spec_json = ?, updated_at = ? WHERE id = ?"));
        write.addBindValue(QString::fromUtf8(r.newSpec));
        write.addBindValue(UserInfo::nowIso());
        write.addBindValue(r.id);
        if (!write.exec()) {
            if (error)
                *error = write.lastError().text();
            return std::nullopt;
        }
        ChangeEntry entry;
        entry.entity = QStringLiteral("saved_view");
        entry.entityId = QString::number(r.id);
        entry.field = QStringLiteral("spec_json");
        entry.oldValue = r.oldSpec;
        entry.newValue = QString::fromUtf8(r.newSpec);
        entry.reason = reason;
        if (!ChangeLog::record(db, entry, error))
            return std::nullopt;
    }
    return int(rewrites.size());
}

} // namespace ql
