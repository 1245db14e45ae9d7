// SPDX-License-Identifier: GPL-3.0-or-later
#include "scorecardexport.h"

#include "common/jobrunner.h"
#include "export/tablewriter.h"
#include "scorecardtablemodel.h"
#include "store/projectsettings.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QTableView>

#include <memory>

namespace ql::ScorecardExport {

namespace {

struct Value
{
    QVariant value;
    bool number = false;
};

void write(TableWriter &out, const Value &v)
{
    if (v.number) {
        switch (v.value.typeId()) {
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::UInt:
        case QMetaType::ULongLong:
            out.addInteger(v.value.toLongLong());
            return;
        case QMetaType::Double:
        case QMetaType::Float:
            out.addNumber(v.value.toDouble());
            return;
        default:
            break;
        }
    }
    const QString text = v.value.toString();
    if (text.isEmpty() || text == QStringLiteral("—"))
        out.addEmpty();
    else
        out.addText(text);
}

} // namespace

TableExportSource source(const QTableView *view, int agentColumn, NameDisplay names, const QByteArray &pseudonymKey)
{
    TableExportSource out;
    const QAbstractItemModel *model = view ? view->model() : nullptr;
    if (!model)
        return out;
    const QHeaderView *header = view->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns << logical;
    }
    int idColumn = -1;
    for (int c : std::as_const(columns)) {
        if (c == agentColumn) {
            idColumn = int(out.header.size());
            out.header << QCoreApplication::translate("ql::ScorecardExport", "Agent ID")
                       << QCoreApplication::translate("ql::ScorecardExport", "Agent");
        } else {
            out.header << model->headerData(c, Qt::Horizontal).toString();
        }
    }
    auto rows = std::make_shared<QList<QList<Value>>>();
    for (int r = 0; r < model->rowCount(); ++r) {
        QList<Value> values;
        for (int c : std::as_const(columns)) {
            const QModelIndex index = model->index(r, c);
            if (c == agentColumn) {
                const QString key = index.data(ScorecardTableModel::AgentRole).toString();
                const QString name = index.data(ScorecardTableModel::AgentNameRole).toString();
                values << Value{key} << Value{name.isEmpty() ? key : name};
                continue;
            }
            const bool number = index.data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight;
            values << (number ? Value{index.data(ScorecardTableModel::SortRole), true} : Value{index.data()});
        }
        rows->append(values);
    }
    out.rows = [rows, idColumn, names, pseudonymKey](TableWriter &target, JobContext &context, QString *error) {
        std::unique_ptr<AgentNameWriter> renamed;
        if (idColumn >= 0)
            renamed = std::make_unique<AgentNameWriter>(target, names, pseudonymKey, idColumn, QList<int>{idColumn + 1});
        TableWriter &w = renamed ? static_cast<TableWriter &>(*renamed) : target;
        for (const QList<Value> &row : std::as_const(*rows)) {
            if (context.isCanceled()) {
                *error = QCoreApplication::translate("ql::ScorecardExport", "cancelled");
                return false;
            }
            for (const Value &v : row)
                write(w, v);
            if (!w.endRow())
                return false;
        }
        return true;
    };
    return out;
}

NameDisplay projectNames(const QSqlDatabase &db, QByteArray *pseudonymKey, std::optional<NameDisplay> override)
{
    NameDisplay names = override.value_or(
        AgentNames::fromName(ProjectSettings(db).value(ProjectSettings::NameDisplay).toString()).value_or(NameDisplay::Names));
    if (names == NameDisplay::Pseudonyms) {
        QString error;
        *pseudonymKey = AgentNames::projectKey(db, &error);
        if (pseudonymKey->isEmpty())
            names = NameDisplay::Ids;
    }
    return names;
}

} // namespace ql::ScorecardExport
