// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/sentsectionstore.h"

#include <QSqlDatabase>
#include <QUndoCommand>

#include <memory>

namespace ql {

// A change to the sections sent to a report template (sending one from Insights, removing or moving
// one on the Reports page), undoably: the list before and after, each written by SentSectionStore
// through SavedViewStore in one transaction with its change-log row (style.md). create() writes at
// once and returns nothing when the store refuses (the message in *error) or nothing changes;
// pushing it onto the data stack does not write twice.
class SentSectionsCommand final : public QUndoCommand
{
public:
    static std::unique_ptr<SentSectionsCommand> create(const QSqlDatabase &db, ReportTemplate kind,
                                                       const QList<SentSection> &after, const QString &text,
                                                       QString *error);
    // Sending one section: the template's list with the section appended.
    static std::unique_ptr<SentSectionsCommand> append(const QSqlDatabase &db, ReportTemplate kind,
                                                       const SentSection &section, QString *error);

    void undo() override;
    void redo() override;

    ReportTemplate reportTemplate() const { return m_kind; }
    const QList<SentSection> &before() const { return m_before; }
    const QList<SentSection> &after() const { return m_after; }
    QString lastError() const { return m_error; }

private:
    SentSectionsCommand(const QSqlDatabase &db, ReportTemplate kind, QList<SentSection> before,
                        QList<SentSection> after, const QString &text);
    void write(const QList<SentSection> &sections);

    QSqlDatabase m_db;
    ReportTemplate m_kind;
    QList<SentSection> m_before;
    QList<SentSection> m_after;
    QString m_error;
    bool m_applied = true; // create() has written; the first redo() only marks it done
};

} // namespace ql
