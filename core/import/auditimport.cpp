// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditimport.h"

#include "importcontext.h"

namespace ql {

AuditImport::AuditImport(ImportContext &context, AuditAssembler::Mode mode, QDate replaceFrom, QDate replaceTo)
    : m_ctx(context), m_catalog(context.db, context.mapping), m_parser(context, m_catalog, m_existing),
      m_committer(context, m_existing), m_assembler(context, m_parser, m_committer, mode), m_replaceFrom(replaceFrom),
      m_replaceTo(replaceTo), m_wide(context.mapping.kind == ImportMapping::Kind::AuditsWide)
{
    // The writer thread uses the connection while audits stream in; the catalog's rare reads
    // (a scorecard version met for the first time) wait until it is idle.
    m_catalog.setBeforeQuery([this] { m_committer.drain(); });
}

bool AuditImport::load(QString *error)
{
    return ExistingRecords::load(m_ctx.db, QStringLiteral("audits"), m_ctx.mapping.source, &m_existing, error);
}

bool AuditImport::bind(const CsvRecord &header, QStringList *missing, QString *problem)
{
    return m_parser.bind(header, missing, problem);
}

bool AuditImport::addRow(const CsvRecord &record)
{
    if (m_wide) {
        m_assembler.addWideRow(record);
        return true;
    }
    return m_assembler.addLongRow(record);
}

bool AuditImport::finish()
{
    m_assembler.finish();
    m_committer.drain();
    if (m_replaceFrom.isValid() && !m_committer.removeMissing(m_replaceFrom, m_replaceTo, m_assembler.keys()))
        return false;
    return m_ctx.writer.ok();
}

} // namespace ql
