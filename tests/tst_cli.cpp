// SPDX-License-Identifier: GPL-3.0-or-later
// The command line's contract (cli.md): help, version, exit codes for usage and open errors.
#include "clirun.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
using Run = ql::test::CliRun;

Run cli(const QStringList &args)
{
    return ql::test::runCli(QStringLiteral(QL_CLI_PATH), args, 120000);
}
} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version();
    void help();
    void usageErrors_data();
    void usageErrors();
    void initCreatesProject();
    void openErrorsExit4();

private:
    QTemporaryDir m_dir;
};

void TestCli::version()
{
    const Run r = cli({QStringLiteral("--version")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral("qualitylens-cli " QL_VERSION));
}

void TestCli::help()
{
    const Run r = cli({QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("init")));
    QVERIFY(r.out.contains(QStringLiteral("Exit codes")));
    const Run sub = cli({QStringLiteral("init"), QStringLiteral("--help")});
    QCOMPARE(sub.code, 0);
    QVERIFY2(sub.out.startsWith(QStringLiteral("Usage: qualitylens-cli init")), qPrintable(sub.out));
    QVERIFY(sub.out.contains(QStringLiteral("--force")));
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::newRow("no command") << QStringList{} << QStringLiteral("Usage");
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << QStringLiteral("unknown command 'frobnicate'");
    QTest::newRow("unknown flag") << QStringList{"init", "--bogus", "x.qlens"} << QStringLiteral("Unknown option 'bogus'");
    QTest::newRow("missing argument") << QStringList{"init"} << QStringLiteral("missing argument");
    QTest::newRow("extra argument") << QStringList{"init", "a.qlens", "b.qlens"} << QStringLiteral("unexpected argument 'b.qlens'");
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    const Run r = cli(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestCli::initCreatesProject()
{
    const QString file = m_dir.filePath(QStringLiteral("init.qlens"));
    QCOMPARE(cli({QStringLiteral("init"), file}).code, 0);
    QVERIFY(QFile::exists(file));
    QVERIFY(!QFile::exists(file + QStringLiteral(".lock"))); // released on exit
    const Run again = cli({QStringLiteral("init"), file});
    QCOMPARE(again.code, 4);
    QVERIFY2(again.err.contains(QStringLiteral("--force")), qPrintable(again.err));
    QCOMPARE(cli({QStringLiteral("init"), file, QStringLiteral("--force")}).code, 0);
}

void TestCli::openErrorsExit4()
{
    const Run r = cli({QStringLiteral("init"), m_dir.filePath(QStringLiteral("no/such/folder/x.qlens"))});
    QCOMPARE(r.code, 4);
    QVERIFY2(r.err.contains(QStringLiteral("cannot be created")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
