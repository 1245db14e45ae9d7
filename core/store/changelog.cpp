// SPDX-License-Identifier: GPL-3.0-or-later
#include "changelog.h"

#include "common/userinfo.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ql::ChangeLog {

namespace {
QVariant textOrNull(const QVariant &v)
{
    return v.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(v.toString());
}
} // namespace

bool record(const QSqlDatabase &db, const ChangeEntry &entry, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO change_log(at, who, entity, entity_id, field, old_value, new_value, reason, import_id) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(UserInfo::nowIso());
    q.addBindValue(UserInfo::currentUser());
    q.addBindValue(entry.entity);
    q.addBindValue(entry.entityId);
    q.addBindValue(entry.field.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(entry.field));
    q.addBindValue(textOrNull(entry.oldValue));
    q.addBindValue(textOrNull(entry.newValue));
    q.addBindValue(entry.reason.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(entry.reason));
    q.addBindValue(entry.importId > 0 ? QVariant(entry.importId) : QVariant(QMetaType::fromType<qint64>()));
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

QList<ChangeEntry> forEntity(const QSqlDatabase &db, const QString &entity, const QString &entityId)
{
    QList<ChangeEntry> out;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id, at, who, field, old_value, new_value, reason, import_id FROM change_log "
                             "WHERE entity = ? AND entity_id = ? ORDER BY id"));
    q.addBindValue(entity);
    q.addBindValue(entityId);
    if (!q.exec())
        return out;
    while (q.next()) {
        ChangeEntry e;
        e.entity = entity;
        e.entityId = entityId;
        e.id = q.value(0).toLongLong();
        e.at = q.value(1).toString();
        e.who = q.value(2).toString();
        e.field = q.value(3).toString();
        e.oldValue = q.value(4);
        e.newValue = q.value(5);
        e.reason = q.value(6).toString();
        e.importId = q.value(7).toLongLong();
        out << e;
    }
    return out;
}

qint64 lastId(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM change_log")) && q.next())
        return q.value(0).toLongLong();
    return 0;
}

} // namespace ql::ChangeLog
