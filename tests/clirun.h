// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ql::test {

// One run of qualitylens-cli, as the CLI tests drive it: the exit code (-1 when it crashed or did
// not finish in time), and stdout and stderr as UTF-8.
struct CliRun
{
    int code = -1;
    QString out;
    QString err;
};

// Runs `program` (the tests pass QL_CLI_PATH, which tests/CMakeLists.txt defines) with `args`.
// withoutPlatform: as a scheduled job runs it, with no QT_QPA_PLATFORM and no display.
inline CliRun runCli(const QString &program, const QStringList &args, int timeoutMs = 300000,
                     bool withoutPlatform = false)
{
    QProcess p;
    if (withoutPlatform) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        p.setProcessEnvironment(env);
    }
    p.start(program, args);
    const bool finished = p.waitForFinished(timeoutMs);
    return {finished && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace ql::test
