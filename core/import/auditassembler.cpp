// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditassembler.h"

#include "auditcommitter.h"
#include "auditrowparser.h"
#include "csvrecord.h"
#include "importcontext.h"

#include <QObject>

namespace ql {

AuditAssembler::AuditAssembler(ImportContext &context, AuditRowParser &parser, AuditCommitter &committer, Mode mode)
    : m_ctx(context), m_parser(parser), m_committer(committer), m_mode(mode)
{
}

void AuditAssembler::rejectKeyless(const CsvRecord &record)
{
    m_ctx.reject(record.line(), QStringLiteral("audit_id"), QString(), QObject::tr("audit_id is required but empty"));
}

bool AuditAssembler::addLongRow(const CsvRecord &record)
{
    const QStringView key = m_parser.key(record);
    if (key.isEmpty()) {
        rejectKeyless(record);
        return true;
    }
    if (m_current && key == m_current->key) {
        m_parser.continueAudit(*m_current, record);
        m_parser.readLongAnswer(*m_current, record);
        return true;
    }
    const QString k = key.toString();
    if (m_mode == Mode::Streaming) {
        if (m_current) {
            m_committer.commit(m_open.back());
            m_open.clear();
            m_current = nullptr;
        }
        if (!m_keys.insert(k).second)
            return false; // this audit's rows are not together: start over in gather mode
    } else if (PendingAudit *open = m_byKey.value(k)) {
        m_current = open;
        m_parser.continueAudit(*open, record);
        m_parser.readLongAnswer(*open, record);
        return true;
    } else {
        m_keys.insert(k);
    }
    PendingAudit &audit = *m_open.emplace_back(m_committer.recycled());
    audit.key = k;
    m_current = &audit;
    if (m_mode == Mode::Gather)
        m_byKey.insert(k, &audit);
    m_parser.open(audit, record);
    m_parser.readLongAnswer(audit, record);
    return true;
}

void AuditAssembler::addWideRow(const CsvRecord &record)
{
    const QStringView key = m_parser.key(record);
    if (key.isEmpty()) {
        rejectKeyless(record);
        return;
    }
    const QString k = key.toString();
    if (const qint64 first = m_firstLines.value(k)) {
        m_ctx.reject(record.line(), QStringLiteral("audit_id"), k,
                     QObject::tr("audit_id \"%1\" appears twice (first on line %2)").arg(k).arg(first));
        ++m_ctx.summary.rejected;
        return;
    }
    m_firstLines.insert(k, record.line());
    m_keys.insert(k);
    std::unique_ptr<PendingAudit> audit = m_committer.recycled();
    audit->key = k;
    m_parser.open(*audit, record);
    m_parser.readWideAnswers(*audit, record);
    m_committer.commit(audit);
}

void AuditAssembler::finish()
{
    for (std::unique_ptr<PendingAudit> &audit : m_open)
        m_committer.commit(audit);
    m_open.clear();
    m_byKey.clear();
    m_current = nullptr;
}

} // namespace ql
