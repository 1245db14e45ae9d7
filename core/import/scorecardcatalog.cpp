// SPDX-License-Identifier: GPL-3.0-or-later
#include "scorecardcatalog.h"

#include "importmapping.h"

#include <QObject>

namespace ql {

QString ScorecardCatalog::Entry::title() const
{
    return QObject::tr("%1 version %2").arg(stored.card.name).arg(stored.card.version);
}

ScorecardCatalog::ScorecardCatalog(QSqlDatabase db, const ImportMapping &mapping)
    : m_db(std::move(db)), m_mapping(mapping)
{
}

ScorecardCatalog::~ScorecardCatalog() = default;

const QList<ScorecardVersionInfo> &ScorecardCatalog::versionsOf(const QString &name)
{
    auto it = m_versions.find(name);
    if (it == m_versions.end()) {
        if (m_beforeQuery)
            m_beforeQuery();
        it = m_versions.insert(name, ScorecardStore(m_db).versions(name));
    }
    return *it;
}

ScorecardCatalog::Entry *ScorecardCatalog::load(qint64 id)
{
    if (Entry *e = m_entries.value(id))
        return e;
    if (m_beforeQuery)
        m_beforeQuery();
    auto stored = ScorecardStore(m_db).load(id);
    if (!stored)
        return nullptr;
    auto entry = std::make_unique<Entry>();
    entry->stored = std::move(*stored);
    entry->engine = std::make_unique<ScoringEngine>(entry->stored.card);
    Entry *raw = entry.get();
    m_owned.push_back(std::move(entry));
    m_entries.insert(id, raw);
    return raw;
}

const ScorecardCatalog::Entry *ScorecardCatalog::inForce(const QString &name, QDate date, QString *why)
{
    const QList<ScorecardVersionInfo> &versions = versionsOf(name);
    if (versions.isEmpty()) {
        *why = QObject::tr(
                   "scorecard \"%1\" is not in the project; import it first (import PROJECT --scorecard CARD.json)")
                   .arg(name);
        return nullptr;
    }
    const ScorecardVersionInfo *best = nullptr;
    for (const ScorecardVersionInfo &v : versions) {
        if (v.validFrom <= date && (!v.validTo.isValid() || v.validTo >= date) && (!best || v.version > best->version))
            best = &v;
    }
    if (!best) {
        *why = QObject::tr("no version of scorecard %1 is in force on %2").arg(name, date.toString(Qt::ISODate));
        return nullptr;
    }
    return load(best->id);
}

const ScorecardCatalog::Entry *ScorecardCatalog::version(const QString &name, int version, QString *why)
{
    const QList<ScorecardVersionInfo> &versions = versionsOf(name);
    for (const ScorecardVersionInfo &v : versions) {
        if (v.version == version)
            return load(v.id);
    }
    *why = versions.isEmpty()
               ? QObject::tr(
                     "scorecard \"%1\" is not in the project; import it first (import PROJECT --scorecard CARD.json)")
                     .arg(name)
               : QObject::tr("scorecard %1 has no version %2").arg(name).arg(version);
    return nullptr;
}

const ScorecardCatalog::Entry *ScorecardCatalog::byId(qint64 id)
{
    return load(id);
}

int ScorecardCatalog::criterionIndex(const Entry &entry, QStringView label)
{
    auto &cache = const_cast<Entry &>(entry).labels;
    for (const auto &[text, index] : cache) {
        if (label == text)
            return index;
    }
    const Scorecard &card = entry.stored.card;
    int index = -1;
    const QString mapped = m_mapping.criterionForLabel(label);
    if (!mapped.isEmpty()) {
        index = card.indexOfKey(mapped);
    } else {
        const QStringView trimmed = label.trimmed();
        for (int i = 0; i < card.criterionCount() && index < 0; ++i) {
            if (trimmed.compare(card.criterionAt(i).key, Qt::CaseInsensitive) == 0)
                index = i;
        }
        for (int i = 0; i < card.criterionCount() && index < 0; ++i) {
            if (trimmed.compare(card.criterionAt(i).name, Qt::CaseInsensitive) == 0)
                index = i;
        }
    }
    // Labels in a file are few; the cap only guards against a column of free text.
    if (cache.size() < 4096)
        cache.append({label.toString(), index});
    return index;
}

} // namespace ql
