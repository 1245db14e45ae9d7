// SPDX-License-Identifier: GPL-3.0-or-later
#include "importsummary.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ql {

QByteArray ImportSummary::toJson() const
{
    // Written by hand: QJsonObject would sort the keys, and people read this line.
    const auto str = [](const QString &s) {
        QByteArray quoted = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
        return quoted.mid(1, quoted.size() - 2);
    };
    QByteArray out =
        "{\"kind\": " + str(kind) + ", \"records\": {\"inserted\": " + QByteArray::number(inserted) +
        ", \"updated\": " + QByteArray::number(updated) + ", \"unchanged\": " + QByteArray::number(unchanged) +
        ", \"kept_local\": " + QByteArray::number(keptLocal) + ", \"rejected\": " + QByteArray::number(rejected) +
        "}, \"rows\": {\"read\": " + QByteArray::number(rowsRead) +
        ", \"rejected\": " + QByteArray::number(rowsRejected) +
        "}, \"agents_created\": " + QByteArray::number(agentsCreated) + ", \"masked\": " + QByteArray::number(masked) +
        ", \"removed\": " + QByteArray::number(removed) + ", \"dry_run\": " + (dryRun ? "true" : "false") +
        ", \"import_id\": " + (importId > 0 ? QByteArray::number(importId) : QByteArray("null"));
    if (cardMaskingOff)
        out += ", \"card_masking\": \"off\"";
    out += '}';
    return out;
}

} // namespace ql
