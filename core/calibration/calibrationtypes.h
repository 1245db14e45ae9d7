// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/auditscore.h"
#include "scoring/scorecard.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace ql {

// The lifecycle of calibration.md: draft → scoring → review → resolved → closed, forward only.
enum class CalibrationState : quint8 { Draft, Scoring, Review, Resolved, Closed };

QString calibrationStateName(CalibrationState state); // "draft", "scoring", …, as stored
std::optional<CalibrationState> calibrationStateFromName(QStringView name);
// Only the next state in the chain; nothing goes back and closed is final.
bool isAllowedTransition(CalibrationState from, CalibrationState to);
// From review on, everyone's answers (and the existing audit's) may be shown.
inline bool answersRevealed(CalibrationState state)
{
    return state >= CalibrationState::Review;
}

// Why an operation was refused. Every refusal changes nothing.
struct CalibrationError
{
    enum Kind : quint8 {
        None,
        NotFound,   // no such session, item, participant or criterion
        WrongState, // the session's state does not allow it (closed sessions are read-only)
        Invalid,    // an answer, a file or a value that does not fit
        Refused,    // a rule says no: blind scoring, a second response, another session's file
        Failed,     // the database or a file could not be read or written
    };
    Kind kind = None;
    QString message;

    bool isError() const { return kind != None; }
    static CalibrationError make(Kind k, const QString &m) { return {k, m}; }
};

// One criterion's answer by one rater (or the consensus). Missing is missing data, not a zero.
struct CalibrationAnswer
{
    AnswerInput::State state = AnswerInput::Missing;
    double value = 0;    // on the criterion's scale (options: the option's points)
    QString optionLabel; // options scales: the label chosen
    QString comment;

    bool isMissing() const { return state == AnswerInput::Missing; }
    bool isRated() const { return state == AnswerInput::Rated; }
    bool isNotApplicable() const { return state == AnswerInput::NotApplicable; }
    static CalibrationAnswer rated(double v, const QString &label = {}) { return {AnswerInput::Rated, v, label, {}}; }
    static CalibrationAnswer notApplicable() { return {AnswerInput::NotApplicable, 0, {}, {}}; }
    bool sameAnswer(const CalibrationAnswer &o) const; // same state and value/label (comments aside)
};

// One rater's answers to one item, indexed by the scorecard's flat criterion index.
using CalibrationSheet = QList<CalibrationAnswer>;

struct CalibrationParticipant
{
    qint64 id = 0;
    QString name;
    qint64 auditorId = 0; // 0 when not an auditor of the project
    bool expert = false;
    QString submittedAt; // empty while not submitted
    QString discardedAt; // the last time the lead discarded a submission

    bool submitted() const { return !submittedAt.isEmpty(); }
};

struct CalibrationItem
{
    qint64 id = 0;
    int position = 0;
    QString ticketId;
    qint64 interactionId = 0; // 0 when there is no stored conversation
    qint64 auditId = 0;       // the existing audit, 0 when none
    QString notes;            // discussion notes (review)
    // The conversation, when there is one.
    QString channel;
    QString interactionDate;
    QString transcript;
    QString media;
};

// A line of the session list.
struct CalibrationSessionInfo
{
    qint64 id = 0;
    QString title;
    QDate date;
    CalibrationState state = CalibrationState::Draft;
    qint64 scorecardId = 0;
    QString scorecardName;
    int scorecardVersion = 0;
    QString lead;
    QString drawJson;
    QString packageSha256;
    QString createdAt;
    QString closedAt;
    int items = 0;
    int participants = 0;
};

// Everything about one session, as the metrics and the screens read it. answers[item][participant]
// holds one sheet per item and participant (all Missing where nothing was given); consensus[item]
// one sheet per item. Loaded with answers only when the caller is allowed to see them.
struct CalibrationSessionData
{
    CalibrationSessionInfo info;
    Scorecard card;
    QList<qint64> criterionIds; // by flat index
    QList<CalibrationParticipant> participants;
    QList<CalibrationItem> items;
    std::vector<std::vector<CalibrationSheet>> answers;
    std::vector<CalibrationSheet> consensus;
    bool answersLoaded = false;

    int expertIndex() const; // -1 when there is no expert
    const CalibrationAnswer &answer(int item, int participant, int criterion) const;
    // Sizes answers and consensus to items × participants × criteria, every answer Missing.
    void resetAnswers();
};

// Who has submitted what, without any answer: the lead's view while scoring is blind.
struct CalibrationSubmissionStatus
{
    qint64 participantId = 0;
    QString name;
    bool expert = false;
    QString submittedAt;
    QString discardedAt;
    int itemsAnswered = 0;   // items with at least one answer
    int itemsComplete = 0;   // items with every criterion answered (rated or N/A)
    int answersGiven = 0;    // criterion answers over all items
    int answersExpected = 0; // items × criteria
};

} // namespace ql
