// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "datereader.h"
#include "existingrecords.h"
#include "pendingaudit.h"
#include "valuemap.h"

#include <QHash>
#include <QStringList>

namespace ql {

class CsvRecord;
class ScorecardCatalog;
struct ImportContext;

// Reads the rows of an audits file (long or wide) into PendingAudits, checking every rule that a
// row can break on its own: required fields, dates, sample types, reserved values, the scorecard
// version, known criteria, values on the criterion's scale, N/A, a criterion answered twice, and
// (long files) audit-level fields that disagree with the audit's earlier rows. Each problem is
// reported with the row's line and marks the audit rejected.
class AuditRowParser final
{
public:
    AuditRowParser(ImportContext &context, ScorecardCatalog &catalog, const QHash<QString, ExistingRecord> &existing);

    // Finds the mapping's columns in the header. A mapped column the header lacks is named in
    // *missing (the import then stops before any row, exit 3); a criteria column whose key no
    // version of the scorecard has is named in *problem.
    bool bind(const CsvRecord &header, QStringList *missing, QString *problem);

    // The audit id of a row, trimmed (empty when the cell is).
    QStringView key(const CsvRecord &record) const;
    // The first (long) or only (wide) row of an audit: its audit-level fields.
    void open(PendingAudit &audit, const CsvRecord &record);
    // A later row of a long file's audit: its audit-level fields must agree with the earlier rows.
    void continueAudit(PendingAudit &audit, const CsvRecord &record);
    void readLongAnswer(PendingAudit &audit, const CsvRecord &record);
    void readWideAnswers(PendingAudit &audit, const CsvRecord &record);

    // The mapping's field name of an audit-level field ("ticket_id", …).
    static QString fieldName(AuditField field);

private:
    struct CriterionColumn
    {
        int column = -1;
        QString header;
        QString key;
        const ValueMap *values = nullptr;
    };

    void rejectRow(PendingAudit &audit, qint64 line, const QString &field, const QString &value, const QString &reason);
    bool checkReserved(PendingAudit &audit, qint64 line, const QString &field, const QString &value);
    void resolveScorecard(PendingAudit &audit, qint64 line);
    void addAnswer(PendingAudit &audit, qint64 line, int index, const QString &field, QStringView cell,
                   const ValueMap *values, QStringView comment, QStringView rootCauses);
    static bool isStrict(AuditField field);

    ImportContext &m_ctx;
    ScorecardCatalog &m_catalog;
    const QHash<QString, ExistingRecord> &m_existing;
    DateReader m_dates;
    int m_keyColumn = -1;
    int m_criterionColumn = -1;
    int m_valueColumn = -1;
    int m_commentColumn = -1;
    int m_rootCauseColumn = -1;
    std::array<int, int(AuditField::Count)> m_columns{};
    QList<int> m_dimensionColumns;
    QStringList m_dimensionNames;
    QList<CriterionColumn> m_criteriaColumns;
    QList<CriterionColumn> m_rootCauseColumns;
    const ValueMap *m_valueMap = nullptr;
    const ValueMap *m_sampleTypeMap = nullptr;
};

} // namespace ql
