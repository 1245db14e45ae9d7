// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stringindex.h"
#include "pendingaudit.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <deque>
#include <memory>

namespace ql {

class AuditCommitter;
class AuditRowParser;
class CsvRecord;
struct ImportContext;

// Groups the rows of an audits file into audits (formats.md "The audit is the unit").
//
// Long files nearly always hold an audit's rows together, so the streaming mode closes an audit
// (and writes it) as soon as the next row names another id, keeping memory flat for any file
// size. If an id comes back after its audit was closed, that mode gives up (addLongRow() returns
// false) and the importer starts over, rolled back, in gather mode, which keeps every audit open
// until the end of the file.
class AuditAssembler final
{
public:
    enum class Mode { Streaming, Gather };

    AuditAssembler(ImportContext &context, AuditRowParser &parser, AuditCommitter &committer, Mode mode);

    // False only in streaming mode, when the rows of one audit are not together.
    bool addLongRow(const CsvRecord &record);
    void addWideRow(const CsvRecord &record);
    // Closes the audits still open, in the order of their first rows.
    void finish();

    const StringIndex &keys() const { return m_keys; } // every audit id of the file

private:
    void rejectKeyless(const CsvRecord &record);

    ImportContext &m_ctx;
    AuditRowParser &m_parser;
    AuditCommitter &m_committer;
    Mode m_mode;
    StringIndex m_keys;
    PendingAudit *m_current = nullptr;
    std::deque<std::unique_ptr<PendingAudit>> m_open; // streaming: at most one; gather: all, in first-row order
    QHash<QString, PendingAudit *> m_byKey;
    QHash<QString, qint64> m_firstLines; // wide files: where each id was first seen
};

} // namespace ql
