// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicontext.h"

#include "demo/demogenerator.h"
#include "store/project.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#define QL_ISATTY(f) _isatty(_fileno(f))
#else
#include <unistd.h>
#define QL_ISATTY(f) isatty(fileno(f))
#endif

namespace ql::cli {

namespace {

// A non-negative decimal integer, nothing else (QString::toInt alone accepts "+5" and " 5").
bool parseCount(const QString &text, quint64 *value)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,19}$"));
    if (!digits.match(text).hasMatch())
        return false;
    bool ok = false;
    *value = text.toULongLong(&ok);
    return ok;
}

// Progress on stderr: rewritten in place on a terminal, one line per stage otherwise (a log file
// should not fill up with carriage returns).
class ProgressLine
{
public:
    ProgressLine() : m_terminal(QL_ISATTY(stderr)) {}

    bool update(double fraction, const QString &stage)
    {
        const int percent = int(fraction * 100);
        if (m_terminal) {
            if (percent == m_percent && stage == m_stage)
                return true;
            const QString text = QStringLiteral("demo: %1% %2").arg(percent, 3).arg(stage);
            std::fprintf(stderr, "\r%-60s", qUtf8Printable(text));
        } else {
            if (stage == m_stage)
                return true;
            std::fprintf(stderr, "demo: %3d%% %s\n", percent, qUtf8Printable(stage));
        }
        std::fflush(stderr);
        m_percent = percent;
        m_stage = stage;
        return true;
    }

    void finish()
    {
        if (m_terminal && m_percent >= 0)
            std::fputc('\n', stderr);
    }

private:
    bool m_terminal;
    int m_percent = -1;
    QString m_stage;
};

} // namespace

int runDemo(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("qualitylens-cli demo PROJECT [--seed N] [--agents N] [--months N] [--audits-per-agent-month N] "
                       "[--end 2026-10] [--force]\n"
                       "Create a project full of realistic generated data (docs/demo.md). The same seed, sizes and "
                       "--end give the same data on any day."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("the .qlens file to create"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("random seed (default 1)"),
                                  QStringLiteral("N"));
    const QCommandLineOption agents(QStringLiteral("agents"),
                                    QStringLiteral("number of agents, 10–100000 (default 300)"), QStringLiteral("N"));
    const QCommandLineOption months(QStringLiteral("months"), QStringLiteral("months of data, 2–120 (default 12)"),
                                    QStringLiteral("N"));
    const QCommandLineOption perMonth(QStringLiteral("audits-per-agent-month"),
                                      QStringLiteral("random audits per agent and month, 1–500 (default 14)"),
                                      QStringLiteral("N"));
    const QCommandLineOption end(QStringLiteral("end"), QStringLiteral("the last month, YYYY-MM (default 2026-10)"),
                                 QStringLiteral("YYYY-MM"));
    const QCommandLineOption force(QStringLiteral("force"), QStringLiteral("replace an existing file"));
    parser.addOptions({seed, agents, months, perMonth, end, force});
    if (const int rc = parseOrExit(parser, args, 1, 1); rc >= 0)
        return rc;

    DemoOptions options;
    const struct
    {
        const QCommandLineOption *option;
        int *target;
    } counts[] = {{&agents, &options.agents}, {&months, &options.months}, {&perMonth, &options.auditsPerAgentMonth}};
    for (const auto &c : counts) {
        if (!parser.isSet(*c.option))
            continue;
        quint64 value = 0;
        const QString text = parser.value(*c.option);
        if (!parseCount(text, &value) || value > 1'000'000'000)
            return usageError(
                parser, QStringLiteral("--%1 takes a whole number, not '%2'").arg(c.option->names().first(), text));
        *c.target = int(value);
    }
    if (parser.isSet(seed) && !parseCount(parser.value(seed), &options.seed))
        return usageError(parser, QStringLiteral("--seed takes a whole number, not '%1'").arg(parser.value(seed)));
    if (parser.isSet(end)) {
        static const QRegularExpression month(QStringLiteral("^([0-9]{4})-([0-9]{2})$"));
        const auto match = month.match(parser.value(end));
        options.endMonth = match.hasMatch() ? QDate(match.captured(1).toInt(), match.captured(2).toInt(), 1) : QDate();
        if (!options.endMonth.isValid())
            return usageError(parser,
                              QStringLiteral("--end takes a month such as 2026-10, not '%1'").arg(parser.value(end)));
    }
    if (const QString problem = options.validate(); !problem.isEmpty())
        return usageError(parser, problem);

    const QString path = parser.positionalArguments().at(0);
    ProjectError error;
    auto project = Project::create(path, parser.isSet(force), &error);
    if (!project) {
        printError(error.message);
        return exitCodeFor(error);
    }

    QElapsedTimer timer;
    timer.start();
    ProgressLine line;
    QString problem;
    const auto summary = generateDemo(
        *project, options, [&](double f, const QString &stage) { return line.update(f, stage); }, &problem);
    line.finish();
    if (!summary) {
        // Nothing half-made is left behind: the file was created by this command.
        project.reset();
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        printError(QStringLiteral("%1: the demo could not be written: %2").arg(path, problem));
        return ExitOther;
    }
    printOut(
        QStringLiteral(
            R"({"agents": %1, "audits": %2, "answers": %3, "csat_responses": %4, "calibration_sessions": %5, "disputes": %6})"
            "\n")
            .arg(summary->agents)
            .arg(summary->audits)
            .arg(summary->answers)
            .arg(summary->csatResponses)
            .arg(summary->calibrationSessions)
            .arg(summary->disputes));
    std::fprintf(stderr, "demo: %s written in %.1f s\n", qUtf8Printable(path), double(timer.elapsed()) / 1000);
    return ExitOk;
}

} // namespace ql::cli
