// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordformatproxy.h"

#include "recordtablemodel.h"

#include <QCoreApplication>
#include <QDate>

#include <cmath>

namespace ql {

namespace {

// scoring.md: one audit's score is truncated, not rounded, to one decimal, so an audit that fails
// on its score is never shown at or above the threshold. Scores are stored rounded to 6 decimals;
// working in millionths avoids 84.9 turning into 84.89999….
double truncateToTenth(double score)
{
    const double micro = std::round(score * 1e6);
    return std::trunc(micro / 1e5) / 10.0;
}

constexpr int LongText = 60;

QString codeLabel(const QString &code)
{
    static const struct
    {
        const char *code;
        const char *label;
    } labels[] = {
        {"random", QT_TRANSLATE_NOOP("ql::RecordFormatProxy", "Random")},
        {"targeted", QT_TRANSLATE_NOOP("ql::RecordFormatProxy", "Targeted")},
        {"csat_triggered", QT_TRANSLATE_NOOP("ql::RecordFormatProxy", "CSAT-triggered")},
        {"dispute", QT_TRANSLATE_NOOP("ql::RecordFormatProxy", "Dispute")},
        {"self", QT_TRANSLATE_NOOP("ql::RecordFormatProxy", "Self")},
        {"peer", QT_TRANSLATE_NOOP("ql::RecordFormatProxy", "Peer")},
        {"auto", QT_TRANSLATE_NOOP("ql::RecordFormatProxy", "Automatic")},
        {"customer", QT_TRANSLATE_NOOP("ql::RecordFormatProxy", "Customer")},
        {"business", QT_TRANSLATE_NOOP("ql::RecordFormatProxy", "Business")},
        {"compliance", QT_TRANSLATE_NOOP("ql::RecordFormatProxy", "Compliance")},
    };
    for (const auto &l : labels)
        if (code == QLatin1String(l.code))
            return QCoreApplication::translate("ql::RecordFormatProxy", l.label);
    return code;
} // characters after which a text cell also gets its full text as tooltip

} // namespace

RecordFormatProxy::RecordFormatProxy(QObject *parent)
    : QIdentityProxyModel(parent)
{
}

void RecordFormatProxy::setLocale(const QLocale &locale)
{
    m_locale = locale;
    if (rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::DisplayRole});
}

ValueKind RecordFormatProxy::kindOf(int column) const
{
    if (!sourceModel())
        return ValueKind::Text;
    const QVariant kind = sourceModel()->headerData(column, Qt::Horizontal, RecordTableModel::KindRole);
    return kind.isValid() ? static_cast<ValueKind>(kind.toInt()) : ValueKind::Text;
}

Qt::Alignment RecordFormatProxy::alignment(ValueKind kind)
{
    switch (kind) {
    case ValueKind::Id:
    case ValueKind::Count:
    case ValueKind::Score:
    case ValueKind::Number:
    case ValueKind::Ratio:
        return Qt::AlignRight | Qt::AlignVCenter;
    case ValueKind::Flag:
        return Qt::AlignHCenter | Qt::AlignVCenter;
    case ValueKind::Date:
    case ValueKind::Text:
    case ValueKind::Code:
        break;
    }
    return Qt::AlignLeft | Qt::AlignVCenter;
}

QString RecordFormatProxy::format(const QVariant &value, ValueKind kind) const
{
    if (!value.isValid() || value.isNull())
        return QString();
    switch (kind) {
    case ValueKind::Id:
        return QString::number(value.toLongLong());
    case ValueKind::Count:
        return m_locale.toString(value.toLongLong());
    case ValueKind::Score:
        return m_locale.toString(truncateToTenth(value.toDouble()), 'f', 1);
    case ValueKind::Number:
        if (value.typeId() == QMetaType::QString)
            return value.toString();
        return m_locale.toString(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case ValueKind::Ratio:
        return m_locale.toString(value.toDouble(), 'f', 2);
    case ValueKind::Flag:
        return value.toBool() ? tr("Yes") : tr("No");
    case ValueKind::Date:
        // ISO dates: unambiguous in every locale, and they sort as they read.
        return value.typeId() == QMetaType::QDate ? value.toDate().toString(Qt::ISODate) : value.toString();
    case ValueKind::Code:
        return codeLabel(value.toString());
    case ValueKind::Text: {
        QString text = value.toString();
        // One line per row: a comment's line breaks would be cut off by the row height.
        text.replace(QLatin1String("\r\n"), QLatin1String(" "));
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        return text;
    }
    }
    return value.toString();
}

QVariant RecordFormatProxy::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return format(QIdentityProxyModel::data(index, RecordTableModel::ValueRole), kindOf(index.column()));
    case Qt::TextAlignmentRole:
        return int(alignment(kindOf(index.column())));
    case Qt::ToolTipRole: {
        if (kindOf(index.column()) != ValueKind::Text)
            return {};
        const QString text = QIdentityProxyModel::data(index, RecordTableModel::ValueRole).toString();
        return text.size() > LongText ? text : QVariant();
    }
    default:
        return QIdentityProxyModel::data(index, role);
    }
}

QVariant RecordFormatProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole && section >= 0 && section < columnCount())
        return int(alignment(kindOf(section)));
    return QIdentityProxyModel::headerData(section, orientation, role);
}

} // namespace ql
