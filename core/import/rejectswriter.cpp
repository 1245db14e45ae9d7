// SPDX-License-Identifier: GPL-3.0-or-later
#include "rejectswriter.h"

#include "csvreader.h"
#include "csvwriter.h"

#include <QFile>
#include <QObject>
#include <QSaveFile>

namespace ql::RejectsWriter {

bool write(const QString &inputPath, const QString &encoding, QChar delimiter,
           const QHash<qint64, QString> &rejectedLines, const QString &outputPath, QString *error)
{
    QFile input(inputPath);
    if (!input.open(QIODevice::ReadOnly)) {
        *error = QObject::tr("cannot read %1: %2").arg(inputPath, input.errorString());
        return false;
    }
    QSaveFile output(outputPath);
    if (!output.open(QIODevice::WriteOnly)) {
        *error = QObject::tr("cannot write %1: %2").arg(outputPath, output.errorString());
        return false;
    }
    CsvOptions options;
    options.encoding = encoding;
    options.delimiter = delimiter;
    CsvReader reader(&input, options);
    {
        CsvWriter::Options wo;
        wo.delimiter = delimiter;
        wo.formulaGuard = false; // the rows go back as they came, to be fixed and imported again
        CsvWriter writer(&output, wo);
        if (reader.readHeader()) {
            for (qsizetype i = 0; i < reader.header().size(); ++i)
                writer.addPlain(reader.header().field(i));
            writer.addPlain(u"reason");
            writer.endRecord();
            CsvRecord record;
            qint64 left = rejectedLines.size();
            while (left > 0 && reader.next(record)) {
                const auto it = rejectedLines.constFind(record.line());
                if (it == rejectedLines.cend())
                    continue;
                --left;
                for (qsizetype i = 0; i < record.size(); ++i)
                    writer.addPlain(record.field(i));
                writer.addPlain(*it);
                writer.endRecord();
            }
        }
        if (reader.hasError()) {
            *error = reader.errorString();
            output.cancelWriting();
            return false;
        }
        if (!writer.flush()) {
            *error = QObject::tr("cannot write %1: %2").arg(outputPath, writer.errorString());
            output.cancelWriting();
            return false;
        }
    }
    if (!output.commit()) {
        *error = QObject::tr("cannot write %1: %2").arg(outputPath, output.errorString());
        return false;
    }
    return true;
}

} // namespace ql::RejectsWriter
