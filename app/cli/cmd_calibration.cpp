// SPDX-License-Identifier: GPL-3.0-or-later
// qualitylens-cli calibration: the sessions, or one session's metrics (cli.md, calibration.md).
#include "calibrationtext.h"
#include "clicontext.h"

#include "calibration/calibrationjson.h"
#include "calibration/calibrationreview.h"
#include "calibration/calibrationscoring.h"
#include "calibration/calibrationsessions.h"
#include "store/project.h"

namespace ql::cli {

int runCalibration(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "qualitylens-cli calibration PROJECT --list [--format json]\n"
        "qualitylens-cli calibration PROJECT --session ID [--format json]\n"
        "The calibration sessions, or one session's metrics (calibration.md): each participant's alignment\n"
        "and deviation from the baseline (the consensus once resolved, else the expert, else the group),\n"
        "the items' spread, and per criterion Krippendorff's alpha at the scale's level, percent agreement,\n"
        "AC1 and the spread against the disagreement threshold. Before review, scoring is blind: the\n"
        "session shows who has submitted, and no answers or metrics. The project is only read."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("the .qlens project"));
    const QCommandLineOption list(QStringLiteral("list"), QStringLiteral("list the sessions"));
    const QCommandLineOption session(QStringLiteral("session"), QStringLiteral("one session's metrics"),
                                     QStringLiteral("ID"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("text (default) or json"),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    parser.addOptions({list, session, format});
    if (const int rc = parseOrExit(parser, args, 1, 1); rc >= 0)
        return rc;
    if (parser.isSet(list) == parser.isSet(session))
        return usageError(parser, QStringLiteral("give either --list or --session ID"));
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("text") && fmt != QLatin1String("json"))
        return usageError(parser, QStringLiteral("--format takes text or json, not '%1'").arg(fmt));
    const bool json = fmt == QLatin1String("json");
    qint64 sessionId = 0;
    if (parser.isSet(session)) {
        bool ok = false;
        sessionId = parser.value(session).toLongLong(&ok);
        if (!ok || sessionId <= 0)
            return usageError(
                parser,
                QStringLiteral("--session takes a session id (a whole number), not '%1'").arg(parser.value(session)));
    }

    ProjectError error;
    const auto project =
        Project::open(parser.positionalArguments().at(0), Project::Access::ReadOnly, Project::Check::Now, &error);
    if (!project) {
        printError(error.message);
        return exitCodeFor(error);
    }
    const QSqlDatabase db = project->database();
    const CalibrationSessions sessions(db);
    if (parser.isSet(list)) {
        const QList<CalibrationSessionInfo> all = sessions.list();
        printOut(json ? CalibrationJson::sessionList(all) : calibrationListText(all));
        return ExitOk;
    }

    CalibrationError problem;
    const auto data = sessions.load(sessionId, &problem);
    if (!data) {
        printError(problem.message);
        return problem.kind == CalibrationError::NotFound ? ExitInvalidInput : ExitOther;
    }
    std::optional<CalibrationMetrics> metrics;
    QList<CalibrationSubmissionStatus> status;
    if (answersRevealed(data->info.state)) {
        metrics = CalibrationReview(db).metrics(sessionId, &problem);
        if (!metrics) {
            printError(problem.message);
            return ExitOther;
        }
    } else {
        const auto s = CalibrationScoring(db).status(sessionId, &problem);
        if (!s) {
            printError(problem.message);
            return ExitOther;
        }
        status = *s;
    }
    const CalibrationMetrics *m = metrics ? &*metrics : nullptr;
    printOut(json ? CalibrationJson::session(*data, m, status) : calibrationSessionText(*data, m, status));
    return ExitOk;
}

} // namespace ql::cli
