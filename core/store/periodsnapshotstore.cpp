// SPDX-License-Identifier: GPL-3.0-or-later
#include "periodsnapshotstore.h"

#include "changelog.h"
#include "savepoint.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>

namespace ql {

namespace {

PeriodSnapshot fromQuery(const QSqlQuery &q)
{
    PeriodSnapshot s;
    s.id = q.value(0).toLongLong();
    s.period = q.value(1).toString();
    s.closedAt = q.value(2).toString();
    s.closedBy = q.value(3).toString();
    s.kpisJson = q.value(4).toString().toUtf8();
    s.settingsJson = q.value(5).toString().toUtf8();
    s.fingerprint = q.value(6).toString().toUtf8();
    return s;
}

const char *const Columns = "SELECT id, period, closed_at, closed_by, kpis_json, settings_json, fingerprint "
                            "FROM period_snapshots ";

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

PeriodSnapshotStore::PeriodSnapshotStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

std::optional<PeriodSnapshot> PeriodSnapshotStore::load(const QString &period) const
{
    QSqlQuery q(m_db);
    q.prepare(QLatin1String(Columns) + QStringLiteral("WHERE period = ?"));
    q.addBindValue(period);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return fromQuery(q);
}

QList<PeriodSnapshot> PeriodSnapshotStore::list() const
{
    QList<PeriodSnapshot> out;
    QSqlQuery q(m_db);
    if (q.exec(QLatin1String(Columns) + QStringLiteral("ORDER BY period")))
        while (q.next())
            out << fromQuery(q);
    return out;
}

bool PeriodSnapshotStore::save(const PeriodSnapshot &snapshot, bool replace, QString *error)
{
    const std::optional<PeriodSnapshot> old = load(snapshot.period);
    if (old && !replace) {
        setError(error, QObject::tr("%1 was already closed on %2 by %3; close it again with --force to replace "
                                    "that snapshot").arg(snapshot.period, old->closedAt, old->closedBy));
        return false;
    }
    Savepoint savepoint(m_db, QStringLiteral("period_snapshot"));
    if (!savepoint.isOpen()) {
        setError(error, m_db.lastError().text());
        return false;
    }
    QSqlQuery q(m_db);
    if (old) {
        q.prepare(QStringLiteral("DELETE FROM period_snapshots WHERE period = ?"));
        q.addBindValue(snapshot.period);
        if (!q.exec()) {
            setError(error, q.lastError().text());
            return false;
        }
    }
    q.prepare(QStringLiteral("INSERT INTO period_snapshots(period, closed_at, closed_by, kpis_json, settings_json, "
                             "fingerprint) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(snapshot.period);
    q.addBindValue(snapshot.closedAt);
    q.addBindValue(snapshot.closedBy);
    q.addBindValue(QString::fromUtf8(snapshot.kpisJson));
    q.addBindValue(QString::fromUtf8(snapshot.settingsJson));
    q.addBindValue(QString::fromUtf8(snapshot.fingerprint));
    if (!q.exec()) {
        setError(error, q.lastError().text());
        return false;
    }
    auto digest = [](const QByteArray &bytes) {
        return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    };
    ChangeEntry entry;
    entry.entity = QStringLiteral("period_snapshot");
    entry.entityId = snapshot.period;
    if (old)
        entry.oldValue = QStringLiteral("closed %1 by %2, KPIs sha256 %3").arg(old->closedAt, old->closedBy,
                                                                               digest(old->kpisJson));
    entry.newValue = QStringLiteral("closed %1 by %2, KPIs sha256 %3").arg(snapshot.closedAt, snapshot.closedBy,
                                                                           digest(snapshot.kpisJson));
    entry.reason = old ? QStringLiteral("period closed again (replaces the snapshot)") : QStringLiteral("period closed");
    if (!ChangeLog::record(m_db, entry, error))
        return false;
    if (!savepoint.commit()) {
        setError(error, m_db.lastError().text());
        return false;
    }
    return true;
}

QList<QPair<QString, qint64>> PeriodSnapshotStore::rowCounts() const
{
    QList<QPair<QString, qint64>> out;
    for (const char *table : {"agents", "audits", "answers", "csat_responses", "disputes", "calibration_sessions",
                              "scorecards", "targets"}) {
        QSqlQuery q(m_db);
        if (q.exec(QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table)) && q.next())
            out.append({QLatin1String(table), q.value(0).toLongLong()});
    }
    return out;
}

QList<int> PeriodSnapshotStore::monthsWithData() const
{
    QList<int> months;
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT month FROM (SELECT DISTINCT month FROM audits UNION "
                              "SELECT DISTINCT month FROM csat_responses) ORDER BY month")))
        while (q.next())
            months << q.value(0).toInt();
    return months;
}

qint64 PeriodSnapshotStore::lastImportId() const
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM import_log")) && q.next() ? q.value(0).toLongLong()
                                                                                              : 0;
}

ChangesSince PeriodSnapshotStore::changesSince(qint64 changeId, qint64 importId) const
{
    ChangesSince c;
    QSqlQuery q(m_db);
    // Closing itself is no change to the numbers.
    q.prepare(QStringLiteral("SELECT entity, count(*) FROM change_log WHERE id > ? AND entity <> 'period_snapshot' "
                             "GROUP BY entity ORDER BY entity"));
    q.addBindValue(changeId);
    if (q.exec())
        while (q.next())
            c.byEntity.append({q.value(0).toString(), q.value(1).toLongLong()});
    q.prepare(QStringLiteral("SELECT count(*) FROM import_log WHERE id > ?"));
    q.addBindValue(importId);
    if (q.exec() && q.next())
        c.imports = q.value(0).toLongLong();
    return c;
}

} // namespace ql
