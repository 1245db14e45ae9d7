// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentimport.h"

#include "csvrecord.h"
#include "headerindex.h"
#include "importcontext.h"

#include <QObject>

namespace ql {

namespace {

const char *const FieldNames[] = {"agent",     "name",   "team",       "site",   "supervisor",
                                  "hire_date", "active", "valid_from", "aliases"};

QStringView cell(const CsvRecord &record, int column)
{
    return column >= 0 && column < record.size() ? record.field(column).trimmed() : QStringView();
}

} // namespace

AgentImport::AgentImport(ImportContext &context)
    : m_ctx(context), m_dates(context.mapping.dateFormat, context.mapping.timeZone)
{
    std::fill(std::begin(m_columns), std::end(m_columns), -1);
}

std::optional<bool> AgentImport::readActive(QStringView text)
{
    for (const char *yes : {"1", "yes", "y", "true", "active"}) {
        if (text.compare(QLatin1String(yes), Qt::CaseInsensitive) == 0)
            return true;
    }
    for (const char *no : {"0", "no", "n", "false", "inactive"}) {
        if (text.compare(QLatin1String(no), Qt::CaseInsensitive) == 0)
            return false;
    }
    return std::nullopt;
}

bool AgentImport::bind(const CsvRecord &header, QStringList *missing, QString *)
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

void AgentImport::change(const QString &key, qint64 id, const QString &field, const QString &oldValue,
                         const QString &newValue)
{
    Q_UNUSED(id)
    if (ImportWriter *w = m_ctx.activeWriter())
        w->changeLog(m_ctx.now, m_ctx.who, QStringLiteral("agent"), key, field, oldValue, newValue, m_ctx.importId);
    Outcome &o = m_outcomes[key];
    if (o == Unchanged)
        o = Updated;
}

bool AgentImport::addRow(const CsvRecord &record)
{
    const qint64 line = record.line();
    QString texts[FieldCount];
    for (int f = 0; f < FieldCount; ++f)
        texts[f] = cell(record, m_columns[f]).toString();
    bool bad = false;
    const auto reject = [&](int field, const QString &value, const QString &reason) {
        m_ctx.reject(line, QString::fromLatin1(FieldNames[field]), value, reason);
        bad = true;
    };
    const QString &key = texts[Agent];
    if (key.isEmpty())
        reject(Agent, QString(), QObject::tr("agent is required but empty"));
    for (int f : {Agent, Team, Site, Supervisor}) {
        if (texts[f] == u"(total)" || texts[f] == u"(blank)")
            reject(f, texts[f],
                   QObject::tr("%1 \"%2\" is a reserved value (pivots use it for totals and missing values)")
                       .arg(QString::fromLatin1(FieldNames[f]), texts[f]));
    }
    QString hireDate;
    if (!texts[HireDate].isEmpty()) {
        const QDate d = m_dates.read(texts[HireDate]).date;
        if (!d.isValid())
            reject(HireDate, texts[HireDate],
                   QObject::tr("hire_date \"%1\" is not %2").arg(texts[HireDate], m_dates.expected()));
        hireDate = d.toString(Qt::ISODate);
    }
    QDate validFrom = m_ctx.today;
    if (!texts[ValidFrom].isEmpty()) {
        validFrom = m_dates.read(texts[ValidFrom]).date;
        if (!validFrom.isValid())
            reject(ValidFrom, texts[ValidFrom],
                   QObject::tr("valid_from \"%1\" is not %2").arg(texts[ValidFrom], m_dates.expected()));
    }
    std::optional<bool> active;
    if (!texts[Active].isEmpty()) {
        const ValueMap *map = m_ctx.mapping.valuesFor(u"active");
        const ValueMap::Value *v = map ? map->find(texts[Active]) : nullptr;
        if (v && v->kind == ValueMap::Value::Number)
            active = v->number != 0;
        else
            active =
                readActive(v && v->kind == ValueMap::Value::Text ? QStringView(v->text) : QStringView(texts[Active]));
        if (!active)
            reject(Active, texts[Active],
                   QObject::tr("active \"%1\" is not yes/no, true/false, 1/0 or active/inactive").arg(texts[Active]));
    }
    const QString from = validFrom.toString(Qt::ISODate);
    if (!key.isEmpty() && !bad) {
        const QString unit = key + QChar(0) + from;
        if (const qint64 first = m_firstLines.value(unit))
            reject(Agent, key,
                   QObject::tr("agent \"%1\" appears twice with valid_from %2 (first on line %3)")
                       .arg(key, from)
                       .arg(first));
        else
            m_firstLines.insert(unit, line);
    }
    qint64 id = key.isEmpty() ? 0 : m_ctx.roster.find(key);
    QStringList aliases;
    for (const QString &a : texts[Aliases].split(u';', Qt::SkipEmptyParts)) {
        const QString alias = a.trimmed();
        if (alias.isEmpty() || alias == key || aliases.contains(alias))
            continue;
        const qint64 owner = m_ctx.roster.find(alias);
        if (owner != 0 && owner != id) {
            const AgentRoster::Agent *other = m_ctx.roster.agent(owner);
            reject(Aliases, alias,
                   QObject::tr("alias \"%1\" already belongs to agent %2").arg(alias, other ? other->key : alias));
        }
        aliases << alias;
    }
    if (bad) {
        ++m_ctx.summary.rejected;
        return true;
    }

    ImportWriter *w = m_ctx.activeWriter();
    if (id == 0) {
        AgentRoster::Agent a;
        a.key = key;
        a.name = texts[Name];
        a.hireDate = hireDate;
        a.active = active.value_or(true);
        // Not an agents_created: that counts unknown ids met in facts files.
        a.id = w ? w->insertAgent(key, a.name, a.hireDate, a.active, m_ctx.now, m_ctx.importId)
                 : -(m_outcomes.size() + 1000000);
        if (a.id == 0)
            return true;
        m_ctx.roster.addAgent(a);
        id = a.id;
        m_outcomes.insert(key, Inserted);
    } else {
        m_outcomes.insert(key, m_outcomes.value(key, Unchanged));
        AgentRoster::Agent *a = m_ctx.roster.agent(id);
        const QString name = texts[Name].isEmpty() ? a->name : texts[Name];
        const QString hire = hireDate.isEmpty() ? a->hireDate : hireDate;
        const bool act = active.value_or(a->active);
        if (name != a->name)
            change(key, id, QStringLiteral("name"), a->name, name);
        if (hire != a->hireDate)
            change(key, id, QStringLiteral("hire_date"), a->hireDate, hire);
        if (act != a->active)
            change(key, id, QStringLiteral("active"), a->active ? QStringLiteral("1") : QStringLiteral("0"),
                   act ? QStringLiteral("1") : QStringLiteral("0"));
        if (name != a->name || hire != a->hireDate || act != a->active) {
            a->name = name;
            a->hireDate = hire;
            a->active = act;
            if (w)
                w->updateAgent(id, name, hire, act);
        }
    }
    const bool inserted = m_outcomes.value(key) == Inserted;
    for (const QString &alias : aliases) {
        if (m_ctx.roster.aliasOwner(alias) == id)
            continue;
        m_ctx.roster.addAlias(alias, id);
        if (w)
            w->insertAlias(alias, id);
        if (!inserted)
            change(key, id, QStringLiteral("alias"), QString(), alias);
    }
    const bool placed = m_columns[Team] >= 0 || m_columns[Site] >= 0 || m_columns[Supervisor] >= 0;
    if (placed) {
        AgentRoster::Placement p;
        p.validFrom = from;
        p.teamId = m_ctx.nameId(ImportWriter::Teams, texts[Team]);
        p.siteId = m_ctx.nameId(ImportWriter::Sites, texts[Site]);
        p.supervisor = texts[Supervisor];
        const auto describe = [this](const AgentRoster::Placement &x) {
            return QStringLiteral("%1 / %2 / %3")
                .arg(m_ctx.names.name(ImportWriter::Teams, x.teamId), m_ctx.names.name(ImportWriter::Sites, x.siteId),
                     x.supervisor);
        };
        if (const AgentRoster::Placement *same = m_ctx.roster.startingOn(id, from)) {
            if (!same->samePlace(p)) {
                p.historyId = same->historyId;
                if (!inserted)
                    change(key, id, QStringLiteral("team/site/supervisor from ") + from, describe(*same), describe(p));
                if (w)
                    w->updateHistory(p.historyId, p.teamId, p.siteId, p.supervisor, m_ctx.importId);
                m_ctx.roster.setPlacement(id, p);
            }
        } else {
            const AgentRoster::Placement before = m_ctx.roster.inForce(id, validFrom);
            if (before.historyId == 0 || !before.samePlace(p)) {
                if (!inserted)
                    change(key, id, QStringLiteral("team/site/supervisor from ") + from, describe(before), describe(p));
                if (w) {
                    w->insertHistory(id, from, p.teamId, p.siteId, p.supervisor, m_ctx.importId);
                    p.historyId = w->lastInsertId();
                } else {
                    p.historyId = -1;
                }
                m_ctx.roster.setPlacement(id, p);
            }
        }
    }
    return true;
}

bool AgentImport::finish()
{
    for (const Outcome o : std::as_const(m_outcomes)) {
        switch (o) {
        case Inserted:
            ++m_ctx.summary.inserted;
            break;
        case Updated:
            ++m_ctx.summary.updated;
            break;
        case Unchanged:
            ++m_ctx.summary.unchanged;
            break;
        }
    }
    return m_ctx.writer.ok();
}

} // namespace ql
