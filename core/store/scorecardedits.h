// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scorecardstore.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace ql {

// What saving an edited scorecard did; enough to undo and redo it.
struct ScorecardEdit
{
    enum class Kind : quint8 { Created, NewVersion, Renamed };
    Kind kind = Kind::Created;
    qint64 id = 0;  // the version written (a new row, or the one renamed in place)
    Scorecard card; // as stored: with its version number and valid_from
    Scorecard renamedFrom; // Renamed: the names and descriptions before
    qint64 endedId = 0;    // NewVersion: the version that was in force until then (0: none)
    int endedVersion = 0;  // its version number
    QDate endedValidToBefore; // its valid_to before the save (invalid: it was current)
};

// Saving the scorecard editor's work (scoring.md "Versions"; docs/scorecard-editor.md): a new
// scorecard is stored as version 1; an edit of display names and descriptions alone updates the
// version in place; any other edit becomes the next version, in force from `validFrom`, and the
// version in force until then ends the day before. A version audits were scored with is never
// rewritten. Each save, undo and redo is one SAVEPOINT with one change-log row (entity
// `scorecard`, entity_id the scorecard's name; field `version` with the old and new version
// numbers, or `names` with the definitions before and after).
class ScorecardEdits final
{
public:
    explicit ScorecardEdits(QSqlDatabase db);

    // baseId: the stored version the edit started from, 0 for a new scorecard. `validFrom` is used
    // for a new version or scorecard (invalid: today).
    std::optional<ScorecardEdit> save(qint64 baseId, const Scorecard &edited, QDate validFrom, const QString &reason,
                                      QString *error);
    // Takes a save back: removes the version it created (refused once audits or calibration
    // sessions use it) and gives the ended version its valid_to back, or restores the names.
    bool undo(const ScorecardEdit &edit, const QString &reason, QString *error);
    // Does it again; a version created again gets a new row id, so the edit is updated.
    bool redo(ScorecardEdit &edit, const QString &reason, QString *error);

    // Audits scored with this version.
    qint64 auditCount(qint64 scorecardId) const;

private:
    bool log(const QString &name, const QString &field, const QString &oldValue, const QString &newValue,
             const QString &reason, QString *error);
    bool createVersion(ScorecardEdit &edit, QString *error);

    QSqlDatabase m_db;
};

} // namespace ql
