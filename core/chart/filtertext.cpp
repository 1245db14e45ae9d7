// SPDX-License-Identifier: GPL-3.0-or-later
#include "filtertext.h"

#include <QObject>
#include <QStringList>

namespace ql {

namespace {

// Splits at sep outside double quotes; the quotes stay (value() strips them).
QStringList splitOutsideQuotes(const QString &text, QChar sep)
{
    QStringList parts;
    QString current;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        if (c == sep && !quoted) {
            parts << current;
            current.clear();
        } else {
            current += c;
        }
    }
    parts << current;
    return parts;
}

QString unquoted(const QString &text)
{
    const QString t = text.trimmed();
    if (t.size() >= 2 && t.startsWith(QLatin1Char('"')) && t.endsWith(QLatin1Char('"')))
        return t.mid(1, t.size() - 2);
    return t;
}

QString quotedIfNeeded(const QString &value)
{
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char(';')) || value != value.trimmed())
        return QStringLiteral("\"%1\"").arg(value);
    return value;
}

} // namespace

QString filtersToText(const QList<PivotFilter> &filters)
{
    QStringList clauses;
    for (const PivotFilter &f : filters) {
        QStringList values;
        for (const QString &v : f.values)
            values << quotedIfNeeded(v);
        clauses << QStringLiteral("%1 %2 %3")
                       .arg(f.dimension, f.exclude ? QStringLiteral("!=") : QStringLiteral("="),
                            values.join(QStringLiteral(", ")));
    }
    return clauses.join(QStringLiteral("; "));
}

std::optional<QList<PivotFilter>> filtersFromText(const QString &text, QString *error)
{
    QList<PivotFilter> filters;
    if (text.count(QLatin1Char('"')) % 2 != 0) {
        *error = QObject::tr("filters: a double quote is not closed in “%1”").arg(text.trimmed());
        return std::nullopt;
    }
    for (const QString &raw : splitOutsideQuotes(text, QLatin1Char(';'))) {
        const QString clause = raw.trimmed();
        if (clause.isEmpty())
            continue;
        // The operator: the first "!=", "≠" or "=" outside quotes.
        qsizetype at = -1;
        int width = 0;
        bool exclude = false;
        bool quoted = false;
        for (qsizetype i = 0; i < clause.size() && at < 0; ++i) {
            const QChar c = clause.at(i);
            if (c == QLatin1Char('"'))
                quoted = !quoted;
            else if (quoted)
                continue;
            else if (c == QLatin1Char('!') && clause.mid(i, 2) == QLatin1String("!="))
                at = i, width = 2, exclude = true;
            else if (c == QChar(0x2260))
                at = i, width = 1, exclude = true;
            else if (c == QLatin1Char('='))
                at = i, width = 1;
        }
        if (at < 0) {
            *error = QObject::tr("filters: “%1” needs = or != between a dimension and its values (queue = Billing)")
                         .arg(clause);
            return std::nullopt;
        }
        PivotFilter f;
        f.dimension = clause.left(at).trimmed();
        f.exclude = exclude;
        if (f.dimension.isEmpty()) {
            *error = QObject::tr("filters: “%1” names no dimension before the %2").arg(clause, clause.mid(at, width));
            return std::nullopt;
        }
        for (const QString &v : splitOutsideQuotes(clause.mid(at + width), QLatin1Char(',')))
            if (const QString value = unquoted(v); !value.isEmpty())
                f.values << value;
        if (f.values.isEmpty()) {
            *error = QObject::tr("filters: “%1” gives %2 no value").arg(clause, f.dimension);
            return std::nullopt;
        }
        for (const PivotFilter &other : std::as_const(filters))
            if (other.dimension == f.dimension) {
                *error = QObject::tr("filters: %1 is filtered twice; put its values in one clause").arg(f.dimension);
                return std::nullopt;
            }
        filters << f;
    }
    return filters;
}

} // namespace ql
