// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectsession.h"

#include "common/jobrunner.h"
#include "store/project.h"

#include <QFileInfo>
#include <QSqlDriver>
#include <QThread>
#include <QTimer>

namespace ql {

namespace {
const QString CheckChannel = QStringLiteral("quick-check");
const QString OpenChannel = QStringLiteral("open");

struct Opening
{
    std::unique_ptr<Project> project;
    ProjectError error;
};
// The check reads the whole file; started a moment later it does not compete with the first
// screen's reads (a 1M-audit project is a gigabyte, and the machine may have two cores).
constexpr int CheckDelayMs = 1000;
}

ProjectSession::ProjectSession(QObject *parent)
    : QObject(parent)
    , m_runner(new JobRunner(this))
    , m_opener(new JobRunner(this))
{
    m_opener->setCancellable(false);
}

ProjectSession::~ProjectSession()
{
    m_opener->waitForAll(); // uncancelled: a project being opened is handed over, then closed
    close();
}

bool ProjectSession::isOpening() const
{
    return m_opener->isRunning(OpenChannel);
}

bool ProjectSession::isChecking() const
{
    return m_checkPending || m_runner->isRunning(CheckChannel);
}

void ProjectSession::open(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if ((m_project && absolute == m_project->path()) || (isOpening() && absolute == m_openingPath))
        return;
    m_openingPath = absolute;
    Q_EMIT openStarted(path);
    QThread *home = thread();
    // A newer opening replaces this one's result; the replaced Project is then simply destroyed
    // here, on the thread that owns its connection.
    m_opener->start<std::shared_ptr<Opening>>(
        OpenChannel, tr("Opening %1…").arg(QFileInfo(path).fileName()),
        [path, home](JobContext &) {
            auto opening = std::make_shared<Opening>();
            opening->project = Project::open(path, Project::Access::ReadWriteOrReadOnly, Project::Check::Deferred,
                                             &opening->error);
            // A connection may be used by one thread at a time, and QtSql asks that it be the
            // driver's: hand it over to the thread that will use it from now on.
            if (opening->project)
                opening->project->database().driver()->moveToThread(home);
            return opening;
        },
        [this, path](std::shared_ptr<Opening> &&opening) {
            m_openingPath.clear();
            if (opening->project)
                adopt(std::move(opening->project));
            else
                Q_EMIT openFailed(path, opening->error);
        });
}

bool ProjectSession::create(const QString &path, ProjectError *error)
{
    *error = {};
    // The file may be the project that is open: close it first, or create() finds it locked.
    if (m_project && QFileInfo(path).absoluteFilePath() == m_project->path())
        close();
    std::unique_ptr<Project> project = Project::create(path, true, error);
    if (!project)
        return false;
    adopt(std::move(project));
    return true;
}

void ProjectSession::adopt(std::unique_ptr<Project> project)
{
    close();
    m_project = std::move(project);
    m_runner->setProject(m_project.get());
    ++m_generation;
    Q_EMIT opened(m_project.get());
    if (!m_project->isVerified()) {
        m_checkPending = true;
        QTimer::singleShot(CheckDelayMs, this, [this, generation = m_generation] {
            if (generation == m_generation && m_project)
                startCheck();
        });
    }
}

void ProjectSession::close()
{
    if (!m_project)
        return;
    Q_EMIT aboutToClose();
    ++m_generation;
    m_checkPending = false;
    m_runner->setProject(nullptr); // cancels the check and waits for it
    m_project.reset();
    Q_EMIT closed();
}

void ProjectSession::startCheck()
{
    m_checkPending = false;
    Q_EMIT checkStarted();
    const QString path = m_project->path();
    m_runner->start<QString>(
        CheckChannel, tr("Checking project…"),
        [](JobContext &context) {
            const QSqlDatabase db = context.database();
            if (!db.isOpen())
                return tr("the file cannot be read");
            return Project::quickCheck(db);
        },
        [this, path](QString &&problem) {
            if (!m_project)
                return;
            if (problem.isEmpty()) {
                m_project->setVerified(true);
                Q_EMIT checkPassed();
                return;
            }
            close();
            Q_EMIT checkFailed(path, problem);
        });
}

} // namespace ql
