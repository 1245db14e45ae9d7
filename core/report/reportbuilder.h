// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/agentnames.h"
#include "reportdocument.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace ql {

class Cube;

// The cubes a build had to scan (no snapshot matched the data) and the data stamp they were read
// under: a caller that can write keeps them as the project's snapshots (CubeCache::save), so the
// next report reads them instead of scanning.
struct ReportScannedCubes
{
    QByteArray stamp;
    QList<std::shared_ptr<const Cube>> cubes;
};

struct ReportOptions
{
    std::optional<NameDisplay> names; // nullopt: the project setting name_display
    std::function<bool()> canceled;   // polled between sections (job runner)
    ReportScannedCubes *scanned = nullptr; // when set, receives the cubes scanned
};

// Why build() gave no document (cli.md exit codes: BadPeriod → 2, NoData → 3, Failed → 1).
enum class ReportError : quint8 { None, BadPeriod, NoData, Canceled, Failed };

// Builds the three templates of docs/reports.md from the project: numbers from KpiEngine, control
// charts and funnels from core/stats, the RCA sentences, calibration metrics, the import log.
// Sections whose data is absent are omitted or say so. Reads only; runs on a worker thread with its
// own connection.
class ReportBuilder final
{
public:
    ReportBuilder() = delete;

    // period: a KpiPeriod label (2026-10, 2026-Q3, …). nullopt with *error (and *code) when the
    // period is malformed, the period has no audits (calibration: no sessions), or a read failed.
    static std::optional<ReportDocument> build(const QSqlDatabase &db, ReportTemplate kind, const QString &period,
                                               const ReportOptions &options, QString *error,
                                               ReportError *code = nullptr);
};

} // namespace ql
