// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartpack.h"

#include "chart/chartloader.h"
#include "chartscene.h"
#include "store/projectsettings.h"

#include <QDir>
#include <QObject>
#include <QRegularExpression>

namespace ql {

namespace {

QString suffixOf(ChartExport::Format format)
{
    switch (format) {
    case ChartExport::Format::Png:
        return QStringLiteral("png");
    case ChartExport::Format::Svg:
        return QStringLiteral("svg");
    case ChartExport::Format::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

} // namespace

ChartPack::ChartPack(const QList<std::pair<QString, QByteArray>> &charts, ChartExport::Format format, QSize size,
                     int scale)
    : m_format(format), m_size(size), m_scale(scale)
{
    QSet<QString> taken;
    for (const auto &[name, json] : charts) {
        Entry e;
        e.name = name;
        e.fileName = fileNameFor(name, format, &taken);
        QString error;
        e.spec = ChartSpec::fromJson(json, &error);
        if (!e.spec)
            e.error = error;
        m_entries << e;
    }
}

void ChartPack::load(const QSqlDatabase &db, const std::function<bool()> &canceled,
                     const std::function<void(int)> &progress)
{
    m_brand = ChartBrand::fromSettings(ProjectSettings(db));
    ChartLoader loader(db);
    for (int i = 0; i < m_entries.size(); ++i) {
        Entry &e = m_entries[i];
        if (canceled && canceled()) {
            if (e.error.isEmpty())
                e.error = QObject::tr("cancelled");
            continue;
        }
        if (e.spec) {
            QString error;
            e.data = loader.load(*e.spec, &error);
            if (!e.data)
                e.error = error;
        }
        if (progress)
            progress(i + 1);
    }
}

bool ChartPack::write(int i, const QString &folder, QString *error) const
{
    const Entry &e = m_entries.at(i);
    if (!e.spec || !e.data) {
        *error = QObject::tr("%1: %2").arg(e.name, e.error.isEmpty() ? QObject::tr("not loaded") : e.error);
        return false;
    }
    const ChartScene chart(*e.spec, *e.data, ChartTheme::named(e.spec->theme, m_brand), m_size);
    return ChartExport::write(chart, QDir(folder).filePath(e.fileName), m_format, m_scale, error);
}

QString ChartPack::fileNameFor(const QString &name, ChartExport::Format format, QSet<QString> *taken)
{
    static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1F]"));
    QString base = QString(name).replace(unsafe, QStringLiteral("-")).simplified();
    while (base.endsWith(QLatin1Char('.')))
        base.chop(1);
    if (base.isEmpty())
        base = QObject::tr("chart");
    base = base.left(120);
    const QString suffix = suffixOf(format);
    QString candidate = QStringLiteral("%1.%2").arg(base, suffix);
    for (int k = 2; taken->contains(candidate.toLower()); ++k)
        candidate = QStringLiteral("%1 (%2).%3").arg(base).arg(k).arg(suffix);
    taken->insert(candidate.toLower());
    return candidate;
}

} // namespace ql
