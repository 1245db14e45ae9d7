// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the import tests: a fresh project with the test scorecard, files written on the fly,
// and an import run through the core API.
#pragma once

#include "import/importer.h"
#include "import/scorecardimport.h"
#include "store/project.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace importtest {

inline QString dataPath(const QString &name)
{
    return QStringLiteral(QL_TESTDATA_DIR "/import/") + name;
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(bytes);
    return path;
}

inline ql::ImportMapping mapping(const QByteArray &json)
{
    QString error;
    const auto m = ql::ImportMapping::parse(json, &error);
    if (!m)
        qFatal("bad test mapping: %s", qPrintable(error));
    return *m;
}

inline ql::ImportMapping mappingFile(const QString &name)
{
    return mapping(readFile(dataPath(name)));
}

// A new project holding the Support QA scorecard version 1 (from 2026-01-01).
inline std::unique_ptr<ql::Project> newProject(const QTemporaryDir &dir,
                                               const QString &name = QStringLiteral("p.qlens"), bool withCard = true)
{
    ql::ProjectError error;
    auto project = ql::Project::create(dir.filePath(name), true, &error);
    if (!project)
        qFatal("cannot create project: %s", qPrintable(error.message));
    if (withCard) {
        const auto r =
            ql::ScorecardImport::importFile(project->database(), dataPath(QStringLiteral("support-qa-v1.json")));
        if (!r.ok)
            qFatal("cannot import scorecard: %s", qPrintable(r.error));
    }
    return project;
}

inline qint64 count(const ql::Project &project, const QString &sql)
{
    QSqlQuery q(project.database());
    if (!q.exec(sql) || !q.next())
        qFatal("query failed: %s", qPrintable(sql));
    return q.value(0).toLongLong();
}

inline QVariant value(const ql::Project &project, const QString &sql)
{
    QSqlQuery q(project.database());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

inline ql::ImportResult run(const ql::Project &project, const ql::ImportMapping &m, const QString &path,
                            const ql::ImportOptions &options = {})
{
    ql::Importer importer(project.database(), m);
    return importer.run(path, options);
}

inline QStringList messages(const ql::ImportResult &r)
{
    QStringList out;
    for (const ql::ImportProblem &p : r.problems)
        out << p.message();
    return out;
}

} // namespace importtest
