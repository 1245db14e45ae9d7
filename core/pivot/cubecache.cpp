// SPDX-License-Identifier: GPL-3.0-or-later
#include "cubecache.h"

#include "cubesnapshot.h"
#include "store/cubecachestore.h"

#include <QLoggingCategory>
#include <QObject>

namespace ql {

Q_DECLARE_LOGGING_CATEGORY(lcCubeBuild)

QByteArray CubeCache::dataStamp(const QSqlDatabase &db)
{
    return CubeCacheStore(db).dataStamp();
}

std::shared_ptr<const Cube> CubeCache::load(const QSqlDatabase &db, PivotSource source, const QByteArray &stamp,
                                            std::shared_ptr<const Cube> audits)
{
    const CubeCacheStore store(db);
    if (!store.isAvailable())
        return nullptr;
    std::shared_ptr<const Cube> cube;
    store.read(pivotSourceName(source), CubeSnapshot::Version, stamp, [&](const char *data, std::size_t size) {
        cube = CubeSnapshot::read(data, size, audits);
        return bool(cube);
    });
    if (cube && cube->source() != source)
        return nullptr;
    qCDebug(lcCubeBuild) << pivotSourceName(source) << (cube ? "read from its snapshot" : "has no current snapshot");
    return cube;
}

CubeCache::Result CubeCache::obtain(const QSqlDatabase &db, PivotSource source, const CubeBuilder::Control &control,
                                    QString *error, std::shared_ptr<const Cube> audits)
{
    Result result;
    result.stamp = dataStamp(db);
    if (source != PivotSource::Answers || audits)
        result.cube = load(db, source, result.stamp, audits);
    if (result.cube) {
        result.fromSnapshot = true;
        if (control.progress)
            control.progress(100);
        return result;
    }
    switch (source) {
    case PivotSource::Audits:
        result.cube = CubeBuilder::buildAudits(db, control, error);
        break;
    case PivotSource::Answers:
    case PivotSource::Csat:
        result.cube = CubeBuilder::build(db, source, control, error, std::move(audits));
        break;
    }
    return result;
}

CubeCache::Result CubeCache::obtainWithAudits(const QSqlDatabase &db, PivotSource source,
                                              const CubeBuilder::Control &control, QString *error,
                                              std::shared_ptr<const Cube> *audits)
{
    if (!*audits || (*audits)->source() != PivotSource::Audits) {
        CubeBuilder::Control first;
        first.cancel = control.cancel;
        if (control.progress && source != PivotSource::Audits)
            first.progress = [&control](int p) { control.progress(p / 2); };
        else
            first.progress = control.progress;
        Result a = obtain(db, PivotSource::Audits, first, error);
        if (!a.cube || source == PivotSource::Audits) {
            *audits = a.cube;
            return a;
        }
        *audits = a.cube;
    } else if (source == PivotSource::Audits) {
        Result same;
        same.cube = *audits;
        same.fromSnapshot = true;
        return same;
    }
    CubeBuilder::Control second;
    second.cancel = control.cancel;
    if (control.progress)
        second.progress = [&control](int p) { control.progress(50 + p / 2); };
    return obtain(db, source, second, error, *audits);
}

bool CubeCache::save(const QSqlDatabase &db, const Cube &cube, const QByteArray &stamp, QString *error)
{
    const CubeCacheStore store(db);
    if (!store.isAvailable()) {
        if (error)
            *error = QObject::tr("the project has no cube_cache table (schema version 1, opened read-only)");
        return false;
    }
    const QByteArray data = CubeSnapshot::write(cube);
    if (data.isEmpty()) {
        if (error)
            *error = QObject::tr("the cube could not be written as a snapshot");
        return false;
    }
    return store.write(pivotSourceName(cube.source()), CubeSnapshot::Version, stamp, data, error);
}

} // namespace ql
