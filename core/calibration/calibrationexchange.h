// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibrationtypes.h"
#include "store/calibrationstore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>
#include <vector>

namespace ql {

// What an imported response did.
struct CalibrationResponseImport
{
    qint64 sessionId = 0;
    qint64 participantId = 0;
    QString participant;
    int answers = 0;  // criterion answers stored
    int items = 0;    // items with at least one answer
    int replaced = 0; // unsubmitted answers the participant had in this project, replaced
    // What undoing the import puts back (CalibrationUndo::withdrawResponse): the participant's
    // answers before it, per item in item order, and the submitted_at it wrote.
    std::vector<CalibrationSheet> before;
    QString submittedAt;
};

// The offline exchange of calibration.md: session packages (.qlcal) and response files (.qlresp),
// UTF-8 JSON {"format", "format_version": 1, "session_id", "payload_sha256", "payload"} with the
// SHA-256 taken over the payload in compact JSON (docs/calibration.md gives the payloads). A
// package carries no answers; a response carries one participant's answers and the hash of the
// package it answers. Every refusal says why and changes nothing.
class CalibrationExchange final
{
public:
    static constexpr int FormatVersion = 1;
    static QString packageFormat();  // "qualitylens-calibration-package"
    static QString responseFormat(); // "qualitylens-calibration-response"

    explicit CalibrationExchange(QSqlDatabase db);

    // The lead: the package of a session in scoring. Records its hash as the session's
    // package_sha256 (logged when it changes), which responses must name.
    std::optional<QByteArray> exportPackage(qint64 sessionId, CalibrationError *error = nullptr);
    CalibrationError writePackage(qint64 sessionId, const QString &path);

    // A participant, in their own project: the package becomes a session in scoring there (with
    // its scorecard version, conversations and participants), to score as usual. A package that
    // is already open here is refused.
    std::optional<qint64> openPackage(const QByteArray &bytes, CalibrationError *error = nullptr);
    std::optional<qint64> openPackageFile(const QString &path, CalibrationError *error = nullptr);

    // A participant: the response of someone who has submitted, in a session opened from a
    // package (or in the lead's own session once its package was exported).
    std::optional<QByteArray> exportResponse(qint64 sessionId, qint64 participantId, CalibrationError *error = nullptr);
    CalibrationError writeResponse(qint64 sessionId, qint64 participantId, const QString &path);

    // The lead, in any order: stores the participant's answers and marks them submitted. Refused:
    // another session's response (or, with expectedSessionId, any but that session's), a damaged
    // or edited file, a response to a package this session never exported, a session not in
    // scoring, an unknown participant, and a second response from the same participant unless
    // the lead discarded the first. `reason` goes into the change log (an undo stack's "Redo: …").
    std::optional<CalibrationResponseImport> importResponse(const QByteArray &bytes, CalibrationError *error = nullptr,
                                                            qint64 expectedSessionId = 0, const QString &reason = {});
    std::optional<CalibrationResponseImport> importResponseFile(const QString &path, CalibrationError *error = nullptr,
                                                                qint64 expectedSessionId = 0);
    // The bytes of a file, or why it cannot be read (the message names the file).
    static std::optional<QByteArray> readResponseFile(const QString &path, CalibrationError *error = nullptr);

    // The SHA-256 (lower-case hex) of a payload in compact JSON.
    static QString payloadHash(const QJsonObject &payload);
    // The file text: the envelope with its keys in the spec's order and the payload as hashed.
    static QByteArray envelope(const QString &format, qint64 sessionId, const QJsonObject &payload);

private:
    CalibrationStore m_store;
};

} // namespace ql
