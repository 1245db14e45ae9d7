// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/chartdata.h"
#include "chart/chartspec.h"
#include "chartexport.h"
#include "charttheme.h"

#include <QList>
#include <QSet>
#include <QSize>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <optional>

namespace ql {

// A chart pack (issue 6): several saved charts written into one folder in one format and size.
// Loading the numbers (cubes, analyses) is the slow part and runs on a worker thread (load());
// drawing needs the GUI thread (Qt Charts) and runs one chart at a time (write()), so a page keeps
// its event loop turning between charts and can stop after any of them.
class ChartPack final
{
public:
    struct Entry
    {
        QString name;     // the saved chart's name
        QString fileName; // in the folder: the name made safe, unique in the pack, with the suffix
        std::optional<ChartSpec> spec;
        std::optional<ChartData> data;
        QString error; // why this chart cannot be drawn (bad spec, no data)
    };

    // charts: (name, spec JSON) pairs, in the order to write.
    ChartPack(const QList<std::pair<QString, QByteArray>> &charts, ChartExport::Format format, QSize size,
              int scale = 1);

    // Any thread: parses the specs and loads each chart's numbers from the project (with its brand
    // theme). progress(k) after each chart; stops early when canceled() says so (the rest keep an
    // error).
    void load(const QSqlDatabase &db, const std::function<bool()> &canceled = {},
              const std::function<void(int done)> &progress = {});

    // GUI thread: draws entry i and writes it into folder. False with *error when it cannot be
    // drawn or written.
    bool write(int i, const QString &folder, QString *error) const;

    const QList<Entry> &entries() const { return m_entries; }
    void setFileName(int i, const QString &fileName) { m_entries[i].fileName = fileName; }
    int count() const { return int(m_entries.size()); }

    // "Why CSAT fell / Oct" → "Why CSAT fell - Oct.png": characters no file system takes become
    // "-", and a name already taken gets " (2)", " (3)"… (compared case-insensitively).
    static QString fileNameFor(const QString &name, ChartExport::Format format, QSet<QString> *taken);

private:
    QList<Entry> m_entries;
    ChartExport::Format m_format;
    QSize m_size;
    int m_scale;
    ChartBrand m_brand;
};

} // namespace ql
