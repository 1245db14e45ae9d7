// SPDX-License-Identifier: GPL-3.0-or-later
#include "savedviewstore.h"

#include "changelog.h"
#include "common/userinfo.h"

#include <QObject>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace ql {

namespace {

const QString Entity = QStringLiteral("saved_view");

SavedView readView(const QSqlQuery &q)
{
    SavedView v;
    v.id = q.value(0).toLongLong();
    v.kind = q.value(1).toString();
    v.name = q.value(2).toString();
    v.specJson = q.value(3).toString().toUtf8();
    v.createdAt = q.value(4).toString();
    v.updatedAt = q.value(5).toString();
    return v;
}

const QString Columns = QStringLiteral("SELECT id, kind, name, spec_json, created_at, updated_at FROM saved_views ");

bool exec(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

} // namespace

SavedViewStore::SavedViewStore(QSqlDatabase db) : m_db(std::move(db)) {}

QList<SavedView> SavedViewStore::list(const QString &kind) const
{
    QList<SavedView> views;
    QSqlQuery q(m_db);
    q.prepare(Columns + QStringLiteral("WHERE kind = ?"));
    q.addBindValue(kind);
    if (!q.exec())
        return views;
    while (q.next())
        views << readView(q);
    std::sort(views.begin(), views.end(), [](const SavedView &a, const SavedView &b) {
        const int c = a.name.compare(b.name, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.name < b.name;
    });
    return views;
}

std::optional<SavedView> SavedViewStore::load(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(Columns + QStringLiteral("WHERE id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return readView(q);
    return std::nullopt;
}

std::optional<SavedView> SavedViewStore::find(const QString &kind, const QString &name) const
{
    QSqlQuery q(m_db);
    q.prepare(Columns + QStringLiteral("WHERE kind = ? AND name = ?"));
    q.addBindValue(kind);
    q.addBindValue(name.trimmed());
    if (q.exec() && q.next())
        return readView(q);
    return std::nullopt;
}

bool SavedViewStore::write(const std::function<bool(QString *)> &change, QString *error)
{
    QString failure;
    if (!m_db.transaction()) {
        failure = m_db.lastError().text();
    } else {
        if (change(&failure) && !m_db.commit())
            failure = m_db.lastError().text();
        if (!failure.isEmpty())
            m_db.rollback();
    }
    if (!failure.isEmpty() && error)
        *error = failure;
    return failure.isEmpty();
}

std::optional<qint64> SavedViewStore::create(const QString &kind, const QString &name, const QByteArray &specJson,
                                             QString *error)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        *error = QObject::tr("a view needs a name");
        return std::nullopt;
    }
    if (find(kind, trimmed)) {
        *error = QObject::tr("there is already a view named \"%1\"").arg(trimmed);
        return std::nullopt;
    }
    qint64 id = 0;
    const bool ok = write(
        [&](QString *failure) {
            const QString now = UserInfo::nowIso();
            QSqlQuery q(m_db);
            q.prepare(QStringLiteral("INSERT INTO saved_views(kind, name, spec_json, created_at, updated_at) "
                                     "VALUES (?, ?, ?, ?, ?)"));
            q.addBindValue(kind);
            q.addBindValue(trimmed);
            q.addBindValue(QString::fromUtf8(specJson));
            q.addBindValue(now);
            q.addBindValue(now);
            if (!exec(q, failure))
                return false;
            id = q.lastInsertId().toLongLong();
            ChangeEntry entry;
            entry.entity = Entity;
            entry.entityId = QString::number(id);
            entry.newValue = QString::fromUtf8(specJson);
            entry.reason = QObject::tr("%1 view \"%2\" created").arg(kind, trimmed);
            return ChangeLog::record(m_db, entry, failure);
        },
        error);
    return ok ? std::optional<qint64>(id) : std::nullopt;
}

bool SavedViewStore::updateSpec(qint64 id, const QByteArray &specJson, QString *error)
{
    const auto old = load(id);
    if (!old) {
        *error = QObject::tr("the view no longer exists");
        return false;
    }
    if (old->specJson == specJson)
        return true;
    return write(
        [&](QString *failure) {
            QSqlQuery q(m_db);
            q.prepare(QStringLiteral("UPDATE saved_views SET spec_json = ?, updated_at = ? WHERE id = ?"));
            q.addBindValue(QString::fromUtf8(specJson));
            q.addBindValue(UserInfo::nowIso());
            q.addBindValue(id);
            if (!exec(q, failure))
                return false;
            ChangeEntry entry;
            entry.entity = Entity;
            entry.entityId = QString::number(id);
            entry.field = QStringLiteral("spec_json");
            entry.oldValue = QString::fromUtf8(old->specJson);
            entry.newValue = QString::fromUtf8(specJson);
            return ChangeLog::record(m_db, entry, failure);
        },
        error);
}

bool SavedViewStore::rename(qint64 id, const QString &name, QString *error)
{
    const QString trimmed = name.trimmed();
    const auto old = load(id);
    if (!old) {
        *error = QObject::tr("the view no longer exists");
        return false;
    }
    if (trimmed.isEmpty()) {
        *error = QObject::tr("a view needs a name");
        return false;
    }
    if (trimmed == old->name)
        return true;
    if (const auto other = find(old->kind, trimmed); other && other->id != id) {
        *error = QObject::tr("there is already a view named \"%1\"").arg(trimmed);
        return false;
    }
    return write(
        [&](QString *failure) {
            QSqlQuery q(m_db);
            q.prepare(QStringLiteral("UPDATE saved_views SET name = ?, updated_at = ? WHERE id = ?"));
            q.addBindValue(trimmed);
            q.addBindValue(UserInfo::nowIso());
            q.addBindValue(id);
            if (!exec(q, failure))
                return false;
            ChangeEntry entry;
            entry.entity = Entity;
            entry.entityId = QString::number(id);
            entry.field = QStringLiteral("name");
            entry.oldValue = old->name;
            entry.newValue = trimmed;
            return ChangeLog::record(m_db, entry, failure);
        },
        error);
}

bool SavedViewStore::remove(qint64 id, QString *error)
{
    const auto old = load(id);
    if (!old)
        return true;
    return write(
        [&](QString *failure) {
            QSqlQuery q(m_db);
            q.prepare(QStringLiteral("DELETE FROM saved_views WHERE id = ?"));
            q.addBindValue(id);
            if (!exec(q, failure))
                return false;
            ChangeEntry entry;
            entry.entity = Entity;
            entry.entityId = QString::number(id);
            entry.oldValue = QString::fromUtf8(old->specJson);
            entry.reason = QObject::tr("%1 view \"%2\" deleted").arg(old->kind, old->name);
            return ChangeLog::record(m_db, entry, failure);
        },
        error);
}

} // namespace ql
