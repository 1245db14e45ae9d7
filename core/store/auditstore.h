// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/auditscore.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace ql {

// One answer row of an audit (docs/schema.md "answers"), with its criterion's flat index in the
// audit's scorecard version and the root causes attached to it.
struct StoredAnswer
{
    qint64 id = 0;
    qint64 criterionId = 0;
    int flatIndex = -1;
    std::optional<double> value; // none when N/A
    QString optionLabel;
    bool na = false;
    std::optional<double> c;
    QString comment;
    QStringList rootCauses; // by name

    bool operator==(const StoredAnswer &other) const = default;
};

// One audit as stored, with the names its ids point at, for explanations, corrections and the
// audit form. answers holds the rows that exist, in flat index order (a criterion left
// unanswered has no row).
struct StoredAudit
{
    qint64 id = 0;
    QString source;
    QString key;
    QString ticketId;
    QDate date;
    qint64 agentId = 0;
    QString agentKey;
    QString agentName;
    QString auditorKey;
    QString auditorName;
    QString team;
    QString queue;
    QString channel;
    QString sampleType;
    qint64 scorecardId = 0;
    std::optional<double> score;
    std::optional<double> rawScore;
    bool passed = false;
    bool criticalFail = false;
    quint8 criticalFamilies = 0;
    bool incomplete = false;
    bool localChanges = false;
    qint64 supersededBy = 0;
    QString comment;
    QList<StoredAnswer> answers;

    const StoredAnswer *answerAt(int flatIndex) const;
    // What the scoring engine reads: one input per criterion of the scorecard, missing where no
    // row exists.
    std::vector<AnswerInput> inputs(int criterionCount) const;
};

// Reads audits with their answers (the SQL of the audit form, explain and corrections).
class AuditStore final
{
public:
    explicit AuditStore(QSqlDatabase db);

    // The row id of the audit with this key in this source.
    std::optional<qint64> findId(const QString &source, const QString &key) const;
    // The audit and its answers, each with its flat index in the audit's scorecard version.
    std::optional<StoredAudit> load(qint64 id, QString *error = nullptr) const;

private:
    QSqlDatabase m_db;
};

} // namespace ql
