// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "datereader.h"
#include "existingrecords.h"
#include "kindimporter.h"

#include <QHash>
#include <QList>

namespace ql {

struct ImportContext;
class ValueMap;

// csat files: one survey response per row, scored on the mapping's scale and classed as satisfied,
// dissatisfied or neutral by its sets (scoring.md "CSAT"). A response whose id exists is replaced
// when it differs and left alone when identical.
class CsatImport final : public KindImporter
{
public:
    explicit CsatImport(ImportContext &context);

    bool load(QString *error);
    bool bind(const CsvRecord &header, QStringList *missing, QString *problem) override;
    bool addRow(const CsvRecord &record) override;
    bool finish() override;

    // Reads a score cell on a scale; empty reason when fine. For label scales *score is the
    // label's 1-based position and *label the label as the mapping spells it.
    static QString readScore(const ImportContext &context, QStringView cell, double *score, QString *label);

private:
    enum Field { Key, Date, Score, Ticket, Agent, Team, Site, Supervisor, Queue, Channel, Reason, Comment, FieldCount };

    ImportContext &m_ctx;
    DateReader m_dates;
    int m_columns[FieldCount];
    QList<int> m_dimensionColumns;
    QHash<QString, ExistingRecord> m_existing;
    QHash<QString, qint64> m_firstLines;
};

} // namespace ql
