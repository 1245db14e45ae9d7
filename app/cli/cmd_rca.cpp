// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicontext.h"

#include "pivot/cubebuilder.h"
#include "rca/rcaengine.h"
#include "rca/rcajson.h"
#include "store/project.h"
#include "store/projectsettings.h"

namespace ql::cli {

namespace {

// "DIM=V1,V2" or "DIM!=V"; a comma inside a value is written "\,", a backslash "\\" (as pivot's).
std::optional<PivotFilter> parseFilter(const QString &text)
{
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return std::nullopt;
    PivotFilter f;
    f.exclude = text.at(eq - 1) == QLatin1Char('!');
    f.dimension = text.left(f.exclude ? eq - 1 : eq).trimmed();
    if (f.dimension.isEmpty())
        return std::nullopt;
    QString value;
    const QString rest = text.mid(eq + 1);
    for (qsizetype i = 0; i < rest.size(); ++i) {
        const QChar c = rest.at(i);
        if (c == QLatin1Char('\\') && i + 1 < rest.size() &&
            (rest.at(i + 1) == QLatin1Char(',') || rest.at(i + 1) == QLatin1Char('\\'))) {
            value += rest.at(++i);
        } else if (c == QLatin1Char(',')) {
            f.values << value;
            value.clear();
        } else {
            value += c;
        }
    }
    f.values << value;
    return f;
}

} // namespace

int runRca(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("qualitylens-cli rca PROJECT --metric KPI --base P --current P [--dims D,D,...] [--filter ...]\n"
                       "What changed and why: the change of a KPI between two periods, split by dimension (rate and "
                       "mix), the dimension and segments that explain it, and a drill inside the top segment. JSON "
                       "out. KPI: qa_score, pass_rate, critical_rate, csat_pct, dsat_pct, csat_mean or "
                       "compliance(KEY). P: 2026-10, 2026-Q3, 2026-W07, 2026 or a day."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("the .qlens project"));
    const QCommandLineOption metricOption(QStringLiteral("metric"), QStringLiteral("the KPI"), QStringLiteral("KPI"));
    const QCommandLineOption baseOption(QStringLiteral("base"), QStringLiteral("the base period"), QStringLiteral("P"));
    const QCommandLineOption currentOption(QStringLiteral("current"), QStringLiteral("the current period"),
                                           QStringLiteral("P"));
    const QCommandLineOption dimsOption(QStringLiteral("dims"),
                                        QStringLiteral("dimensions to search (default: all that apply)"),
                                        QStringLiteral("D,D"));
    const QCommandLineOption filterOption(QStringLiteral("filter"),
                                          QStringLiteral("keep DIM=V1,V2 or drop DIM!=V (repeatable)"),
                                          QStringLiteral("FILTER"));
    for (const QCommandLineOption &o : {metricOption, baseOption, currentOption, dimsOption, filterOption})
        parser.addOption(o);
    if (const int rc = parseOrExit(parser, args, 1, 1); rc >= 0)
        return rc;

    for (const QCommandLineOption *o : {&metricOption, &baseOption, &currentOption})
        if (!parser.isSet(*o))
            return usageError(parser, QStringLiteral("--%1 is required").arg(o->names().first()));
    rca::Request request;
    const auto base = rca::Period::parse(parser.value(baseOption));
    if (!base)
        return usageError(parser,
                          QStringLiteral("--base must be a period such as 2026-10, 2026-Q3 or 2026-W07, not '%1'")
                              .arg(parser.value(baseOption)));
    const auto current = rca::Period::parse(parser.value(currentOption));
    if (!current)
        return usageError(parser,
                          QStringLiteral("--current must be a period such as 2026-10, 2026-Q3 or 2026-W07, not '%1'")
                              .arg(parser.value(currentOption)));
    request.base = *base;
    request.current = *current;
    for (const QString &text : parser.values(filterOption)) {
        const auto f = parseFilter(text);
        if (!f)
            return usageError(parser, QStringLiteral("--filter must be DIM=V1,V2 or DIM!=V, not '%1'").arg(text));
        for (const PivotFilter &other : std::as_const(request.filters))
            if (other.dimension == f->dimension)
                return usageError(
                    parser, QStringLiteral("--filter names %1 twice; give its values in one filter").arg(f->dimension));
        request.filters << *f;
    }
    if (parser.isSet(dimsOption)) {
        for (const QString &d : parser.value(dimsOption).split(QLatin1Char(',')))
            if (!d.trimmed().isEmpty())
                request.dimensions << d.trimmed();
        if (request.dimensions.isEmpty())
            return usageError(parser, QStringLiteral("--dims names no dimension"));
    }
    QString error;
    const auto metric = rca::Metric::parse(parser.value(metricOption), &error);
    if (!metric) {
        printError(error);
        return ExitInvalidInput;
    }
    request.metric = *metric;

    ProjectError openError;
    const auto project = Project::open(parser.positionalArguments().at(0), Project::Access::ReadOnly,
                                       Project::Check::Deferred, &openError);
    if (!project) {
        printError(openError.message);
        return exitCodeFor(openError);
    }
    const auto cube = CubeBuilder::build(project->database(), metric->source, {}, &error);
    if (!cube) {
        printError(QStringLiteral("%1 cannot be read: %2").arg(project->path(), error));
        return ExitCannotOpen;
    }
    const ProjectSettings settings(project->database());
    rca::Settings rcaSettings;
    rcaSettings.minSample =
        metric->source == PivotSource::Csat ? settings.minSampleResponses() : settings.minSampleAudits();
    rcaSettings.minChange = settings.value(ProjectSettings::RcaMinimumChange).toDouble();
    const auto result =
        rca::RcaEngine::run(*cube, request, PivotOptions::fromProject(project->database()), rcaSettings, &error);
    if (!result) {
        printError(error);
        return ExitInvalidInput;
    }
    for (const QString &warning : result->warnings)
        printError(warning);
    printOut(QString::fromUtf8(rca::toJsonText(*result)));
    return ExitOk;
}

} // namespace ql::cli
