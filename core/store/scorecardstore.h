// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/scorecard.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace ql {

// One scorecard version as stored, with the row ids that facts refer to.
struct StoredScorecard
{
    qint64 id = 0;
    Scorecard card;
    QDate validTo; // the last day in force; invalid while the version is current
    QString createdAt;
    QList<qint64> sectionIds;   // by section position
    QList<qint64> criterionIds; // by flat criterion index (ScoringEngine's answer index)
};

// A line of the version list.
struct ScorecardVersionInfo
{
    qint64 id = 0;
    QString name;
    int version = 0;
    QDate validFrom;
    QDate validTo; // invalid while current

    bool operator==(const ScorecardVersionInfo &other) const = default;
};

// Scorecard versions in the `scorecards`, `scorecard_sections` and `criteria` tables, with the
// definition JSON of formats.md beside them (docs/schema.md). The relational rows are what facts
// point at and what load() reads; definition_json is what an export writes.
//
// Writes run inside a SAVEPOINT, so they nest in a caller's transaction (an import, the demo)
// and leave nothing behind when they fail.
class ScorecardStore final
{
public:
    explicit ScorecardStore(QSqlDatabase db);

    // Stores `card` as a new version. The card must be complete (version ≥ 1, valid_from set:
    // whoever imports assigns them) and valid (ScorecardJson::validate); (name, version) must be
    // new. validTo is the last day the version applies, when it is already superseded.
    std::optional<StoredScorecard> save(const Scorecard &card, const QString &createdAt, QString *error,
                                        QDate validTo = {});

    // Ends a version: the last day it is in force (an invalid date makes it current again).
    bool setValidTo(qint64 id, QDate validTo, QString *error);

    // Renames in place: the scorecard's description, its sections' names and its criteria's names
    // and descriptions become those of `card`, rows and definition JSON together. Names and
    // descriptions are display text that no fact refers to, so they change without a new version;
    // anything else must not differ (Scorecard::sameContentExceptNames), or nothing is written.
    bool updateNames(qint64 id, const Scorecard &card, QString *error);

    std::optional<StoredScorecard> load(qint64 id, QString *error = nullptr) const;
    std::optional<StoredScorecard> load(const QString &name, int version, QString *error = nullptr) const;
    // The highest version of `name` whose date range holds `date`.
    std::optional<StoredScorecard> loadInForce(const QString &name, QDate date, QString *error = nullptr) const;

    // Every version of `name` (of every scorecard when empty), by name and then version.
    QList<ScorecardVersionInfo> versions(const QString &name = {}) const;

private:
    QSqlDatabase m_db;
};

} // namespace ql
