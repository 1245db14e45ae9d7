// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tablewriter.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace ql {

// How agents appear in an output (ui.md "People in outputs", privacy.md): by name, by id, or by a
// stable pseudonym. The project setting name_display gives the default; an export may override it.
enum class NameDisplay { Names, Ids, Pseudonyms };

class AgentNames final
{
public:
    AgentNames() = delete;

    static QString displayName(NameDisplay display); // names, ids, pseudonyms
    static std::optional<NameDisplay> fromName(const QString &name);

    // "Agent 7QK2MD": six characters of HMAC-SHA256(key, agent id) in Crockford's base 32. Stable
    // for a project (its key does not change), different between projects, and not reversible by
    // hashing a list of known ids without the project's key.
    static QString pseudonym(const QByteArray &key, QStringView agentId);

    // The project's pseudonym key (32 random bytes, hex, in settings as pseudonym_key), created on
    // first use when the connection can write. Empty, with *error, when it is missing and cannot be
    // written (a project opened read-only that never had pseudonyms made).
    static QByteArray projectKey(const QSqlDatabase &db, QString *error);
};

// A TableWriter in front of another that shows agents as `display` says. `idColumn` holds the
// agent's id (written by the producer as text); `nameColumns` hold the agent's name (-1: none).
// Ids: the name columns take the id. Pseudonyms: the id and the name columns take the pseudonym.
// Names: everything passes through.
class AgentNameWriter final : public TableWriter
{
public:
    AgentNameWriter(TableWriter &out, NameDisplay display, QByteArray key, int idColumn, QList<int> nameColumns);

    bool begin(const QStringList &header) override;
    void addText(QStringView text) override;
    void addNumber(double value) override;
    void addInteger(qint64 value) override;
    void addDate(QDate date) override;
    void addEmpty() override;
    bool endRow() override;
    bool finish() override { return m_out.finish(); }
    QString errorString() const override { return m_out.errorString(); }

private:
    void cell();
    bool rewrites(int column) const { return column == m_idColumn || m_nameColumns.contains(column); }

    TableWriter &m_out;
    NameDisplay m_display;
    QByteArray m_key;
    int m_idColumn;
    QList<int> m_nameColumns;
    int m_column = 0;
    QString m_agentId; // of the current row, once its id column has passed
};

} // namespace ql
