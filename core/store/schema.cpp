// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema.h"

#include "sqlitehandle.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

// Resources compiled into a static library must be registered by name.
static void initStoreResources()
{
    Q_INIT_RESOURCE(store);
}

namespace ql::Schema {

namespace {
QString readSchemaFile()
{
    initStoreResources();
    QFile f(QStringLiteral(":/qualitylens/sql/schema_v1.sql"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}
} // namespace

QList<Migration> migrations()
{
    return {
        // Version 2: the pivot cubes' snapshots (core/pivot/cubesnapshot.h), so that a project
        // whose data has not changed opens its cubes with one read instead of a scan.
        {2,
         [](const QSqlDatabase &db) {
             return execScript(db, QStringLiteral("CREATE TABLE cube_cache (\n"
                                                  "    source     TEXT PRIMARY KEY NOT NULL CHECK (source IN ('audits','answers','csat')),\n"
                                                  "    format     INTEGER NOT NULL,\n"
                                                  "    data_stamp TEXT NOT NULL,\n"
                                                  "    built_at   TEXT NOT NULL,\n"
                                                  "    data       BLOB NOT NULL\n"
                                                  ");"));
         }},
    };
}

int userVersion(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

QString create(const QSqlDatabase &db)
{
    const QString ddl = readSchemaFile();
    if (ddl.isEmpty())
        return QStringLiteral("the schema resource is missing from this build");
    // Version 1's tables, then every migration's additions, in one transaction.
    const QString script = QStringLiteral("BEGIN;\n%1\nPRAGMA application_id = %2;").arg(ddl).arg(qint64(ApplicationId));
    QString err = execScript(db, script);
    for (const Migration &m : migrations())
        if (err.isEmpty())
            err = m.apply(db);
    if (err.isEmpty())
        err = execScript(db, QStringLiteral("PRAGMA user_version = %1;\nCOMMIT;").arg(CurrentVersion));
    if (!err.isEmpty())
        execScript(db, QStringLiteral("ROLLBACK"));
    return err;
}

QString backupPath(const QString &projectPath, int fromVersion)
{
    const QString plain = QStringLiteral("%1.bak-v%2").arg(projectPath).arg(fromVersion);
    if (!QFileInfo::exists(plain))
        return plain;
    return QStringLiteral("%1-%2").arg(plain, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
}

QString migrate(const QSqlDatabase &db, const QString &projectPath, int fromVersion,
                const QList<Migration> &steps, QString *backupWritten)
{
    if (steps.isEmpty())
        return {};
    const QString backup = backupPath(projectPath, fromVersion);
    QSqlQuery vacuum(db);
    vacuum.prepare(QStringLiteral("VACUUM INTO ?"));
    vacuum.addBindValue(backup);
    if (!vacuum.exec())
        return QStringLiteral("could not write the backup %1 before migrating: %2")
            .arg(backup, vacuum.lastError().text());
    if (backupWritten)
        *backupWritten = backup;

    if (QString err = execScript(db, QStringLiteral("BEGIN IMMEDIATE")); !err.isEmpty())
        return err;
    int version = fromVersion;
    for (const Migration &m : steps) {
        if (m.toVersion != version + 1) {
            execScript(db, QStringLiteral("ROLLBACK"));
            return QStringLiteral("migration steps out of order at version %1").arg(m.toVersion);
        }
        if (QString err = m.apply(db); !err.isEmpty()) {
            execScript(db, QStringLiteral("ROLLBACK"));
            return QStringLiteral("migrating to version %1 failed: %2; the project is unchanged").arg(m.toVersion).arg(err);
        }
        version = m.toVersion;
    }
    if (QString err = execScript(db, QStringLiteral("PRAGMA user_version = %1; COMMIT;").arg(version)); !err.isEmpty()) {
        execScript(db, QStringLiteral("ROLLBACK"));
        return err;
    }
    return {};
}

} // namespace ql::Schema
