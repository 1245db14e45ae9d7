// SPDX-License-Identifier: GPL-3.0-or-later
#include "insightspage.h"

#include "common/datepresets.h"
#include "common/filterbar.h"

#include "charts/chartpreview.h"
#include "chartexport.h"
#include "chartscene.h"
#include "chartsize.h"
#include "charttheme.h"
#include "common/icons.h"
#include "common/jobrunner.h"
#include "export/agentnames.h"
#include "export/tableexportaction.h"
#include "insightsitems.h"
#include "scorecard/kpiperiod.h"
#include "scorecardeditor/whatifdialog.h"
#include "sendtoreport.h"
#include "store/project.h"
#include "store/projectsettings.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace ql {

using insights::countItem;
using insights::numberItem;
using insights::textItem;

namespace {

const QDate kOpen(2000, 1, 1); // the date boxes' minimum, shown as "open"
constexpr int kAllDates = -1;  // the Dates box beside the presets
constexpr int kCustomRange = 0;

QDateEdit *dateBox(const QString &name, const QString &accessible)
{
    auto *d = new QDateEdit;
    d->setObjectName(name);
    d->setAccessibleName(accessible);
    d->setCalendarPopup(true);
    d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    d->setMinimumDate(kOpen);
    d->setSpecialValueText(QObject::tr("open"));
    d->setDate(kOpen);
    return d;
}

QComboBox *comboBox(const QString &name, const QString &accessible, const QList<QPair<QString, QString>> &items)
{
    auto *c = new QComboBox;
    c->setObjectName(name);
    c->setAccessibleName(accessible);
    for (const auto &[text, data] : items)
        c->addItem(text, data);
    return c;
}

void reset(QStandardItemModel *model, const QStringList &header)
{
    model->clear();
    model->setHorizontalHeaderLabels(header);
}

QString elementsTitle(const rca::Dimension &d)
{
    QString t = d.name;
    if (d.kept)
        t += QObject::tr(" (kept, K = %1)").arg(d.concentration, 0, 'f', 2);
    return t;
}

void fillElements(QStandardItemModel *model, const rca::Dimension &dimension, bool percent)
{
    const QString unit = percent ? QStringLiteral("%") : QString();
    reset(model, {QObject::tr("Element"), QObject::tr("Contribution (pts)"), QObject::tr("Share of change %"),
                  QObject::tr("Rate effect"), QObject::tr("Mix effect"), QObject::tr("Base") + unit,
                  QObject::tr("Current") + unit, QObject::tr("Base n"), QObject::tr("Current n"),
                  QObject::tr("p (Holm)"), QObject::tr("Significant"), QObject::tr("Note")});
    for (const rca::Element &e : dimension.elements) {
        QStringList notes;
        if (e.inExplainingSet)
            notes << QObject::tr("explains");
        if (e.smallSample)
            notes << QObject::tr("small sample");
        if (e.mixTested)
            notes << QObject::tr("mix tested");
        model->appendRow({textItem(e.label), numberItem(e.contribution, 2),
                          numberItem(e.shareOfChange ? std::optional<double>(*e.shareOfChange * 100) : std::nullopt),
                          numberItem(e.rateEffect, 2), numberItem(e.mixEffect, 2),
                          numberItem(e.base.n ? std::optional<double>(e.base.value) : std::nullopt),
                          numberItem(e.current.n ? std::optional<double>(e.current.value) : std::nullopt),
                          countItem(e.base.n), countItem(e.current.n), numberItem(e.pValue, 4),
                          textItem(e.significant ? QObject::tr("yes") : QObject::tr("no")), textItem(notes.join(QStringLiteral(", ")))});
    }
}

} // namespace

InsightsPage::InsightsPage(QWidget *parent)
    : Page(parent)
    , m_runner(new JobRunner(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("insightsPage"));
    m_timer->setSingleShot(true);
    m_timer->setInterval(200);
    connect(m_timer, &QTimer::timeout, this, &InsightsPage::compute);

    // The filter bar.
    auto *bar = new QHBoxLayout;
    m_from = dateBox(QStringLiteral("from"), tr("From"));
    m_to = dateBox(QStringLiteral("to"), tr("To"));
    m_dates = new QComboBox;
    m_dates->setObjectName(QStringLiteral("datesPreset"));
    m_dates->setAccessibleName(tr("Date range"));
    m_dates->addItem(tr("All dates"), kAllDates);
    DatePresets::addTo(m_dates, {DatePresets::ThisMonth, DatePresets::LastMonth, DatePresets::LastThreeMonths,
                                 DatePresets::LastTwelveMonths, DatePresets::YearToDate});
    m_dates->addItem(tr("Custom range"), kCustomRange);
    m_dates->setToolTip(tr("Presets count from the latest audit's date when it is earlier than today"));
    auto *datesLabel = new QLabel(tr("&Dates:"));
    datesLabel->setBuddy(m_dates);
    auto *fromLabel = new QLabel(tr("&From:"));
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("&To:"));
    toLabel->setBuddy(m_to);
    // The dates in a row of their own, level with the filter bar's boxes when its note opens a
    // second line under them.
    auto *dates = new QWidget;
    auto *datesRow = new QHBoxLayout(dates);
    datesRow->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : std::initializer_list<QWidget *>{datesLabel, m_dates, fromLabel, m_from, toLabel, m_to})
        datesRow->addWidget(w);
    bar->addWidget(dates, 0, Qt::AlignTop);
    // The shared filter bar (ui/common/filterbar.h) filters every tab. Scorecard and sample type keep
    // audits and answers; responses have neither (rca/sourcefilters.h), and the bar says so.
    m_filterBar = new FilterBar;
    m_filterBar->setIgnoredNote({QStringLiteral("scorecard"), QStringLiteral("sample_type")},
                                tr("CSAT numbers (CSAT and DSAT %, CSAT mean, reasons, customers' comments) count "
                                   "every response of the other filters: responses have no scorecard and no "
                                   "sample type."));
    bar->addSpacing(12);
    bar->addWidget(m_filterBar, 1);
    connect(m_filterBar, &FilterBar::changed, this, &InsightsPage::schedule);
    connect(m_dates, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            applyDatePreset();
    });
    connect(m_from, &QDateEdit::dateChanged, this, &InsightsPage::datesEdited);
    connect(m_to, &QDateEdit::dateChanged, this, &InsightsPage::datesEdited);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("insightsTabs"));
    m_tabs->setDocumentMode(true);

    // What changed.
    {
        auto *w = new QWidget;
        auto *v = new QVBoxLayout(w);
        auto *choices = new QHBoxLayout;
        m_metric = comboBox(QStringLiteral("metric"), tr("KPI"),
                            {{tr("CSAT %"), QStringLiteral("csat_pct")}, {tr("DSAT %"), QStringLiteral("dsat_pct")},
                             {tr("CSAT mean"), QStringLiteral("csat_mean")}, {tr("QA score"), QStringLiteral("qa_score")},
                             {tr("Pass rate"), QStringLiteral("pass_rate")}, {tr("Critical rate"), QStringLiteral("critical_rate")}});
        m_base = comboBox(QStringLiteral("base"), tr("Base period"), {});
        m_current = comboBox(QStringLiteral("current"), tr("Current period"), {});
        m_changeDimension = comboBox(QStringLiteral("changeDimension"), tr("Dimension shown"), {});
        m_changeDimension->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        choices->addWidget(new QLabel(tr("KPI:")));
        choices->addWidget(m_metric);
        choices->addWidget(new QLabel(tr("Base:")));
        choices->addWidget(m_base);
        choices->addWidget(new QLabel(tr("Current:")));
        choices->addWidget(m_current);
        choices->addWidget(new QLabel(tr("Dimension:")));
        choices->addWidget(m_changeDimension);
        choices->addStretch();
        v->addLayout(choices);
        m_sentence = new QLabel;
        m_sentence->setObjectName(QStringLiteral("sentence"));
        m_sentence->setWordWrap(true);
        m_sentence->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont f = m_sentence->font();
        f.setPointSizeF(f.pointSizeF() * 1.25);
        m_sentence->setFont(f);
        v->addWidget(m_sentence);
        m_rescoreBase = new QPushButton(tr("Re-score the Base Period…"));
        m_rescoreBase->setObjectName(QStringLiteral("rescoreBase"));
        m_rescoreBase->setToolTip(tr("The scorecard version changed between the periods: see the base period's audits "
                                     "re-scored under another version, side by side, without changing them"));
        m_rescoreBase->setVisible(false);
        connect(m_rescoreBase, &QPushButton::clicked, this, &InsightsPage::openRescoreBase);
        auto *rescoreRow = new QHBoxLayout;
        rescoreRow->addWidget(m_rescoreBase);
        rescoreRow->addStretch();
        v->addLayout(rescoreRow);
        m_elements = new QStandardItemModel(this);
        m_drill = new QStandardItemModel(this);
        auto *left = new QWidget;
        auto *lv = new QVBoxLayout(left);
        lv->setContentsMargins(0, 0, 0, 0);
        lv->addWidget(tableBox(newTable(QStringLiteral("elementsTable"), m_elements), tr("What changed")), 3);
        m_drillTitle = new QLabel;
        m_drillTitle->setObjectName(QStringLiteral("drillTitle"));
        lv->addWidget(m_drillTitle);
        lv->addWidget(tableBox(newTable(QStringLiteral("drillTable"), m_drill), tr("Drill")), 2);
        auto *split = new QSplitter;
        split->addWidget(left);
        split->addWidget(chartBox(QStringLiteral("contributions")));
        split->setStretchFactor(0, 3);
        split->setStretchFactor(1, 2);
        v->addWidget(split, 1);
        m_tabs->addTab(w, tr("What changed"));
        for (QComboBox *c : {m_metric, m_base, m_current})
            connect(c, &QComboBox::currentIndexChanged, this, &InsightsPage::schedule);
        connect(m_changeDimension, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling)
                showWhatChanged();
        });
    }
    // Drivers.
    {
        auto *w = new QWidget;
        auto *v = new QVBoxLayout(w);
        m_driversNote = new QLabel;
        m_driversNote->setWordWrap(true);
        v->addWidget(m_driversNote);
        m_drivers = new QStandardItemModel(this);
        auto *split = new QSplitter;
        split->addWidget(tableBox(newTable(QStringLiteral("driversTable"), m_drivers), tr("Drivers")));
        split->addWidget(chartBox(QStringLiteral("quadrant")));
        split->setStretchFactor(0, 3);
        split->setStretchFactor(1, 2);
        v->addWidget(split, 1);
        m_tabs->addTab(w, tr("Drivers"));
    }
    // Reasons and root causes.
    {
        auto *w = new QWidget;
        auto *v = new QVBoxLayout(w);
        m_paretoNote = new QLabel;
        m_paretoNote->setWordWrap(true);
        v->addWidget(m_paretoNote);
        m_reasons = new QStandardItemModel(this);
        m_rootCauses = new QStandardItemModel(this);
        m_crossTab = new QStandardItemModel(this);
        auto *grid = new QSplitter(Qt::Vertical);
        auto *top = new QSplitter;
        top->addWidget(tableBox(newTable(QStringLiteral("reasonsTable"), m_reasons), tr("CSAT reasons")));
        top->addWidget(chartBox(QStringLiteral("reasons")));
        auto *middle = new QSplitter;
        middle->addWidget(tableBox(newTable(QStringLiteral("rootCausesTable"), m_rootCauses), tr("Root causes")));
        middle->addWidget(chartBox(QStringLiteral("rootCauses")));
        grid->addWidget(top);
        grid->addWidget(middle);
        grid->addWidget(tableBox(newTable(QStringLiteral("crossTable"), m_crossTab), tr("Reason x root cause")));
        v->addWidget(grid, 1);
        m_tabs->addTab(w, tr("Reasons && root causes"));
    }
    // Comment themes.
    {
        auto *w = new QWidget;
        auto *v = new QVBoxLayout(w);
        auto *choices = new QHBoxLayout;
        m_themeCorpus = comboBox(QStringLiteral("themeCorpus"), tr("Comments"),
                                 {{tr("Customers' comments (dissatisfied against satisfied)"), QStringLiteral("customers")},
                                  {tr("Auditors' comments (failed against passed answers)"), QStringLiteral("auditors")}});
        connect(m_themeCorpus, &QComboBox::currentIndexChanged, this, &InsightsPage::schedule);
        choices->addWidget(m_themeCorpus);
        addLanguageFilter(choices);
        choices->addStretch(1);
        v->addLayout(choices);
        m_themesNote = new QLabel;
        m_themesNote->setWordWrap(true);
        v->addWidget(m_themesNote);
        v->addWidget(m_languageNote);
        m_themes = new QStandardItemModel(this);
        QTableView *view = newTable(QStringLiteral("themesTable"), m_themes);
        m_examples = new QPlainTextEdit;
        m_examples->setObjectName(QStringLiteral("examples"));
        m_examples->setAccessibleName(tr("Example comments"));
        m_examples->setReadOnly(true);
        m_examples->setPlaceholderText(tr("Click a theme to read its example comments."));
        auto *split = new QSplitter;
        split->addWidget(tableBox(view, tr("Comment themes")));
        split->addWidget(m_examples);
        v->addWidget(split, 1);
        m_tabs->addTab(w, tr("Comment themes"));
        connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this](const QModelIndex &current) { showExamples(current.row()); });
    }
    // Control charts.
    {
        auto *w = new QWidget;
        auto *v = new QVBoxLayout(w);
        auto *choices = new QHBoxLayout;
        m_controlMetric = comboBox(QStringLiteral("controlMetric"), tr("Control chart KPI"),
                                   {{tr("Pass rate"), QStringLiteral("pass_rate")}, {tr("QA score"), QStringLiteral("qa_score")},
                                    {tr("CSAT %"), QStringLiteral("csat_pct")}, {tr("Critical rate"), QStringLiteral("critical_rate")}});
        m_controlPeriod = comboBox(QStringLiteral("controlPeriod"), tr("Period"),
                                   {{tr("by month"), QStringLiteral("month")}, {tr("by week"), QStringLiteral("week")}});
        m_funnelUnit = comboBox(QStringLiteral("funnelUnit"), tr("Funnel units"),
                                {{tr("agents"), QStringLiteral("agent")}, {tr("teams"), QStringLiteral("team")}});
        choices->addWidget(new QLabel(tr("KPI:")));
        choices->addWidget(m_controlMetric);
        choices->addWidget(m_controlPeriod);
        choices->addWidget(new QLabel(tr("Funnel of:")));
        choices->addWidget(m_funnelUnit);
        addBaselineChooser(choices);
        choices->addStretch();
        v->addLayout(choices);
        m_signals = new QStandardItemModel(this);
        auto *charts = new QSplitter;
        charts->addWidget(chartBox(QStringLiteral("control")));
        charts->addWidget(chartBox(QStringLiteral("funnel")));
        auto *split = new QSplitter(Qt::Vertical);
        split->addWidget(charts);
        split->addWidget(tableBox(newTable(QStringLiteral("signalsTable"), m_signals), tr("Signals")));
        split->setStretchFactor(0, 3);
        split->setStretchFactor(1, 1);
        v->addWidget(split, 1);
        m_tabs->addTab(w, tr("Control charts"));
        for (QComboBox *c : {m_controlMetric, m_controlPeriod, m_funnelUnit})
            connect(c, &QComboBox::currentIndexChanged, this, &InsightsPage::schedule);
    }
    m_tabs->addTab(buildFailedTab(), tr("Failed criteria"));

    m_sendToReport = new SendToReport(this, m_tabs);
    connect(m_sendToReport, &SendToReport::message, this, &InsightsPage::setStatus);

    // In a scroll area, so that the page never makes the main window wider than the user wants it.
    auto *content = new QWidget;
    auto *inner = new QVBoxLayout(content);
    inner->addLayout(bar);
    inner->addWidget(m_tabs, 1);
    auto *scroll = new QScrollArea;
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    setProject(nullptr);
}

InsightsPage::~InsightsPage()
{
    m_runner->setProject(nullptr);
}

void InsightsPage::setDataUndoStack(QUndoStack *stack)
{
    m_dataStack = stack;
    m_sendToReport->setUndoStack(stack);
}

void InsightsPage::openRescoreBase()
{
    if (!m_project || !m_data || !m_data->whatChanged)
        return;
    const auto base = KpiPeriod::parse(m_data->whatChanged->request.base.label);
    if (!base)
        return;
    // All agents, the base period; the dialog offers the scorecard and the version to re-score under.
    auto *dialog = new WhatIfDialog(m_project, m_dataStack, QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setScope(KpiSlice(), *base);
    dialog->open();
}

QString InsightsPage::title() const
{
    return tr("Insights");
}

QIcon InsightsPage::icon() const
{
    return Icons::themed(QStringLiteral("office-chart-line"), QStringLiteral("office-chart-line"));
}

QList<JobRunner *> InsightsPage::jobRunners() const
{
    return {m_runner};
}

QTableView *InsightsPage::newTable(const QString &name, QStandardItemModel *model)
{
    auto *view = new QTableView;
    view->setObjectName(name);
    view->setModel(model);
    view->setSortingEnabled(false);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->setAlternatingRowColors(true);
    return view;
}

QWidget *InsightsPage::tableBox(QTableView *view, const QString &sheet)
{
    auto *w = new QWidget;
    auto *v = new QVBoxLayout(w);
    v->setContentsMargins(0, 0, 0, 0);
    v->addWidget(view, 1);
    auto *action = new TableExportAction(view, w);
    action->setSheetName(sheet);
    action->setRunner(m_runner);
    action->setText(tr("Export Table…"));
    action->setObjectName(view->objectName() + QStringLiteral("Export"));
    auto *button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *h = new QHBoxLayout;
    h->addStretch();
    h->addWidget(button);
    v->addLayout(h);
    return w;
}

QWidget *InsightsPage::chartBox(const QString &name)
{
    auto *w = new QWidget;
    auto *v = new QVBoxLayout(w);
    v->setContentsMargins(0, 0, 0, 0);
    auto *preview = new ChartPreview;
    preview->setObjectName(name + QStringLiteral("Chart"));
    preview->setMinimumSize(320, 180);
    m_charts[name] = preview;
    v->addWidget(preview, 1);
    auto *exportButton = new QPushButton(Icons::themed(QStringLiteral("document-export")), tr("Export Chart…"));
    auto *copy = new QPushButton(Icons::themed(QStringLiteral("edit-copy")), tr("Copy Image"));
    copy->setToolTip(tr("Copy the chart as an image, to paste into slides"));
    auto *h = new QHBoxLayout;
    h->addStretch();
    h->addWidget(exportButton);
    h->addWidget(copy);
    v->addLayout(h);
    connect(copy, &QPushButton::clicked, this, [preview] {
        if (const ChartScene *chart = preview->chart())
            QApplication::clipboard()->setImage(ChartExport::image(*chart, 2));
    });
    connect(exportButton, &QPushButton::clicked, this, [this, name, preview] {
        if (!preview->chart())
            return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), QDir::home().filePath(name + QStringLiteral(".png")),
                                                          tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
        QString error;
        if (!path.isEmpty() && !exportChart(name, path, 2, &error))
            QMessageBox::warning(this, tr("Export Chart"), error);
    });
    return w;
}

const ChartPreview *InsightsPage::chart(const QString &name) const
{
    const auto it = m_charts.find(name);
    return it == m_charts.end() ? nullptr : it->second;
}

bool InsightsPage::exportChart(const QString &name, const QString &path, int scale, QString *error) const
{
    const ChartPreview *preview = chart(name);
    const ChartScene *scene = preview ? preview->chart() : nullptr;
    const auto format = ChartExport::formatForPath(path);
    if (!scene || !format) {
        *error = !scene ? tr("There is no chart to export.") : tr("Choose a .png, .svg or .pdf file.");
        return false;
    }
    return ChartExport::write(*scene, path, *format, scale, error);
}

void InsightsPage::setProject(Project *project)
{
    m_runner->setProject(nullptr);
    m_cubes.clear();
    m_data.reset();
    m_project = project;
    m_runner->setProject(project);
    m_sendToReport->setProject(project);
    m_filterBar->setProject(project);
    m_filling = true;
    m_base->clear();
    m_current->clear();
    m_filling = false;
    if (!project) {
        for (auto &[name, preview] : m_charts)
            preview->setMessage(tr("Open a project to see insights (File → Open Project…, or open the demo)."));
        return;
    }
    schedule();
}

void InsightsPage::refresh()
{
    schedule();
}

void InsightsPage::reloadData()
{
    m_cubes.clear();
    m_filterBar->reloadChoices();
    schedule();
}

void InsightsPage::schedule()
{
    if (m_filling || !m_project)
        return;
    m_timer->start();
}

InsightsRequest InsightsPage::request() const
{
    InsightsRequest r;
    if (m_from->date() != kOpen)
        r.from = m_from->date();
    if (m_to->date() != kOpen)
        r.to = m_to->date();
    const KpiFilters chosen = m_filterBar->filters();
    const QList<std::pair<QString, QStringList>> dims{{QStringLiteral("queue"), chosen.queues},
                                                     {QStringLiteral("channel"), chosen.channels},
                                                     {QStringLiteral("team"), chosen.teams},
                                                     {QStringLiteral("site"), chosen.sites},
                                                     {QStringLiteral("scorecard"), chosen.scorecards},
                                                     {QStringLiteral("sample_type"), chosen.sampleTypes}};
    for (const auto &[dim, values] : dims)
        if (!values.isEmpty())
            r.filters << PivotFilter{dim, false, values};
    r.base = m_base->currentText();
    r.current = m_current->currentText();
    r.metric = m_metric->currentData().toString();
    r.controlMetric = m_controlMetric->currentData().toString();
    r.controlPeriod = m_controlPeriod->currentData().toString();
    r.funnelUnit = m_funnelUnit->currentData().toString();
    r.auditorComments = m_themeCorpus->currentData().toString() == QLatin1String("auditors");
    r.baselineFrom = m_baselineFrom->currentData().toString();
    r.baselineTo = m_baselineTo->currentData().toString();
    r.keepBaselineAcrossVersions = m_keepBaseline->isChecked();
    r.themeLanguage = m_themeLanguage->currentData().toString();
    return r;
}

void InsightsPage::applyDatePreset()
{
    const int chosen = m_dates->currentData().toInt();
    if (chosen == kCustomRange)
        return; // the dates as they are, to edit
    QDate from = kOpen, to = kOpen;
    if (DatePresets::isPreset(chosen)) {
        const KpiPeriod p = DatePresets::period(chosen, m_data ? m_data->latest : QDate());
        from = p.from;
        to = p.to;
    }
    if (from == m_from->date() && to == m_to->date())
        return;
    m_filling = true;
    m_from->setDate(from);
    m_to->setDate(to);
    m_filling = false;
    schedule();
}

void InsightsPage::datesEdited()
{
    if (m_filling)
        return;
    const bool open = m_from->date() == kOpen && m_to->date() == kOpen;
    m_filling = true;
    m_dates->setCurrentIndex(m_dates->findData(open ? kAllDates : kCustomRange));
    m_filling = false;
    schedule();
}

void InsightsPage::setStatus(const QString &text)
{
    m_status = text;
    Q_EMIT statusTextChanged(text);
}

void InsightsPage::compute()
{
    if (!m_project)
        return;
    const InsightsRequest rq = request();
    auto cubes = m_cubes;
    // The worker reads through a read-only connection: a project that shows people by pseudonym
    // gets its pseudonym key made here first, once, while it can still be written.
    if (!m_project->isReadOnly() &&
        AgentNames::fromName(ProjectSettings(m_project->database()).value(ProjectSettings::NameDisplay).toString()) ==
            NameDisplay::Pseudonyms) {
        QString ignored; // a failure shows in the funnel's own message
        AgentNames::projectKey(m_project->database(), &ignored);
    }
    setStatus(tr("Computing insights…"));
    m_runner->start<std::shared_ptr<InsightsData>>(
        QStringLiteral("insights"), tr("Computing insights"),
        [rq, cubes](JobContext &context) { return std::make_shared<InsightsData>(InsightsCompute::run(context, rq, cubes)); },
        [this](std::shared_ptr<InsightsData> &&data) { showData(std::move(*data)); });
}

void InsightsPage::showData(InsightsData &&data)
{
    m_cubes = data.cubes;
    m_data = std::make_unique<InsightsData>(std::move(data));
    if (!m_data->error.isEmpty()) {
        setStatus(m_data->error);
        for (auto &[name, preview] : m_charts)
            preview->setMessage(m_data->error);
        return;
    }
    fillFilterBar();
    if (DatePresets::isPreset(m_dates->currentData().toInt()))
        applyDatePreset(); // counted from the latest audit, known now: computes again if the range moves
    showWhatChanged();
    showDrivers();
    showParetos();
    showThemes();
    showControl();
    showFailed();
    fillBaselineChooser();
    fillLanguageFilter();
    setStatus(tr("Insights: %1 against %2").arg(m_data->current, m_data->base));
    Q_EMIT computed();
}

void InsightsPage::fillFilterBar()
{
    m_filling = true;
    for (QComboBox *c : {m_base, m_current}) {
        if (c->count() != m_data->months.size()) {
            c->clear();
            c->addItems(m_data->months);
        }
    }
    m_base->setCurrentText(m_data->base);
    m_current->setCurrentText(m_data->current);
    m_filling = false;
}

void InsightsPage::showWhatChanged()
{
    const InsightsData &d = *m_data;
    reset(m_elements, {});
    reset(m_drill, {});
    m_drillTitle->clear();
    if (!d.whatChanged) {
        m_rescoreBase->setVisible(false);
        m_sentence->setText(d.whatChangedError);
        m_charts["contributions"]->setMessage(d.whatChangedError);
        return;
    }
    const rca::Result &r = *d.whatChanged;
    QString sentence = r.summary;
    for (QString warning : r.warnings) { // rca's warnings start in lower case: each is a sentence here
        if (!warning.isEmpty())
            warning[0] = warning.at(0).toUpper();
        sentence += QLatin1Char('\n') + warning + (warning.endsWith(QLatin1Char('.')) ? QString() : QStringLiteral("."));
    }
    m_sentence->setText(sentence);
    m_rescoreBase->setVisible(!r.warnings.isEmpty()); // its one warning: a scorecard version change
    const QString chosen = m_changeDimension->currentText();
    m_filling = true;
    m_changeDimension->clear();
    for (const rca::Dimension &dim : r.analysis.dimensions)
        m_changeDimension->addItem(elementsTitle(dim), dim.name);
    m_changeDimension->setCurrentIndex(std::max(0, m_changeDimension->findText(chosen)));
    m_filling = false;
    const int index = m_changeDimension->currentIndex();
    if (index >= 0 && index < r.analysis.dimensions.size())
        fillElements(m_elements, r.analysis.dimensions.at(index), r.request.metric.percent);
    if (r.drill && !r.drill->dimensions.isEmpty()) {
        m_drillTitle->setText(tr("Inside %1 %2: %3").arg(r.drillDimension, r.drillElement, elementsTitle(r.drill->dimensions.first())));
        fillElements(m_drill, r.drill->dimensions.first(), r.request.metric.percent);
    } else {
        m_drillTitle->setText(tr("No drill: no dimension explains the change."));
    }
    setChart(QStringLiteral("contributions"), d.contributions);
}

} // namespace ql
