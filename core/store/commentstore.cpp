// SPDX-License-Identifier: GPL-3.0-or-later
#include "commentstore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace ql {

namespace {

std::optional<QList<StoredComment>> read(const QSqlDatabase &db, const QString &sql, const QDate &from, const QDate &to,
                                         QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    q.bindValue(QStringLiteral(":from"), from.isValid() ? QVariant(from.toJulianDay()) : QVariant(qint64(0)));
    q.bindValue(QStringLiteral(":to"),
                to.isValid() ? QVariant(to.toJulianDay()) : QVariant(std::numeric_limits<qint64>::max()));
    if (!q.exec()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    QList<StoredComment> out;
    while (q.next()) {
        StoredComment c;
        c.id = q.value(0).toLongLong();
        c.date = QDate::fromJulianDay(q.value(1).toLongLong());
        c.text = q.value(2).toString();
        c.positive = q.value(3).toBool();
        c.negative = q.value(4).toBool();
        if (q.record().count() > 5)
            c.auditId = q.value(5).toLongLong();
        out << c;
    }
    return out;
}

} // namespace

std::optional<QList<StoredComment>> CommentStore::customerComments(const QSqlDatabase &db, const QDate &from,
                                                                   const QDate &to, QString *error)
{
    return read(db,
                QStringLiteral("SELECT id, day, comment, satisfied, dissatisfied FROM csat_responses "
                               "WHERE comment IS NOT NULL AND comment <> '' AND day BETWEEN :from AND :to ORDER BY id"),
                from, to, error);
}

std::optional<QList<StoredComment>> CommentStore::auditorComments(const QSqlDatabase &db, const QDate &from,
                                                                  const QDate &to, QString *error)
{
    return read(db,
                QStringLiteral("SELECT an.id, a.day, an.comment, an.c >= c.pass_level, an.c < c.pass_level, a.id "
                               "FROM answers an JOIN audits a ON a.id = an.audit_id "
                               "JOIN criteria c ON c.id = an.criterion_id "
                               "WHERE an.comment IS NOT NULL AND an.comment <> '' AND an.na = 0 AND an.c IS NOT NULL "
                               "AND a.superseded_by IS NULL AND a.day BETWEEN :from AND :to ORDER BY an.id"),
                from, to, error);
}

std::optional<QStringList> CommentStore::agentNames(const QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT name FROM agents WHERE name IS NOT NULL AND name <> '' ORDER BY id"))) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    return names;
}

} // namespace ql
