// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobcontext.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <memory>

class QThreadPool;

namespace ql {

class Project;

// The one small job runner (after KDAB hotspot's JobTracker): work runs on a worker thread through
// QtConcurrent, reports progress, can be cancelled, and hands its result back on this object's
// thread. Jobs run in named channels: starting a job in a channel cancels the one running there
// and drops its result, so a stale sort or filter can never overwrite a newer one.
//
// The runner knows the project its jobs read: JobContext::database() opens a connection to it on
// the worker thread. setProject() and the destructor cancel every job and wait for it (cancelling
// interrupts SQLite, so that is quick): a Project is never closed under a running job.
class JobRunner final : public QObject
{
    Q_OBJECT
public:
    explicit JobRunner(QObject *parent = nullptr);
    ~JobRunner() override;

    void setProject(const Project *project);
    const Project *project() const { return m_project; }

    // An uncancellable runner never cancels a job: a newer job in the channel, cancel() and
    // cancelAll() only drop results, which are destroyed on this thread. For results that must not
    // be destroyed on a worker thread (an open Project).
    void setCancellable(bool cancellable) { m_cancellable = cancellable; }

    // Runs work(context) on a worker thread. When it ends, done(result) runs on this thread if the
    // job is still the current one of its channel and was not cancelled; cancelled() runs if it
    // was cancelled (but not when a newer job replaced it). Returns the job's id.
    template <typename Result>
    quint64 start(const QString &channel, const QString &label, std::function<Result(JobContext &)> work,
                  std::function<void(Result &&)> done, std::function<void()> cancelled = {});

    void cancel(const QString &channel);  // the job's cancelled() still runs
    void abandon(const QString &channel); // cancels, and neither done() nor cancelled() runs
    void cancelJob(quint64 id);
    void cancelAll();
    void waitForAll(); // blocks until every job has ended; call after cancelAll()
    bool isRunning(const QString &channel) const;
    bool isBusy() const { return !m_jobs.isEmpty(); }
    QString label(quint64 id) const;

    // Worker threads for every runner: enough that a long check never starves a table load.
    static QThreadPool *threadPool();

    // For JobContext (queued from the worker thread).
    void reportProgress(quint64 id, double fraction, const QString &text);

Q_SIGNALS:
    void jobStarted(quint64 id, const QString &label);
    void jobProgress(quint64 id, double fraction, const QString &text);
    void jobFinished(quint64 id);

private:
    struct Job
    {
        QString channel;
        QString label;
        QFuture<void> future;
        std::shared_ptr<JobContext> context;
        QElapsedTimer clock;
    };

    quint64 registerJob(const QString &channel, const QString &label, quint64 id, const QFuture<void> &future,
                        std::shared_ptr<JobContext> context);
    bool isCurrent(quint64 id) const;
    bool wasCanceled(quint64 id) const;
    void endJob(quint64 id);
    static quint64 nextId();

    const Project *m_project = nullptr;
    bool m_cancellable = true;
    QHash<quint64, Job> m_jobs;          // running (including superseded, until they end)
    QHash<QString, quint64> m_current;   // channel -> its current job
};

template <typename Result>
quint64 JobRunner::start(const QString &channel, const QString &label, std::function<Result(JobContext &)> work,
                         std::function<void(Result &&)> done, std::function<void()> cancelled)
{
    const quint64 id = nextId();
    auto context = std::make_shared<JobContext>(id, m_project, this);
    QFuture<Result> future = QtConcurrent::run(threadPool(), [context, work = std::move(work)](QPromise<Result> &promise) {
        struct Finisher
        {
            JobContext &ctx;
            ~Finisher() { ctx.finish(); } // the connection closes on the thread that opened it
        } finisher{*context};
        if (context->isCanceled())
            return;
        Result result = work(*context);
        if (!context->isCanceled() && !promise.isCanceled())
            promise.addResult(std::move(result));
    });
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, id, done = std::move(done), cancelled = std::move(cancelled)] {
                const bool current = isCurrent(id);
                const bool canceled = wasCanceled(id);
                QFuture<Result> f = watcher->future();
                endJob(id);
                watcher->deleteLater();
                if (!current)
                    return; // superseded, or the project changed: the result is stale
                if (!canceled && f.resultCount() > 0) {
                    if (done)
                        done(f.takeResult());
                } else if (cancelled) {
                    cancelled();
                }
            });
    watcher->setFuture(future);
    return registerJob(channel, label, id, QFuture<void>(future), context);
}

} // namespace ql
