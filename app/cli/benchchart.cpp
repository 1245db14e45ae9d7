// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchchart.h"

#include "chart/chartloader.h"
#include "chartexport.h"
#include "chartscene.h"
#include "charttheme.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>

#include <algorithm>
#include <ctime>
#include <vector>

namespace ql::cli {

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

} // namespace

QList<PivotBenchmark::Line> benchChartPng(const QSqlDatabase &db, int repeat, QString *error)
{
    ChartSpec spec;
    spec.type = ChartType::Line;
    spec.title = QStringLiteral("QA score by month");
    spec.band = QStringLiteral("ci95");
    spec.pivot.source = PivotSource::Audits;
    spec.pivot.rows = {QStringLiteral("month")};
    spec.pivot.measures = {QStringLiteral("qa_score")};
    ChartLoader loader(db);
    const auto data = loader.load(spec, error);
    if (!data) {
        *error = QStringLiteral("chart.png: %1").arg(*error);
        return {};
    }
    const ChartTheme theme = ChartTheme::named(QStringLiteral("light"));
    std::vector<double> renderWall, renderCpu, pngWall, pngCpu;
    for (int i = 0; i <= repeat; ++i) {
        QElapsedTimer timer;
        timer.start();
        const std::clock_t start = std::clock();
        const ChartScene scene(spec, *data, theme, QSize(1920, 1080));
        const QImage image = ChartExport::image(scene, 2);
        const double renderMs = double(timer.nsecsElapsed()) / 1e6;
        const double renderCpuMs = double(std::clock() - start) * 1000.0 / CLOCKS_PER_SEC;
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        if (image.isNull() || !image.save(&buffer, "PNG") || png.isEmpty()) {
            *error = QStringLiteral("chart.png: the chart could not be encoded");
            return {};
        }
        if (i > 0) {
            renderWall.push_back(renderMs);
            renderCpu.push_back(renderCpuMs);
            pngWall.push_back(double(timer.nsecsElapsed()) / 1e6);
            pngCpu.push_back(double(std::clock() - start) * 1000.0 / CLOCKS_PER_SEC);
        }
    }
    return {PivotBenchmark::Line{QStringLiteral("chart.render"), median(renderWall), median(renderCpu), repeat, data->facts},
            PivotBenchmark::Line{QStringLiteral("chart.png"), median(pngWall), median(pngCpu), repeat, data->facts}};
}

} // namespace ql::cli
