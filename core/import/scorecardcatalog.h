// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/scoringengine.h"
#include "store/scorecardstore.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

namespace ql {

struct ImportMapping;

// The scorecard versions an import scores with, loaded once each, with their scoring engine and a
// cache from the file's criterion labels to flat criterion indexes. Picks the version in force on an
// audit's date unless a version is named (scoring.md "Versions").
class ScorecardCatalog final
{
public:
    struct Entry
    {
        StoredScorecard stored;
        std::unique_ptr<ScoringEngine> engine;
        QList<std::pair<QString, int>> labels; // labels met so far → flat index (-1: unknown)

        // "Support QA version 2", for messages.
        QString title() const;
    };

    ScorecardCatalog(QSqlDatabase db, const ImportMapping &mapping);
    ~ScorecardCatalog();

    // nullptr with *why set when there is no such scorecard or no version in force.
    const Entry *inForce(const QString &name, QDate date, QString *why);
    const Entry *version(const QString &name, int version, QString *why);
    const Entry *byId(qint64 id);

    // Called before the catalog reads the project (a version not loaded yet).
    void setBeforeQuery(std::function<void()> hook) { m_beforeQuery = std::move(hook); }

    // The flat index a file's criterion label means (the mapping's `criteria`, else a key or a
    // name, case-insensitively), or -1.
    int criterionIndex(const Entry &entry, QStringView label);

private:
    const QList<ScorecardVersionInfo> &versionsOf(const QString &name);
    Entry *load(qint64 id);

    QSqlDatabase m_db;
    const ImportMapping &m_mapping;
    QHash<QString, QList<ScorecardVersionInfo>> m_versions;
    QHash<qint64, Entry *> m_entries;
    std::vector<std::unique_ptr<Entry>> m_owned;
    std::function<void()> m_beforeQuery;
};

} // namespace ql
