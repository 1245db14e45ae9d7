// SPDX-License-Identifier: GPL-3.0-or-later
#include "project.h"

#include "schema.h"
#include "sqlitehandle.h"
#include "common/userinfo.h"
#include "export/agentnames.h"

#include <QAtomicInteger>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QVariant>
#include <QtEndian>

namespace ql {

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("qlproject-%1").arg(counter.fetchAndAddRelaxed(1));
}

bool isNetworkFileSystem(const QString &path)
{
    const QByteArray fs = QStorageInfo(QFileInfo(path).absolutePath()).fileSystemType().toLower();
    static const char *const kinds[] = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "9p", "afs", "ncpfs"};
    for (const char *k : kinds)
        if (fs == k)
            return true;
    return false;
}

QString readSetting(const QSqlDatabase &db, const QString &key, bool *ok = nullptr)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(key);
    const bool ran = q.exec();
    if (ok)
        *ok = ran;
    return ran && q.next() ? q.value(0).toString() : QString();
}

QString damagedMessage(const QString &path, const QString &detail)
{
    return QObject::tr("%1 is a QualityLens project, but it is damaged (%2). It was not changed. "
                       "Restore it from a backup, or try `sqlite3 FILE .recover` on a copy.")
        .arg(path, detail);
}

} // namespace

ProjectError Project::inspectHeader(const QString &path, int *userVersion)
{
    QFileInfo info(path);
    if (!info.exists())
        return ProjectError::make(ProjectError::NotFound, QObject::tr("%1 does not exist.").arg(path));
    if (info.isDir())
        return ProjectError::make(ProjectError::NotAProject, QObject::tr("%1 is a folder, not a QualityLens project.").arg(path));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return ProjectError::make(ProjectError::Unreadable, QObject::tr("%1 cannot be read: %2.").arg(path, f.errorString()));
    const QByteArray header = f.read(100);
    if (header.size() < 100 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return ProjectError::make(ProjectError::NotAProject,
                                  QObject::tr("%1 is not a QualityLens project (it is not an SQLite database). "
                                              "It was not changed.").arg(path));
    // The SQLite header stores user_version at offset 60 and application_id at 68, big-endian.
    const quint32 appId = qFromBigEndian<quint32>(header.constData() + 68);
    const qint32 version = qFromBigEndian<qint32>(header.constData() + 60);
    if (appId != Schema::ApplicationId)
        return ProjectError::make(ProjectError::NotAProject,
                                  QObject::tr("%1 is an SQLite database but not a QualityLens project. It was not changed.")
                                      .arg(path));
    if (userVersion)
        *userVersion = version;
    if (version > Schema::CurrentVersion)
        return ProjectError::make(ProjectError::NewerVersion,
                                  QObject::tr("%1 was written by a newer QualityLens (project version %2; this one reads "
                                              "up to %3). Update QualityLens to open it. It was not changed.")
                                      .arg(path).arg(version).arg(Schema::CurrentVersion));
    if (version < 1)
        return ProjectError::make(ProjectError::Damaged, damagedMessage(path, QObject::tr("its schema version is %1").arg(version)));
    return {};
}

QSqlDatabase Project::addConnection(const QString &name, const QString &path, bool readOnly)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    QStringList options{QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000")};
    if (readOnly)
        options << QStringLiteral("QSQLITE_OPEN_READONLY");
    db.setConnectOptions(options.join(QLatin1Char(';')));
    return db;
}

std::unique_ptr<Project> Project::create(const QString &path, bool force, ProjectError *error)
{
    ProjectError dummy;
    ProjectError &err = error ? *error : dummy;
    err = {};
    if (QFileInfo::exists(path)) {
        if (!force) {
            err = ProjectError::make(ProjectError::Exists,
                                     QObject::tr("%1 exists already; use --force to replace it.").arg(path));
            return nullptr;
        }
        // Refuse to replace something that is held open by another writer.
        QLockFile probe(path + QStringLiteral(".lock"));
        probe.setStaleLockTime(0);
        if (!probe.tryLock(0)) {
            err = ProjectError::make(ProjectError::InUse, QObject::tr("%1 is in use by another process.").arg(path));
            return nullptr;
        }
        probe.unlock();
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        if (QFileInfo::exists(path)) {
            err = ProjectError::make(ProjectError::WriteFailed, QObject::tr("%1 could not be replaced.").arg(path));
            return nullptr;
        }
    }
    {
        const QString name = nextConnectionName();
        {
            QSqlDatabase db = addConnection(name, path, false);
            if (!db.open()) {
                err = ProjectError::make(ProjectError::WriteFailed,
                                         QObject::tr("%1 cannot be created: %2.").arg(path, db.lastError().text()));
            } else if (const QString msg = Schema::create(db); !msg.isEmpty()) {
                err = ProjectError::make(ProjectError::WriteFailed,
                                         QObject::tr("%1 cannot be created: %2.").arg(path, msg));
            } else {
                QSqlQuery q(db);
                q.prepare(QStringLiteral("INSERT INTO settings(key, value) VALUES ('clean_close', '1'), "
                                         "('created_at', ?), ('created_by', ?)"));
                q.addBindValue(UserInfo::nowIso());
                q.addBindValue(UserInfo::currentUser());
                q.exec();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    if (err.isError()) {
        QFile::remove(path);
        return nullptr;
    }
    return open(path, Access::ReadWrite, Check::Now, error);
}

std::unique_ptr<Project> Project::open(const QString &path, Access access, Check check, ProjectError *error)
{
    ProjectError dummy;
    ProjectError &err = error ? *error : dummy;
    int version = 0;
    err = inspectHeader(path, &version);
    if (err.isError())
        return nullptr;

    std::unique_ptr<Project> p(new Project);
    p->m_path = QFileInfo(path).absoluteFilePath();
    p->m_connection = nextConnectionName();
    p->m_networkFs = isNetworkFileSystem(p->m_path);

    // First look: read-only, nothing is written.
    {
        QSqlDatabase db = addConnection(p->m_connection, p->m_path, true);
        if (!db.open()) {
            err = ProjectError::make(ProjectError::Unreadable,
                                     QObject::tr("%1 cannot be opened: %2.").arg(path, db.lastError().text()));
            p->m_connection.clear();
            return nullptr;
        }
        bool readable = false;
        const QString clean = readSetting(db, QStringLiteral("clean_close"), &readable);
        if (!readable) {
            err = ProjectError::make(ProjectError::Damaged, damagedMessage(path, db.lastError().text().isEmpty()
                                                                                   ? QObject::tr("its tables cannot be read")
                                                                                   : db.lastError().text()));
            return nullptr;
        }
        p->m_unclean = clean != QLatin1String("1");
        if (p->m_unclean || check == Check::Now) {
            if (const QString problem = quickCheck(db); !problem.isEmpty()) {
                err = ProjectError::make(ProjectError::Damaged, damagedMessage(path, problem));
                return nullptr;
            }
            p->m_verified = true;
        }
    }

    if (access != Access::ReadOnly) {
        p->m_lock = std::make_unique<QLockFile>(p->m_path + QStringLiteral(".lock"));
        p->m_lock->setStaleLockTime(0); // stale only when its process is gone, never by age
        if (!p->m_lock->tryLock(0)) {
            qint64 pid = 0;
            QString host, app;
            p->m_lock->getLockInfo(&pid, &host, &app);
            const QString holder = readSetting(p->database(), QStringLiteral("writer"));
            p->m_lockHolder = QObject::tr("%1 on %2, process %3")
                                  .arg(holder.isEmpty() ? QObject::tr("another user") : holder, host)
                                  .arg(pid);
            p->m_lock.reset();
            if (access == Access::ReadWrite) {
                err = ProjectError::make(ProjectError::InUse,
                                         QObject::tr("%1 is in use: %2 has it open for writing. Close it there, "
                                                     "or open it read-only.").arg(path, p->m_lockHolder));
                return nullptr;
            }
        } else if (!p->openForWriting(&err)) {
            return nullptr;
        }
    }
    return p;
}

bool Project::openForWriting(ProjectError *error)
{
    QSqlDatabase::removeDatabase(m_connection); // the read-only look is done
    m_connection = nextConnectionName();
    QSqlDatabase db = addConnection(m_connection, m_path, false);
    if (!db.open()) {
        *error = ProjectError::make(ProjectError::WriteFailed,
                                    QObject::tr("%1 cannot be opened for writing: %2.").arg(m_path, db.lastError().text()));
        return false;
    }
    const int version = Schema::userVersion(db);
    if (version < Schema::CurrentVersion) {
        QList<Schema::Migration> steps;
        for (const Schema::Migration &m : Schema::migrations())
            if (m.toVersion > version)
                steps << m;
        if (const QString msg = Schema::migrate(db, m_path, version, steps, &m_backup); !msg.isEmpty()) {
            *error = ProjectError::make(ProjectError::WriteFailed, QObject::tr("%1 could not be migrated: %2").arg(m_path, msg));
            return false;
        }
    }
    const QString journal = m_networkFs ? QStringLiteral("DELETE") : QStringLiteral("WAL");
    const QString pragmas = QStringLiteral("PRAGMA journal_mode = %1; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;").arg(journal);
    if (const QString msg = execScript(db, pragmas); !msg.isEmpty()) {
        *error = ProjectError::make(ProjectError::WriteFailed, QObject::tr("%1: %2").arg(m_path, msg));
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO settings(key, value) VALUES ('clean_close', '0'), ('writer', ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(UserInfo::currentUser());
    if (!q.exec()) {
        *error = ProjectError::make(ProjectError::WriteFailed,
                                    QObject::tr("%1 cannot be written: %2.").arg(m_path, q.lastError().text()));
        return false;
    }
    // The pseudonym key is made now, so a read-only output (the CLI's chart or pivot with
    // --names pseudonyms) finds it (privacy.md).
    QString keyError;
    if (AgentNames::projectKey(db, &keyError).isEmpty()) {
        *error = ProjectError::make(ProjectError::WriteFailed, QObject::tr("%1: %2").arg(m_path, keyError));
        return false;
    }
    m_readOnly = false;
    return true;
}

Project::~Project()
{
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase db = database();
        if (!m_readOnly && db.isOpen()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("UPDATE settings SET value = '1' WHERE key = 'clean_close'"));
            q.exec(QStringLiteral("DELETE FROM settings WHERE key = 'writer'"));
            q.finish();
            // The last connection to close checkpoints and removes the WAL by itself; an explicit
            // TRUNCATE checkpoint would wait for other processes' readers. PRAGMA optimize may run
            // ANALYZE, which writes new pages: only on a file whose integrity check has passed (a
            // damaged file closes as it was found). With the analysis limit SQLite's ANALYZE page
            // recommends before PRAGMA optimize: SQLite 3.40 (Debian 12) sets none by itself (3.46
            // does), and after a large import an unlimited ANALYZE of the audits read every row of
            // every index again, ~2 % of the import's CPU (docs/benchmarks.md "Import").
            if (m_verified)
                execScript(db, QStringLiteral("PRAGMA analysis_limit = 400; PRAGMA optimize;"));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    if (m_lock)
        m_lock->unlock();
}

QSqlDatabase Project::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

sqlite3 *Project::handle() const
{
    return sqliteHandle(database());
}

QSqlDatabase Project::openWorkerConnection(const QString &name, bool readOnly) const
{
    QSqlDatabase db = addConnection(name, m_path, readOnly || m_readOnly);
    db.open();
    return db;
}

void Project::closeConnection(const QString &name)
{
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

namespace {
QString runCheck(const QSqlDatabase &db, const char *pragma)
{
    QSqlQuery q(db);
    if (!q.exec(QString::fromLatin1(pragma)))
        return q.lastError().text();
    QStringList problems;
    while (q.next()) {
        const QString line = q.value(0).toString();
        if (line != QLatin1String("ok"))
            problems << line;
    }
    if (problems.size() > 5)
        problems = problems.mid(0, 5) << QObject::tr("…");
    return problems.join(QStringLiteral("; "));
}
} // namespace

QString Project::quickCheck(const QSqlDatabase &db)
{
    return runCheck(db, "PRAGMA quick_check");
}

QString Project::integrityCheck(const QSqlDatabase &db)
{
    return runCheck(db, "PRAGMA integrity_check");
}

} // namespace ql
