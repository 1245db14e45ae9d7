// SPDX-License-Identifier: GPL-3.0-or-later
#include "sentsectionscommand.h"

#include <QCoreApplication>

namespace ql {

std::unique_ptr<SentSectionsCommand> SentSectionsCommand::create(const QSqlDatabase &db, ReportTemplate kind,
                                                                 const QList<SentSection> &after, const QString &text,
                                                                 QString *error)
{
    SentSectionStore store(db);
    const auto before = store.load(kind, error);
    if (!before || *before == after)
        return nullptr; // unreadable (the message in *error), or nothing to write and nothing to undo
    if (!store.save(kind, after, error))
        return nullptr;
    return std::unique_ptr<SentSectionsCommand>(new SentSectionsCommand(db, kind, *before, after, text));
}

std::unique_ptr<SentSectionsCommand> SentSectionsCommand::append(const QSqlDatabase &db, ReportTemplate kind,
                                                                 const SentSection &section, QString *error)
{
    const auto before = SentSectionStore(db).load(kind, error);
    if (!before)
        return nullptr;
    QList<SentSection> after = *before;
    after << section;
    return create(db, kind, after,
                  QCoreApplication::translate("ql::SentSectionsCommand", "Send \"%1\" to the %2")
                      .arg(section.title, reportTemplateTitle(kind)),
                  error);
}

SentSectionsCommand::SentSectionsCommand(const QSqlDatabase &db, ReportTemplate kind, QList<SentSection> before,
                                         QList<SentSection> after, const QString &text)
    : m_db(db)
    , m_kind(kind)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    setText(text);
}

void SentSectionsCommand::write(const QList<SentSection> &sections)
{
    m_error.clear();
    if (!SentSectionStore(m_db).save(m_kind, sections, &m_error))
        setObsolete(true); // the project refused (read-only, gone): the stack drops what it cannot do
}

void SentSectionsCommand::undo()
{
    write(m_before);
    m_applied = false;
}

void SentSectionsCommand::redo()
{
    if (m_applied)
        return;
    write(m_after);
    m_applied = true;
}

} // namespace ql
