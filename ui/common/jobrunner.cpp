// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobrunner.h"

#include <QAtomicInteger>
#include <QLoggingCategory>
#include <QThreadPool>

#include <algorithm>

namespace ql {

// QT_LOGGING_RULES="ql.ui.jobs.debug=true" prints how long each job took.
Q_LOGGING_CATEGORY(lcJobs, "ql.ui.jobs", QtWarningMsg)

JobRunner::JobRunner(QObject *parent)
    : QObject(parent)
{
}

JobRunner::~JobRunner()
{
    cancelAll();
    waitForAll();
}

QThreadPool *JobRunner::threadPool()
{
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setMaxThreadCount(std::max(4, QThread::idealThreadCount()));
        pool.setObjectName(QStringLiteral("ql-jobs"));
        return true;
    }();
    Q_UNUSED(configured);
    return &pool;
}

quint64 JobRunner::nextId()
{
    static QAtomicInteger<quint64> counter;
    return counter.fetchAndAddRelaxed(1) + 1;
}

void JobRunner::setProject(const Project *project)
{
    if (project == m_project)
        return;
    cancelAll();
    waitForAll();
    m_project = project;
}

quint64 JobRunner::registerJob(const QString &channel, const QString &label, quint64 id, const QFuture<void> &future,
                               std::shared_ptr<JobContext> context)
{
    if (const auto previous = m_current.constFind(channel); previous != m_current.constEnd())
        cancelJob(previous.value());
    Job job{channel, label, future, std::move(context), {}};
    job.clock.start();
    m_jobs.insert(id, job);
    m_current.insert(channel, id);
    Q_EMIT jobStarted(id, label);
    return id;
}

bool JobRunner::isCurrent(quint64 id) const
{
    const auto job = m_jobs.constFind(id);
    return job != m_jobs.constEnd() && m_current.value(job->channel) == id;
}

bool JobRunner::wasCanceled(quint64 id) const
{
    const auto job = m_jobs.constFind(id);
    return job == m_jobs.constEnd() || job->context->isCanceled();
}

void JobRunner::endJob(quint64 id)
{
    const auto job = m_jobs.constFind(id);
    if (job == m_jobs.constEnd())
        return;
    qCDebug(lcJobs, "%s %s in %lld ms", qPrintable(job->label),
            job->context->isCanceled() ? "cancelled" : "done", job->clock.elapsed());
    if (m_current.value(job->channel) == id)
        m_current.remove(job->channel);
    m_jobs.erase(job);
    Q_EMIT jobFinished(id);
}

void JobRunner::cancelJob(quint64 id)
{
    auto job = m_jobs.find(id);
    if (job == m_jobs.end())
        return;
    if (!m_cancellable) {
        if (m_current.value(job->channel) == id)
            m_current.remove(job->channel);
        return;
    }
    job->context->cancel();
    job->future.cancel();
}

void JobRunner::cancel(const QString &channel)
{
    if (const auto current = m_current.constFind(channel); current != m_current.constEnd())
        cancelJob(current.value());
}

void JobRunner::abandon(const QString &channel)
{
    cancel(channel);
    m_current.remove(channel);
}

void JobRunner::cancelAll()
{
    for (auto it = m_jobs.begin(); it != m_jobs.end() && m_cancellable; ++it) {
        it->context->cancel();
        it->future.cancel();
    }
    // Whatever these jobs deliver later belongs to a world that is gone.
    m_current.clear();
}

void JobRunner::waitForAll()
{
    QList<Job> jobs = m_jobs.values();
    for (Job &job : jobs)
        job.future.waitForFinished();
}

bool JobRunner::isRunning(const QString &channel) const
{
    return m_current.contains(channel);
}

QString JobRunner::label(quint64 id) const
{
    return m_jobs.value(id).label;
}

void JobRunner::reportProgress(quint64 id, double fraction, const QString &text)
{
    if (isCurrent(id))
        Q_EMIT jobProgress(id, fraction, text);
}

} // namespace ql
