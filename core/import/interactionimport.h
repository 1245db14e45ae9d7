// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "datereader.h"
#include "kindimporter.h"

#include <QHash>

namespace ql {

struct ImportContext;

// interactions files: the conversations calibration items show (ticket id, channel, transcript,
// media path, date). Transcripts are masked before they are stored. A ticket that exists is
// replaced when its content differs.
class InteractionImport final : public KindImporter
{
public:
    explicit InteractionImport(ImportContext &context);

    bool load(QString *error);
    bool bind(const CsvRecord &header, QStringList *missing, QString *problem) override;
    bool addRow(const CsvRecord &record) override;
    bool finish() override;

private:
    enum Field { Ticket, Channel, Transcript, Media, Date, FieldCount };
    struct Existing
    {
        qint64 id = 0;
        QString hash;
    };
    static QString hashOf(const QString &channel, const QString &date, const QString &transcript, const QString &media);

    ImportContext &m_ctx;
    DateReader m_dates;
    int m_columns[FieldCount];
    QHash<QString, Existing> m_existing;
    QHash<QString, qint64> m_firstLines;
};

} // namespace ql
