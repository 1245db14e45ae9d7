// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditassembler.h"
#include "auditcommitter.h"
#include "auditrowparser.h"
#include "existingrecords.h"
#include "kindimporter.h"
#include "scorecardcatalog.h"

#include <QDate>

namespace ql {

// audits-long and audits-wide files: rows → AuditRowParser → AuditAssembler → AuditCommitter.
class AuditImport final : public KindImporter
{
public:
    AuditImport(ImportContext &context, AuditAssembler::Mode mode, QDate replaceFrom, QDate replaceTo);

    bool load(QString *error); // the source's existing audits
    bool bind(const CsvRecord &header, QStringList *missing, QString *problem) override;
    bool addRow(const CsvRecord &record) override;
    bool finish() override;
    void abort() override { m_committer.stop(); }
    bool insertOnly() const override { return m_existing.isEmpty() && !m_replaceFrom.isValid(); }

    qint64 answersInserted() const { return m_committer.answersInserted(); }

private:
    ImportContext &m_ctx;
    QHash<QString, ExistingRecord> m_existing;
    ScorecardCatalog m_catalog;
    AuditRowParser m_parser;
    AuditCommitter m_committer;
    AuditAssembler m_assembler;
    QDate m_replaceFrom;
    QDate m_replaceTo;
    bool m_wide;
};

} // namespace ql
