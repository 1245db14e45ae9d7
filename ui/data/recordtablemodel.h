// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordfilter.h"
#include "recordtable.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSqlQuery>
#include <QVariantList>

#include <memory>
#include <vector>

namespace ql {

class JobRunner;
class Project;

// A table of the project in core terms (after GammaRay's TimerModel): numbers are numbers, dates
// are QDates, flags are bools, empty is an invalid QVariant; RecordFormatProxy makes them text.
//
// It holds only the ids of the rows to show, in display order, computed in the background
// (loading, sorting and filtering all produce a new id list through the JobRunner). The rows
// themselves are read by id, a page of 256 at a time, when the view asks for them, and a few
// pages are cached. A sort swaps in a permutation (layoutChanged, selections survive); a new
// filter or a reload resets the model.
class RecordTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        ValueRole = Qt::UserRole + 1, // the raw value (also Qt::DisplayRole)
        SortRole = ValueRole,
        IdRole,   // the row's id
        KindRole, // headerData: the column's ValueKind as an int
        KeyRole,  // headerData: the column's key
    };
    static constexpr int PageSize = 256;

    RecordTableModel(RecordKind kind, JobRunner *runner, QObject *parent = nullptr);
    ~RecordTableModel() override;

    const RecordTable &table() const { return m_table; }

    // The project to read (nullptr: none). Empties the model; nothing is read until load().
    void setProject(const Project *project);
    const Project *project() const { return m_project; }

    // Starts loading if it has not been loaded yet (the Data page calls this when a table is shown).
    void ensureLoaded();
    void reload();

    void setFilter(const RecordFilter &filter);
    RecordFilter filter() const { return m_filter; }

    bool isLoaded() const { return m_loaded; }
    bool isLoading() const { return m_jobId != 0; }
    QString lastError() const { return m_error; }
    // Rows without the search (the table's size, or the parent's rows); -1 while unknown.
    qint64 totalCount() const { return m_total; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    qint64 idAt(int row) const;
    int rowOfId(qint64 id) const; // -1 when not shown

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void countsChanged();
    void loadFailed(const QString &message);

private:
    struct Page
    {
        int index = -1;
        quint64 lastUse = 0;
        std::vector<QVariantList> rows;
    };

    void startJob(bool permutationOnly);
    void applyIds(std::vector<qint64> &&ids, qint64 total, bool permutationOnly);
    void setJob(quint64 id);
    const Page *page(int index) const;
    void fetchPage(Page &page, int index) const;
    QVariant convert(const QVariant &raw, ValueKind kind) const;
    void clearCache();

    const RecordTable &m_table;
    QPointer<JobRunner> m_runner;
    const QString m_channel;
    const Project *m_project = nullptr;
    RecordFilter m_filter;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::vector<qint64> m_ids;
    qint64 m_total = -1;
    bool m_loaded = false;
    bool m_pendingReset = false; // a job that changes which rows are shown is on its way
    quint64 m_jobId = 0;
    QString m_error;

    static constexpr int CachedPages = 12;
    mutable std::vector<Page> m_cache;
    mutable quint64 m_useCounter = 0;
    mutable std::unique_ptr<QSqlQuery> m_pageQuery;
};

} // namespace ql
