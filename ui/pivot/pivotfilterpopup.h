// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pivot/pivotspec.h"

#include <QDate>
#include <QFrame>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace ql {

// The filter of one dimension, edited in a popup under its chip: a checkable list of the members
// (searchable), and whether the checked ones are the only ones shown or the ones hidden — `in` or
// `not_in` in the spec, so members that arrive later are hidden by the first and shown by the
// second. OK applies (applied()), Escape or a click elsewhere cancels.
class PivotFilterPopup final : public QFrame
{
    Q_OBJECT
public:
    PivotFilterPopup(const PivotFilter &filter, const QStringList &members, const QString &title,
                     QWidget *parent = nullptr);

    QStandardItemModel *model() const { return m_model; }
    QComboBox *modeBox() const { return m_mode; }
    QLineEdit *searchBox() const { return m_search; }
    void setChecked(const QString &member, bool checked);
    void checkAll(bool checked); // the members the search shows
    PivotFilter filter() const;  // as the popup stands
    void accept();

Q_SIGNALS:
    void applied(const ql::PivotFilter &filter);

private:
    const QString m_dimension;
    QComboBox *m_mode;
    QLineEdit *m_search;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QListView *m_list;
};

// The date range, edited in a popup under the Date chip: from and to (each may stay open), and
// presets counted back from the latest date in the data when that is earlier than today (ui.md).
class PivotDateRangePopup final : public QFrame
{
    Q_OBJECT
public:
    PivotDateRangePopup(const QDate &from, const QDate &to, const QDate &latest, QWidget *parent = nullptr);

    enum class Preset { ThisMonth, LastMonth, Last3Months, Last12Months, YearToDate };
    // The range of a preset, counted from `anchor` (the latest fact date, or today).
    static std::pair<QDate, QDate> presetRange(Preset preset, const QDate &anchor);
    void applyPreset(Preset preset);

    QCheckBox *fromBox() const { return m_hasFrom; }
    QCheckBox *toBox() const { return m_hasTo; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QDate from() const;
    QDate to() const;
    void accept();

Q_SIGNALS:
    void applied(const QDate &from, const QDate &to);

private:
    QDate m_anchor;
    QCheckBox *m_hasFrom;
    QCheckBox *m_hasTo;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_presets;
};

} // namespace ql
