// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace ql {

// A free-text comment with the outcome that puts it in one corpus of the comment themes
// (analysis.md "Comment themes"): a customer's (satisfied or dissatisfied response) or an auditor's
// (on a passed or failed answer). Comments are stored masked (formats.md "mask").
struct StoredComment
{
    qint64 id = 0; // csat_responses.id or answers.id
    qint64 auditId = 0; // an auditor's comment: its audit (audits.id)
    QDate date;
    QString text;
    bool positive = false; // satisfied response, or answer at or above its pass level
    bool negative = false; // dissatisfied response, or answer below its pass level
};

// Reads comments for the themes: every non-empty comment in the date range (invalid bounds are
// open), in id order. SQL stays here, behind the store.
class CommentStore final
{
public:
    static std::optional<QList<StoredComment>> customerComments(const QSqlDatabase &db, const QDate &from,
                                                                const QDate &to, QString *error);
    // Auditors' comments on rated answers of official (not superseded) audits, by the audit's date.
    static std::optional<QList<StoredComment>> auditorComments(const QSqlDatabase &db, const QDate &from,
                                                               const QDate &to, QString *error);
    // Every agent's name (for masking names in example comments).
    static std::optional<QStringList> agentNames(const QSqlDatabase &db, QString *error);
};

} // namespace ql
