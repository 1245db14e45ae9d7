// SPDX-License-Identifier: GPL-3.0-or-later
#include "scorecardspage.h"

#include "scorecardeditor/scorecardeditorbutton.h"

#include "auditformview.h"
#include "auditorview.h"
#include "disputesview.h"
#include "common/datepresets.h"
#include "common/emptystate.h"
#include "common/filterbar.h"
#include "common/icons.h"
#include "common/jobrunner.h"
#include "kpiformat.h"
#include "kpitile.h"
#include "scorecardtablemodel.h"
#include "scoring/scorerounding.h"
#include "store/disputestore.h"
#include "store/project.h"
#include "teamview.h"
#include "trendchart.h"

#include <QComboBox>
#include <QCompleter>
#include <QCoreApplication>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSet>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

#include <cmath>

namespace ql {

namespace {

using Model = ScorecardTableModel;

QString ci(const KpiValue &k)
{
    if (k.ciLow && k.ciHigh)
        return QStringLiteral("%1–%2").arg(KpiFormat::level(k.ciLow).chopped(1), KpiFormat::level(k.ciHigh));
    return k.note;
}

Model::Cell levelCell(const KpiValue &k)
{
    return Model::number(KpiFormat::level(k.value), k.value ? QVariant(*k.value) : QVariant(), k.smallSample,
                         k.smallSample ? QCoreApplication::translate("ql::ScorecardsPage", "Small sample (n = %1)").arg(k.n)
                                       : QString());
}

Model::Cell optionalLevel(const std::optional<double> &v)
{
    return Model::number(KpiFormat::level(v), v ? QVariant(*v) : QVariant());
}

// The Period box's presets beside month, quarter and custom (ui.md's filter bar, common/datepresets.h):
// not KpiPeriod kinds. This month and last month are the Month list's first two.
bool isPreset(int kind)
{
    return DatePresets::isPreset(kind);
}

KpiPeriod presetPeriod(int kind, QDate latest)
{
    return DatePresets::period(kind, latest);
}

// The filter bar's choices as the charts' filter line writes them ("team = North; sample_type = self").
QString filterText(const KpiFilters &f)
{
    return KpiFormat::filters(f);
}

Model::Cell countCell(qint64 n, bool muted = false)
{
    return Model::number(QLocale().toString(n), n, muted);
}

} // namespace

ScorecardsPage::ScorecardsPage(QWidget *parent)
    : Page(parent)
    , m_runner(new JobRunner(this))
    , m_kind(new QComboBox(this))
    , m_member(new QComboBox(this))
    , m_periodKind(new QComboBox(this))
    , m_period(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_headline(new QLabel(this))
    , m_families(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_criteria(new Model(this))
    , m_audits(new Model(this))
    , m_ranking(new Model(this))
    , m_auditors(new Model(this))
    , m_trend(new Model(this))
    , m_rootCauses(new QLabel(this))
    , m_auditsView(nullptr)
    , m_form(new AuditFormView(this))
    , m_trendChart(nullptr)
    , m_teamView(new TeamView(m_ranking, this))
    , m_auditorView(new AuditorView(m_auditors, this))
    , m_disputesView(new DisputesView(this))
    , m_empty(nullptr)
    , m_body(new QWidget(this))
{
    setObjectName(QStringLiteral("scorecardsPage"));
    m_kind->setObjectName(QStringLiteral("scopeKind"));
    m_kind->setAccessibleName(tr("Show the scorecard of"));
    m_kind->addItem(tr("Agent"), int(KpiSlice::Kind::Agent));
    m_kind->addItem(tr("Team"), int(KpiSlice::Kind::Team));
    m_kind->addItem(tr("Site"), int(KpiSlice::Kind::Site));
    m_kind->addItem(tr("Queue"), int(KpiSlice::Kind::Queue));
    m_member->setObjectName(QStringLiteral("scopeMember"));
    m_member->setAccessibleName(tr("Agent, team, site or queue"));
    m_member->setEditable(true);
    m_member->setInsertPolicy(QComboBox::NoInsert);
    m_member->setMinimumContentsLength(22);
    m_member->completer()->setFilterMode(Qt::MatchContains);
    m_member->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_periodKind->setObjectName(QStringLiteral("periodKind"));
    m_periodKind->setAccessibleName(tr("Kind of period"));
    m_periodKind->addItem(tr("Month"), int(KpiPeriod::Kind::Month));
    m_periodKind->addItem(tr("Quarter"), int(KpiPeriod::Kind::Quarter));
    DatePresets::addTo(m_periodKind, {DatePresets::LastThreeMonths, DatePresets::LastTwelveMonths, DatePresets::YearToDate});
    m_periodKind->addItem(tr("Custom range"), int(KpiPeriod::Kind::Custom));
    m_period->setObjectName(QStringLiteral("period"));
    m_period->setAccessibleName(tr("Period"));
    for (QDateEdit *d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        d->hide();
    }
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));

    auto *bar = new QHBoxLayout;
    auto *showLabel = new QLabel(tr("&Scorecard of"), this);
    showLabel->setBuddy(m_kind);
    auto *periodLabel = new QLabel(tr("&Period"), this);
    periodLabel->setBuddy(m_periodKind);
    bar->addWidget(showLabel);
    bar->addWidget(m_kind);
    bar->addWidget(m_member, 1);
    bar->addSpacing(12);
    bar->addWidget(periodLabel);
    bar->addWidget(m_periodKind);
    bar->addWidget(m_period);
    bar->addWidget(m_from);
    bar->addWidget(m_to);
    bar->addStretch(1);
    m_editorButton = new ScorecardEditorButton(this);
    m_editorButton->setScope([this] { return std::pair{slice(), period()}; });
    connect(m_editorButton, &ScorecardEditorButton::scoresChanged, this, &ScorecardsPage::refresh);
    bar->addWidget(m_editorButton);

    m_headline->setObjectName(QStringLiteral("scorecardHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::RichText);
    auto *tiles = new QGridLayout;
    const QList<std::tuple<QString, QString, KpiTile::Kind>> tileList{
        {QStringLiteral("audits"), tr("Audits"), KpiTile::Kind::Count},
        {QStringLiteral("qa_score"), tr("QA score"), KpiTile::Kind::Level},
        {QStringLiteral("raw_score"), tr("Raw score"), KpiTile::Kind::Level},
        {QStringLiteral("pass_rate"), tr("Pass rate"), KpiTile::Kind::Level},
        {QStringLiteral("critical_rate"), tr("Critical error rate"), KpiTile::Kind::Level},
        {QStringLiteral("csat_pct"), tr("CSAT %"), KpiTile::Kind::Level},
        {QStringLiteral("csat_responses"), tr("CSAT responses"), KpiTile::Kind::Count}};
    for (const auto &[key, label, kind] : tileList) {
        auto *tile = new KpiTile(label, kind, this);
        tile->setObjectName(QStringLiteral("tile_") + key);
        tile->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum); // the tables give way, not the tiles
        tiles->addWidget(tile, 0, int(m_tiles.size()));
        m_tiles << qMakePair(key, tile);
    }
    installClickThrough();
    m_families->setObjectName(QStringLiteral("criticalFamilies"));
    m_families->setWordWrap(true);
    m_families->setTextFormat(Qt::RichText);
    m_families->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_families->setToolTip(tr("Click a family to see the counted audits with a critical error of that family"));
    connect(m_families, &QLabel::linkActivated, this, &ScorecardsPage::showCriticalFamily);

    // Tabs: criteria, audits (with the audit form), ranking, auditors, trend.
    auto *criteriaPage = new QWidget(m_tabs);
    auto *criteriaLayout = new QVBoxLayout(criteriaPage);
    auto *criteriaView = new QTableView(criteriaPage);
    criteriaView->setObjectName(QStringLiteral("criteriaTable"));
    criteriaView->setAccessibleName(tr("Criterion breakdown"));
    criteriaView->setModel(m_criteria);
    criteriaView->verticalHeader()->hide();
    criteriaView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rootCauses->setObjectName(QStringLiteral("rootCauses"));
    m_rootCauses->setWordWrap(true);
    m_rootCauses->setTextFormat(Qt::RichText);
    m_rootCauses->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_rootCauses->setToolTip(tr("Click a root cause to see the failed answers that name it"));
    connect(m_rootCauses, &QLabel::linkActivated, this, [this](const QString &link) {
        openRootCauseAnswers(QUrl::fromPercentEncoding(link.mid(int(qstrlen("cause:"))).toUtf8()));
    });
    criteriaView->setSelectionBehavior(QAbstractItemView::SelectItems);
    criteriaView->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(criteriaView, &QAbstractItemView::activated, this,
            [this](const QModelIndex &index) { openCriterionAnswers(index.row(), index.column()); });
    auto *criteriaHint = new QLabel(tr("Double-click a number (or press Enter on it) to see the answers behind it."),
                                    criteriaPage);
    criteriaHint->setObjectName(QStringLiteral("criteriaHint"));
    criteriaHint->setEnabled(false); // a quiet hint, in the palette's disabled text colour
    criteriaLayout->addWidget(criteriaHint);
    criteriaLayout->addWidget(criteriaView, 1);
    criteriaLayout->addWidget(m_rootCauses);
    m_tabs->addTab(criteriaPage, tr("Criteria"));

    auto *splitter = new QSplitter(Qt::Horizontal, m_tabs);
    splitter->setObjectName(QStringLiteral("auditsSplitter"));
    QWidget *auditsPane = createAuditsPane(splitter);
    m_auditsView->setObjectName(QStringLiteral("auditsTable"));
    m_auditsView->setAccessibleName(tr("Audits of the period"));
    auto *auditsProxy = new QSortFilterProxyModel(this);
    auditsProxy->setSourceModel(m_audits);
    auditsProxy->setSortRole(Model::SortRole);
    m_auditsView->setModel(auditsProxy);
    m_auditsView->setSortingEnabled(true);
    m_auditsView->sortByColumn(-1, Qt::AscendingOrder);
    m_auditsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_auditsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_auditsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_auditsView->verticalHeader()->hide();
    m_empty = new EmptyState(m_auditsView);
    m_form->setParent(splitter);
    splitter->addWidget(auditsPane);
    splitter->addWidget(m_form);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    m_tabs->addTab(splitter, tr("Audits"));
    m_tabs->addTab(m_teamView, tr("Team ranking"));
    m_tabs->addTab(m_auditorView, tr("Auditors"));
    QTableView *trendView = addTable(m_trend, QStringLiteral("trendTable"), tr("Trend"));
    auto *trendSplitter = new QSplitter(Qt::Vertical, m_tabs);
    trendSplitter->setObjectName(QStringLiteral("trendSplitter"));
    m_trendChart = new TrendChart(trendSplitter);
    m_trendChart->setObjectName(QStringLiteral("trendChart"));
    m_tabs->removeTab(m_tabs->indexOf(trendView));
    trendSplitter->addWidget(m_trendChart);
    trendSplitter->addWidget(trendView);
    trendView->setMinimumHeight(trendView->fontMetrics().lineSpacing() * 8); // the numbers stay in sight
    trendSplitter->setStretchFactor(0, 3);
    trendSplitter->setStretchFactor(1, 1);
    m_tabs->addTab(trendSplitter, tr("Trend"));
    m_tabs->addTab(m_disputesView, tr("Disputes"));
    installExports({criteriaView, m_auditsView, m_teamView->view(), m_auditorView->view(), trendView,
                    m_disputesView->view()});

    auto *body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);
    body->addWidget(m_headline);
    body->addLayout(tiles);
    body->addWidget(m_families);
    body->addWidget(m_tabs, 1);
    // A short window shrinks the tabs (their tables scroll) rather than the headline and the tiles.
    m_headline->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    m_tabs->setMinimumHeight(160);
    m_filterBar = new FilterBar(this);
    m_filterBar->setIgnoredNote({QStringLiteral("scorecard"), QStringLiteral("sample_type")},
                                tr("CSAT counts every response of the slice: responses have no scorecard and no "
                                   "sample type."));
    connect(m_filterBar, &FilterBar::changed, this, [this] { load(); });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_body, 1);

    m_criteria->setHeaders({tr("Criterion"), tr("Compliance"), tr("95% CI"), tr("n"), tr("Team"), tr("All agents"),
                            tr("Gap (pts)"), tr("Gap 95% CI"), tr("Gap / SE"), tr("Pass rate"), tr("N/A rate")});
    m_audits->setHeaders({tr("Date"), tr("Audit"), tr("Ticket"), tr("Agent"), tr("Auditor"), tr("Sample"),
                          tr("Score"), tr("Passed"), tr("Critical"), tr("CSAT")});
    m_trend->setHeaders({tr("Period"), tr("QA score"), tr("95% CI"), tr("Audits"), tr("Pass rate"), tr("Target")});

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        m_member->clear();
        load();
    });
    connect(m_member, &QComboBox::activated, this, [this] { load(); });
    connect(m_periodKind, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        const bool custom = KpiPeriod::Kind(m_periodKind->currentData().toInt()) == KpiPeriod::Kind::Custom;
        m_period->setEnabled(!isPreset(m_periodKind->currentData().toInt())); // shows the preset's range
        m_period->setVisible(!custom);
        m_from->setVisible(custom);
        m_to->setVisible(custom);
        m_period->clear();
        load();
    });
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            load();
    });
    for (QDateEdit *d : {m_from, m_to})
        connect(d, &QDateEdit::dateChanged, this, [this] {
            if (!m_filling)
                load();
        });
    connect(m_auditsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this, auditsProxy](const QModelIndex &current) {
                m_form->showAudit(current.isValid() ? auditsProxy->data(current, Model::IdRole).toLongLong() : -1);
            });
    connect(m_form, &AuditFormView::auditChanged, this, [this] { load(); });
    connect(m_form, &AuditFormView::disputeRequested, m_disputesView, &DisputesView::openDisputeDialog);
    connect(m_disputesView, &DisputesView::changed, this, [this] { load(); });
    connect(m_disputesView, &DisputesView::scopeChanged, this, [this] { load(); });
    setProject(nullptr);
}

ScorecardsPage::~ScorecardsPage()
{
    m_runner->setProject(nullptr);
}

QTableView *ScorecardsPage::addTable(Model *model, const QString &name, const QString &tabTitle)
{
    auto *view = new QTableView(m_tabs);
    view->setObjectName(name);
    view->setAccessibleName(tabTitle);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->horizontalHeader()->setStretchLastSection(true);
    m_tabs->addTab(view, tabTitle);
    return view;
}

QString ScorecardsPage::title() const
{
    return tr("Scorecards");
}

QIcon ScorecardsPage::icon() const
{
    return Icons::themed(QStringLiteral("view-statistics"), QStringLiteral("view-table"));
}

QList<JobRunner *> ScorecardsPage::jobRunners() const
{
    return {m_runner};
}

void ScorecardsPage::setDataUndoStack(QUndoStack *stack)
{
    m_stack = stack;
    m_editorButton->setUndoStack(stack);
    m_form->setUndoStack(stack);
    m_disputesView->setUndoStack(stack);
}

void ScorecardsPage::setProject(Project *project)
{
    m_runner->setProject(nullptr);
    m_project = project;
    m_runner->setProject(project);
    m_editorButton->setProject(project);
    m_filterBar->setProject(project);
    m_form->setDatabase(project ? project->database() : QSqlDatabase(), project && !project->isReadOnly());
    m_disputesView->setDatabase(project ? project->database() : QSqlDatabase(), project && !project->isReadOnly());
    m_filling = true;
    m_member->clear();
    m_period->clear();
    m_filling = false;
    m_body->setEnabled(project != nullptr);
    if (!project) {
        m_headline->setText(tr("Open a project to see scorecards (File → Open Project…, or open the demo)."));
        for (const auto &t : std::as_const(m_tiles))
            t.second->clear();
        for (Model *m : {m_criteria, m_audits, m_trend})
            m->setRows({});
        m_teamView->clear();
        m_auditorView->clear();
        m_disputesView->clear();
        m_trendChart->clear();
        return;
    }
    load();
}

void ScorecardsPage::refresh()
{
    m_filterBar->reloadChoices(); // loads when a chosen name is gone
    load();
}

QString ScorecardsPage::statusText() const
{
    return m_status;
}

KpiSlice ScorecardsPage::slice() const
{
    KpiSlice s;
    s.kind = KpiSlice::Kind(m_kind->currentData().toInt());
    const int index = m_member->findText(m_member->currentText());
    s.id = index >= 0 ? m_member->itemData(index).toString() : QString();
    return s;
}

KpiPeriod ScorecardsPage::period() const
{
    const auto kind = KpiPeriod::Kind(m_periodKind->currentData().toInt());
    if (isPreset(m_periodKind->currentData().toInt()))
        return m_latest.isValid() ? presetPeriod(m_periodKind->currentData().toInt(), m_latest) : KpiPeriod{};
    if (kind == KpiPeriod::Kind::Custom)
        return KpiPeriod::custom(m_from->date(), m_to->date());
    return KpiPeriod::parse(m_period->currentData().toString()).value_or(KpiPeriod{});
}

bool ScorecardsPage::isLoading() const
{
    return m_runner->isRunning(QStringLiteral("scorecard"));
}

void ScorecardsPage::showSlice(const KpiSlice &slice, const KpiPeriod &period)
{
    m_filling = true;
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(int(slice.kind))));
    m_periodKind->setCurrentIndex(std::max(0, m_periodKind->findData(int(period.kind))));
    const bool custom = period.kind == KpiPeriod::Kind::Custom;
    m_period->setVisible(!custom);
    m_period->setEnabled(true);
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    if (custom) {
        m_from->setDate(period.from);
        m_to->setDate(period.to);
    } else {
        int index = m_period->findData(period.label());
        if (index < 0) {
            m_period->addItem(period.label(), period.label());
            index = m_period->count() - 1;
        }
        m_period->setCurrentIndex(index);
    }
    m_filling = false;
    m_pendingSlice = slice;
    load();
}

void ScorecardsPage::showOpenDisputes()
{
    m_tabs->setCurrentWidget(m_disputesView);
    if (m_disputesView->showsAllOpen())
        load(); // read them again: the Dashboard may count newer ones
    else
        m_disputesView->setShowsAllOpen(true); // loads
}

void ScorecardsPage::load()
{
    if (!m_project)
        return;
    KpiSlice wanted = m_pendingSlice.id.isEmpty() ? slice() : m_pendingSlice;
    if (m_pendingSlice.id.isEmpty())
        wanted.kind = KpiSlice::Kind(m_kind->currentData().toInt());
    m_pendingSlice = {};
    const KpiPeriod wantedPeriod = period();
    const int preset = isPreset(m_periodKind->currentData().toInt()) ? m_periodKind->currentData().toInt() : 0;
    m_headline->setText(tr("Computing…"));
    m_runner->start<Data>(
        QStringLiteral("scorecard"), tr("Computing the scorecard"),
        [wanted, wantedPeriod, preset, filters = m_filterBar->filters(),
         allOpen = m_disputesView->showsAllOpen()](JobContext &context) {
            Data d;
            KpiEngine engine(context.database());
            d.members = engine.queries().members(wanted.kind);
            d.latest = engine.queries().latestDate();
            engine.setFilters(filters);
            d.filters = filters;
            KpiSlice s = wanted;
            if (s.id.isEmpty() && !d.members.isEmpty())
                s.id = d.members.first().first;
            KpiPeriod p = preset ? presetPeriod(preset, d.latest) : wantedPeriod;
            if (!p.isValid())
                p = KpiPeriod::month(d.latest.isValid() ? d.latest : QDate::currentDate());
            d.report = engine.report(s, p);
            if (context.isCanceled())
                return d;
            const KpiSlice team = s.kind == KpiSlice::Kind::Agent
                                      ? KpiSlice{KpiSlice::Kind::Team, d.report.team}
                                      : s;
            if (!team.id.isEmpty())
                d.ranking = engine.ranking(team, p);
            d.auditors = engine.auditors(s, p);
            d.leniency = engine.leniency(s, p);
            d.trend = engine.trend(s, p, 12);
            d.audits = engine.queries().auditList(s, p.from, p.to);
            // The disputes of the period's audits, whenever they were opened; or (All open disputes)
            // the project's open ones.
            QSet<qint64> ids;
            for (const AuditListRow &a : std::as_const(d.audits))
                ids.insert(a.id);
            const DisputeStore disputes(context.database());
            for (const DisputeRow &row : disputes.list())
                if (allOpen ? row.dispute.state == Dispute::State::Open : ids.contains(row.dispute.auditId))
                    d.disputes << row;
            d.disputesByAuditor = DisputeStore::byAuditor(d.disputes);
            d.disputesByCriterion = disputes.byCriterion(d.disputes);
            return d;
        },
        [this](Data &&d) { show(std::move(d)); });
}

void ScorecardsPage::fillPeriods(QDate latest)
{
    const auto kind = KpiPeriod::Kind(m_periodKind->currentData().toInt());
    const QString current = m_period->currentData().toString();
    m_period->clear();
    if (isPreset(m_periodKind->currentData().toInt()))
        return; // the box shows the preset's range alone
    if (!latest.isValid())
        latest = QDate::currentDate();
    if (kind == KpiPeriod::Kind::Month) {
        KpiPeriod p = KpiPeriod::month(latest);
        for (int i = 0; i < 24; ++i, p = p.previous())
            m_period->addItem(p.label(), p.label());
    } else if (kind == KpiPeriod::Kind::Quarter) {
        KpiPeriod p = KpiPeriod::quarter(latest);
        for (int i = 0; i < 8; ++i, p = p.previous())
            m_period->addItem(p.label(), p.label());
    }
    const int index = m_period->findData(current);
    if (index >= 0)
        m_period->setCurrentIndex(index);
    else if (!current.isEmpty()) {
        m_period->addItem(current, current);
        m_period->setCurrentIndex(m_period->count() - 1);
    }
}

void ScorecardsPage::show(Data &&d)
{
    const KpiReport &r = d.report;
    m_latest = d.latest;
    m_filling = true;
    m_member->clear();
    for (const auto &[key, name] : std::as_const(d.members))
        m_member->addItem(r.slice.kind == KpiSlice::Kind::Agent && name != key ? QStringLiteral("%1 (%2)").arg(name, key)
                                                                                : name,
                          key);
    m_member->setCurrentIndex(m_member->findData(r.slice.id));
    if (m_periodKind->currentData().toInt() == int(KpiPeriod::Kind::Custom)) {
        m_from->setDate(r.period.from);
        m_to->setDate(r.period.to);
    } else {
        fillPeriods(d.latest);
        int index = m_period->findData(r.period.label());
        if (index < 0) {
            m_period->addItem(r.period.label(), r.period.label());
            index = m_period->count() - 1;
        }
        m_period->setCurrentIndex(index);
    }
    m_filling = false;

    if (d.members.isEmpty() || !d.latest.isValid()) {
        m_headline->setText(tr("No audits yet — File → Import… or open the demo."));
    } else {
        QString who = QStringLiteral("<b>%1</b>").arg((r.name.isEmpty() ? r.slice.id : r.name).toHtmlEscaped());
        if (r.slice.kind == KpiSlice::Kind::Agent)
            who += tr(" (agent %1%2)").arg(r.slice.id.toHtmlEscaped(),
                                          r.team.isEmpty() ? QString() : tr(", team %1").arg(r.team.toHtmlEscaped()));
        else
            who += QStringLiteral(" (%1)").arg(KpiSlice::kindName(r.slice.kind));
        QString line = tr("%1 · %2 (%3 to %4), compared with %5")
                           .arg(who, r.period.label(), r.period.from.toString(Qt::ISODate),
                                r.period.to.toString(Qt::ISODate), r.previousPeriod.label());
        if (!r.scorecardVersions.isEmpty())
            line += QStringLiteral(" · ") + r.scorecardVersions.join(QStringLiteral(", "));
        if (r.scorecardVersions.size() > 1)
            line += tr(" — <b>%1 scorecard versions in this period</b>").arg(r.scorecardVersions.size());
        if (!d.filters.isEmpty())
            line += tr("<br><b>Filtered:</b> %1 (every number below, the team and all agents too)")
                        .arg(filterText(d.filters).toHtmlEscaped());
        line += tr("<br><small>Counted: official, scored, complete audits of the counted sample types; "
                   "minimum sample %1 audits, %2 responses. Greyed numbers are below it.</small>")
                    .arg(r.minSampleAudits)
                    .arg(r.minSampleResponses);
        m_headline->setText(line);
    }
    const QHash<QString, const KpiValue *> values{{QStringLiteral("audits"), &r.audits},
                                                  {QStringLiteral("qa_score"), &r.qaScore},
                                                  {QStringLiteral("raw_score"), &r.rawScore},
                                                  {QStringLiteral("pass_rate"), &r.passRate},
                                                  {QStringLiteral("critical_rate"), &r.criticalRate},
                                                  {QStringLiteral("csat_pct"), &r.csatPct},
                                                  {QStringLiteral("csat_responses"), &r.csatResponses}};
    for (const auto &[key, tile] : std::as_const(m_tiles)) {
        const bool csat = key.startsWith(QLatin1String("csat"));
        tile->setKpi(*values.value(key), csat ? r.minSampleResponses : r.minSampleAudits);
    }
    // Each family's rate links to the audits behind it (the Audits tab, filtered to that family).
    auto family = [](const QString &name, const KpiValue &k) {
        const QString value = KpiFormat::level(k.value).toHtmlEscaped();
        return k.value ? QStringLiteral("<a href=\"%1\">%1 %2</a>").arg(name, value)
                       : QStringLiteral("%1 %2").arg(name, value);
    };
    m_families->setText(tr("Critical error rate by family: %1 · %2 · %3")
                            .arg(family(QStringLiteral("customer"), r.criticalCustomer),
                                 family(QStringLiteral("business"), r.criticalBusiness),
                                 family(QStringLiteral("compliance"), r.criticalCompliance)));
    showCriteria(r);
    showAudits(d.audits);
    const QString team = r.slice.kind == KpiSlice::Kind::Agent
                             ? tr("team %1").arg(r.team)
                             : QStringLiteral("%1 (%2)").arg(r.name.isEmpty() ? r.slice.id : r.name,
                                                             KpiSlice::kindName(r.slice.kind));
    m_teamView->setFilterText(filterText(d.filters));
    m_teamView->setRanking(d.ranking, r.minSampleAudits, team, r.period.label());
    m_auditorView->setAuditors(d.auditors, d.leniency);
    m_disputesView->setDisputes(d.disputes, d.disputesByAuditor, d.disputesByCriterion);
    m_teamSlice = r.slice.kind == KpiSlice::Kind::Agent ? KpiSlice{KpiSlice::Kind::Team, r.team} : r.slice;
    m_periodShown = r.period;
    m_sliceShown = r.slice;
    m_nameShown = r.name.isEmpty() ? r.slice.id : r.name;
    m_filtersShown = d.filters;
    m_criteriaShown = r.criteria;
    m_packButton->setToolTip(m_teamSlice.id.isEmpty()
                                 ? tr("A coaching pack needs a team (this agent has none in the period)")
                                 : tr("One PDF per agent of %1 for %2").arg(m_teamSlice.id, r.period.label()));
    showTrend(d.trend);
    m_trendChart->setTrend(d.trend,
                           QStringLiteral("%1 · %2").arg(r.name.isEmpty() ? r.slice.id : r.name, r.period.label()),
                           r.minSampleAudits, filterText(d.filters));
    m_status = tr("%1 audits counted of %2 · %3")
                   .arg(QLocale().toString(r.audits.n), QLocale().toString(qint64(r.auditsTotal.value.value_or(0))),
                        r.period.label());
    Q_EMIT statusTextChanged(m_status);
    Q_EMIT loaded();
}

void ScorecardsPage::showCriteria(const KpiReport &r)
{
    QList<Model::Row> rows;
    for (const CriterionKpi &c : r.criteria) {
        Model::Row row;
        row.id = c.key;
        const bool small = c.compliance.smallSample;
        QString name = c.name.isEmpty() ? c.key : c.name;
        if (c.versions.size() > 1)
            name += tr(" (v%1)").arg([&] {
                QStringList v;
                for (int n : c.versions)
                    v << QString::number(n);
                return v.join(QStringLiteral(", "));
            }());
        QString gapTip;
        QString gapInterval = QStringLiteral("—");
        if (c.gap && c.gapSe) {
            const double half = 1.959963984540054 * *c.gapSe;
            gapInterval = QStringLiteral("%1 to %2").arg(KpiFormat::points(*c.gap - half), KpiFormat::points(*c.gap + half));
            gapTip = tr("%1 pts, standard error %2 pts, against %3")
                         .arg(KpiFormat::points(c.gap), QLocale().toString(*c.gapSe, 'f', 1),
                              r.slice.kind == KpiSlice::Kind::Agent ? tr("the team") : tr("all agents"));
        }
        if (small)
            gapTip += (gapTip.isEmpty() ? QString() : QStringLiteral("\n"))
                      + tr("Small sample (n = %1, below %2): listed after the ranked criteria")
                            .arg(c.compliance.n)
                            .arg(r.minSampleAudits);
        QString z = QStringLiteral("—");
        if (c.gapZ)
            z = std::isinf(*c.gapZ) ? (*c.gapZ < 0 ? QStringLiteral("−∞") : QStringLiteral("+∞"))
                                    : QStringLiteral("%1%2").arg(*c.gapZ > 0.005    ? QStringLiteral("+")
                                                                 : *c.gapZ < -0.005 ? QStringLiteral("−")
                                                                                    : QString(),
                                                                 QLocale().toString(std::abs(*c.gapZ), 'f', 2));
        Model::Cell population = optionalLevel(c.populationCompliance);
        if (c.populationGap && c.populationGapSe)
            population.toolTip = tr("Gap against all agents %1 pts (standard error %2 pts)")
                                     .arg(KpiFormat::points(c.populationGap), QLocale().toString(*c.populationGapSe, 'f', 1));
        row.cells = {Model::text(name, small),
                     levelCell(c.compliance),
                     Model::text(ci(c.compliance), small),
                     countCell(c.compliance.n, small),
                     optionalLevel(c.teamCompliance),
                     population,
                     Model::number(KpiFormat::points(c.gap), c.gap ? QVariant(*c.gap) : QVariant(), small, gapTip),
                     Model::text(gapInterval, small),
                     Model::number(z, c.gapZ ? QVariant(*c.gapZ) : QVariant(), small,
                                   tr("The gap over its standard error: the breakdown's order, largest first")),
                     levelCell(c.criterionPassRate),
                     levelCell(c.naRate)};
        rows << row;
    }
    m_criteria->setRows(rows);
    if (auto *view = findChild<QTableView *>(QStringLiteral("criteriaTable")))
        view->resizeColumnsToContents();
    QStringList causes;
    for (const RootCauseCount &c : r.rootCauses)
        causes << QStringLiteral("<a href=\"cause:%1\">%2</a> (%3)")
                      .arg(QString::fromLatin1(QUrl::toPercentEncoding(c.name)), c.name.toHtmlEscaped())
                      .arg(c.answers);
    m_rootCauses->setText(causes.isEmpty() ? tr("Root causes of failed answers: none recorded.")
                                           : tr("Root causes of failed answers: %1").arg(causes.join(QStringLiteral(", "))));
}

void ScorecardsPage::showAudits(const QList<AuditListRow> &audits)
{
    const qint64 selected = m_form->auditId();
    QList<Model::Row> rows;
    for (const AuditListRow &a : audits) {
        Model::Row row;
        row.id = a.id;
        row.agentKey = a.agentKey;
        row.agentName = a.agentName;
        const bool muted = !a.counted;
        QString type = a.sampleType;
        if (a.incomplete)
            type += tr(", incomplete");
        row.cells = {Model::text(a.date.toString(Qt::ISODate), muted),
                     Model::text(a.key, muted),
                     Model::text(a.ticketId, muted),
                     Model::text(a.agentName.isEmpty() ? a.agentKey : a.agentName, muted),
                     Model::text(a.auditor, muted),
                     Model::text(type, muted),
                     Model::number(a.score ? formatScoreForDisplay(*a.score) : QStringLiteral("—"),
                                   a.score ? QVariant(*a.score) : QVariant(), muted),
                     Model::text(a.passed ? tr("yes") : tr("no"), muted),
                     Model::text(a.criticalFail ? tr("critical") : QString(), muted),
                     Model::number(a.csat ? QLocale().toString(*a.csat) : QString(), a.csat ? QVariant(*a.csat) : QVariant(),
                                   muted)};
        if (muted)
            row.cells.first().toolTip = tr("Not counted in the KPIs (sample type, superseded, unscored or incomplete)");
        if (a.counted) {
            row.tags << QStringLiteral("counted");
            if (!a.passed)
                row.tags << QStringLiteral("failed");
            if (a.criticalFail)
                row.tags << QStringLiteral("critical");
            const QList<std::pair<int, const char *>> families{
                {1, "critical-customer"}, {2, "critical-business"}, {4, "critical-compliance"}};
            for (const auto &[bit, tag] : families)
                if (a.criticalFamilies & bit)
                    row.tags << QLatin1String(tag);
        }
        rows << row;
    }
    m_audits->setRows(rows);
    m_auditsView->setColumnHidden(3, m_kind->currentData().toInt() == int(KpiSlice::Kind::Agent)); // the agent's own
    m_auditsView->resizeColumnsToContents();
    updateAuditsEmptyState();
    // Keep the audit form on the audit it showed (after a correction the list reloads).
    auto *proxy = m_auditsView->model();
    for (int i = 0; i < proxy->rowCount(); ++i) {
        if (selected >= 0 && proxy->index(i, 0).data(Model::IdRole).toLongLong() == selected) {
            m_auditsView->selectRow(i);
            return;
        }
    }
    m_form->showAudit(-1);
}

void ScorecardsPage::showTrend(const QList<KpiEngine::TrendPoint> &trend)
{
    QList<Model::Row> rows;
    for (const KpiEngine::TrendPoint &t : trend) {
        Model::Row row;
        row.id = t.period.label();
        row.cells = {Model::text(t.period.label()), levelCell(t.qaScore), Model::text(ci(t.qaScore), t.qaScore.smallSample),
                     countCell(t.qaScore.n, t.qaScore.smallSample), levelCell(t.passRate), optionalLevel(t.target)};
        rows << row;
    }
    m_trend->setRows(rows);
    if (auto *view = findChild<QTableView *>(QStringLiteral("trendTable")))
        view->resizeColumnsToContents();
}

KpiTile *ScorecardsPage::tile(const QString &kpi) const
{
    for (const auto &[key, tile] : m_tiles)
        if (key == kpi)
            return tile;
    return nullptr;
}

} // namespace ql
