// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reportdocument.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace ql {

// The analyst's commentary and the action items of one report (template + period), kept in the
// project as a saved view of kind "report" named "<template> <period>" (spec_json
// {"template", "period", "commentary", "actions"}); SavedViewStore writes each change with its
// change-log row in one transaction. The builder puts them in the document.
struct ReportNotes
{
    QString commentary;  // paragraphs separated by blank lines
    QStringList actions; // one action item each
    bool isEmpty() const { return commentary.trimmed().isEmpty() && actions.isEmpty(); }
    bool operator==(const ReportNotes &) const = default;
};

class ReportNotesStore final
{
public:
    explicit ReportNotesStore(QSqlDatabase db);

    // Empty notes when none were saved.
    ReportNotes load(ReportTemplate kind, const QString &period) const;
    // Creates or replaces the notes (empty notes are stored too, so an undo can restore "none").
    bool save(ReportTemplate kind, const QString &period, const ReportNotes &notes, QString *error);

    static QString viewName(ReportTemplate kind, const QString &period); // "mbr 2026-10"

private:
    QSqlDatabase m_db;
};

} // namespace ql
