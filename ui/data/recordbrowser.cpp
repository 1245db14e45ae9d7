// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordbrowser.h"

#include "common/emptystate.h"
#include "common/icons.h"
#include "common/tablecopy.h"
#include "common/uistate.h"
#include "export/recordexportsource.h"
#include "export/tableexportaction.h"
#include "store/project.h"
#include "store/projectsettings.h"
#include "recordformatproxy.h"
#include "recordtablemodel.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace ql {

RecordBrowser::RecordBrowser(RecordKind kind, JobRunner *runner, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_model(new RecordTableModel(kind, runner, this))
    , m_proxy(new RecordFormatProxy(this))
    , m_search(new QLineEdit(this))
    , m_column(new QComboBox(this))
    , m_view(new QTableView(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_openDemo(new QAction(Icons::themed(QStringLiteral("qualitylens-demo")), tr("Open Demo"), this))
    , m_import(new QAction(Icons::themed(QStringLiteral("document-import")),
                           tr("Import…"), this))
    , m_export(new TableExportAction(m_view, this))
    , m_clearSearch(new QAction(Icons::themed(QStringLiteral("edit-clear"), QStringLiteral("window-close")),
                                tr("Clear Search"), this))
{
    const RecordTable &table = m_model->table();
    const QString title = QCoreApplication::translate("ql::RecordTable", table.title);
    const QString noun = QCoreApplication::translate("ql::RecordTable", table.noun);
    setObjectName(table.key + QStringLiteral("Browser"));
    m_proxy->setSourceModel(m_model);

    // The search bar.
    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setPlaceholderText(tr("Search %1…").arg(noun));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(Icons::themed(QStringLiteral("edit-find")), QLineEdit::LeadingPosition);
    m_search->setAccessibleName(tr("Search %1").arg(noun));
    m_search->setToolTip(tr("Shows the rows whose text contains this, ignoring case"));
    m_search->setMinimumWidth(260);
    m_column->setObjectName(QStringLiteral("searchColumn"));
    m_column->setAccessibleName(tr("Column to search"));
    m_column->addItem(tr("All columns"), -1);
    for (int i = 0; i < table.columns.size(); ++i)
        if (!table.columns.at(i).match.isEmpty())
            m_column->addItem(QCoreApplication::translate("ql::RecordTable", table.columns.at(i).title), i);
    m_column->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *in = new QLabel(tr("in"), this);
    in->setBuddy(m_column);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_search, 2);
    bar->addWidget(in);
    bar->addWidget(m_column);
    bar->addStretch(3);
    m_export->setSheetName(title);
    m_export->setRunner(runner);
    m_export->setSourceFactory([this] {
        // Agents as chosen for this export, else as the project's name_display says (names, ids or
        // pseudonyms; ui.md "People in outputs", privacy.md).
        NameDisplay names = NameDisplay::Names;
        QByteArray key;
        if (const Project *project = m_model->project()) {
            names = m_export->agentOverride().value_or(
                AgentNames::fromName(ProjectSettings(project->database()).value(ProjectSettings::NameDisplay).toString())
                    .value_or(NameDisplay::Names));
            if (names == NameDisplay::Pseudonyms) {
                QString error;
                key = AgentNames::projectKey(project->database(), &error);
                if (key.isEmpty())
                    names = NameDisplay::Ids; // never names when the project asks for pseudonyms
            }
        }
        return recordExportSource(m_model, m_view, names, key);
    });
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    const bool showsAgents = std::any_of(table.columns.cbegin(), table.columns.cend(), [](const RecordColumn &c) {
        return c.key == QLatin1String("agent") || c.key == QLatin1String("agent_key");
    });
    if (showsAgents)
        m_export->offerAgentChoice();
    exportButton->setDefaultAction(m_export);
    exportButton->setPopupMode(QToolButton::MenuButtonPopup);
    exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addWidget(exportButton);

    // The table.
    m_view->setObjectName(table.key + QStringLiteral("Table"));
    m_view->setAccessibleName(title);
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    QHeaderView *header = m_view->horizontalHeader();
    header->setObjectName(QStringLiteral("header"));
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    // A stretched last column reads well for text (a comment), not for a right-aligned number.
    header->setStretchLastSection(!table.columns.isEmpty() && table.columns.last().kind == ValueKind::Text);
    header->setSortIndicatorClearable(true); // a third click returns to the natural order
    header->setSortIndicator(-1, Qt::AscendingOrder);
    setDefaultColumnWidths();
    UiState::track(header, QStringLiteral("data/%1-%2").arg(table.key, table.signature()));
    m_view->setSortingEnabled(true);
    TableCopy::install(m_view);

    m_empty = new EmptyState(m_view);
    connect(m_openDemo, &QAction::triggered, this, &RecordBrowser::openDemoRequested);
    connect(m_import, &QAction::triggered, this, &RecordBrowser::importRequested);
    connect(m_clearSearch, &QAction::triggered, this, [this] {
        m_search->clear();
        applySearch();
    });

    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_view);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(250);
    connect(&m_searchDelay, &QTimer::timeout, this, &RecordBrowser::applySearch);
    connect(m_search, &QLineEdit::textEdited, this, [this] { m_searchDelay.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, &RecordBrowser::applySearch);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty()) // the clear button
            applySearch();
    });
    connect(m_column, &QComboBox::currentIndexChanged, this, &RecordBrowser::applySearch);

    auto counts = [this] {
        updateEmptyState();
        Q_EMIT countTextChanged(countText());
    };
    connect(m_model, &RecordTableModel::countsChanged, this, counts);
    connect(m_model, &RecordTableModel::loadingChanged, this, counts);
    connect(m_model, &RecordTableModel::loadFailed, this, counts);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                Q_EMIT currentRecordChanged(current.isValid() ? m_model->idAt(current.row()) : -1, current.row());
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { Q_EMIT currentRecordChanged(-1, -1); });
    // After a sort the selected row has moved: keep it in sight.
    connect(m_model, &QAbstractItemModel::layoutChanged, this, [this] {
        if (m_view->currentIndex().isValid())
            m_view->scrollTo(m_view->currentIndex(), QAbstractItemView::PositionAtCenter);
    });
    updateEmptyState();
}

void RecordBrowser::setDefaultColumnWidths()
{
    const RecordTable &table = m_model->table();
    const QFontMetrics metrics = m_view->fontMetrics();
    const int sortArrow = 24;
    for (int i = 0; i < table.columns.size(); ++i) {
        const RecordColumn &c = table.columns.at(i);
        // Widths are given in digits: keys and dates are mostly digits, and a digit is wider than the
        // font's average character, so names get a little room to spare.
        const int forText = metrics.horizontalAdvance(QString(c.width, QLatin1Char('0'))) + 12;
        const int forTitle = metrics.horizontalAdvance(QCoreApplication::translate("ql::RecordTable", c.title)) + sortArrow;
        m_view->setColumnWidth(i, std::max(forText, forTitle));
    }
}

void RecordBrowser::setProject(const Project *project)
{
    m_searchDelay.stop();
    m_model->setProject(project);
    updateEmptyState();
    Q_EMIT countTextChanged(countText());
}

void RecordBrowser::activate()
{
    m_model->ensureLoaded();
}

void RecordBrowser::reload()
{
    m_model->reload();
}

void RecordBrowser::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void RecordBrowser::setDetailWidget(QWidget *detail)
{
    m_splitter->addWidget(detail);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    // Room for a whole scorecard (a dozen criteria) under the table, until the user moves the bar.
    m_splitter->setSizes({520, 480});
    UiState::track(m_splitter, QStringLiteral("data/%1").arg(m_model->table().key));
}

qint64 RecordBrowser::currentId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->idAt(current.row()) : -1;
}

void RecordBrowser::applySearch()
{
    m_searchDelay.stop();
    RecordFilter filter = m_model->filter();
    filter.text = m_search->text().trimmed();
    // Without a text the column does not matter: choosing one must not reload the table.
    filter.column = filter.text.isEmpty() ? -1 : m_column->currentData().toInt();
    m_model->setFilter(filter);
    updateEmptyState();
}

QString RecordBrowser::countText(RecordKind kind, qint64 shown, qint64 total, const QLocale &locale)
{
    const QString n = locale.toString(shown);
    if (total >= 0 && total != shown) {
        const QString t = locale.toString(total);
        switch (kind) {
        case RecordKind::Audits:
            return tr("%1 of %2 audits").arg(n, t);
        case RecordKind::Answers:
        case RecordKind::AuditAnswers:
            return tr("%1 of %2 answers").arg(n, t);
        case RecordKind::CsatResponses:
            return tr("%1 of %2 CSAT responses").arg(n, t);
        case RecordKind::Agents:
            return tr("%1 of %2 agents").arg(n, t);
        }
    }
    const bool one = shown == 1;
    switch (kind) {
    case RecordKind::Audits:
        return one ? tr("1 audit") : tr("%1 audits").arg(n);
    case RecordKind::Answers:
    case RecordKind::AuditAnswers:
        return one ? tr("1 answer") : tr("%1 answers").arg(n);
    case RecordKind::CsatResponses:
        return one ? tr("1 CSAT response") : tr("%1 CSAT responses").arg(n);
    case RecordKind::Agents:
        return one ? tr("1 agent") : tr("%1 agents").arg(n);
    }
    return n;
}

QString RecordBrowser::countText() const
{
    if (!m_model->project())
        return QString();
    if (!m_model->isLoaded())
        return QString(); // the table and the job in the status bar say it is loading
    const qint64 total = m_model->filter().hasSearch() ? m_model->totalCount() : -1;
    return countText(m_kind, m_model->rowCount(), total, locale());
}

void RecordBrowser::updateEmptyState()
{
    const QString noun = QCoreApplication::translate("ql::RecordTable", m_model->table().noun);
    const bool empty = m_model->project() && m_model->rowCount() == 0;
    if (!empty) {
        m_empty->hide();
        return;
    }
    QList<QAction *> actions;
    if (!m_model->isLoaded()) {
        m_empty->setTitle(m_model->isLoading() ? tr("Loading %1…").arg(noun) : QString());
        m_empty->setText(QString());
    } else if (!m_model->lastError().isEmpty()) {
        m_empty->setTitle(tr("The %1 could not be read").arg(noun));
        m_empty->setText(m_model->lastError());
    } else if (m_model->filter().hasSearch()) {
        m_empty->setTitle(tr("No %1 match “%2”").arg(noun, m_model->filter().text));
        m_empty->setText(tr("Search for part of a name, a key or a comment, or search all columns."));
        actions << m_clearSearch;
    } else {
        switch (m_kind) {
        case RecordKind::Audits:
            m_empty->setTitle(tr("No audits yet"));
            m_empty->setText(tr("Import your QA tool's audit export (File → Import…), "
                                "or open the demo project to look around."));
            actions << m_import << m_openDemo;
            break;
        case RecordKind::Answers:
        case RecordKind::AuditAnswers:
            m_empty->setTitle(tr("No answers yet"));
            m_empty->setText(tr("Answers arrive with imported audits, one for each criterion of the scorecard."));
            break;
        case RecordKind::CsatResponses:
            m_empty->setTitle(tr("No CSAT responses yet"));
            m_empty->setText(tr("Import survey results (File → Import…); they are linked to audits "
                                "by ticket."));
            actions << m_import;
            break;
        case RecordKind::Agents:
            m_empty->setTitle(tr("No agents yet"));
            m_empty->setText(tr("Agents are added when audits or a roster are imported."));
            actions << m_import << m_openDemo;
            break;
        }
    }
    m_empty->setActions(actions);
    m_empty->setVisible(!m_empty->title().isEmpty());
}

} // namespace ql
