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
    // True when this import can only add rows and update rows in place, never delete: then it may
    // run with foreign-key checks off, since every id it writes comes from its own lookups, and the
    // ON DELETE CASCADEs that deletes rely on are not needed.
    virtual bool insertOnly() const { return true; }
    // Stops any work still running on other threads before the importer rolls back.
    virtual void abort() {}
};

} // namespace ql
