// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scorecard/kpiperiod.h"
#include "store/periodsnapshotstore.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace ql {

// A report rendered when the period was closed, kept in the snapshot with its SHA-256.
struct RenderedReport
{
    QString templateName; // monthly-quality, mbr, calibration
    QString format;       // pdf, html
    QByteArray bytes;
};

// A published number that today's data no longer gives (scoring.md "Closing a period").
struct Restatement
{
    QString period;  // 2026-09
    QString kpi;     // qa_score, pass_rate, critical_rate, csat_pct, audits, csat_responses
    QString label;   // "pass rate"
    QString before;  // as published: "86.1"
    QString after;   // as today: "85.4"
    QString reason;  // "3 dispute changes and 1 import since it was closed"
    // "2026-09 pass rate restated 86.1 → 85.4: 3 dispute changes and 1 import since it was closed"
    QString text() const;
};

// Closing a period (scoring.md, cli.md `close-period`, docs/close-period.md): the whole project's
// KPIs of the period (KpiEngine), the settings and targets used, a data fingerprint (row counts, last
// change-log and import ids) and the rendered reports with their SHA-256, stored in period_snapshots.
// A period is closed once; closing it again needs `force` and replaces the snapshot (logged).
class PeriodClose final
{
public:
    enum class Error : quint8 { None, BadPeriod, NotOver, NoData, AlreadyClosed, Failed };
    struct Options
    {
        bool force = false;
        QDate today = QDate::currentDate();
        QString closedBy; // empty: UserInfo::currentUser()
        QString closedAt; // empty: now
        QList<RenderedReport> reports;
    };

    PeriodClose() = delete;

    // Validates the period (a month, quarter, ISO week or year that is over) and builds the snapshot
    // without storing it.
    static std::optional<PeriodSnapshot> snapshot(const QSqlDatabase &db, const QString &period, const Options &options,
                                                  QString *error, Error *code = nullptr);
    // Builds and stores it in one transaction with its change-log row.
    static std::optional<PeriodSnapshot> close(const QSqlDatabase &db, const QString &period, const Options &options,
                                               QString *error, Error *code = nullptr);

    // The headline KPIs of the snapshot whose value today, shown with one decimal (counts whole),
    // differs from the published one; in a fixed KPI order.
    static QList<Restatement> restatements(const QSqlDatabase &db, const PeriodSnapshot &snapshot);
    // Every closed period's restatements, oldest period first.
    static QList<Restatement> restatements(const QSqlDatabase &db);

    // The reports stored in a snapshot: template, format, sha256 and size (bytes not decoded).
    struct StoredReport
    {
        QString templateName;
        QString format;
        QString sha256;
        qint64 size = 0;
    };
    static QList<StoredReport> reports(const PeriodSnapshot &snapshot);
    // A stored report's bytes (checked against its SHA-256; empty when absent or altered).
    static QByteArray reportBytes(const PeriodSnapshot &snapshot, const QString &templateName, const QString &format);
};

} // namespace ql
