// SPDX-License-Identifier: GPL-3.0-or-later
#include "interactionimport.h"

#include "contenthash.h"
#include "csvrecord.h"
#include "headerindex.h"
#include "importcontext.h"

#include <QObject>
#include <QSqlError>
#include <QSqlQuery>

namespace ql {

namespace {
const char *const FieldNames[] = {"ticket_id", "channel", "transcript", "media", "date"};
} // namespace

InteractionImport::InteractionImport(ImportContext &context)
    : m_ctx(context), m_dates(context.mapping.dateFormat, context.mapping.timeZone)
{
    std::fill(std::begin(m_columns), std::end(m_columns), -1);
}

QString InteractionImport::hashOf(const QString &channel, const QString &date, const QString &transcript,
                                  const QString &media)
{
    ContentHash h;
    h.add(channel);
    h.add(date);
    h.add(transcript);
    h.add(media);
    return h.hex();
}

bool InteractionImport::load(QString *error)
{
    // interactions has no content_hash column: the stored content is hashed here, as stored
    // (transcripts already masked), and compared with the masked content of the file.
    QSqlQuery q(m_ctx.db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT i.id, i.ticket_id, c.name, i.date, i.transcript, i.media FROM interactions i "
                             "LEFT JOIN channels c ON c.id = i.channel_id WHERE i.source = ?"));
    q.addBindValue(m_ctx.mapping.source);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next())
        m_existing.insert(q.value(1).toString(),
                          {q.value(0).toLongLong(), hashOf(q.value(2).toString(), q.value(3).toString(),
                                                           q.value(4).toString(), q.value(5).toString())});
    return true;
}

bool InteractionImport::bind(const CsvRecord &header, QStringList *missing, QString *)
{
    for (int f = 0; f < FieldCount; ++f) {
        const QString field = QString::fromLatin1(FieldNames[f]);
        const QString name = m_ctx.mapping.columnFor(field);
        if (name.isEmpty())
            continue;
        m_columns[f] = HeaderIndex::find(header, name);
        if (m_columns[f] < 0)
            missing->append(QObject::tr("column \"%1\" (%2)").arg(name, field));
    }
    return missing->isEmpty();
}

bool InteractionImport::addRow(const CsvRecord &record)
{
    const qint64 line = record.line();
    QString texts[FieldCount];
    for (int f = 0; f < FieldCount; ++f) {
        const int c = m_columns[f];
        // Transcripts keep their inner layout; only the ends are trimmed.
        texts[f] = c >= 0 && c < record.size() ? record.field(c).trimmed().toString() : QString();
    }
    bool bad = false;
    const QString &key = texts[Ticket];
    if (key.isEmpty()) {
        m_ctx.reject(line, QStringLiteral("ticket_id"), QString(), QObject::tr("ticket_id is required but empty"));
        bad = true;
    } else if (const qint64 first = m_firstLines.value(key)) {
        m_ctx.reject(line, QStringLiteral("ticket_id"), key,
                     QObject::tr("ticket_id \"%1\" appears twice (first on line %2)").arg(key).arg(first));
        bad = true;
    } else {
        m_firstLines.insert(key, line);
    }
    QString date;
    if (!texts[Date].isEmpty()) {
        const QDate d = m_dates.read(texts[Date]).date;
        if (!d.isValid()) {
            m_ctx.reject(line, QStringLiteral("date"), texts[Date],
                         QObject::tr("date \"%1\" is not %2").arg(texts[Date], m_dates.expected()));
            bad = true;
        }
        date = d.toString(Qt::ISODate);
    }
    if (texts[Channel] == u"(total)" || texts[Channel] == u"(blank)") {
        m_ctx.reject(line, QStringLiteral("channel"), texts[Channel],
                     QObject::tr("channel \"%1\" is a reserved value (pivots use it for totals and missing values)")
                         .arg(texts[Channel]));
        bad = true;
    }
    if (bad) {
        ++m_ctx.summary.rejected;
        return true;
    }
    QString transcript = texts[Transcript];
    const int masked = m_ctx.mask(transcript);
    const QString hash = hashOf(texts[Channel], date, transcript, texts[Media]);
    const auto existing = m_existing.constFind(key);
    if (existing != m_existing.cend() && existing->hash == hash) {
        ++m_ctx.summary.unchanged;
        return true;
    }
    m_ctx.summary.masked += masked;
    ++(existing != m_existing.cend() ? m_ctx.summary.updated : m_ctx.summary.inserted);
    ImportWriter *w = m_ctx.activeWriter();
    if (!w)
        return true;
    const qint64 channel = m_ctx.nameId(ImportWriter::Channels, texts[Channel]);
    if (existing != m_existing.cend()) {
        w->updateInteraction(existing->id, channel, date, transcript, texts[Media], m_ctx.importId);
        w->changeLog(m_ctx.now, m_ctx.who, QStringLiteral("interaction"), QString::number(existing->id), QString(),
                     existing->hash, hash, m_ctx.importId);
    } else {
        w->insertInteraction(m_ctx.mapping.source, key, channel, date, transcript, texts[Media], m_ctx.importId);
    }
    return true;
}

bool InteractionImport::finish()
{
    return m_ctx.writer.ok();
}

} // namespace ql
