// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cubebuilder.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace ql {

// The cubes through the project's snapshots (the cube_cache table, CubeSnapshot): a cube whose data
// has not changed since its snapshot was written is read back in one bulk read; otherwise it is
// built by CubeBuilder. Writing a snapshot needs a writable connection, so it is a separate step
// that a caller with one takes after a build (the GUI in a background job, the CLI's bench).
class CubeCache final
{
public:
    struct Result
    {
        std::shared_ptr<const Cube> cube;
        QByteArray stamp;          // the data stamp read before the cube: save() under it
        bool fromSnapshot = false; // read from the snapshot, nothing to save
    };

    // The snapshot of source when one matches the data, else null. An answers cube needs its
    // audits cube (the one read or built from the same data).
    static std::shared_ptr<const Cube> load(const QSqlDatabase &db, PivotSource source, const QByteArray &stamp,
                                            std::shared_ptr<const Cube> audits = {});
    // From the snapshot or, failing that, built by CubeBuilder (with its control and errors).
    static Result obtain(const QSqlDatabase &db, PivotSource source, const CubeBuilder::Control &control,
                         QString *error, std::shared_ptr<const Cube> audits = {});
    // The audits cube and the one of source, each through obtain().
    static Result obtainWithAudits(const QSqlDatabase &db, PivotSource source, const CubeBuilder::Control &control,
                                   QString *error, std::shared_ptr<const Cube> *audits);
    // Stores the cube's snapshot under stamp; false (with the reason) when the project cannot take it.
    static bool save(const QSqlDatabase &db, const Cube &cube, const QByteArray &stamp, QString *error);

    static QByteArray dataStamp(const QSqlDatabase &db);
};

} // namespace ql
