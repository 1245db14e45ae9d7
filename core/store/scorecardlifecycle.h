// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scorecardstore.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace ql {

// What refers to a scorecard's versions: facts a deletion would orphan.
struct ScorecardUses
{
    qint64 audits = 0;
    qint64 calibrationSessions = 0;
    qint64 anchorExamples = 0;
    QList<int> auditVersions; // the versions the audits were scored with

    bool any() const { return audits > 0 || calibrationSessions > 0 || anchorExamples > 0; }
};

// Renaming and deleting a whole scorecard, every version together (docs/scorecard-editor.md).
// Each is one SAVEPOINT with one change-log row (entity `scorecard`): `name` with the old and new
// names, or `deleted` with the versions as JSON (old value) and null. A rename moves the
// scorecard's targets (scope `scorecard`) with it, and rewrites the saved pivot and chart views
// that filter on the old name (SavedViewValues, a change-log row per view). A deletion is refused while audits, calibration
// sessions or anchor examples use any version; restore() puts the versions back (an undo).
class ScorecardLifecycle final
{
public:
    explicit ScorecardLifecycle(QSqlDatabase db);

    ScorecardUses uses(const QString &name) const;
    bool rename(const QString &from, const QString &to, const QString &reason, QString *error);
    // The removed versions (enough for restore()), or nothing when refused.
    std::optional<QList<StoredScorecard>> remove(const QString &name, const QString &reason, QString *error);
    bool restore(const QList<StoredScorecard> &versions, const QString &reason, QString *error);

private:
    bool log(const QString &name, const QString &field, const QVariant &oldValue, const QVariant &newValue,
             const QString &reason, QString *error);

    QSqlDatabase m_db;
};

} // namespace ql
