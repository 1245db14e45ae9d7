// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer.h"

#include "agentimport.h"
#include "auditimport.h"
#include "common/userinfo.h"
#include "csatimport.h"
#include "csvreader.h"
#include "importcontext.h"
#include "interactionimport.h"
#include "rejectswriter.h"
#include "sha256.h"
#include "store/sqlitehandle.h"

#include <QFile>
#include <QFileInfo>
#include <QObject>

#include <sqlite3.h>

#include <memory>
#include <thread>

namespace ql {

namespace {

// The file's SHA-256 for import_log, computed on a second thread while the first one parses
// (performance.md: the import races sqlite3's .import). Sha256 uses the processor's SHA
// instructions where there are some: 0.06 s of CPU for the 96 MB benchmark file instead of 0.63 s.
class FileHasher
{
public:
    explicit FileHasher(const QString &path)
        : m_thread([this, path] {
              QFile f(path);
              Sha256 hash;
              if (!f.open(QIODevice::ReadOnly))
                  return;
              QByteArray buffer(1 << 20, Qt::Uninitialized);
              while (!m_stop.load(std::memory_order_relaxed)) {
                  const qint64 n = f.read(buffer.data(), buffer.size());
                  if (n <= 0)
                      break;
                  hash.addData(QByteArrayView(buffer.constData(), n));
              }
              m_result = QString::fromLatin1(hash.result().toHex());
          })
    {
    }
    ~FileHasher()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    QString result()
    {
        if (m_thread.joinable())
            m_thread.join();
        return m_result;
    }

private:
    std::atomic_bool m_stop{false};
    QString m_result;
    std::thread m_thread;
};

// The secondary indexes of a table (not the ones behind UNIQUE constraints), as their CREATE
// statements. A large insert-only import drops them and builds them again after the rows are in,
// inside its transaction: building an index sorts once, where inserting row by row into an index on
// a random key (an audit's day, agent or ticket) costs a B-tree search per row. The statements come
// from sqlite_master, so the schema ends exactly as it was.
QList<QByteArray> secondaryIndexes(sqlite3 *db, const char *table)
{
    QList<QByteArray> out;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db,
                           "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL",
                           -1, &stmt, nullptr) != SQLITE_OK)
        return out;
    sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
    while (sqlite3_step(stmt) == SQLITE_ROW)
        out << QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    return out;
}

QByteArray indexName(const QByteArray &createSql)
{
    // "CREATE INDEX name ON table(…)"
    const QList<QByteArray> words = createSql.simplified().split(' ');
    const qsizetype at = words.indexOf("INDEX");
    return at >= 0 && at + 1 < words.size() ? words.at(at + 1) : QByteArray();
}

QString withoutPrefix(const QString &message, const QString &fileName)
{
    // CsvRecord::problem() reads "audits.csv:17: record has …"; problems carry file and line apart.
    const qsizetype colon = message.indexOf(QStringLiteral(": "), fileName.size());
    return message.startsWith(fileName) && colon > 0 ? message.mid(colon + 2) : message;
}

} // namespace

Importer::Importer(QSqlDatabase db, ImportMapping mapping) : m_db(std::move(db)), m_mapping(std::move(mapping)) {}

ImportPreview Importer::preview(const QString &path, const QString &encoding, QChar delimiter, int rows)
{
    ImportPreview p;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        p.error = QObject::tr("cannot read %1: %2").arg(path, file.errorString());
        return p;
    }
    CsvOptions options;
    options.encoding = encoding;
    options.delimiter = delimiter;
    CsvReader reader(&file, options);
    if (reader.readHeader()) {
        p.header = reader.header().fields();
        CsvRecord record;
        while (p.rows.size() < rows && reader.next(record)) {
            p.rows << record.fields();
            p.lines << record.line();
        }
    }
    if (reader.hasError())
        p.error = reader.errorString();
    p.encoding = reader.encoding();
    p.delimiter = reader.delimiter();
    p.delimiterDescription = reader.delimiterGuess().description();
    return p;
}

ImportResult Importer::run(const QString &path, const ImportOptions &options)
{
    ImportResult result;
    result.summary.kind = ImportMapping::kindName(m_mapping.kind);
    result.summary.dryRun = options.dryRun;
    result.summary.cardMaskingOff = !m_mapping.masksCards();
    m_fileName = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.status = ImportResult::Failed;
        result.error = QObject::tr("cannot read %1: %2").arg(path, file.errorString());
        return result;
    }
    m_fileSize = file.size();
    if (!sqliteHandle(m_db)) {
        result.status = ImportResult::Failed;
        result.error = QObject::tr("the project has no open connection");
        return result;
    }
    std::unique_ptr<FileHasher> hasher;
    if (!options.dryRun)
        hasher = std::make_unique<FileHasher>(path);
    ScopedCacheSize cache(sqliteHandle(m_db));

    // Almost every file holds an audit's rows together; the rare one that does not is read again
    // with every audit kept open to the end (AuditAssembler). A file read as UTF-8 that turns out
    // not to be is read again as Windows-1252. Each happens at most once.
    m_encoding.reset();
    bool gather = false;
    for (Pass pass; (pass = runPass(file, options, gather, result)) != Pass::Done;) {
        if (pass == Pass::Restart)
            gather = true;
        const ImportSummary base = result.summary;
        result = ImportResult();
        result.summary = base;
        file.seek(0);
    }
    if (result.status == ImportResult::Imported && !options.dryRun && result.summary.importId > 0) {
        // The hash is only known now; the import_log row was written with a stand-in, in the
        // same transaction, which runPass left open for this.
        m_sha256 = hasher->result();
        sqlite3 *db = sqliteHandle(m_db);
        sqlite3_stmt *stmt = nullptr;
        bool ok =
            sqlite3_prepare_v2(db, "UPDATE import_log SET sha256 = ?1 WHERE id = ?2", -1, &stmt, nullptr) == SQLITE_OK;
        if (ok) {
            const QByteArray sha = m_sha256.toLatin1();
            sqlite3_bind_text(stmt, 1, sha.constData(), int(sha.size()), SQLITE_TRANSIENT);
            sqlite3_bind_int64(stmt, 2, result.summary.importId);
            ok = sqlite3_step(stmt) == SQLITE_DONE;
        }
        sqlite3_finalize(stmt);
        if (ok)
            ok = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
        if (!ok) {
            result.status = ImportResult::Failed;
            result.error = QObject::tr("cannot write the project: %1").arg(QString::fromUtf8(sqlite3_errmsg(db)));
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            result.summary.importId = 0;
        }
    }
    if (m_foreignKeysOff) {
        sqlite3_exec(sqliteHandle(m_db), "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
        m_foreignKeysOff = false;
    }
    return result;
}

Importer::Pass Importer::runPass(QFile &file, const ImportOptions &options, bool gather, ImportResult &result)
{
    sqlite3 *db = sqliteHandle(m_db);
    ImportWriter writer(db);
    ImportContext ctx(m_mapping, m_db, writer);
    ctx.fileName = m_fileName;
    ctx.writing = !options.dryRun;
    ctx.skipInvalid = options.skipInvalid;
    ctx.overwriteLocal = options.overwriteLocal;
    ctx.agentMap = options.agentMap;
    ctx.now = UserInfo::nowIso();
    ctx.who = options.who.isEmpty() ? UserInfo::currentUser() : options.who;
    ctx.today = QDate::currentDate();
    ctx.summary = result.summary;

    const auto report = [&](double fraction, const QString &stage) {
        if (options.progress)
            options.progress(fraction, stage);
        return !(options.cancel && options.cancel->load(std::memory_order_relaxed));
    };
    bool inTransaction = false;
    QList<QByteArray> rebuiltIndexes;
    std::unique_ptr<KindImporter> kind;
    const auto finishWith = [&](ImportResult::Status status, const QString &error = {}) {
        if (kind && status != ImportResult::Imported)
            kind->abort();
        if (inTransaction && status != ImportResult::Imported)
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        result.status = status;
        if (!error.isEmpty())
            result.error = error;
        ctx.summary.rowsRejected = ctx.rejectedLines.size();
        if (status != ImportResult::Imported) {
            // Nothing was imported: only what was refused is counted.
            ctx.summary.inserted = ctx.summary.updated = ctx.summary.unchanged = ctx.summary.keptLocal = 0;
            ctx.summary.removed = ctx.summary.agentsCreated = ctx.summary.masked = 0;
            ctx.summary.createdAgents.clear();
            ctx.summary.importId = 0;
        }
        result.summary = ctx.summary;
        result.problems = ctx.problems;
        return Pass::Done;
    };

    QString error;
    if (!ctx.names.load(m_db, &error) || !ctx.roster.load(m_db, &error))
        return finishWith(ImportResult::Failed, QObject::tr("cannot read the project: %1").arg(error));

    AuditImport *audits = nullptr;
    switch (m_mapping.kind) {
    case ImportMapping::Kind::AuditsLong:
    case ImportMapping::Kind::AuditsWide: {
        auto a =
            std::make_unique<AuditImport>(ctx, gather ? AuditAssembler::Mode::Gather : AuditAssembler::Mode::Streaming,
                                          options.replaceFrom, options.replaceTo);
        if (!a->load(&error))
            return finishWith(ImportResult::Failed, QObject::tr("cannot read the project: %1").arg(error));
        audits = a.get();
        kind = std::move(a);
        break;
    }
    case ImportMapping::Kind::Csat: {
        auto c = std::make_unique<CsatImport>(ctx);
        if (!c->load(&error))
            return finishWith(ImportResult::Failed, QObject::tr("cannot read the project: %1").arg(error));
        kind = std::move(c);
        break;
    }
    case ImportMapping::Kind::Agents:
        kind = std::make_unique<AgentImport>(ctx);
        break;
    case ImportMapping::Kind::Interactions: {
        auto i = std::make_unique<InteractionImport>(ctx);
        if (!i->load(&error))
            return finishWith(ImportResult::Failed, QObject::tr("cannot read the project: %1").arg(error));
        kind = std::move(i);
        break;
    }
    }

    CsvOptions csv;
    csv.delimiter = m_mapping.delimiter;
    csv.encoding = m_mapping.encoding;
    csv.sourceName = m_fileName;
    // The file is read once: its UTF-8 is checked as it is read rather than in a pass before.
    csv.checkUtf8WhileReading = true;
    csv.knownEncoding = m_encoding;
    CsvReader reader(&file, csv);
    if (!report(0, QObject::tr("checking the encoding")))
        return finishWith(ImportResult::Cancelled);
    if (!reader.readHeader()) {
        if (reader.encodingChanged()) {
            m_encoding = reader.encoding();
            kind->abort();
            return Pass::NewEncoding;
        }
        return finishWith(ImportResult::Refused, reader.hasError()
                                                     ? reader.errorString()
                                                     : QObject::tr("%1: the file is empty").arg(m_fileName));
    }
    result.encoding = reader.encoding();
    result.delimiter = reader.delimiter();
    result.delimiterDescription = reader.delimiterGuess().description();

    QStringList missing;
    QString problem;
    if (!kind->bind(reader.header(), &missing, &problem)) {
        for (const QString &m : std::as_const(missing))
            ctx.problems.append({m_fileName, 1, QString(), QString(), QObject::tr("%1 is not in the header").arg(m)});
        if (!problem.isEmpty())
            ctx.problems.append({m_fileName, 0, QString(), QString(), problem});
        return finishWith(ImportResult::Refused, ctx.problems.first().message());
    }

    if (ctx.writing) {
        // Foreign-key checks cost two parent lookups per answer row; an import that only inserts
        // takes every id from its own lookups, so they would never fail (performance.md).
        if (kind->insertOnly() && writer.exec("PRAGMA foreign_keys = OFF"))
            m_foreignKeysOff = true;
        if (!writer.exec("BEGIN IMMEDIATE"))
            return finishWith(ImportResult::Failed, QObject::tr("cannot write the project: %1").arg(writer.error()));
        inTransaction = true;
        if (audits && kind->insertOnly() && m_fileSize >= BulkIndexThreshold) {
            rebuiltIndexes = secondaryIndexes(db, "audits");
            for (const QByteArray &sql : std::as_const(rebuiltIndexes)) {
                const QByteArray name = indexName(sql);
                if (name.isEmpty() || !writer.exec(("DROP INDEX " + name).constData()))
                    return finishWith(ImportResult::Failed,
                                      QObject::tr("cannot write the project: %1").arg(writer.error()));
            }
        }
        if (!writer.prepare())
            return finishWith(ImportResult::Failed, QObject::tr("cannot write the project: %1").arg(writer.error()));
        ctx.importId = writer.importLog(ctx.now, ctx.who, m_fileName, m_fileSize, QStringLiteral("pending"),
                                        ImportMapping::kindName(m_mapping.kind), m_mapping.source,
                                        QString::fromUtf8(m_mapping.toJsonText()));
        if (ctx.importId == 0)
            return finishWith(ImportResult::Failed, QObject::tr("cannot write the project: %1").arg(writer.error()));
    }

    const QString reading = QObject::tr("reading %1").arg(m_fileName);
    CsvRecord record;
    qint64 rows = 0;
    while (reader.next(record)) {
        ++rows;
        if (!record.isWellFormed()) {
            ctx.reject(record.line(), QString(), QString(), withoutPrefix(record.problem(), m_fileName));
            ++ctx.summary.rejected;
        } else if (!kind->addRow(record)) {
            kind->abort();
            if (inTransaction)
                sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            return Pass::Restart;
        }
        if ((rows & 4095) == 0) {
            // (A write failure is checked after finish(): the audit writer thread may be using the
            // writer now, and a failed writer refuses every later write anyway.)
            const double fraction = m_fileSize > 0 ? 0.95 * double(reader.bytesRead()) / double(m_fileSize) : 0;
            if (!report(fraction, reading))
                return finishWith(ImportResult::Cancelled);
        }
    }
    ctx.summary.rowsRead = rows;
    if (reader.encodingChanged()) {
        // Nothing read so far counts: it was read as UTF-8. Rolled back like a gather restart.
        m_encoding = reader.encoding();
        kind->abort();
        if (inTransaction)
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        return Pass::NewEncoding;
    }
    if (reader.hasError())
        return finishWith(ImportResult::Refused, reader.errorString());
    if (!report(0.95, QObject::tr("saving")))
        return finishWith(ImportResult::Cancelled);
    if (!kind->finish() || !writer.ok())
        return finishWith(ImportResult::Failed, QObject::tr("cannot write the project: %1").arg(writer.error()));
    if (audits)
        result.answersInserted = audits->answersInserted();
    if (!rebuiltIndexes.isEmpty() && !report(0.96, QObject::tr("indexing")))
        return finishWith(ImportResult::Cancelled);
    for (const QByteArray &sql : std::as_const(rebuiltIndexes)) {
        if (!writer.exec(sql.constData()))
            return finishWith(ImportResult::Failed, QObject::tr("cannot write the project: %1").arg(writer.error()));
    }

    const bool anyRejected = !ctx.rejectedLines.isEmpty();
    if (!options.rejectsPath.isEmpty() && anyRejected) {
        if (!report(0.97, QObject::tr("writing the rejected rows")))
            return finishWith(ImportResult::Cancelled);
        QString why;
        if (!RejectsWriter::write(file.fileName(), reader.encoding().name, reader.delimiter(), ctx.rejectedLines,
                                  options.rejectsPath, &why))
            return finishWith(ImportResult::Failed, why);
        result.rejectsWritten = true;
    }
    // Problems in file order, as a person reads the file.
    std::stable_sort(ctx.problems.begin(), ctx.problems.end(),
                     [](const ImportProblem &a, const ImportProblem &b) { return a.line < b.line; });
    if (anyRejected && !options.skipInvalid)
        return finishWith(ImportResult::Rejected);

    ctx.summary.rowsRejected = ctx.rejectedLines.size();
    if (ctx.writing) {
        // Inserted records are logged as one entry per table and import rather than one per row:
        // a million answer rows would double the file, and import_id on each row already says
        // which import wrote it (docs/import.md "Change log").
        const QString table = m_mapping.kind == ImportMapping::Kind::Csat           ? QStringLiteral("csat_responses")
                              : m_mapping.kind == ImportMapping::Kind::Agents       ? QStringLiteral("agents")
                              : m_mapping.kind == ImportMapping::Kind::Interactions ? QStringLiteral("interactions")
                                                                                    : QStringLiteral("audits");
        const QString id = QString::number(ctx.importId);
        if (ctx.summary.inserted > 0)
            writer.changeLog(ctx.now, ctx.who, QStringLiteral("import"), id, table, QString(),
                             QString::number(ctx.summary.inserted), ctx.importId);
        if (result.answersInserted > 0)
            writer.changeLog(ctx.now, ctx.who, QStringLiteral("import"), id, QStringLiteral("answers"), QString(),
                             QString::number(result.answersInserted), ctx.importId);
        if (ctx.summary.agentsCreated > 0)
            writer.changeLog(ctx.now, ctx.who, QStringLiteral("import"), id, QStringLiteral("agents"), QString(),
                             QString::number(ctx.summary.agentsCreated), ctx.importId);
        writer.importCounts(ctx.importId, ctx.summary.inserted, ctx.summary.updated, ctx.summary.unchanged,
                            ctx.summary.keptLocal, ctx.summary.rejected, ctx.summary.rowsRead, ctx.summary.rowsRejected,
                            ctx.summary.agentsCreated, ctx.summary.masked, QStringLiteral("pending"));
        if (!writer.ok())
            return finishWith(ImportResult::Failed, QObject::tr("cannot write the project: %1").arg(writer.error()));
        ctx.summary.importId = ctx.importId;
        // run() sets the hash and commits.
        inTransaction = false;
    }
    report(1.0, QObject::tr("done"));
    return finishWith(ImportResult::Imported);
}

} // namespace ql
