// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchchart.h"

#include "chart/chartloader.h"
#include "chartexport.h"
#include "chartscene.h"
#include "charttheme.h"

#include <QBuffer>
#include <QImage>

namespace ql::cli {

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
    auto render = [&] {
        const ChartScene scene(spec, *data, theme, QSize(1920, 1080));
        return ChartExport::image(scene, 2);
    };
    bool encoded = true;
    const PivotBenchmark::Line png = PivotBenchmark::time(QStringLiteral("chart.png"), repeat, data->facts, [&] {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        encoded = encoded && render().save(&buffer, "PNG") && !bytes.isEmpty();
    });
    if (!encoded) {
        *error = QStringLiteral("chart.png: the chart could not be encoded");
        return {};
    }
    return {PivotBenchmark::time(QStringLiteral("chart.render"), repeat, data->facts, [&] { render(); }), png};
}

} // namespace ql::cli
