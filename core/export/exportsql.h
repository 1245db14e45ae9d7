// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The SQL behind ExportQuery: which columns each source has, the expressions of the dimensions its
// filters may name, and the statements. Internal to core/export.

#include "exportquery.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QVariant>

#include <memory>

namespace ql {

// SQL text with the values bound to its ? placeholders, in order.
struct SqlFragment
{
    QString text;
    QVariantList binds;

    SqlFragment() = default;
    SqlFragment(const QString &sql) : text(sql) {}             // NOLINT: plain SQL converts
    SqlFragment(const char *sql) : text(QLatin1String(sql)) {} // NOLINT
    SqlFragment &operator<<(const SqlFragment &other);
    SqlFragment &operator<<(const QString &sql);
    SqlFragment &operator<<(const char *sql);
    // A ? with its value.
    SqlFragment &bind(const QVariant &value);
};

class ExportSql final
{
public:
    // How a cell is read from the statement's columns, starting at Column::first.
    enum class CellKind : quint8 {
        Text,
        Number, // NULL: empty
        Integer,
        JulianDate,  // an integer Julian day; NULL: empty
        IsoDate,     // text YYYY-MM-DD…; text that is no date is written as text
        WeekLabel,   // a week key (2026 * 100 + 7) -> 2026-W07
        MonthLabel,  // a month key (202602) -> 2026-02
        Families,    // a critical-family bitmask -> customer;business;compliance
        AnswerValue, // scale_kind, value, option_label, na -> N/A, the label or the number
        CsatScore,   // scale, score, score_label -> the label on a label scale, else the number
    };
    struct Column
    {
        QString name;
        CellKind kind;
        int first; // the first statement column it reads
    };

    struct Inputs
    {
        ExportSpec spec;
        bool interactionPeriods = false;                // the project's period date is the interaction date
        QList<QPair<qint64, QString>> customDimensions; // id, name
        QDate today;
    };

    // nullptr with *problem and *error when the spec does not fit the source.
    static std::unique_ptr<ExportSql> build(const Inputs &inputs, ExportQuery::Problem *problem, QString *error);

    const QList<Column> &columns() const { return m_columns; }
    QStringList header() const;
    const QStringList &dimensions() const { return m_dimensions; }
    const SqlFragment &rows() const { return m_rows; }
    const SqlFragment &count() const { return m_count; }
    int statementColumns() const { return m_statementColumns; }

private:
    ExportSql() = default;

    QList<Column> m_columns;
    QStringList m_dimensions;
    SqlFragment m_rows;
    SqlFragment m_count;
    int m_statementColumns = 0;
};

} // namespace ql
