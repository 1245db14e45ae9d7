// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordexportsource.h"

#include "common/jobcontext.h"
#include "data/recordtablemodel.h"
#include "export/tablewriter.h"

#include <QCoreApplication>
#include <QHash>
#include <QHeaderView>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>

#include <memory>
#include <vector>

namespace ql {

namespace {

constexpr int PageRows = 256;

void addValue(TableWriter &out, const QVariant &raw, ValueKind kind)
{
    if (raw.isNull() || !raw.isValid()) {
        out.addEmpty();
        return;
    }
    switch (kind) {
    case ValueKind::Id:
    case ValueKind::Count:
        out.addInteger(raw.toLongLong());
        return;
    case ValueKind::Flag:
        out.addInteger(raw.toLongLong() != 0 ? 1 : 0);
        return;
    case ValueKind::Score:
    case ValueKind::Ratio:
        out.addNumber(raw.toDouble());
        return;
    case ValueKind::Number:
        if (raw.typeId() == QMetaType::QString)
            out.addText(raw.toString()); // an option's label
        else
            out.addNumber(raw.toDouble());
        return;
    case ValueKind::Date: {
        const QDate date = QDate::fromString(raw.toString().left(10), Qt::ISODate);
        if (date.isValid())
            out.addDate(date);
        else
            out.addText(raw.toString());
        return;
    }
    case ValueKind::Text:
    case ValueKind::Code:
        out.addText(raw.toString());
        return;
    }
}

} // namespace

TableExportSource recordExportSource(const RecordTableModel *model, const QTableView *view, NameDisplay names,
                                     const QByteArray &pseudonymKey)
{
    TableExportSource source;
    const RecordTable &table = model->table();
    QList<int> columns;
    const QHeaderView *header = view->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical) && logical < table.columns.size())
            columns << logical;
    }
    for (int c : std::as_const(columns))
        source.header << QCoreApplication::translate("ql::RecordTable", table.columns.at(c).title);
    auto ids = std::make_shared<std::vector<qint64>>();
    ids->reserve(size_t(model->rowCount()));
    for (int row = 0; row < model->rowCount(); ++row)
        ids->push_back(model->idAt(row));

    // Which exported columns show an agent, and how: the label column "agent" (a name, or the id when
    // there is none) reads the id instead; the agents table's own id and name columns are rewritten.
    enum class Person { No, Label, Id, Name };
    QList<Person> persons;
    for (int c : std::as_const(columns)) {
        const QString &key = table.columns.at(c).key;
        const bool agentsTable = table.kind == RecordKind::Agents;
        persons << (names == NameDisplay::Names                          ? Person::No
                    : !agentsTable && key == QLatin1String("agent")      ? Person::Label
                    : agentsTable && key == QLatin1String("agent_key")   ? Person::Id
                    : agentsTable && key == QLatin1String("name")        ? Person::Name
                                                                         : Person::No);
    }
    source.rows = [&table, columns, ids, persons, names, pseudonymKey](TableWriter &out, JobContext &context,
                                                                       QString *error) {
        QSqlDatabase db = context.database();
        if (!db.isOpen()) {
            *error = QCoreApplication::translate("ql::TableExportAction", "the project cannot be read");
            return false;
        }
        QStringList selects{table.idColumn};
        for (int i = 0; i < columns.size(); ++i) {
            QString select = table.columns.at(columns.at(i)).select;
            if (persons.at(i) == Person::Label) // the same expression, with the id in place of the name
                select.replace(QStringLiteral("COALESCE(ag.name, ag.agent_key)"), QStringLiteral("ag.agent_key"));
            selects << select;
        }
        selects << (table.kind == RecordKind::Agents ? QStringLiteral("ag.agent_key") : QStringLiteral("NULL"));
        QStringList marks;
        for (int i = 0; i < PageRows; ++i)
            marks << QStringLiteral("?");
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE %3 IN (%4)")
                           .arg(selects.join(QStringLiteral(", ")), table.from, table.idColumn,
                                marks.join(QLatin1Char(','))))) {
            *error = q.lastError().text();
            return false;
        }
        QHash<qint64, QVariantList> byId;
        for (size_t first = 0; first < ids->size(); first += PageRows) {
            if (context.isCanceled()) {
                *error = QCoreApplication::translate("ql::TableExportAction", "cancelled");
                return false;
            }
            const size_t last = std::min(ids->size(), first + PageRows);
            for (int i = 0; i < PageRows; ++i)
                q.bindValue(i, (*ids)[first + std::min(size_t(i), last - first - 1)]);
            if (!q.exec()) {
                *error = q.lastError().text();
                return false;
            }
            byId.clear();
            while (q.next()) {
                QVariantList values;
                for (int c = 0; c <= columns.size(); ++c) // and the agent's id, last
                    values << q.value(c + 1);
                byId.insert(q.value(0).toLongLong(), values);
            }
            q.finish();
            for (size_t i = first; i < last; ++i) {
                const auto found = byId.constFind((*ids)[i]);
                if (found == byId.cend())
                    continue; // removed since the table was read
                const QString agentId = found->last().toString();
                for (int c = 0; c < columns.size(); ++c) {
                    const QVariant &value = found->at(c);
                    switch (persons.at(c)) {
                    case Person::No:
                        addValue(out, value, table.columns.at(columns.at(c)).kind);
                        break;
                    case Person::Label:
                    case Person::Id: {
                        const QString id = value.toString();
                        if (id.isEmpty())
                            out.addEmpty();
                        else
                            out.addText(names == NameDisplay::Ids ? id : AgentNames::pseudonym(pseudonymKey, id));
                        break;
                    }
                    case Person::Name:
                        out.addText(names == NameDisplay::Ids ? agentId : AgentNames::pseudonym(pseudonymKey, agentId));
                        break;
                    }
                }
                if (!out.endRow())
                    return false;
            }
            context.setProgress(double(last) / double(std::max<size_t>(1, ids->size())));
        }
        return true;
    };
    return source;
}

} // namespace ql
