// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordtablemodel.h"

#include "common/jobrunner.h"
#include "recordorder.h"
#include "store/project.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QSqlError>
#include <QStringList>

#include <algorithm>

namespace ql {

// QT_LOGGING_RULES="ql.ui.records.debug=true" prints how long each page read took (on the UI thread).
Q_LOGGING_CATEGORY(lcRecords, "ql.ui.records", QtWarningMsg)

RecordTableModel::RecordTableModel(RecordKind kind, JobRunner *runner, QObject *parent)
    : QAbstractTableModel(parent)
    , m_table(RecordTable::get(kind))
    , m_runner(runner)
    , m_channel(QStringLiteral("records-%1-%2").arg(m_table.key).arg(quintptr(this), 0, 16))
{
}

RecordTableModel::~RecordTableModel()
{
    if (m_runner)
        m_runner->abandon(m_channel);
}

void RecordTableModel::setProject(const Project *project)
{
    if (m_runner)
        m_runner->abandon(m_channel);
    beginResetModel();
    m_project = project;
    m_ids.clear();
    m_total = -1;
    m_loaded = false;
    m_error.clear();
    m_pendingReset = false;
    clearCache();
    m_pageQuery.reset();
    endResetModel();
    setJob(0);
    Q_EMIT countsChanged();
}

void RecordTableModel::ensureLoaded()
{
    if (m_project && !m_loaded && !isLoading())
        startJob(false);
}

void RecordTableModel::reload()
{
    if (!m_project)
        return;
    m_total = -1;
    startJob(false);
}

void RecordTableModel::setFilter(const RecordFilter &filter)
{
    if (filter == m_filter)
        return;
    const bool parentChanged = filter.parent != m_filter.parent;
    m_filter = filter;
    if (parentChanged)
        m_total = -1;
    if (m_project)
        startJob(false);
}

void RecordTableModel::sort(int column, Qt::SortOrder order)
{
    if (column >= columnCount())
        column = -1;
    if (column == m_sortColumn && (column < 0 || order == m_sortOrder))
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    if (m_project && (m_loaded || isLoading()))
        startJob(m_loaded && !m_pendingReset);
}

void RecordTableModel::startJob(bool permutationOnly)
{
    // The owner hands the same project to the runner and to its models.
    Q_ASSERT(m_runner && m_runner->project() == m_project);
    if (!m_runner || m_runner->project() != m_project)
        return;
    if (!permutationOnly)
        m_pendingReset = true;
    RecordOrderRequest request;
    request.filter = m_filter;
    request.sortColumn = m_sortColumn;
    request.order = m_sortOrder;
    request.expectedRows = permutationOnly ? qint64(m_ids.size()) : m_total;
    request.countTotal = m_filter.hasSearch() && m_total < 0;
    const QString noun = QCoreApplication::translate("ql::RecordTable", m_table.noun);
    const QString label = permutationOnly ? tr("Sorting %1…").arg(noun)
                          : m_filter.hasSearch() ? tr("Searching %1…").arg(noun)
                                                 : tr("Loading %1…").arg(noun);
    const RecordTable *table = &m_table;
    const quint64 id = m_runner->start<RecordOrderResult>(
        m_channel, label,
        [table, request](JobContext &context) { return RecordOrder::compute(*table, request, context); },
        [this, permutationOnly](RecordOrderResult &&result) {
            setJob(0);
            if (!result.error.isEmpty()) {
                m_error = result.error;
                Q_EMIT loadFailed(m_error);
                return;
            }
            m_error.clear();
            applyIds(std::move(result.ids), result.total, permutationOnly);
        },
        [this] { setJob(0); });
    setJob(id);
}

void RecordTableModel::setJob(quint64 id)
{
    const bool wasLoading = isLoading();
    m_jobId = id;
    if (wasLoading != isLoading())
        Q_EMIT loadingChanged(isLoading());
}

void RecordTableModel::applyIds(std::vector<qint64> &&ids, qint64 total, bool permutationOnly)
{
    if (permutationOnly && ids.size() == m_ids.size()) {
        // Same rows, new order: move the persistent indexes (the selection) with their rows.
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList from = persistentIndexList();
        QHash<qint64, int> newRowOf;
        for (const QModelIndex &index : from)
            newRowOf.insert(m_ids[size_t(index.row())], -1);
        for (size_t row = 0; row < ids.size() && !newRowOf.isEmpty(); ++row)
            if (auto it = newRowOf.find(ids[row]); it != newRowOf.end())
                it.value() = int(row);
        QModelIndexList to;
        to.reserve(from.size());
        for (const QModelIndex &index : from) {
            const int row = newRowOf.value(m_ids[size_t(index.row())], -1);
            to << (row >= 0 ? createIndex(row, index.column()) : QModelIndex());
        }
        m_ids = std::move(ids);
        clearCache();
        changePersistentIndexList(from, to);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    } else {
        beginResetModel();
        m_ids = std::move(ids);
        clearCache();
        endResetModel();
    }
    m_pendingReset = false;
    if (!m_filter.hasSearch())
        m_total = qint64(m_ids.size());
    else if (total >= 0)
        m_total = total;
    m_loaded = true;
    Q_EMIT countsChanged();
}

qint64 RecordTableModel::idAt(int row) const
{
    return row >= 0 && size_t(row) < m_ids.size() ? m_ids[size_t(row)] : -1;
}

int RecordTableModel::rowOfId(qint64 id) const
{
    const auto it = std::find(m_ids.begin(), m_ids.end(), id);
    return it == m_ids.end() ? -1 : int(it - m_ids.begin());
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.columns.size());
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == IdRole)
        return m_ids[size_t(index.row())];
    if (role != Qt::DisplayRole && role != ValueRole)
        return {};
    const Page *p = page(index.row() / PageSize);
    if (!p)
        return {};
    const size_t inPage = size_t(index.row() % PageSize);
    if (inPage >= p->rows.size())
        return {};
    const QVariantList &row = p->rows[inPage];
    return index.column() < row.size() ? row.at(index.column()) : QVariant();
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (section < 0 || section >= m_table.columns.size())
        return {};
    const RecordColumn &column = m_table.columns.at(section);
    switch (role) {
    case Qt::DisplayRole:
        return QCoreApplication::translate("ql::RecordTable", column.title);
    case KindRole:
        return int(column.kind);
    case KeyRole:
        return column.key;
    default:
        return {};
    }
}

void RecordTableModel::clearCache()
{
    m_cache.clear();
}

const RecordTableModel::Page *RecordTableModel::page(int index) const
{
    for (Page &p : m_cache) {
        if (p.index == index) {
            p.lastUse = ++m_useCounter;
            return &p;
        }
    }
    if (!m_project)
        return nullptr;
    if (m_cache.size() < size_t(CachedPages)) {
        m_cache.emplace_back();
    } else {
        auto oldest = std::min_element(m_cache.begin(), m_cache.end(),
                                       [](const Page &a, const Page &b) { return a.lastUse < b.lastUse; });
        std::iter_swap(oldest, m_cache.end() - 1);
    }
    Page &p = m_cache.back();
    p.index = index;
    p.lastUse = ++m_useCounter;
    fetchPage(p, index);
    return &p;
}

void RecordTableModel::fetchPage(Page &page, int index) const
{
    // A page is read by primary key: 256 rows with their names joined in take about a millisecond,
    // so the view's thread can afford it (unlike ORDER BY … OFFSET on an unindexed column).
    QElapsedTimer clock;
    clock.start();
    const size_t first = size_t(index) * PageSize;
    const size_t last = std::min(m_ids.size(), first + PageSize);
    page.rows.assign(last > first ? last - first : 0, QVariantList());
    if (page.rows.empty())
        return;
    if (!m_pageQuery) {
        QStringList selects{m_table.idColumn};
        for (const RecordColumn &c : m_table.columns)
            selects << c.select;
        QStringList marks;
        for (int i = 0; i < PageSize; ++i)
            marks << QStringLiteral("?");
        m_pageQuery = std::make_unique<QSqlQuery>(m_project->database());
        m_pageQuery->setForwardOnly(true);
        if (!m_pageQuery->prepare(QStringLiteral("SELECT %1 FROM %2 WHERE %3 IN (%4)")
                                      .arg(selects.join(QStringLiteral(", ")), m_table.from, m_table.idColumn,
                                           marks.join(QLatin1Char(','))))) {
            qWarning("ql::RecordTableModel: %s", qPrintable(m_pageQuery->lastError().text()));
            m_pageQuery.reset();
            return;
        }
    }
    QSqlQuery &q = *m_pageQuery;
    for (int i = 0; i < PageSize; ++i)
        q.bindValue(i, m_ids[first + std::min(size_t(i), last - first - 1)]);
    if (!q.exec()) {
        qWarning("ql::RecordTableModel: %s", qPrintable(q.lastError().text()));
        return;
    }
    QHash<qint64, QVariantList> byId;
    byId.reserve(PageSize);
    const int columns = int(m_table.columns.size());
    while (q.next()) {
        QVariantList values;
        values.reserve(columns);
        for (int c = 0; c < columns; ++c)
            values << convert(q.value(c + 1), m_table.columns.at(c).kind);
        byId.insert(q.value(0).toLongLong(), values);
    }
    q.finish(); // do not hold a read transaction open between pages
    for (size_t i = first; i < last; ++i)
        page.rows[i - first] = byId.value(m_ids[i], QVariantList(columns));
    qCDebug(lcRecords, "%s: page %d read in %lld ms", qPrintable(m_table.key), index, clock.elapsed());
}

QVariant RecordTableModel::convert(const QVariant &raw, ValueKind kind) const
{
    if (raw.isNull())
        return {};
    switch (kind) {
    case ValueKind::Id:
    case ValueKind::Count:
        return raw.toLongLong();
    case ValueKind::Score:
    case ValueKind::Ratio:
        return raw.toDouble();
    case ValueKind::Number:
        return raw.typeId() == QMetaType::QString ? raw : QVariant(raw.toDouble());
    case ValueKind::Flag:
        return raw.toLongLong() != 0;
    case ValueKind::Date: {
        const QDate date = QDate::fromString(raw.toString().left(10), Qt::ISODate);
        return date.isValid() ? QVariant(date) : QVariant(raw.toString());
    }
    case ValueKind::Text:
    case ValueKind::Code:
        return raw.toString();
    }
    return raw;
}

} // namespace ql
