// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importmapping.h"
#include "importoptions.h"
#include "importresult.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

class QFile;

namespace ql {

// A first look at a file, for the import wizard: how it will be read and its first records.
struct ImportPreview
{
    DetectedEncoding encoding;
    QChar delimiter;
    QString delimiterDescription;
    QStringList header;
    QList<QStringList> rows;
    QList<qint64> lines; // physical line of each row
    QString error;       // empty when the file could be read
};

// Imports one CSV file into a project as its mapping says (formats.md "Importing, re-importing, and
// rejected rows"):
// - streams the file once, checking every row, inside one transaction on the project connection
//   (BEGIN IMMEDIATE on its sqlite3 handle, prepared statements);
// - rolls back when any row is rejected (unless skipInvalid), when cancelled, or on any error, so
//   the project is either fully imported or unchanged; a killed process leaves it as it was too
//   (WAL);
// - records the import in import_log and its updates and removals in change_log (inserts as one
//   entry per table, docs/import.md says why);
// - writes the rejected rows to a rejects file when asked.
//
// Runs on whichever thread calls run(): the GUI calls it from a worker with a connection opened for
// that thread (Project::openWorkerConnection(name, false)), passing progress and cancel; the
// wizard's "check the whole file" is the same call with dryRun.
class Importer final
{
public:
    Importer(QSqlDatabase db, ImportMapping mapping);

    ImportResult run(const QString &path, const ImportOptions &options = {});

    // The first `rows` records of a file, read as `encoding` and `delimiter` say ("auto" and a null
    // QChar to detect them).
    static ImportPreview preview(const QString &path, const QString &encoding = QStringLiteral("auto"),
                                 QChar delimiter = {}, int rows = 20);

    const ImportMapping &mapping() const { return m_mapping; }

private:
    // Restart: an audit's rows are not together, read again in gather mode. NewEncoding: the file
    // turned out not to be UTF-8 (CsvOptions::checkUtf8WhileReading), read again as m_encoding says.
    enum class Pass { Done, Restart, NewEncoding };
    Pass runPass(QFile &file, const ImportOptions &options, bool gather, ImportResult &result);

    QSqlDatabase m_db;
    ImportMapping m_mapping;
    QString m_fileName;
    qint64 m_fileSize = 0;
    QString m_sha256;
    bool m_foreignKeysOff = false;
    std::optional<DetectedEncoding> m_encoding; // known after a NewEncoding pass
    // Files from this size on rebuild the audits' secondary indexes instead of updating them row by row.
    static constexpr qint64 BulkIndexThreshold = qint64(8) << 20;
};

} // namespace ql
