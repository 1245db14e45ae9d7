// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>
#include <QVariant>

namespace ql {

// The tables of the Scorecards page (criteria, audits, ranking, auditors, trend): rows of cells
// that carry the raw number (SortRole, for sorting and tests) beside the text shown, and a muted
// state for numbers below the minimum sample. Built whole from the page's computed data.
class ScorecardTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int IdRole = Qt::UserRole + 2; // the row's record id (audits) or key
    static constexpr int AgentRole = Qt::UserRole + 3;     // the agent key of the row's agent (exports), if any
    static constexpr int AgentNameRole = Qt::UserRole + 4; // the agent's name
    static constexpr int TagsRole = Qt::UserRole + 5;      // the row's tags, space-separated (filters)

    struct Cell
    {
        QString text;
        QVariant value; // raw: a number, or the text when none
        QString toolTip;
        bool muted = false; // greyed: a small sample, or a row outside the KPIs
        bool number = false;
    };
    struct Row
    {
        QList<Cell> cells;
        QVariant id;
        QString agentKey; // the row's agent, so that exports can show ids or pseudonyms
        QString agentName;
        QStringList tags; // e.g. counted, failed, critical (the audits table's filter)
    };

    explicit ScorecardTableModel(QObject *parent = nullptr);

    void setHeaders(const QStringList &headers);
    void setRows(QList<Row> rows);
    const Row &row(int r) const { return m_rows.at(r); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static Cell text(const QString &text, bool muted = false);
    static Cell number(const QString &text, const QVariant &value, bool muted = false, const QString &toolTip = {});

private:
    QStringList m_headers;
    QList<Row> m_rows;
};

} // namespace ql
