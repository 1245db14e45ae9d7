// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibration/calibrationdraw.h"
#include "calibration/calibrationtypes.h"
#include "savepoint.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <optional>

namespace ql {

// A consensus answer saved as an example of how to score a criterion (docs/schema.md).
struct AnchorExample
{
    qint64 id = 0;
    qint64 criterionId = 0;
    qint64 itemId = 0; // 0 when the item was removed
    CalibrationAnswer answer;
    QString note;
    QString createdAt;
};

// The calibration tables (docs/schema.md "Calibration"): reads and single-row writes with bound
// values only. The rules (states, blind scoring, the change log) live in core/calibration, which
// wraps each user-level operation in one Savepoint (savepoint.h).
class CalibrationStore final
{
public:
    explicit CalibrationStore(QSqlDatabase db);
    QSqlDatabase database() const { return m_db; }

    QString lastError() const { return m_error; }

    // Sessions, newest date first (ties: the higher id).
    QList<CalibrationSessionInfo> sessions() const;
    std::optional<CalibrationSessionInfo> session(qint64 id) const;
    // The session that was opened from (or exported as) a package with this hash; 0 when none.
    qint64 sessionWithPackage(const QString &sha256) const;
    // Every package hash recorded for a session: the current one and those in the change log.
    QStringList packageHashes(qint64 sessionId) const;

    QList<CalibrationParticipant> participants(qint64 sessionId) const;
    QList<CalibrationItem> items(qint64 sessionId) const;
    // The answers of the given participants (all when empty) on the given items, as
    // data.answers; data.items, participants and criterionIds must be loaded.
    bool loadAnswers(CalibrationSessionData &data, qint64 onlyParticipant = 0) const;
    bool loadConsensus(CalibrationSessionData &data) const;

    // The insert* functions keep a non-zero id of the value given (undo puts rows back as they were).
    std::optional<qint64> insertSession(const CalibrationSessionInfo &info);
    // With its participants, items, answers and consensus (the schema's cascades).
    bool deleteSession(qint64 id);
    // column is one of title, date, state, lead, draw_json, package_sha256, closed_at.
    bool updateSession(qint64 id, const char *column, const QVariant &value);

    std::optional<qint64> insertParticipant(qint64 sessionId, const CalibrationParticipant &p);
    bool deleteParticipant(qint64 id);
    // column is submitted_at or discarded_at.
    bool updateParticipant(qint64 id, const char *column, const QVariant &value);

    std::optional<qint64> insertItem(qint64 sessionId, const CalibrationItem &item);
    bool deleteItem(qint64 id);
    bool setItemNotes(qint64 id, const QString &notes);
    int nextItemPosition(qint64 sessionId) const;

    // Replaces one participant's answers to one item with the rated and N/A ones of `sheet`.
    bool replaceAnswers(qint64 itemId, qint64 participantId, const CalibrationSheet &sheet,
                        const CalibrationSessionData &data);
    bool deleteAnswers(qint64 participantId);

    bool setConsensus(qint64 itemId, qint64 criterionId, const CalibrationAnswer &answer, std::optional<double> c);
    bool deleteConsensus(qint64 itemId, qint64 criterionId);

    std::optional<qint64> insertAnchor(const AnchorExample &anchor);
    QList<AnchorExample> anchors(qint64 criterionId) const;
    bool deleteAnchor(qint64 id);

    // The stored conversation of a ticket (any source; the lowest id), 0 when none.
    qint64 interactionForTicket(const QString &ticketId) const;
    std::optional<qint64> insertInteraction(const QString &source, const CalibrationItem &item);

    // Audits a draw may pick: official (not superseded) audits of the scorecard `scorecardName`
    // (any version) that match the spec's filters, ordered by (source, audit key).
    std::optional<QList<DrawCandidate>> drawCandidates(const QString &scorecardName,
                                                       const CalibrationDrawSpec &spec) const;

private:
    bool fail(const class QSqlQuery &q) const;

    QSqlDatabase m_db;
    mutable QString m_error;
};

} // namespace ql
