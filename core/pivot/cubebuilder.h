// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cube.h"

#include <QSqlDatabase>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace ql {

// Builds the cubes of the three fact sources from a project with plain scans through the raw
// sqlite3* (no GROUP BY, no per-row QSqlQuery). Plain functions on a connection: a worker thread
// passes its own connection (Project::openWorkerConnection) or its name, a cancel flag and a
// progress callback, and gets an immutable cube to share.
class CubeBuilder final
{
public:
    struct Control
    {
        const std::atomic_bool *cancel = nullptr;  // checked every few thousand rows
        std::function<void(int percent)> progress; // 0-100, from the building thread
    };

    static std::shared_ptr<const Cube> buildAudits(const QSqlDatabase &db, const Control &control, QString *error);
    // Responses; audits is the audits cube of the same project (a response's agent may come from
    // the latest official audit of its ticket).
    static std::shared_ptr<const Cube> buildCsat(const QSqlDatabase &db, const Cube &audits, const Control &control,
                                                 QString *error);
    // Answers, each with every dimension of its audit (read through the audits cube).
    static std::shared_ptr<const Cube> buildAnswers(const QSqlDatabase &db, std::shared_ptr<const Cube> audits,
                                                    const Control &control, QString *error);

    // The cube of one source, with the audits cube it needs built first (or taken from audits when
    // given). connectionName names a connection opened on the calling thread.
    static std::shared_ptr<const Cube> build(const QString &connectionName, PivotSource source, const Control &control,
                                             QString *error, std::shared_ptr<const Cube> audits = {});
    static std::shared_ptr<const Cube> build(const QSqlDatabase &db, PivotSource source, const Control &control,
                                             QString *error, std::shared_ptr<const Cube> audits = {});
};

} // namespace ql
