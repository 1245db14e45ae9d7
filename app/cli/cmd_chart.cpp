// SPDX-License-Identifier: GPL-3.0-or-later
// chart PROJECT --spec CHART.json --out FILE.png|FILE.svg|FILE.pdf [--size 1920x1080] [--scale N] [--theme NAME]
// Renders offscreen (main.cpp starts a QApplication on the offscreen platform), the same pixels as
// the GUI's export.
#include "clicontext.h"

#include "chart/chartdatabuilder.h"
#include "chart/chartspec.h"
#include "chartexport.h"
#include "chartscene.h"
#include "chartsize.h"
#include "charttheme.h"
#include "pivot/cubebuilder.h"
#include "store/project.h"
#include "store/projectsettings.h"

#include <QColor>
#include <QFile>

namespace ql::cli {

namespace {

ChartBrand brandOf(const ProjectSettings &settings)
{
    ChartBrand brand;
    for (const QString &c : settings.chartBrandColours())
        if (QColor colour(c); colour.isValid())
            brand.colours << colour;
    brand.font = settings.chartBrandFont();
    const QByteArray logo = settings.chartBrandLogo();
    if (!logo.isEmpty())
        brand.logo.loadFromData(logo, "PNG");
    return brand;
}

} // namespace

int runChart(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("qualitylens-cli chart PROJECT --spec CHART.json --out FILE.png|FILE.svg|FILE.pdf "
                       "[--size 1920x1080] [--scale N] [--theme NAME]\n"
                       "Render a chart (formats.md \"Chart spec\") from the project's data, with no display."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("the .qlens project"));
    const QCommandLineOption specOption(QStringLiteral("spec"), QStringLiteral("the chart spec (JSON)"),
                                        QStringLiteral("CHART.json"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("the file to write: .png, .svg or .pdf"),
                                       QStringLiteral("FILE"));
    const QCommandLineOption sizeOption(
        QStringLiteral("size"),
        QStringLiteral("WIDTHxHEIGHT in pixels at 144 dpi, or 16:9, 4:3, a4 (default 1920x1080, the 16:9 slide)"),
        QStringLiteral("SIZE"));
    const QCommandLineOption scaleOption(
        QStringLiteral("scale"), QStringLiteral("PNG pixel multiplier 1, 2 or 3 (default 1)"), QStringLiteral("N"));
    const QCommandLineOption themeOption(QStringLiteral("theme"),
                                         QStringLiteral("light, dark, print or brand (default: the spec's)"),
                                         QStringLiteral("NAME"));
    for (const QCommandLineOption &o : {specOption, outOption, sizeOption, scaleOption, themeOption})
        parser.addOption(o);
    if (const int rc = parseOrExit(parser, args, 1, 1); rc >= 0)
        return rc;

    if (!parser.isSet(specOption))
        return usageError(parser, QStringLiteral("--spec is required"));
    if (!parser.isSet(outOption))
        return usageError(parser, QStringLiteral("--out is required"));
    const QString outPath = parser.value(outOption);
    const auto format = ChartExport::formatForPath(outPath);
    if (!format)
        return usageError(parser, QStringLiteral("--out must end in .png, .svg or .pdf, not '%1'").arg(outPath));
    const QString sizeText = parser.isSet(sizeOption) ? parser.value(sizeOption) : QStringLiteral("1920x1080");
    const auto size = ChartSize::parse(sizeText);
    if (!size)
        return usageError(
            parser,
            QStringLiteral("--size must be WIDTHxHEIGHT (64-8192 each), 16:9, 4:3 or a4, not '%1'").arg(sizeText));
    int scale = 1;
    if (parser.isSet(scaleOption)) {
        bool ok = false;
        scale = parser.value(scaleOption).toInt(&ok);
        if (!ok || scale < 1 || scale > 3)
            return usageError(parser,
                              QStringLiteral("--scale must be 1, 2 or 3, not '%1'").arg(parser.value(scaleOption)));
        if (*format != ChartExport::Format::Png && scale != 1)
            printError(QStringLiteral("--scale applies to PNG only; %1 is vector").arg(outPath));
    }
    if (parser.isSet(themeOption) && !chartThemeNames().contains(parser.value(themeOption)))
        return usageError(parser, QStringLiteral("--theme must be one of %1, not '%2'")
                                      .arg(chartThemeNames().join(QStringLiteral(", ")), parser.value(themeOption)));

    QFile specFile(parser.value(specOption));
    if (!specFile.open(QIODevice::ReadOnly)) {
        printError(QStringLiteral("%1 cannot be read: %2").arg(specFile.fileName(), specFile.errorString()));
        return ExitCannotOpen;
    }
    QString error;
    auto spec = ChartSpec::fromJson(specFile.readAll(), &error);
    if (!spec) {
        printError(QStringLiteral("%1: %2").arg(specFile.fileName(), error));
        return ExitInvalidInput;
    }
    if (parser.isSet(themeOption))
        spec->theme = parser.value(themeOption);
    if (const QString problem = spec->validate(); !problem.isEmpty()) {
        printError(QStringLiteral("%1: %2").arg(specFile.fileName(), problem));
        return ExitInvalidInput;
    }

    ProjectError openError;
    const auto project = Project::open(parser.positionalArguments().at(0), Project::Access::ReadOnly,
                                       Project::Check::Deferred, &openError);
    if (!project) {
        printError(openError.message);
        return ExitCannotOpen;
    }
    const ProjectSettings settings(project->database());
    ChartContext context;
    context.minSample =
        spec->pivot.source == PivotSource::Csat ? settings.minSampleResponses() : settings.minSampleAudits();
    context.periodDate = settings.periodDate();
    context.organisation = settings.organisationName();
    context.countedSampleTypes = settings.countedSampleTypes();
    const auto cube = CubeBuilder::build(project->database(), spec->pivot.source, {}, &error);
    if (!cube) {
        printError(QStringLiteral("%1 cannot be read: %2").arg(project->path(), error));
        return ExitCannotOpen;
    }
    const auto data =
        ChartDataBuilder::build(*cube, *spec, PivotOptions::fromProject(project->database()), context, &error);
    if (!data) {
        printError(error);
        return ExitInvalidInput;
    }
    const ChartScene chart(*spec, *data, ChartTheme::named(spec->theme, brandOf(settings)), *size);
    if (!ChartExport::write(chart, outPath, *format, scale, &error)) {
        printError(error);
        return ExitCannotOpen;
    }
    return ExitOk;
}

} // namespace ql::cli
