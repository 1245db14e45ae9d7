// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace ql {

// A closed period (scoring.md "Closing a period", table period_snapshots; docs/close-period.md):
// the KPIs as they were published, the settings used and the data fingerprint.
struct PeriodSnapshot
{
    qint64 id = 0;
    QString period;   // a KpiPeriod label: 2026-09, 2026-Q3, 2026-W07, 2026
    QString closedAt; // UTC, ISO 8601
    QString closedBy;
    QByteArray kpisJson;     // {"kpis": scorecard JSON of the whole project, "reports": [...]}
    QByteArray settingsJson; // {"settings": {...}, "targets": [...]}
    QByteArray fingerprint;  // {"rows": {...}, "last_change_id": N, "last_import_id": N}
};

// What changed in the project since a snapshot's fingerprint: change-log rows by entity and imports.
struct ChangesSince
{
    QList<QPair<QString, qint64>> byEntity; // entity → change-log rows after the snapshot, by entity name
    qint64 imports = 0;
};

// Reads and writes period_snapshots. A write is one transaction with its change-log row (entity
// "period_snapshot", the period as id).
class PeriodSnapshotStore final
{
public:
    explicit PeriodSnapshotStore(QSqlDatabase db);

    std::optional<PeriodSnapshot> load(const QString &period) const;
    QList<PeriodSnapshot> list() const; // by period

    // Stores the snapshot; replaces an existing one of the same period only when `replace` (the old
    // one's closing date and KPI digest go to the change log). false with *error otherwise.
    bool save(const PeriodSnapshot &snapshot, bool replace, QString *error);

    // The months (year*100 + month) that have audits or CSAT responses, oldest first: the periods a
    // report can be made for.
    QList<int> monthsWithData() const;

    // The fingerprint's parts as they are now.
    QList<QPair<QString, qint64>> rowCounts() const;
    qint64 lastImportId() const;
    ChangesSince changesSince(qint64 changeId, qint64 importId) const;

private:
    QSqlDatabase m_db;
};

} // namespace ql
