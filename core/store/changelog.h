// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

namespace ql {

// The change log (formats.md "Project file"): every change made in the application and every
// import's changes. Writers call record() inside the transaction of the change itself, so a change
// and its log entry land together or not at all.
struct ChangeEntry
{
    QString entity;   // audit, answer, dispute, setting, calibration_session, …
    QString entityId; // its id or key
    QString field;    // empty for a whole record
    QVariant oldValue;
    QVariant newValue;
    QString reason;
    qint64 importId = 0; // 0 when not from an import

    // Filled in when read back.
    qint64 id = 0;
    QString at;
    QString who;
};

namespace ChangeLog {
bool record(const QSqlDatabase &db, const ChangeEntry &entry, QString *error = nullptr);
QList<ChangeEntry> forEntity(const QSqlDatabase &db, const QString &entity, const QString &entityId);
qint64 lastId(const QSqlDatabase &db);
} // namespace ChangeLog

} // namespace ql
