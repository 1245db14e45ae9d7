// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordtable.h"

#include <QIdentityProxyModel>
#include <QLocale>

namespace ql {

// The thin formatting layer over a RecordTableModel (after GammaRay's ClientTimerModel): turns raw
// values into the text a person reads, in their locale, and aligns numbers right. It changes no
// row, order or value role; sorting goes through to the raw model.
class RecordFormatProxy final : public QIdentityProxyModel
{
    Q_OBJECT
public:
    explicit RecordFormatProxy(QObject *parent = nullptr);

    void setLocale(const QLocale &locale); // the default QLocale unless set
    QLocale locale() const { return m_locale; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // How a value of that kind is shown: the proxy's rules, usable where there is no model.
    QString format(const QVariant &value, ValueKind kind) const;
    static Qt::Alignment alignment(ValueKind kind);

private:
    ValueKind kindOf(int column) const;

    QLocale m_locale;
};

} // namespace ql
