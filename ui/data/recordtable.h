// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace ql {

// What a raw value is, so the formatting proxy knows how to show it (the raw model never formats).
enum class ValueKind {
    Id,     // an integer identifier: no thousands separators
    Count,  // an integer count: thousands separators
    Score,  // a 0–100 audit score: one decimal, truncated (scoring.md: never shown above the truth)
    Number, // a number in its shortest form, or the label of an option
    Ratio,  // a 0–1 credit c: two decimals
    Flag,   // 0/1
    Date,   // an ISO date
    Text,
    Code,   // a code of the schema (sample type, critical family): shown by its label
};

// The tables of the project that the Data page browses.
enum class RecordKind {
    Audits,
    Answers,
    CsatResponses,
    Agents,
    AuditAnswers, // the answers of one audit, in scorecard order (the detail pane)
};

// One column of a browsed table: how to read it for display, for sorting and for searching.
// All SQL of the data browser lives in recordtable.cpp; it uses only QtSql/SQLite and could move to
// core/store unchanged.
struct RecordColumn
{
    QString key;         // stable name, e.g. "score"
    const char *title;   // QT_TRANSLATE_NOOP("ql::RecordTable", …)
    ValueKind kind = ValueKind::Text;
    QString select;      // expression in the page query (over RecordTable::from)
    QString sortKey;     // expression the sort job reads (over idFrom + sortJoin): cheap, no text joins
    QString sortJoin;    // a join sortKey needs, if any
    QString dictionary;  // "SELECT id, label …" when sortKey is an id to be ordered by its label
    QString match;       // a predicate on ?1 (a LIKE pattern) for the search box; empty: not searchable
    int width = 12;      // default width in average characters
};

struct RecordTable
{
    RecordKind kind = RecordKind::Audits;
    QString key;          // "audits": settings keys and object names
    const char *title = ""; // "Audits" (QT_TRANSLATE_NOOP("ql::RecordTable", …)): tab titles
    const char *noun = "";  // "audits", as in "Loading audits…"
    QString idColumn;     // "a.id"
    QString idFrom;       // the base table, with only what naturalOrder needs
    QString from;         // idFrom joined with everything the page query shows
    QString naturalOrder; // ORDER BY of the unsorted view; empty: by id
    QString parentColumn; // restricts to one parent (the audit of AuditAnswers), bound to ?2
    QList<RecordColumn> columns;

    int columnIndex(const QString &key) const;
    QString signature() const; // changes when the columns change (for saved header states)

    static const RecordTable &get(RecordKind kind);
};

} // namespace ql
