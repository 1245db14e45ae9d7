// SPDX-License-Identifier: GPL-3.0-or-later
// chart PROJECT --spec CHART.json|--saved NAME --out FILE.png|FILE.svg|FILE.pdf [--size 1920x1080] [--scale N]
//       [--theme NAME]
// Renders offscreen (main.cpp starts a QApplication on the offscreen platform), the same pixels as
// the GUI's export.
#include "clicontext.h"

#include "chart/chartloader.h"
#include "chart/chartspec.h"
#include "chartexport.h"
#include "chartscene.h"
#include "chartsize.h"
#include "charttheme.h"
#include "store/project.h"
#include "store/projectsettings.h"
#include "store/savedviewstore.h"

#include <QColor>
#include <QFile>

namespace ql::cli {

int runChart(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("qualitylens-cli chart PROJECT --spec CHART.json|--saved NAME --out FILE.png|FILE.svg|FILE.pdf "
                       "[--size 1920x1080] [--scale N] [--theme NAME] [--names names|ids|pseudonyms]\n"
                       "Render a chart (formats.md \"Chart spec\") from the project's data, with no display. "
                       "--names shows agents by name, by id or by a stable pseudonym (default: the spec's \"names\", "
                       "else the project's name_display)."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("the .qlens project"));
    const QCommandLineOption specOption(QStringLiteral("spec"), QStringLiteral("the chart spec (JSON)"),
                                        QStringLiteral("CHART.json"));
    const QCommandLineOption savedOption(QStringLiteral("saved"),
                                         QStringLiteral("a chart saved in the project, by name (instead of --spec)"),
                                         QStringLiteral("NAME"));
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
    const QCommandLineOption namesOption(QStringLiteral("names"),
                                         QStringLiteral("names, ids or pseudonyms (default: the spec's, else the "
                                                        "project's)"),
                                         QStringLiteral("HOW"));
    for (const QCommandLineOption &o :
         {specOption, savedOption, outOption, sizeOption, scaleOption, themeOption, namesOption})
        parser.addOption(o);
    if (const int rc = parseOrExit(parser, args, 1, 1); rc >= 0)
        return rc;

    if (parser.isSet(specOption) == parser.isSet(savedOption))
        return usageError(parser, QStringLiteral("give either --spec or --saved"));
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

    std::optional<NameDisplay> names;
    if (const int rc = readNames(parser, namesOption, &names); rc >= 0)
        return rc;

    ProjectError openError;
    const auto project = Project::open(parser.positionalArguments().at(0), Project::Access::ReadOnly,
                                       Project::Check::Deferred, &openError);
    if (!project) {
        printError(openError.message);
        return ExitCannotOpen;
    }
    // The spec: a file, or a chart saved in the project.
    QString specName;
    QByteArray specJson;
    if (parser.isSet(specOption)) {
        QFile specFile(parser.value(specOption));
        if (!specFile.open(QIODevice::ReadOnly)) {
            printError(QStringLiteral("%1 cannot be read: %2").arg(specFile.fileName(), specFile.errorString()));
            return ExitCannotOpen;
        }
        specName = specFile.fileName();
        specJson = specFile.readAll();
    } else {
        const SavedViewStore store(project->database());
        const auto view = store.find(QStringLiteral("chart"), parser.value(savedOption).trimmed());
        if (!view) {
            QStringList names;
            for (const SavedView &v : store.list(QStringLiteral("chart")))
                names << v.name;
            printError(QStringLiteral("%1 has no saved chart named '%2'%3")
                           .arg(project->path(), parser.value(savedOption),
                                names.isEmpty() ? QStringLiteral(" (it has none)")
                                                : QStringLiteral("; it has: %1").arg(names.join(QStringLiteral(", ")))));
            return ExitInvalidInput;
        }
        specName = QStringLiteral("saved chart '%1'").arg(view->name);
        specJson = view->specJson;
    }
    QString error;
    auto spec = ChartSpec::fromJson(specJson, &error);
    if (!spec) {
        printError(QStringLiteral("%1: %2").arg(specName, error));
        return ExitInvalidInput;
    }
    if (parser.isSet(themeOption))
        spec->theme = parser.value(themeOption);
    if (names)
        spec->names = names;
    if (const QString problem = spec->validate(); !problem.isEmpty()) {
        printError(QStringLiteral("%1: %2").arg(specName, problem));
        return ExitInvalidInput;
    }

    const auto data = ChartLoader(project->database()).load(*spec, &error);
    if (!data) {
        printError(error);
        return ExitInvalidInput;
    }
    const ProjectSettings settings(project->database());
    const ChartScene chart(*spec, *data, ChartTheme::named(spec->theme, ChartBrand::fromSettings(settings)), *size);
    if (!ChartExport::write(chart, outPath, *format, scale, &error)) {
        printError(error);
        return ExitCannotOpen;
    }
    return ExitOk;
}

} // namespace ql::cli
