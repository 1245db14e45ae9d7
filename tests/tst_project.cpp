// SPDX-License-Identifier: GPL-3.0-or-later
// The project file: create, open, refuse, lock, migrate (formats.md "Project file").
#include "pivot/cubecache.h"
#include "store/cubecachestore.h"
#include "store/project.h"
#include "store/schema.h"
#include "store/sqlitehandle.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QString scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return QStringLiteral("<error: %1>").arg(q.lastError().text());
    return q.value(0).toString();
}

} // namespace

class TestProject : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createSetsHeaderAndPragmas();
    void createRefusesExistingWithoutForce();
    void schemaHasTheSpecTables();
    void refusedFilesAreUntouched_data();
    void refusedFilesAreUntouched();
    void damagedProjectIsRefused();
    void uncleanCloseIsChecked();
    void secondWriterGetsReadOnly();
    void secondProcessIsToldInUse();
    void migrationWritesBackupAndCommits();
    void failedMigrationChangesNothing();
    void version1ProjectMigratesToVersion2();
    void backupNameGetsSuffixWhenTaken();
    void cleanCloseFlag();

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
};

void TestProject::createSetsHeaderAndPragmas()
{
    ProjectError err;
    auto p = Project::create(path(QStringLiteral("new.qlens")), false, &err);
    QVERIFY2(p, qPrintable(err.message));
    QVERIFY(!p->isReadOnly());
    const QSqlDatabase db = p->database();
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA application_id")).toLongLong(), qint64(0x514C4E53));
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA user_version")).toInt(), Schema::CurrentVersion);
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    // A foreign key violation is refused: an answer for an audit that does not exist.
    QSqlQuery q(db);
    QVERIFY(!q.exec(QStringLiteral("INSERT INTO answers(audit_id, criterion_id, na) VALUES (999, 999, 0)")));
}

void TestProject::createRefusesExistingWithoutForce()
{
    const QString file = path(QStringLiteral("exists.qlens"));
    { QFile f(file); QVERIFY(f.open(QIODevice::WriteOnly)); f.write("keep me"); }
    ProjectError err;
    QVERIFY(!Project::create(file, false, &err));
    QCOMPARE(err.kind, ProjectError::Exists);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("keep me"));
    f.close();
    QVERIFY(Project::create(file, true, &err));
}

void TestProject::schemaHasTheSpecTables()
{
    auto p = Project::create(path(QStringLiteral("tables.qlens")), true, nullptr);
    QVERIFY(p);
    // formats.md fixes these names; the rest is documented in docs/schema.md.
    const QStringList required{
        "agents", "agent_history", "agent_aliases", "teams", "sites", "queues", "channels", "auditors",
        "scorecards", "scorecard_sections", "criteria", "audits", "answers", "root_causes", "answer_root_causes",
        "csat_responses", "interactions", "calibration_sessions", "calibration_items", "calibration_participants",
        "calibration_answers", "calibration_consensus", "anchor_examples", "disputes", "dispute_criteria",
        "change_log", "import_log", "saved_views", "settings", "targets", "custom_dimensions"};
    QStringList tables;
    QSqlQuery q(p->database());
    QVERIFY(q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'")));
    while (q.next())
        tables << q.value(0).toString();
    for (const QString &t : required)
        QVERIFY2(tables.contains(t), qPrintable(t));
    // Every table is documented.
    QFile doc(QStringLiteral(QL_SOURCE_DIR "/docs/schema.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(doc.readAll());
    for (const QString &t : std::as_const(tables))
        QVERIFY2(text.contains(QStringLiteral("### `%1`").arg(t)), qPrintable(QStringLiteral("docs/schema.md lacks %1").arg(t)));
}

void TestProject::refusedFilesAreUntouched_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("says");

    QTest::newRow("empty file") << QByteArray() << int(ProjectError::NotAProject) << QStringLiteral("not a QualityLens project");
    QTest::newRow("text file") << QByteArray("audit_id,score\n1,85\n").repeated(20) << int(ProjectError::NotAProject)
                               << QStringLiteral("not an SQLite database");
    QTest::newRow("other sqlite database") << QByteArray("other") << int(ProjectError::NotAProject)
                                           << QStringLiteral("not a QualityLens project");
    QTest::newRow("newer version") << QByteArray("newer") << int(ProjectError::NewerVersion) << QStringLiteral("newer QualityLens");
}

void TestProject::refusedFilesAreUntouched()
{
    QFETCH(QByteArray, content);
    QFETCH(int, kind);
    QFETCH(QString, says);
    const QString file = path(QStringLiteral("refused-%1.qlens").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
    QFile::remove(file);
    if (content == "other" || content == "newer") {
        // A real SQLite database: either with another application_id or from a future schema version.
        const QString conn = QStringLiteral("maker");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), conn);
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE t(x)")));
            if (content == "newer") {
                QVERIFY(q.exec(QStringLiteral("PRAGMA application_id = %1").arg(qint64(Schema::ApplicationId))));
                QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = %1").arg(Schema::CurrentVersion + 1)));
            } else {
                QVERIFY(q.exec(QStringLiteral("PRAGMA application_id = 1234")));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(conn);
    } else {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    const QByteArray before = fileHash(file);
    ProjectError err;
    QVERIFY(!Project::open(file, Project::Access::ReadWrite, Project::Check::Now, &err));
    QCOMPARE(int(err.kind), kind);
    QVERIFY2(err.message.contains(says), qPrintable(err.message));
    QVERIFY2(err.message.contains(file), qPrintable(err.message));
    QCOMPARE(fileHash(file), before);
    QVERIFY(!QFile::exists(file + QStringLiteral(".lock")));
    QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));

    // The CLI says the same and exits 4 (cli.md).
    QProcess cli;
    cli.start(QStringLiteral(QL_CLI_PATH), {QStringLiteral("init"), file});
    QVERIFY(cli.waitForFinished());
    QCOMPARE(cli.exitCode(), 4);
    QCOMPARE(fileHash(file), before);
}

void TestProject::damagedProjectIsRefused()
{
    const QString file = path(QStringLiteral("damaged.qlens"));
    {
        auto p = Project::create(file, true, nullptr);
        QVERIFY(p);
        QSqlQuery q(p->database());
        QVERIFY(q.exec(QStringLiteral("BEGIN")));
        for (int i = 0; i < 400; ++i)
            QVERIFY(q.exec(QStringLiteral("INSERT INTO teams(name) VALUES ('team %1 %2')").arg(i).arg(QString(200, QLatin1Char('x')))));
        QVERIFY(q.exec(QStringLiteral("COMMIT")));
    } // closed cleanly, WAL checkpointed into the main file
    // Overwrite a page in the middle (not the header page) with garbage.
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    QVERIFY(size > 8 * 4096);
    f.seek(size / 2 / 4096 * 4096);
    f.write(QByteArray(4096, '\x5a'));
    f.close();
    const QByteArray before = fileHash(file);
    ProjectError err;
    QVERIFY(!Project::open(file, Project::Access::ReadWrite, Project::Check::Now, &err));
    QCOMPARE(err.kind, ProjectError::Damaged);
    QVERIFY2(err.message.contains(QStringLiteral("damaged")), qPrintable(err.message));
    QCOMPARE(fileHash(file), before);
}

void TestProject::uncleanCloseIsChecked()
{
    const QString file = path(QStringLiteral("unclean.qlens"));
    {
        auto p = Project::create(file, true, nullptr);
        QVERIFY(p);
        QSqlQuery q(p->database());
        QVERIFY(q.exec(QStringLiteral("UPDATE settings SET value = '0' WHERE key = 'clean_close'")));
        QVERIFY(q.exec(QStringLiteral("UPDATE settings SET value = '0' WHERE key = 'clean_close'")));
        // Simulate a crash: the destructor would set clean_close; bypass it by copying the file.
        QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        QVERIFY(QFile::copy(file, file + QStringLiteral(".crashed")));
    }
    const QString crashed = file + QStringLiteral(".crashed");
    ProjectError err;
    auto p = Project::open(crashed, Project::Access::ReadWrite, Project::Check::Deferred, &err);
    QVERIFY2(p, qPrintable(err.message));
    QVERIFY(p->wasUncleanlyClosed());
    QVERIFY(p->isVerified()); // checked before anything else, even with a deferred check
}

void TestProject::secondWriterGetsReadOnly()
{
    const QString file = path(QStringLiteral("shared.qlens"));
    auto writer = Project::create(file, true, nullptr);
    QVERIFY(writer);
    QVERIFY(QFile::exists(file + QStringLiteral(".lock")));

    ProjectError err;
    QVERIFY(!Project::open(file, Project::Access::ReadWrite, Project::Check::Now, &err));
    QCOMPARE(err.kind, ProjectError::InUse);
    QVERIFY2(err.message.contains(QStringLiteral("in use")), qPrintable(err.message));

    auto reader = Project::open(file, Project::Access::ReadWriteOrReadOnly, Project::Check::Now, &err);
    QVERIFY2(reader, qPrintable(err.message));
    QVERIFY(reader->isReadOnly());
    QVERIFY(!reader->lockHolder().isEmpty());
    QSqlQuery q(reader->database());
    QVERIFY(!q.exec(QStringLiteral("INSERT INTO teams(name) VALUES ('x')"))); // read-only connection
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM teams")));

    writer.reset(); // the writer closes: the next open may write
    auto next = Project::open(file, Project::Access::ReadWrite, Project::Check::Now, &err);
    QVERIFY2(next, qPrintable(err.message));
    QVERIFY(!next->isReadOnly());
}

void TestProject::secondProcessIsToldInUse()
{
    const QString file = path(QStringLiteral("inuse.qlens"));
    auto writer = Project::create(file, true, nullptr);
    QVERIFY(writer);
    QProcess cli;
    cli.start(QStringLiteral(QL_CLI_PATH), {QStringLiteral("init"), file, QStringLiteral("--force")});
    QVERIFY(cli.waitForFinished());
    QCOMPARE(cli.exitCode(), 4);
    QVERIFY(QString::fromUtf8(cli.readAllStandardError()).contains(QStringLiteral("in use")));
    QSqlQuery q(writer->database());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM settings")));
}

void TestProject::migrationWritesBackupAndCommits()
{
    const QString file = path(QStringLiteral("migrate.qlens"));
    auto p = Project::create(file, true, nullptr);
    QVERIFY(p);
    QCOMPARE(execScript(p->database(), QStringLiteral("PRAGMA user_version = 1")), QString()); // as if version 1
    const QList<Schema::Migration> steps{
        {2, [](const QSqlDatabase &db) { return execScript(db, QStringLiteral("CREATE TABLE added_in_v2(x INTEGER)")); }},
        {3, [](const QSqlDatabase &db) { return execScript(db, QStringLiteral("ALTER TABLE added_in_v2 ADD COLUMN y TEXT")); }},
    };
    QString backup;
    QCOMPARE(Schema::migrate(p->database(), file, 1, steps, &backup), QString());
    QCOMPARE(backup, file + QStringLiteral(".bak-v1"));
    QVERIFY(QFile::exists(backup));
    QCOMPARE(Schema::userVersion(p->database()), 3);
    QSqlQuery q(p->database());
    QVERIFY(q.exec(QStringLiteral("SELECT x, y FROM added_in_v2")));

    // The backup is the version-1 project, openable as it was.
    ProjectError err;
    int version = 0;
    QVERIFY(!Project::inspectHeader(backup, &version).isError());
    QCOMPARE(version, 1);
}

void TestProject::failedMigrationChangesNothing()
{
    const QString file = path(QStringLiteral("migrate-fail.qlens"));
    auto p = Project::create(file, true, nullptr);
    QVERIFY(p);
    QCOMPARE(execScript(p->database(), QStringLiteral("PRAGMA user_version = 1")), QString());
    const QList<Schema::Migration> steps{
        {2, [](const QSqlDatabase &db) { return execScript(db, QStringLiteral("CREATE TABLE half_done(x INTEGER)")); }},
        {3, [](const QSqlDatabase &db) { return execScript(db, QStringLiteral("ALTER TABLE no_such_table ADD COLUMN y")); }},
    };
    const QString msg = Schema::migrate(p->database(), file, 1, steps);
    QVERIFY2(msg.contains(QStringLiteral("version 3")) && msg.contains(QStringLiteral("unchanged")), qPrintable(msg));
    QCOMPARE(Schema::userVersion(p->database()), 1);
    QCOMPARE(scalar(p->database(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'")), QStringLiteral("0"));
}

void TestProject::version1ProjectMigratesToVersion2()
{
    // A project as version 1 wrote it: no cube_cache, user_version 1.
    const QString file = path(QStringLiteral("v1.qlens"));
    {
        auto p = Project::create(file, true, nullptr);
        QVERIFY(p);
        QCOMPARE(Schema::userVersion(p->database()), 2);
        QCOMPARE(execScript(p->database(), QStringLiteral("DROP TABLE cube_cache; PRAGMA user_version = 1;")), QString());
    }
    ProjectError err;
    int version = 0;
    QVERIFY(!Project::inspectHeader(file, &version).isError());
    QCOMPARE(version, 1);

    // Read-only, it stays version 1: no snapshot is read or written, the cube is built all the same.
    {
        auto p = Project::open(file, Project::Access::ReadOnly, Project::Check::Now, &err);
        QVERIFY2(p, qPrintable(err.message));
        QCOMPARE(Schema::userVersion(p->database()), 1);
        QVERIFY(!CubeCacheStore(p->database()).isAvailable());
        QString error;
        const CubeCache::Result r = CubeCache::obtain(p->database(), PivotSource::Audits, {}, &error);
        QVERIFY2(r.cube, qPrintable(error));
        QVERIFY(!r.fromSnapshot);
        QVERIFY(!CubeCache::save(p->database(), *r.cube, r.stamp, &error));
        QVERIFY2(error.contains(QStringLiteral("cube_cache")), qPrintable(error));
    }
    QVERIFY(!QFile::exists(file + QStringLiteral(".bak-v1")));

    // Opened for writing: backed up as it was, then migrated in one go.
    auto p = Project::open(file, Project::Access::ReadWrite, Project::Check::Now, &err);
    QVERIFY2(p, qPrintable(err.message));
    QCOMPARE(Schema::userVersion(p->database()), 2);
    QCOMPARE(p->migrationBackup(), file + QStringLiteral(".bak-v1"));
    QCOMPARE(scalar(p->database(), QStringLiteral("SELECT count(*) FROM cube_cache")), QStringLiteral("0"));
    QVERIFY(CubeCacheStore(p->database()).isAvailable());
    QVERIFY(!Project::inspectHeader(p->migrationBackup(), &version).isError());
    QCOMPARE(version, 1);
    // The snapshot now has a home.
    QString error;
    const CubeCache::Result r = CubeCache::obtain(p->database(), PivotSource::Audits, {}, &error);
    QVERIFY2(r.cube, qPrintable(error));
    QVERIFY2(CubeCache::save(p->database(), *r.cube, r.stamp, &error), qPrintable(error));
    QVERIFY(CubeCache::obtain(p->database(), PivotSource::Audits, {}, &error).fromSnapshot);
}

void TestProject::backupNameGetsSuffixWhenTaken()
{
    const QString file = path(QStringLiteral("suffix.qlens"));
    QCOMPARE(Schema::backupPath(file, 1), file + QStringLiteral(".bak-v1"));
    { QFile f(file + QStringLiteral(".bak-v1")); QVERIFY(f.open(QIODevice::WriteOnly)); }
    const QString second = Schema::backupPath(file, 1);
    QVERIFY(second.startsWith(file + QStringLiteral(".bak-v1-")));
    QVERIFY(second != file + QStringLiteral(".bak-v1"));
}

void TestProject::cleanCloseFlag()
{
    const QString file = path(QStringLiteral("flag.qlens"));
    {
        auto p = Project::create(file, true, nullptr);
        QVERIFY(p);
        QCOMPARE(scalar(p->database(), QStringLiteral("SELECT value FROM settings WHERE key = 'clean_close'")), QStringLiteral("0"));
    }
    ProjectError err;
    auto p = Project::open(file, Project::Access::ReadOnly, Project::Check::Now, &err);
    QVERIFY(p);
    QVERIFY(!p->wasUncleanlyClosed());
    QCOMPARE(scalar(p->database(), QStringLiteral("SELECT value FROM settings WHERE key = 'clean_close'")), QStringLiteral("1"));
}

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
