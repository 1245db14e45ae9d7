// SPDX-License-Identifier: GPL-3.0-or-later
#include "cubesnapshotsaver.h"

#include "common/jobrunner.h"
#include "pivot/cubecache.h"
#include "store/project.h"

#include <QCoreApplication>
#include <QLoggingCategory>

namespace ql {

Q_LOGGING_CATEGORY(lcCubeSnapshot, "ql.pivot.snapshot", QtWarningMsg)

void CubeSnapshotSaver::save(JobRunner *runner, const QList<std::shared_ptr<const Cube>> &cubes,
                             const QByteArray &stamp)
{
    const Project *project = runner ? runner->project() : nullptr;
    if (!project || project->isReadOnly() || cubes.isEmpty() || stamp.isEmpty())
        return;
    // A project whose background check has not passed yet is checked here first (the dashboard's
    // cubes are often ready before MainWindow's check): a damaged file is never written.
    const bool verified = project->isVerified();
    // Its own channel, one per runner: a later save does not cancel this one (the work does not
    // poll the flag), it only drops the result, and there is none to drop.
    runner->start<bool>(
        QStringLiteral("cube-snapshot"),
        QCoreApplication::translate("ql::CubeSnapshotSaver", "Keeping the cubes for the next opening…"),
        [project, cubes, stamp, verified](JobContext &context) {
            const QString name = QStringLiteral("ql-cube-snapshot-%1-%2")
                                     .arg(quintptr(&context), 0, 16)
                                     .arg(context.id());
            bool ok = true;
            {
                const QSqlDatabase db = project->openWorkerConnection(name, false);
                if (!verified && db.isOpen()) {
                    if (const QString problem = Project::quickCheck(db); !problem.isEmpty()) {
                        qCWarning(lcCubeSnapshot) << "no snapshots: the project's check failed:" << problem;
                        ok = false;
                    }
                }
                for (const auto &cube : cubes) {
                    if (!ok)
                        break;
                    QString error;
                    if (!db.isOpen() || !CubeCache::save(db, *cube, stamp, &error)) {
                        qCWarning(lcCubeSnapshot) << "no snapshot of the" << pivotSourceName(cube->source())
                                                  << "cube:" << error;
                        ok = false;
                        break;
                    }
                }
            }
            Project::closeConnection(name);
            return ok;
        },
        [](bool &&) {});
}

} // namespace ql
