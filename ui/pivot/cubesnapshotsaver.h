// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

#include <memory>

namespace ql {

class Cube;
class JobRunner;

// Writes the snapshots of freshly built cubes (CubeCache::save) in the background, on a writable
// connection of its own, so that the next opening of the project reads its cubes instead of
// scanning. Only a project open for writing that passes its check gets them (the quick check runs
// in the job when MainWindow's has not finished yet); a read-only or damaged one is left exactly
// as it is.
namespace CubeSnapshotSaver {
void save(JobRunner *runner, const QList<std::shared_ptr<const Cube>> &cubes, const QByteArray &stamp);
}

} // namespace ql
