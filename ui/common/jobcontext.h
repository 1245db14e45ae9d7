// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QMutex>
#include <QPointer>
#include <QSqlDatabase>
#include <QString>

#include <atomic>

struct sqlite3;

namespace ql {

class JobRunner;
class Project;

// What a background job sees of the world: whether it was cancelled, a way to report progress,
// and its own database connection (opened on the worker thread on first use, closed when the job
// ends). Cancelling also interrupts the statement the job is running, so a long scan stops at once.
class JobContext final
{
public:
    JobContext(quint64 id, const Project *project, JobRunner *runner);
    ~JobContext();
    JobContext(const JobContext &) = delete;
    JobContext &operator=(const JobContext &) = delete;

    quint64 id() const { return m_id; }
    bool isCanceled() const { return m_canceled.load(std::memory_order_relaxed); }
    // The flag itself, for core code that polls one (CubeBuilder, PivotDrill).
    const std::atomic<bool> *cancelFlag() const { return &m_canceled; }

    // fraction in [0, 1], or negative when the amount of work is unknown. Throttled: cheap to call
    // from inside a loop.
    void setProgress(double fraction, const QString &text = QString());

    // This job's read-only connection to the runner's project (invalid when there is none).
    QSqlDatabase database();
    sqlite3 *handle();

    // Called by the runner (any thread).
    void cancel();
    // Called on the worker thread when the job's function has returned.
    void finish();

private:
    const quint64 m_id;
    const Project *const m_project;
    QPointer<JobRunner> m_runner;
    std::atomic<bool> m_canceled{false};
    QString m_connection;
    QMutex m_handleMutex; // guards m_handle against sqlite3_interrupt racing a close
    sqlite3 *m_handle = nullptr;
    QElapsedTimer m_sinceReport;
    QString m_lastText;
};

} // namespace ql
