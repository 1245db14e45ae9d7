// SPDX-License-Identifier: GPL-3.0-or-later
#include "dataexport.h"

#include "tableexport.h"

#include "store/sqlitehandle.h"

#include <QObject>

#include <sqlite3.h>

namespace ql {

namespace {

// Holds one read transaction for the export's passes, unless the caller already has one open.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(sqlite3 *db) : m_db(db)
    {
        m_own = db && sqlite3_get_autocommit(db) && sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    ~ReadSnapshot()
    {
        if (m_own)
            sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
    }
    ReadSnapshot(const ReadSnapshot &) = delete;
    ReadSnapshot &operator=(const ReadSnapshot &) = delete;

private:
    sqlite3 *m_db;
    bool m_own = false;
};

} // namespace

DataExport::Result DataExport::run(const QSqlDatabase &db, const ExportSpec &spec, const QString &path,
                                   const Options &options)
{
    Result result;
    const auto format = TableExport::formatOf(path);
    if (!format) {
        result.status = Status::UnknownFormat;
        result.error = QObject::tr("%1: the output must end in .csv or .xlsx").arg(path);
        return result;
    }

    ReadSnapshot snapshot(sqliteHandle(db));
    ExportQuery query(db, spec);
    if (!query.prepare()) {
        result.status = query.problem() == ExportQuery::Problem::UnknownDimension ? Status::UnknownDimension
                        : query.problem() == ExportQuery::Problem::InvalidSpec    ? Status::InvalidSpec
                                                                                  : Status::ReadFailed;
        result.error = query.errorString();
        return result;
    }

    TableExport::Options table;
    table.format = *format;
    table.byteOrderMark = options.byteOrderMark;
    table.maxXlsxRows = options.maxXlsxRows;
    table.sheetName = exportSourceName(spec.source);
    if (*format == TableExport::Format::Xlsx) {
        // A count is far cheaper than the measuring pass, so a huge export is refused at once.
        table.knownRows = query.count();
        if (table.knownRows < 0) {
            result.error = query.errorString();
            return result;
        }
    }
    if (spec.names == NameDisplay::Pseudonyms && spec.pseudonymKey.isEmpty()) {
        result.status = Status::InvalidSpec;
        result.error = QObject::tr("pseudonyms need the project's pseudonym key");
        return result;
    }
    // Agents by name, id or pseudonym: the agent column holds the id, agent_name (agents: name) the name.
    const QStringList header = query.header();
    const int idColumn = int(header.indexOf(QStringLiteral("agent")));
    QList<int> nameColumns;
    for (const char *name : {"agent_name", "name"})
        if (const qsizetype at = header.indexOf(QLatin1String(name)); at >= 0)
            nameColumns << int(at);
    bool cancelled = false;
    const TableExport::Result written = TableExport::write(path, table, [&](TableWriter &target, QString *error) {
        AgentNameWriter named(target, spec.names, spec.pseudonymKey, idColumn, nameColumns);
        TableWriter &out = spec.names == NameDisplay::Names ? target : named;
        const bool ok = query.run(out, error, [&](qint64 rows) {
            cancelled = options.progress && !options.progress(rows);
            return !cancelled;
        });
        return ok;
    });
    result.rows = written.rows;
    result.truncatedCells = written.truncatedCells;
    result.error = written.error;
    switch (written.status) {
    case TableExport::Result::Written:
        result.status = Status::Written;
        break;
    case TableExport::Result::TooManyRows:
        result.status = Status::TooManyRows;
        break;
    case TableExport::Result::SourceFailed:
        result.status = cancelled ? Status::Cancelled : Status::ReadFailed;
        break;
    case TableExport::Result::OutputFailed:
        result.status = Status::WriteFailed;
        break;
    }
    return result;
}

} // namespace ql
