// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace ql {

class CsvRecord;

// One kind of file's part of an import (audits, csat, agents, interactions): the Importer streams
// the records and hands each one here.
class KindImporter
{
public:
    virtual ~KindImporter() = default;
    // Finds the mapping's columns in the header; see AuditRowParser::bind().
    virtual bool bind(const CsvRecord &header, QStringList *missing, QString *problem) = 0;
    // False when the import must start over (AuditAssembler's streaming mode gave up).
    virtual bool addRow(const CsvRecord &record) = 0;
    // After the last record: close what is open; false on a write failure.
    virtual bool finish() = 0;
};

} // namespace ql
