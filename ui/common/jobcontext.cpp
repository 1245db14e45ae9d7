// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobcontext.h"

#include "jobrunner.h"
#include "store/project.h"
#include "store/sqlitehandle.h"

#include <QMetaObject>
#include <sqlite3.h>

namespace ql {

JobContext::JobContext(quint64 id, const Project *project, JobRunner *runner)
    : m_id(id)
    , m_project(project)
    , m_runner(runner)
{
}

JobContext::~JobContext() = default;

void JobContext::setProgress(double fraction, const QString &text)
{
    // Progress crosses threads as a queued call; a few per second are plenty for a status bar.
    const bool textChanged = text != m_lastText;
    if (!textChanged && m_sinceReport.isValid() && m_sinceReport.elapsed() < 80)
        return;
    m_sinceReport.start();
    m_lastText = text;
    JobRunner *runner = m_runner.data();
    if (!runner)
        return;
    const quint64 id = m_id;
    QMetaObject::invokeMethod(
        runner, [runner, id, fraction, text] { runner->reportProgress(id, fraction, text); }, Qt::QueuedConnection);
}

QSqlDatabase JobContext::database()
{
    if (!m_connection.isEmpty())
        return QSqlDatabase::database(m_connection, false);
    if (!m_project)
        return {};
    m_connection = QStringLiteral("qljob-%1").arg(m_id);
    QSqlDatabase db = m_project->openWorkerConnection(m_connection);
    QMutexLocker lock(&m_handleMutex);
    m_handle = db.isOpen() ? sqliteHandle(db) : nullptr;
    if (m_handle && isCanceled())
        sqlite3_interrupt(m_handle);
    return db;
}

sqlite3 *JobContext::handle()
{
    database();
    QMutexLocker lock(&m_handleMutex);
    return m_handle;
}

void JobContext::cancel()
{
    m_canceled.store(true, std::memory_order_relaxed);
    QMutexLocker lock(&m_handleMutex);
    if (m_handle)
        sqlite3_interrupt(m_handle);
}

void JobContext::finish()
{
    {
        QMutexLocker lock(&m_handleMutex);
        m_handle = nullptr;
    }
    if (!m_connection.isEmpty())
        Project::closeConnection(m_connection);
    m_connection.clear();
}

} // namespace ql
