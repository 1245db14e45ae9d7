// SPDX-License-Identifier: GPL-3.0-or-later
#include "csatimport.h"

#include "answerreader.h"
#include "contenthash.h"
#include "csvrecord.h"
#include "headerindex.h"
#include "importcontext.h"

#include <QObject>

#include <cmath>

namespace ql {

namespace {

const char *const FieldNames[] = {"response_id", "date",       "score", "ticket_id", "agent",  "team",
                                  "site",        "supervisor", "queue", "channel",   "reason", "comment"};

QStringView cell(const CsvRecord &record, int column)
{
    return column >= 0 && column < record.size() ? record.field(column).trimmed() : QStringView();
}

} // namespace

CsatImport::CsatImport(ImportContext &context)
    : m_ctx(context), m_dates(context.mapping.dateFormat, context.mapping.timeZone)
{
    std::fill(std::begin(m_columns), std::end(m_columns), -1);
}

bool CsatImport::load(QString *error)
{
    return ExistingRecords::load(m_ctx.db, QStringLiteral("csat_responses"), m_ctx.mapping.source, &m_existing, error);
}

bool CsatImport::bind(const CsvRecord &header, QStringList *missing, QString *)
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
    for (const auto &[name, headerName] : m_ctx.mapping.dimensions) {
        const int i = HeaderIndex::find(header, headerName);
        if (i < 0)
            missing->append(QObject::tr("column \"%1\" (dimension %2)").arg(headerName, name));
        m_dimensionColumns << i;
    }
    return missing->isEmpty();
}

QString CsatImport::readScore(const ImportContext &context, QStringView text, double *score, QString *label)
{
    const ImportMapping::CsatScale &scale = context.mapping.csatScale;
    const QString quoted = text.toString();
    QString wanted = quoted;
    bool haveNumber = false;
    double number = 0;
    if (const ValueMap *map = context.mapping.valuesFor(u"score")) {
        if (const ValueMap::Value *v = map->find(text)) {
            if (v->kind == ValueMap::Value::NotApplicable)
                return QObject::tr("score \"%1\" is mapped to N/A, but a response needs a score").arg(quoted);
            if (v->kind == ValueMap::Value::Number) {
                haveNumber = true;
                number = v->number;
            } else {
                wanted = v->text;
            }
        }
    }
    if (scale.isLabels()) {
        if (haveNumber)
            wanted = AnswerReader::formatNumber(number);
        for (qsizetype i = 0; i < scale.labels.size(); ++i) {
            if (scale.labels.at(i).compare(wanted, Qt::CaseInsensitive) == 0) {
                *score = double(i + 1);
                *label = scale.labels.at(i);
                return {};
            }
        }
        return QObject::tr("score \"%1\" is not one of the scale's labels %2").arg(quoted, scale.labels.join(u'/'));
    }
    if (!haveNumber && !AnswerReader::parseNumber(wanted, context.mapping.decimal, &number))
        return QObject::tr("score \"%1\" is not a number (the scale is %2–%3)")
            .arg(quoted)
            .arg(scale.min)
            .arg(scale.max);
    if (std::floor(number) != number)
        return QObject::tr("score \"%1\" is not a whole number (the scale %2–%3 takes whole numbers)")
            .arg(quoted)
            .arg(scale.min)
            .arg(scale.max);
    if (number < scale.min || number > scale.max)
        return QObject::tr("score \"%1\" is outside the scale %2–%3").arg(quoted).arg(scale.min).arg(scale.max);
    *score = number;
    label->clear();
    return {};
}

bool CsatImport::addRow(const CsvRecord &record)
{
    const qint64 line = record.line();
    QString texts[FieldCount];
    for (int f = 0; f < FieldCount; ++f)
        texts[f] = cell(record, m_columns[f]).toString();
    bool bad = false;
    const auto reject = [&](int field, const QString &reason) {
        m_ctx.reject(line, QString::fromLatin1(FieldNames[field]), texts[field], reason);
        bad = true;
    };
    const QString &key = texts[Key];
    if (key.isEmpty()) {
        reject(Key, QObject::tr("response_id is required but empty"));
    } else if (const qint64 first = m_firstLines.value(key)) {
        reject(Key, QObject::tr("response_id \"%1\" appears twice (first on line %2)").arg(key).arg(first));
    } else {
        m_firstLines.insert(key, line);
    }
    DateReader::Result date;
    if (texts[Date].isEmpty()) {
        reject(Date, QObject::tr("date is required but empty"));
    } else {
        date = m_dates.read(texts[Date]);
        if (!date.date.isValid())
            reject(Date, QObject::tr("date \"%1\" is not %2").arg(texts[Date], m_dates.expected()));
    }
    double score = 0;
    QString label;
    if (texts[Score].isEmpty()) {
        reject(Score, QObject::tr("score is required but empty"));
    } else if (const QString why = readScore(m_ctx, texts[Score], &score, &label); !why.isEmpty()) {
        reject(Score, why);
    }
    for (int f : {Agent, Team, Site, Supervisor, Queue, Channel, Reason}) {
        if (texts[f] == u"(total)" || texts[f] == u"(blank)")
            reject(f, QObject::tr("%1 \"%2\" is a reserved value (pivots use it for totals and missing values)")
                          .arg(QString::fromLatin1(FieldNames[f]), texts[f]));
    }
    QStringList dims;
    for (qsizetype d = 0; d < m_dimensionColumns.size(); ++d) {
        dims << cell(record, m_dimensionColumns.at(d)).toString();
        if (dims.last() == u"(total)" || dims.last() == u"(blank)") {
            m_ctx.reject(line, m_ctx.mapping.dimensions.at(d).first, dims.last(),
                         QObject::tr("%1 \"%2\" is a reserved value (pivots use it for totals and missing values)")
                             .arg(m_ctx.mapping.dimensions.at(d).first, dims.last()));
            bad = true;
        }
    }
    if (bad) {
        ++m_ctx.summary.rejected;
        return true;
    }

    const ImportMapping::CsatScale &scale = m_ctx.mapping.csatScale;
    QString comment = texts[Comment];
    const int masked = m_ctx.mask(comment);

    ContentHash h;
    for (const QString &t : texts)
        h.add(t);
    for (const QString &d : dims)
        h.add(d);
    h.add(date.dateTime);
    h.add(scale.storedName());
    const QString hash = h.hex();
    const auto existing = m_existing.constFind(key);
    if (existing != m_existing.cend() && existing->contentHash == hash) {
        ++m_ctx.summary.unchanged;
        return true;
    }
    ++(existing != m_existing.cend() ? m_ctx.summary.updated : m_ctx.summary.inserted);
    m_ctx.summary.masked += masked;

    ImportWriter::CsatRow row;
    row.agentId = texts[Agent].isEmpty() ? 0 : m_ctx.agentId(texts[Agent]);
    ImportWriter *w = m_ctx.activeWriter();
    if (!w)
        return true;
    row.source = m_ctx.mapping.source;
    row.key = key;
    row.ticket = texts[Ticket];
    row.date = DateReader::isoDate(date.date);
    row.dateTime = date.dateTime;
    row.keys = PeriodKeys::of(date.date);
    row.score = score;
    row.scoreLabel = label;
    row.scale = scale.storedName();
    if (scale.isLabels()) {
        row.satisfied = scale.satisfiedLabels.contains(label);
        row.dissatisfied = scale.dissatisfiedLabels.contains(label);
    } else {
        row.satisfied = scale.satisfied.contains(score);
        row.dissatisfied = scale.dissatisfied.contains(score);
    }
    const AgentRoster::Placement placed = m_ctx.roster.inForce(row.agentId, date.date);
    row.teamId = texts[Team].isEmpty() ? placed.teamId : m_ctx.nameId(ImportWriter::Teams, texts[Team]);
    row.siteId = texts[Site].isEmpty() ? placed.siteId : m_ctx.nameId(ImportWriter::Sites, texts[Site]);
    row.supervisor = texts[Supervisor].isEmpty() ? placed.supervisor : texts[Supervisor];
    row.queueId = m_ctx.nameId(ImportWriter::Queues, texts[Queue]);
    row.channelId = m_ctx.nameId(ImportWriter::Channels, texts[Channel]);
    row.reason = texts[Reason];
    row.comment = comment;
    row.contentHash = hash;
    row.importId = m_ctx.importId;
    qint64 id = 0;
    if (existing != m_existing.cend()) {
        id = existing->id;
        w->updateCsat(id, row);
        w->changeLog(m_ctx.now, m_ctx.who, QStringLiteral("csat_response"), QString::number(id), QString(),
                     existing->contentHash, hash, m_ctx.importId);
    } else {
        id = w->insertCsat(row);
    }
    for (qsizetype d = 0; d < dims.size(); ++d) {
        if (!dims.at(d).isEmpty())
            w->insertCsatDimension(
                id, m_ctx.nameId(ImportWriter::CustomDimensions, m_ctx.mapping.dimensions.at(d).first), dims.at(d));
    }
    return true;
}

bool CsatImport::finish()
{
    return m_ctx.writer.ok();
}

} // namespace ql
