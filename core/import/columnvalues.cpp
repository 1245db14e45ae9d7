// SPDX-License-Identifier: GPL-3.0-or-later
#include "columnvalues.h"

#include "csvreader.h"
#include "csvrecord.h"

#include <QFile>
#include <QObject>
#include <QSet>

#include <vector>

namespace ql {

QStringList ColumnValues::of(const QString &column) const
{
    const qsizetype at = header.indexOf(column);
    return at < 0 ? QStringList() : values.value(at);
}

ColumnValues ColumnValues::read(const QString &path, const QString &encoding, QChar delimiter, int limit,
                                const std::atomic_bool *cancel)
{
    ColumnValues out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.error = QObject::tr("cannot read %1: %2").arg(path, file.errorString());
        return out;
    }
    CsvOptions options;
    options.encoding = encoding;
    options.delimiter = delimiter;
    CsvReader reader(&file, options);
    if (!reader.readHeader()) {
        out.error = reader.hasError() ? reader.errorString() : QObject::tr("the file is empty");
        return out;
    }
    out.header = reader.header().fields();
    const qsizetype columns = out.header.size();
    out.values.resize(columns);
    out.more.fill(false, columns);
    std::vector<QSet<QString>> seen(static_cast<size_t>(columns));
    qsizetype open = columns; // columns still collecting
    CsvRecord record;
    while (reader.next(record)) {
        ++out.records;
        if ((out.records & 0x3ff) == 0 && cancel && cancel->load(std::memory_order_relaxed)) {
            out.error = QObject::tr("cancelled");
            return out;
        }
        if (open == 0)
            continue; // every column is full: only the count goes on
        for (qsizetype c = 0; c < columns && c < record.size(); ++c) {
            if (out.more[c])
                continue;
            const QStringView cell = record.field(c).trimmed();
            if (cell.isEmpty())
                continue;
            QSet<QString> &known = seen[size_t(c)];
            const QString text = cell.toString();
            if (known.contains(text))
                continue;
            if (out.values[c].size() >= limit) {
                out.more[c] = true;
                --open;
                continue;
            }
            known.insert(text);
            out.values[c].append(text);
        }
    }
    if (reader.hasError())
        out.error = reader.errorString();
    return out;
}

} // namespace ql
