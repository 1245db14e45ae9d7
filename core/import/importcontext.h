// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agentroster.h"
#include "importmapping.h"
#include "importproblem.h"
#include "importsummary.h"
#include "importwriter.h"
#include "masking.h"
#include "namedictionaries.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <atomic>

namespace ql {

// What every kind's importer shares during one run: the mapping, the project's dictionaries and
// roster, the writer, the counts and the problems. Kinds report problems through reject(); the
// first rejection of an import that does not skip invalid rows stops all writing (the transaction
// will be rolled back anyway) while validation goes on, so every problem is still listed.
struct ImportContext
{
    ImportContext(const ImportMapping &m, QSqlDatabase database, ImportWriter &w)
        : mapping(m), db(std::move(database)), writer(w), masker(m.mask)
    {
    }

    const ImportMapping &mapping;
    QSqlDatabase db;
    ImportWriter &writer;
    QString fileName;
    // false in a dry run, or after a rejection without skip-invalid. Atomic: the audit writer
    // thread reads it while the reading thread may clear it.
    std::atomic_bool writing{true};
    bool skipInvalid = false;
    bool overwriteLocal = false;
    QHash<QString, QString> agentMap; // ImportOptions::agentMap
    qint64 importId = 0;
    QString now; // UTC date-time of the import, for created_at and the change log
    QString who;
    QDate today; // the import date (agents' default valid_from)
    NameDictionaries names;
    AgentRoster roster;
    Masker masker;
    ImportSummary summary;
    QList<ImportProblem> problems;
    // Every rejected physical line (the line a record starts on) and the reason the rejects file
    // gives it: its own problem, or "another row of audit X was rejected".
    QHash<qint64, QString> rejectedLines;

    ImportWriter *activeWriter() { return writing ? &writer : nullptr; }

    // Reports a problem with a row; the row is rejected.
    void reject(qint64 line, const QString &field, const QString &value, const QString &reason)
    {
        problems.append({fileName, line, field, value, reason});
        rejectedLines.insert(line, reason);
        if (!skipInvalid)
            writing = false;
    }
    // A row rejected only because another row of its record was: in the rejects file, not listed.
    void rejectSibling(qint64 line, const QString &reason)
    {
        if (!rejectedLines.contains(line))
            rejectedLines.insert(line, reason);
        if (!skipInvalid)
            writing = false;
    }

    qint64 nameId(ImportWriter::NameTable table, const QString &name) { return names.id(table, name, activeWriter()); }
    // The same with the writer decided by the caller: the audit writer thread decides once per
    // audit, since `writing` may be cleared by the reading thread half-way through it.
    qint64 nameId(ImportWriter::NameTable table, const QString &name, ImportWriter *w)
    {
        return names.id(table, name, w);
    }
    // The agent an id means, created (and counted) when the roster does not know it.
    qint64 agentId(const QString &key) { return agentId(key, activeWriter()); }
    // An id the wizard mapped to an existing agent (ImportOptions::agentMap) means that agent, and
    // becomes its alias when first met (written and change-logged like a roster's alias), so the
    // next import of such a file knows the id without being told (docs/import.md).
    qint64 agentId(const QString &key, ImportWriter *w)
    {
        bool created = false;
        const auto mapped = agentMap.constFind(key);
        if (mapped != agentMap.cend() && roster.find(key) == 0) {
            if (const qint64 owner = roster.find(*mapped)) {
                roster.addAlias(key, owner);
                if (w) {
                    w->insertAlias(key, owner);
                    w->changeLog(now, who, QStringLiteral("agent"), *mapped, QStringLiteral("alias"), QString(), key,
                                 importId);
                }
            }
        }
        const qint64 id = roster.ensure(mapped == agentMap.cend() ? key : *mapped, w, now, importId, &created);
        if (created) {
            ++summary.agentsCreated;
            summary.createdAgents.append(key);
        }
        return id;
    }
    int mask(QString &text) const { return text.isEmpty() ? 0 : masker.mask(text); }
};

} // namespace ql
