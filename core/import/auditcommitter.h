// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "existingrecords.h"
#include "pendingaudit.h"
#include "stringindex.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace ql {

struct ImportContext;

// Finishes an assembled audit: a rejected one takes its other rows with it ("another row of audit
// X was rejected"); a valid one is scored with the ScoringEngine of its scorecard version, hashed,
// compared with the stored audit of the same id, and inserted, replaced, kept (unchanged, or
// kept_local with the source's values in source_pending), with change-log entries for updates.
class AuditCommitter final
{
public:
    AuditCommitter(ImportContext &context, const QHash<QString, ExistingRecord> &existing);

    ~AuditCommitter();

    // Decides what becomes of the audit; new audits are handed to the writer thread (`audit` is then
    // null), the rest is done here (after the writer thread has caught up).
    void commit(std::unique_ptr<PendingAudit> &audit);
    // An empty audit to fill: one the writer thread is done with, its buffers kept, when there is
    // one (allocating and freeing each audit's strings and lists on two threads cost ~10 % of the
    // import), else a new one. Audits travel between the threads by pointer: moving the ~1 KB
    // struct member by member five times on its way cost ~2 % of the import.
    std::unique_ptr<PendingAudit> recycled();
    // Waits until the writer thread has written every audit handed to it.
    void drain();
    // Stops the writer thread, dropping what it has not written (before a rollback).
    void stop();
    // --replace-range: removes the source's audits dated from..to whose ids the file did not hold.
    bool removeMissing(QDate from, QDate to, const StringIndex &keysInFile);

    qint64 answersInserted() const { return m_answers; }

    // The content hash of an audit as imported (docs/import.md "Re-importing").
    static QString hashOf(const PendingAudit &audit);
    // The source's values of an audit, as source_pending and the change log store them.
    static QString json(const PendingAudit &audit);

private:
    void reject(PendingAudit &audit);
    // Fills audit.row and the answers' criterion ids and c: everything the writer needs that does
    // not depend on what it writes (scoring, period keys, dates), on the reading thread.
    void prepare(PendingAudit &audit, const QString &hash);
    void enqueue(std::unique_ptr<PendingAudit> &audit);
    void work();
    // Resolves (and inserts when new) a prepared audit's agent and names, on the writer's side.
    void resolve(PendingAudit &audit);
    // Appends the audit's answers to m_answerValues.
    void addAnswerValues(const PendingAudit &audit, qint64 auditId);
    // Root causes (on answer ids firstAnswer, firstAnswer + 1, … in the audit's order) and dimensions.
    void writeChildren(const PendingAudit &audit, qint64 auditId, qint64 firstAnswer);
    // Replaces the stored audit existingId with a prepared one.
    bool write(PendingAudit &audit, qint64 existingId);
    // Inserts prepared new audits: their rows with one INSERT, their answers with as few as can be.
    bool writeNew(std::span<const std::unique_ptr<PendingAudit>> audits);
    QString storedJson(qint64 auditId) const;

    ImportContext &m_ctx;
    const QHash<QString, ExistingRecord> &m_existing;
    std::vector<AnswerInput> m_inputs;                      // prepare()'s, on the reading thread
    std::vector<ImportWriter::AnswerValues> m_answerValues; // the writer's
    std::vector<const ImportWriter::AuditRow *> m_rows;     // writeNew()'s
    std::atomic<qint64> m_answers{0};

    // Parsing and checking run on the calling thread, the SQLite inserts of new audits on this
    // one, so that the two overlap on two cores (performance.md). Only one thread uses the
    // connection, the roster and the dictionaries at a time: the calling thread touches them
    // only after drain().
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::unique_ptr<PendingAudit>> m_jobs;  // swapped with the writer's batch, so both keep their capacity
    std::vector<std::unique_ptr<PendingAudit>> m_spare; // written audits, for recycled()
    bool m_busy = false;
    bool m_stopping = false;
    std::atomic_bool m_stopRequested{false};
    static constexpr size_t MaxQueued = 2048;
};

} // namespace ql
