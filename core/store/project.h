// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projecterror.h"

#include <QSqlDatabase>
#include <QString>
#include <memory>

class QLockFile;
struct sqlite3;

namespace ql {

// One open .qlens project file (formats.md "Project file").
//
// Opening never modifies a file it refuses: the header is read as bytes first (application_id,
// user_version), then the file is opened read-only and checked, and only then reopened for
// writing. One writer at a time holds NAME.qlens.lock; another process gets read-only access (or,
// with Access::ReadWrite, the InUse error naming who holds it).
class Project final
{
public:
    enum class Access {
        ReadWrite,           // fail with InUse when another writer holds the lock
        ReadWriteOrReadOnly, // fall back to read-only when another writer holds the lock
        ReadOnly,
    };
    enum class Check {
        Now,      // PRAGMA quick_check before open() returns (the CLI)
        Deferred, // the caller runs quickCheck() in the background; writes wait for it (the GUI)
    };

    static std::unique_ptr<Project> create(const QString &path, bool force, ProjectError *error);
    static std::unique_ptr<Project> open(const QString &path, Access access, Check check, ProjectError *error);

    // Reads only the header bytes: what kind of file is this? Never writes.
    static ProjectError inspectHeader(const QString &path, int *userVersion = nullptr);

    ~Project(); // marks a clean close and releases the lock
    Project(const Project &) = delete;
    Project &operator=(const Project &) = delete;

    QString path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }
    QString lockHolder() const { return m_lockHolder; } // who writes, when read-only because in use
    bool onNetworkFileSystem() const { return m_networkFs; }
    bool wasUncleanlyClosed() const { return m_unclean; }
    QString migrationBackup() const { return m_backup; }

    // The connection of the thread that opened the project.
    QSqlDatabase database() const;
    sqlite3 *handle() const;

    // A new connection for a worker thread (each thread uses its own). Call closeConnection() from
    // that thread when done.
    QSqlDatabase openWorkerConnection(const QString &name, bool readOnly = true) const;
    static void closeConnection(const QString &name);

    // Empty when the check passes; else what SQLite reported. Safe on a worker connection.
    static QString quickCheck(const QSqlDatabase &db);
    static QString integrityCheck(const QSqlDatabase &db);
    bool isVerified() const { return m_verified; }
    void setVerified(bool verified) { m_verified = verified; }

private:
    Project() = default;
    static QSqlDatabase addConnection(const QString &name, const QString &path, bool readOnly);
    bool openForWriting(ProjectError *error);

    QString m_path;
    QString m_connection;
    QString m_lockHolder;
    QString m_backup;
    bool m_readOnly = true;
    bool m_networkFs = false;
    bool m_unclean = false;
    bool m_verified = false;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace ql
