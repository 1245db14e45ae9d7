// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reportdocument.h"
#include "sentsection.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace ql {

// The sections sent to a report template from Insights, in their order, kept in the project beside
// the report's notes: a saved view of kind "report" named "<template> sections" (spec_json
// {"template", "sections": [SentSection::toJson(), …]}). They belong to the template, not to a
// period: each report recomputes them for its own period. SavedViewStore writes each change with its
// change-log row in one transaction. Only the monthly-quality and mbr templates take them.
class SentSectionStore final
{
public:
    explicit SentSectionStore(QSqlDatabase db);

    static bool takesSections(ReportTemplate kind); // monthly-quality and mbr
    static QString viewName(ReportTemplate kind);   // "mbr sections"

    // The sections in their order; empty when none were sent. nullopt with *error when the stored
    // JSON is damaged (the section's position and what is wrong).
    std::optional<QList<SentSection>> load(ReportTemplate kind, QString *error) const;
    // Replaces the list (an empty list is stored too, so an undo can restore "none").
    bool save(ReportTemplate kind, const QList<SentSection> &sections, QString *error);
    // Appends one section (one transaction, one change-log row).
    bool append(ReportTemplate kind, const SentSection &section, QString *error);

    static QByteArray toJson(ReportTemplate kind, const QList<SentSection> &sections);
    static std::optional<QList<SentSection>> fromJson(const QByteArray &json, QString *error);

private:
    QSqlDatabase m_db;
};

} // namespace ql
