// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditrowparser.h"

#include "answerreader.h"
#include "csvrecord.h"
#include "headerindex.h"
#include "importcontext.h"
#include "scorecardcatalog.h"

#include <QObject>

namespace ql {

namespace {

const QStringList &sampleTypes()
{
    static const QStringList types{
        QStringLiteral("random"),  QStringLiteral("targeted"), QStringLiteral("csat_triggered"),
        QStringLiteral("dispute"), QStringLiteral("self"),     QStringLiteral("peer"),
        QStringLiteral("auto")};
    return types;
}

QStringView cell(const CsvRecord &record, int column)
{
    return column >= 0 && column < record.size() ? record.field(column).trimmed() : QStringView();
}

} // namespace

AuditRowParser::AuditRowParser(ImportContext &context, ScorecardCatalog &catalog,
                               const QHash<QString, ExistingRecord> &existing)
    : m_ctx(context), m_catalog(catalog), m_existing(existing),
      m_dates(context.mapping.dateFormat, context.mapping.timeZone)
{
    m_columns.fill(-1);
}

QString AuditRowParser::fieldName(AuditField field)
{
    static const char *names[int(AuditField::Count)] = {
        "date",
        "agent",
        "ticket_id",
        "auditor",
        "team",
        "site",
        "supervisor",
        "queue",
        "channel",
        "interaction_date",
        "sample_type",
        "scorecard",
        "scorecard_version",
        "audit_comment",
    };
    return QString::fromLatin1(names[int(field)]);
}

bool AuditRowParser::isStrict(AuditField field)
{
    // These decide which audit and which scorecard the rows belong to, so even a cell left empty
    // on one row is a disagreement. The others may be given on one row only (exports often put
    // the audit's comment on its first row).
    switch (field) {
    case AuditField::Date:
    case AuditField::Agent:
    case AuditField::InteractionDate:
    case AuditField::SampleType:
    case AuditField::Scorecard:
    case AuditField::ScorecardVersion:
        return true;
    default:
        return false;
    }
}

bool AuditRowParser::bind(const CsvRecord &header, QStringList *missing, QString *problem)
{
    const ImportMapping &m = m_ctx.mapping;
    const auto column = [&](const QString &field) {
        const QString name = m.columnFor(field);
        if (name.isEmpty())
            return -1;
        const int i = HeaderIndex::find(header, name);
        if (i < 0)
            missing->append(QObject::tr("column \"%1\" (%2)").arg(name, field));
        return i;
    };
    m_keyColumn = column(QStringLiteral("audit_id"));
    for (int f = 0; f < int(AuditField::Count); ++f)
        m_columns[size_t(f)] = column(fieldName(AuditField(f)));
    if (m.kind == ImportMapping::Kind::AuditsLong) {
        m_criterionColumn = column(QStringLiteral("criterion"));
        m_valueColumn = column(QStringLiteral("value"));
        m_commentColumn = column(QStringLiteral("comment"));
        m_rootCauseColumn = column(QStringLiteral("root_cause"));
        m_valueMap = m.valuesFor(u"value");
    }
    m_sampleTypeMap = m.valuesFor(u"sample_type");
    for (const auto &[name, headerName] : m.dimensions) {
        const int i = HeaderIndex::find(header, headerName);
        if (i < 0)
            missing->append(QObject::tr("column \"%1\" (dimension %2)").arg(headerName, name));
        m_dimensionColumns << i;
        m_dimensionNames << name;
    }
    for (const auto &[headerName, key] : m.criteriaColumns) {
        CriterionColumn c;
        c.header = headerName;
        c.key = key;
        c.column = HeaderIndex::find(header, headerName);
        if (c.column < 0)
            missing->append(QObject::tr("column \"%1\" (criterion %2)").arg(headerName, key));
        c.values = m.valuesFor(key);
        if (!c.values)
            c.values = m.valuesFor(headerName);
        if (!c.values)
            c.values = m.valuesFor(u"value");
        m_criteriaColumns << c;
    }
    for (const auto &[headerName, key] : m.rootCauseColumns) {
        CriterionColumn c;
        c.header = headerName;
        c.key = key;
        c.column = HeaderIndex::find(header, headerName);
        if (c.column < 0)
            missing->append(QObject::tr("column \"%1\" (root causes of %2)").arg(headerName, key));
        m_rootCauseColumns << c;
    }
    // A criteria column whose key no version of the scorecard knows is a mapping mistake: refuse it
    // once rather than rejecting every row for it.
    if (m.kind == ImportMapping::Kind::AuditsWide && !m.scorecard.isEmpty() && !m.hasColumn(u"scorecard")) {
        const QList<ScorecardVersionInfo> versions = ScorecardStore(m_ctx.db).versions(m.scorecard);
        QList<const ScorecardCatalog::Entry *> entries;
        for (const ScorecardVersionInfo &v : versions) {
            if (const auto *e = m_catalog.byId(v.id))
                entries << e;
        }
        const auto known = [&](const QString &key) {
            return entries.isEmpty() ||
                   std::any_of(entries.cbegin(), entries.cend(),
                               [&](const ScorecardCatalog::Entry *e) { return e->stored.card.indexOfKey(key) >= 0; });
        };
        for (const auto *list : {&m_criteriaColumns, &m_rootCauseColumns}) {
            for (const CriterionColumn &c : *list) {
                if (!known(c.key)) {
                    *problem = QObject::tr("%1.%2: %3 is not a criterion of scorecard %4")
                                   .arg(list == &m_criteriaColumns ? QStringLiteral("criteria_columns")
                                                                   : QStringLiteral("root_cause_columns"),
                                        c.header, c.key, m.scorecard);
                    return false;
                }
            }
        }
    }
    return missing->isEmpty();
}

QStringView AuditRowParser::key(const CsvRecord &record) const
{
    return cell(record, m_keyColumn);
}

void AuditRowParser::rejectRow(PendingAudit &audit, qint64 line, const QString &field, const QString &value,
                               const QString &reason)
{
    audit.rejected = true;
    m_ctx.reject(line, field, value, reason);
}

bool AuditRowParser::checkReserved(PendingAudit &audit, qint64 line, const QString &field, const QString &value)
{
    if (value == u"(total)" || value == u"(blank)") {
        rejectRow(audit, line, field, value,
                  QObject::tr("%1 \"%2\" is a reserved value (pivots use it for totals and missing values)")
                      .arg(field, value));
        return false;
    }
    return true;
}

void AuditRowParser::open(PendingAudit &audit, const CsvRecord &record)
{
    const qint64 line = record.line();
    audit.firstLine = line;
    audit.lines.append(line);
    for (int f = 0; f < int(AuditField::Count); ++f) {
        const int c = m_columns[size_t(f)];
        if (c < 0)
            continue;
        assignText(audit.texts[size_t(f)], cell(record, c));
        audit.textLines[size_t(f)] = line;
    }
    for (qsizetype d = 0; d < m_dimensionColumns.size(); ++d) {
        audit.dimensions << cell(record, m_dimensionColumns.at(d)).toString();
        audit.dimensionLines << line;
        checkReserved(audit, line, m_dimensionNames.at(d), audit.dimensions.last());
    }
    for (AuditField f : {AuditField::Agent, AuditField::Auditor, AuditField::Team, AuditField::Site,
                         AuditField::Supervisor, AuditField::Queue, AuditField::Channel})
        checkReserved(audit, line, fieldName(f), audit.text(f));

    const QString &date = audit.text(AuditField::Date);
    if (date.isEmpty()) {
        rejectRow(audit, line, QStringLiteral("date"), date, QObject::tr("date is required but empty"));
    } else {
        audit.date = m_dates.read(date);
        if (!audit.date.date.isValid())
            rejectRow(audit, line, QStringLiteral("date"), date,
                      QObject::tr("date \"%1\" is not %2").arg(date, m_dates.expected()));
    }
    if (audit.text(AuditField::Agent).isEmpty())
        rejectRow(audit, line, QStringLiteral("agent"), QString(), QObject::tr("agent is required but empty"));
    const QString &interaction = audit.text(AuditField::InteractionDate);
    if (!interaction.isEmpty()) {
        audit.interactionDate = m_dates.read(interaction);
        if (!audit.interactionDate.date.isValid())
            rejectRow(audit, line, QStringLiteral("interaction_date"), interaction,
                      QObject::tr("interaction_date \"%1\" is not %2").arg(interaction, m_dates.expected()));
    }
    const QString &sample = audit.text(AuditField::SampleType);
    if (!sample.isEmpty()) {
        QString type = sample;
        if (m_sampleTypeMap) {
            if (const ValueMap::Value *v = m_sampleTypeMap->find(sample); v && v->kind == ValueMap::Value::Text)
                type = v->text;
        }
        const auto found = std::find_if(sampleTypes().cbegin(), sampleTypes().cend(),
                                        [&](const QString &t) { return t.compare(type, Qt::CaseInsensitive) == 0; });
        if (found == sampleTypes().cend())
            rejectRow(audit, line, QStringLiteral("sample_type"), sample,
                      QObject::tr("sample_type \"%1\" is not one of %2").arg(sample, sampleTypes().join(u", ")));
        else
            audit.sampleType = *found;
    }
    if (audit.date.date.isValid())
        resolveScorecard(audit, line);
    if (audit.card) {
        // A long file's audit has about a row per criterion: no regrowing (recycled audits keep it).
        const size_t criteria = size_t(audit.card->stored.card.criterionCount());
        audit.answers.reserve(criteria);
        audit.lines.reserve(qsizetype(criteria));
    }
}

void AuditRowParser::resolveScorecard(PendingAudit &audit, qint64 line)
{
    const ImportMapping &m = m_ctx.mapping;
    const QString name = audit.text(AuditField::Scorecard).isEmpty() ? m.scorecard : audit.text(AuditField::Scorecard);
    if (name.isEmpty()) {
        rejectRow(audit, line, QStringLiteral("scorecard"), QString(),
                  QObject::tr("scorecard is empty and the mapping names none"));
        return;
    }
    QString why;
    const QString &versionText = audit.text(AuditField::ScorecardVersion);
    if (!versionText.isEmpty()) {
        bool ok = false;
        const int version = versionText.toInt(&ok);
        if (!ok || version < 1) {
            rejectRow(audit, line, QStringLiteral("scorecard_version"), versionText,
                      QObject::tr("scorecard_version \"%1\" is not a version number").arg(versionText));
            return;
        }
        audit.card = m_catalog.version(name, version, &why);
        if (!audit.card)
            rejectRow(audit, line, QStringLiteral("scorecard_version"), versionText, why);
        return;
    }
    if (m.scorecardVersion) {
        audit.card = m_catalog.version(name, *m.scorecardVersion, &why);
    } else {
        // A re-imported audit keeps the version it was scored with (scoring.md "Versions").
        const auto existing = m_existing.constFind(audit.key);
        if (existing != m_existing.cend()) {
            const ScorecardCatalog::Entry *stored = m_catalog.byId(existing->scorecardId);
            if (stored && stored->stored.card.name == name)
                audit.card = stored;
        }
        if (!audit.card)
            audit.card = m_catalog.inForce(name, audit.date.date, &why);
    }
    if (!audit.card)
        rejectRow(audit, line, QStringLiteral("scorecard"), name, why);
}

void AuditRowParser::continueAudit(PendingAudit &audit, const CsvRecord &record)
{
    const qint64 line = record.line();
    audit.lines.append(line);
    for (int f = 0; f < int(AuditField::Count); ++f) {
        const int c = m_columns[size_t(f)];
        if (c < 0)
            continue;
        const QStringView here = cell(record, c);
        QString &stored = audit.texts[size_t(f)];
        if (here == stored)
            continue;
        const AuditField field = AuditField(f);
        if (isStrict(field) || (!here.isEmpty() && !stored.isEmpty())) {
            rejectRow(audit, line, fieldName(field), here.toString(),
                      QObject::tr("audit %1 has %2 \"%3\" here but \"%4\" on line %5")
                          .arg(audit.key, fieldName(field), here.toString(), stored)
                          .arg(audit.textLines[size_t(f)]));
        } else if (!here.isEmpty()) {
            stored = here.toString();
            audit.textLines[size_t(f)] = line;
            checkReserved(audit, line, fieldName(field), stored);
        }
    }
    for (qsizetype d = 0; d < m_dimensionColumns.size(); ++d) {
        const QStringView here = cell(record, m_dimensionColumns.at(d));
        QString &stored = audit.dimensions[d];
        if (here == stored || here.isEmpty())
            continue;
        if (!stored.isEmpty()) {
            rejectRow(audit, line, m_dimensionNames.at(d), here.toString(),
                      QObject::tr("audit %1 has %2 \"%3\" here but \"%4\" on line %5")
                          .arg(audit.key, m_dimensionNames.at(d), here.toString(), stored)
                          .arg(audit.dimensionLines.at(d)));
        } else {
            stored = here.toString();
            audit.dimensionLines[d] = line;
            checkReserved(audit, line, m_dimensionNames.at(d), stored);
        }
    }
}

void AuditRowParser::addAnswer(PendingAudit &audit, qint64 line, int index, const QString &field, QStringView cellText,
                               const ValueMap *values, QStringView comment, QStringView rootCauses)
{
    const Criterion &criterion = audit.card->stored.card.criterionAt(index);
    for (const PendingAnswer &a : audit.answers) {
        if (a.index == index) {
            rejectRow(audit, line, field, cellText.toString(),
                      QObject::tr("audit %1 answers criterion %2 twice (first on line %3)")
                          .arg(audit.key, criterion.key)
                          .arg(a.line));
            return;
        }
    }
    const AnswerReader::Result r = AnswerReader::read(criterion, cellText, values, m_ctx.mapping.decimal);
    if (!r.reason.isEmpty()) {
        rejectRow(audit, line, field, cellText.toString(), r.reason);
        return;
    }
    if (r.input.state == AnswerInput::Missing)
        return; // an empty cell: not answered, no answer row
    PendingAnswer a;
    a.index = index;
    a.input = r.input;
    a.option = r.option;
    a.line = line;
    if (!comment.isEmpty()) {
        a.comment = comment.toString();
        audit.masked += m_ctx.mask(a.comment);
    }
    if (!rootCauses.isEmpty())
        a.rootCauses = rootCauses.toString();
    audit.answers.push_back(std::move(a));
}

void AuditRowParser::readLongAnswer(PendingAudit &audit, const CsvRecord &record)
{
    const qint64 line = record.line();
    const QStringView label = cell(record, m_criterionColumn);
    if (label.isEmpty()) {
        rejectRow(audit, line, QStringLiteral("criterion"), QString(), QObject::tr("criterion is required but empty"));
        return;
    }
    if (!audit.card)
        return; // the audit's first row already failed; this row is rejected with it
    const int index = m_catalog.criterionIndex(*audit.card, label);
    if (index < 0) {
        rejectRow(audit, line, QStringLiteral("criterion"), label.toString(),
                  QObject::tr("criterion \"%1\" is not in scorecard %2").arg(label.toString(), audit.card->title()));
        return;
    }
    const QStringView value =
        m_valueColumn >= 0 && m_valueColumn < record.size() ? record.field(m_valueColumn) : QStringView();
    const QStringView comment = m_commentColumn >= 0 && m_commentColumn < record.size()
                                    ? record.field(m_commentColumn).trimmed()
                                    : QStringView();
    addAnswer(audit, line, index, QStringLiteral("value"), value, m_valueMap, comment, cell(record, m_rootCauseColumn));
}

void AuditRowParser::readWideAnswers(PendingAudit &audit, const CsvRecord &record)
{
    if (!audit.card)
        return;
    const qint64 line = record.line();
    const Scorecard &card = audit.card->stored.card;
    for (const CriterionColumn &c : m_criteriaColumns) {
        const int index = card.indexOfKey(c.key);
        const QStringView value = cell(record, c.column);
        if (index < 0) {
            if (!value.isEmpty())
                rejectRow(audit, line, c.header, value.toString(),
                          QObject::tr("criterion %1 (column \"%2\") is not in scorecard %3")
                              .arg(c.key, c.header, audit.card->title()));
            continue;
        }
        addAnswer(audit, line, index, c.header, value, c.values, {}, {});
    }
    for (const CriterionColumn &c : m_rootCauseColumns) {
        const QStringView causes = cell(record, c.column);
        const int index = card.indexOfKey(c.key);
        if (causes.isEmpty() || index < 0)
            continue;
        for (PendingAnswer &a : audit.answers) {
            if (a.index == index)
                a.rootCauses = causes.toString();
        }
    }
}

} // namespace ql
