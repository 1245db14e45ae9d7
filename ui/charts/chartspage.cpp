// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartspage.h"

#include "chart/chartloader.h"
#include "chart/filtertext.h"
#include "chartexport.h"
#include "chartpresets.h"
#include "chartpreview.h"
#include "chartscene.h"
#include "chartsize.h"
#include "charttheme.h"
#include "common/icons.h"
#include "common/jobrunner.h"
#include "store/project.h"
#include "store/projectsettings.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QUndoStack>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace ql {

namespace {

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

// Everything a chart needs from the project, computed on a worker thread.
struct Rendered
{
    QList<ChartSpec> specs;
    QList<std::optional<ChartData>> data;
    QStringList errors;
    std::map<PivotSource, std::shared_ptr<const Cube>> cubes;
    ChartBrand brand;
};

Rendered compute(JobContext &context, const QList<ChartSpec> &specs, std::map<PivotSource, std::shared_ptr<const Cube>> cubes)
{
    Rendered r;
    r.specs = specs;
    const QSqlDatabase db = context.database();
    r.brand = ChartBrand::fromSettings(ProjectSettings(db));
    ChartLoader loader(db);
    loader.setCubes(std::move(cubes));
    for (const ChartSpec &spec : specs) {
        QString error;
        r.data << loader.load(spec, &error);
        r.errors << error;
        if (context.isCanceled())
            break;
    }
    r.cubes = loader.cubes();
    return r;
}

QString fileNameFor(const QString &name)
{
    QString out = name;
    out.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9 _.-]")), QStringLiteral("_"));
    return out.trimmed().isEmpty() ? QStringLiteral("chart") : out.trimmed();
}

} // namespace

ChartsPage::ChartsPage(QWidget *parent)
    : Page(parent)
    , m_runner(new JobRunner(this))
    , m_preview(new ChartPreview(this))
    , m_timer(new QTimer(this))
    , m_savedModel(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("chartsPage"));
    m_timer->setSingleShot(true);
    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, &ChartsPage::render);

    auto *form = new QWidget;
    auto *layout = new QFormLayout(form);
    m_form = layout;
    auto named = [](QWidget *w, const QString &name, const QString &accessible) {
        w->setObjectName(name);
        w->setAccessibleName(accessible);
        return w;
    };
    m_preset = new QComboBox;
    m_preset->addItem(tr("Start from…"));
    for (const ChartPreset &p : chartPresets())
        m_preset->addItem(p.name);
    layout->addRow(tr("&Preset:"), named(m_preset, QStringLiteral("preset"), tr("Preset")));
    m_type = new QComboBox;
    for (ChartType t : allChartTypes())
        m_type->addItem(chartTypeName(t), int(t));
    m_type->setToolTip(tr("A waterfall reads a root-cause analysis: its KPI, base and current periods and dimensions "
                          "are below the type (Insights → What changed saves one too)"));
    layout->addRow(tr("&Type:"), named(m_type, QStringLiteral("type"), tr("Chart type")));
    m_metric = new QComboBox;
    m_metric->setEditable(true);
    m_metric->addItems({QStringLiteral("csat_pct"), QStringLiteral("dsat_pct"), QStringLiteral("csat_mean"),
                        QStringLiteral("qa_score"), QStringLiteral("pass_rate"), QStringLiteral("critical_rate")});
    m_metric->setToolTip(tr("The KPI whose change the waterfall explains; compliance(KEY) for one criterion"));
    layout->addRow(tr("&KPI:"), named(m_metric, QStringLiteral("metric"), tr("Waterfall KPI")));
    m_basePeriod = new QLineEdit;
    m_basePeriod->setPlaceholderText(tr("e.g. 2026-09, 2026-Q2 or 2026-W07"));
    layout->addRow(tr("Base &period:"), named(m_basePeriod, QStringLiteral("basePeriod"), tr("Base period")));
    m_currentPeriod = new QLineEdit;
    m_currentPeriod->setPlaceholderText(tr("e.g. 2026-10"));
    layout->addRow(tr("C&urrent period:"),
                   named(m_currentPeriod, QStringLiteral("currentPeriod"), tr("Current period")));
    m_dimensions = new QLineEdit;
    m_dimensions->setPlaceholderText(tr("(all single-valued dimensions)"));
    m_dimensions->setToolTip(tr("The dimensions the analysis may explain the change with; the waterfall shows the "
                                "one that explains it best"));
    layout->addRow(tr("&Dimensions:"), named(m_dimensions, QStringLiteral("dimensions"), tr("Waterfall dimensions")));
    m_source = new QComboBox;
    for (PivotSource s : {PivotSource::Audits, PivotSource::Answers, PivotSource::Csat})
        m_source->addItem(pivotSourceName(s), int(s));
    layout->addRow(tr("&Source:"), named(m_source, QStringLiteral("source"), tr("Source")));
    m_rows = new QLineEdit;
    m_rows->setPlaceholderText(QStringLiteral("month"));
    layout->addRow(tr("&Rows:"), named(m_rows, QStringLiteral("rows"), tr("Row dimensions")));
    m_cols = new QLineEdit;
    m_cols->setPlaceholderText(tr("(none)"));
    layout->addRow(tr("&Columns:"), named(m_cols, QStringLiteral("cols"), tr("Column dimensions")));
    m_measures = new QLineEdit;
    m_measures->setPlaceholderText(QStringLiteral("qa_score"));
    layout->addRow(tr("&Measures:"), named(m_measures, QStringLiteral("measures"), tr("Measures")));
    m_filters = new QLineEdit;
    m_filters->setPlaceholderText(tr("queue = Billing, Returns; channel != phone"));
    m_filters->setToolTip(tr("Clauses separated by “;”: a dimension, = or != and its values separated by “,” "
                             "(a value with a comma in double quotes)"));
    layout->addRow(tr("Fi&lters:"), named(m_filters, QStringLiteral("filters"), tr("Filters")));
    m_baselineFrom = new QComboBox;
    m_baselineTo = new QComboBox;
    m_restart = new QComboBox;
    auto *baseline = new QHBoxLayout;
    baseline->addWidget(named(m_baselineFrom, QStringLiteral("baselineFrom"), tr("Baseline from")), 1);
    baseline->addWidget(new QLabel(tr("to")));
    baseline->addWidget(named(m_baselineTo, QStringLiteral("baselineTo"), tr("Baseline to")), 1);
    m_baselineFrom->setToolTip(tr("The periods whose points compute the centre and limits (by default all but the "
                                  "latest: the period being judged must not set its own limits)"));
    m_baselineTo->setToolTip(m_baselineFrom->toolTip());
    // The row's label is a QLabel of its own: a label made from text has no buddy, and would show
    // its mnemonic's ampersand.
    auto *baselineLabel = new QLabel(tr("Baseli&ne:"));
    baselineLabel->setBuddy(m_baselineFrom);
    layout->addRow(baselineLabel, baseline);
    m_baselineRow = baseline;
    m_restart->setToolTip(tr("A period from which the limits are computed afresh (a process change)"));
    layout->addRow(tr("R&estart limits at:"), named(m_restart, QStringLiteral("restart"), tr("Restart limits at")));
    m_versionRestart = new QCheckBox(tr("Restart the limits at a scorecard &version change"));
    m_versionRestart->setObjectName(QStringLiteral("versionRestart"));
    m_versionRestart->setChecked(true);
    layout->addRow(QString(), m_versionRestart);
    fillControlPeriods({});
    m_title = new QLineEdit;
    m_title->setPlaceholderText(tr("Say the finding"));
    layout->addRow(tr("T&itle:"), named(m_title, QStringLiteral("title"), tr("Title")));
    m_subtitle = new QLineEdit;
    m_subtitle->setPlaceholderText(tr("The scope: measure, period, queues"));
    layout->addRow(tr("Su&btitle:"), named(m_subtitle, QStringLiteral("subtitle"), tr("Subtitle")));
    m_target = new QLineEdit;
    m_target->setPlaceholderText(tr("(none)"));
    layout->addRow(tr("Tar&get:"), named(m_target, QStringLiteral("target"), tr("Target")));
    m_annotationRow = new QLineEdit;
    m_annotationRow->setPlaceholderText(tr("a row label, e.g. 2026-04"));
    layout->addRow(tr("Annotate at:"), named(m_annotationRow, QStringLiteral("annotationRow"), tr("Annotation row")));
    m_annotationText = new QLineEdit;
    m_annotationText->setPlaceholderText(tr("e.g. new macro launched"));
    layout->addRow(tr("Annotation:"), named(m_annotationText, QStringLiteral("annotationText"), tr("Annotation text")));
    m_theme = new QComboBox;
    m_theme->addItems(chartThemeNames());
    layout->addRow(tr("T&heme:"), named(m_theme, QStringLiteral("theme"), tr("Theme")));
    m_names = new QComboBox;
    m_names->addItem(tr("Project setting"), -1);
    m_names->addItem(tr("Names"), int(NameDisplay::Names));
    m_names->addItem(tr("Ids"), int(NameDisplay::Ids));
    m_names->addItem(tr("Pseudonyms"), int(NameDisplay::Pseudonyms));
    m_names->setToolTip(tr("How agents appear in this chart (privacy.md); saved with the chart as \"names\""));
    layout->addRow(tr("Sho&w agents as:"), named(m_names, QStringLiteral("names"), tr("Agents shown as")));
    m_size = new QComboBox;
    m_size->addItem(tr("16:9 slide (1920 × 1080)"), QStringLiteral("16:9"));
    m_size->addItem(tr("4:3 slide (1440 × 1080)"), QStringLiteral("4:3"));
    m_size->addItem(tr("A4 landscape"), QStringLiteral("a4"));
    layout->addRow(tr("Si&ze:"), named(m_size, QStringLiteral("size"), tr("Output size")));
    m_labels = new QCheckBox(tr("Dat&a labels"));
    m_footnote = new QCheckBox(tr("&Footnote (dates, filters, n)"));
    m_footnote->setChecked(true);
    m_band = new QCheckBox(tr("&95% interval band"));
    for (QCheckBox *c : {m_labels, m_footnote, m_band})
        layout->addRow(QString(), c);
    m_labels->setObjectName(QStringLiteral("labels"));
    m_footnote->setObjectName(QStringLiteral("footnote"));
    m_band->setObjectName(QStringLiteral("band"));
    m_json = new QPlainTextEdit;
    m_json->setReadOnly(true);
    m_json->setMaximumHeight(110);
    layout->addRow(tr("Spec (for the CLI):"), named(m_json, QStringLiteral("json"), tr("Chart spec JSON")));

    auto *scroll = new QScrollArea;
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(340);

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_preview, 1);
    auto *bar = new QHBoxLayout;
    m_scale = new QComboBox;
    m_scale->addItem(tr("PNG 1×"), 1);
    m_scale->addItem(tr("PNG 2×"), 2);
    m_scale->addItem(tr("PNG 3×"), 3);
    m_scale->setCurrentIndex(1);
    m_scale->setAccessibleName(tr("PNG scale"));
    m_export = new QPushButton(Icons::themed(QStringLiteral("document-export")), tr("E&xport…"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_copy = new QPushButton(Icons::themed(QStringLiteral("edit-copy")), tr("Cop&y Image"));
    m_copy->setToolTip(tr("Copy the chart as an image, to paste into PowerPoint, Keynote or Google Slides"));
    bar->addStretch();
    bar->addWidget(m_scale);
    bar->addWidget(m_export);
    bar->addWidget(m_copy);
    rightLayout->addLayout(bar);

    auto *left = new QSplitter(Qt::Vertical);
    left->addWidget(scroll);
    left->addWidget(buildSavedPanel());
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 1);
    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    auto *outer = new QVBoxLayout(this);
    outer->addWidget(splitter);

    connect(m_preset, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index > 0)
            setSpec(chartPresets().at(index - 1).spec);
    });
    connect(m_type, &QComboBox::currentIndexChanged, this, &ChartsPage::showRowsForType);
    for (QComboBox *c : {m_type, m_source, m_theme, m_names, m_size, m_baselineFrom, m_baselineTo, m_restart})
        connect(c, &QComboBox::currentIndexChanged, this, &ChartsPage::scheduleRender);
    connect(m_metric, &QComboBox::currentTextChanged, this, &ChartsPage::scheduleRender);
    for (QLineEdit *e : {m_rows, m_cols, m_measures, m_filters, m_title, m_subtitle, m_target, m_annotationRow,
                         m_annotationText, m_basePeriod, m_currentPeriod, m_dimensions})
        connect(e, &QLineEdit::textChanged, this, &ChartsPage::scheduleRender);
    for (QCheckBox *c : {m_labels, m_footnote, m_band, m_versionRestart})
        connect(c, &QCheckBox::toggled, this, &ChartsPage::scheduleRender);
    connect(m_export, &QPushButton::clicked, this, &ChartsPage::exportDialog);
    connect(m_copy, &QPushButton::clicked, this, &ChartsPage::copyToClipboard);
    setSpec(chartPresets().first().spec);
    setProject(nullptr);
}

ChartsPage::~ChartsPage()
{
    m_runner->setProject(nullptr);
}

QString ChartsPage::title() const
{
    return tr("Charts");
}

QIcon ChartsPage::icon() const
{
    return Icons::themed(QStringLiteral("office-chart-bar"), QStringLiteral("view-statistics"));
}

QList<JobRunner *> ChartsPage::jobRunners() const
{
    return {m_runner};
}

void ChartsPage::setProject(Project *project)
{
    m_runner->setProject(nullptr);
    m_cubes.clear();
    m_project = project;
    m_runner->setProject(project);
    m_pack.reset();
    if (m_ownUndo)
        m_ownUndo->clear();
    refreshSaved();
    if (!project) {
        m_preview->setMessage(tr("Open a project to build charts (File → Open Project…, or open the demo)."));
        return;
    }
    const QString setting = ProjectSettings(project->database()).value(ProjectSettings::NameDisplay).toString();
    m_names->setItemText(0, tr("Project setting (%1)").arg(setting.isEmpty() ? QStringLiteral("names") : setting));
    scheduleRender();
}

void ChartsPage::refresh()
{
    scheduleRender();
}

void ChartsPage::reloadData()
{
    m_cubes.clear();
    refreshSaved();
    scheduleRender();
}

ChartSpec ChartsPage::spec() const
{
    ChartSpec s = m_base;
    s.type = ChartType(m_type->currentData().toInt());
    QString ignored;
    const auto filters = filtersFromText(m_filters->text(), &ignored);
    if (s.type == ChartType::Waterfall) {
        // The analysis the waterfall draws; pivot fields do not apply (and are not written).
        s.pivot = PivotSpec{};
        QJsonObject rca;
        rca.insert(QStringLiteral("metric"), m_metric->currentText().trimmed());
        rca.insert(QStringLiteral("base"), m_basePeriod->text().trimmed());
        rca.insert(QStringLiteral("current"), m_currentPeriod->text().trimmed());
        if (const QStringList dims = splitList(m_dimensions->text()); !dims.isEmpty())
            rca.insert(QStringLiteral("dims"), QJsonArray::fromStringList(dims));
        const QList<PivotFilter> rcaFilters =
            filters ? *filters : waterfallFilters(m_base, &ignored).value_or(QList<PivotFilter>{});
        if (!rcaFilters.isEmpty())
            rca.insert(QStringLiteral("filters"), waterfallFiltersJson(rcaFilters));
        s.rca = rca;
    } else {
        s.rca = QJsonObject{};
        const PivotSource source = PivotSource(m_source->currentData().toInt());
        s.pivot.source = source;
        s.pivot.rows = splitList(m_rows->text());
        s.pivot.cols = splitList(m_cols->text());
        s.pivot.measures = splitList(m_measures->text());
        if (filters)
            s.pivot.filters = *filters;
    }
    s.title = m_title->text().trimmed();
    s.subtitle = m_subtitle->text().trimmed();
    bool ok = false;
    const double target = m_target->text().trimmed().toDouble(&ok);
    s.target = ok ? std::optional<double>(target) : std::nullopt;
    if (!m_annotationRow->text().trimmed().isEmpty() && !m_annotationText->text().trimmed().isEmpty())
        s.annotation = ChartAnnotation{m_annotationRow->text().trimmed(),
                                       s.annotation ? s.annotation->series : QString(), m_annotationText->text().trimmed()};
    else
        s.annotation.reset();
    s.theme = m_theme->currentText();
    const int names = m_names->currentData().toInt();
    s.names = names < 0 ? std::nullopt : std::optional<NameDisplay>(NameDisplay(names));
    s.labels = m_labels->isChecked();
    s.footnote = m_footnote->isChecked();
    s.band = m_band->isChecked() && s.type != ChartType::Waterfall ? QStringLiteral("ci95") : QString();
    s.control = ChartControl{};
    if (isControlChart(s.type)) {
        s.control.baselineFrom = m_baselineFrom->currentData().toString();
        s.control.baselineTo = m_baselineTo->currentData().toString();
        s.control.restart = m_restart->currentData().toString();
        s.control.versionRestart = m_versionRestart->isChecked();
    }
    return s;
}

QString ChartsPage::formProblem() const
{
    QString error;
    if (!filtersFromText(m_filters->text(), &error))
        return error;
    return {};
}

void ChartsPage::setSpec(const ChartSpec &spec)
{
    m_filling = true;
    m_base = spec;
    m_type->setCurrentIndex(m_type->findData(int(spec.type)));
    m_source->setCurrentIndex(m_source->findData(int(spec.pivot.source)));
    m_rows->setText(spec.pivot.rows.join(QStringLiteral(", ")));
    m_cols->setText(spec.pivot.cols.join(QStringLiteral(", ")));
    m_measures->setText(spec.pivot.measures.join(QStringLiteral(", ")));
    QString ignored;
    if (spec.type == ChartType::Waterfall) {
        m_metric->setCurrentText(spec.rca.value(QLatin1String("metric")).toString());
        m_basePeriod->setText(spec.rca.value(QLatin1String("base")).toString());
        m_currentPeriod->setText(spec.rca.value(QLatin1String("current")).toString());
        QStringList dims;
        for (const QJsonValue &d : spec.rca.value(QLatin1String("dims")).toArray())
            dims << d.toString();
        m_dimensions->setText(dims.join(QStringLiteral(", ")));
        m_filters->setText(filtersToText(waterfallFilters(spec, &ignored).value_or(QList<PivotFilter>{})));
    } else {
        m_filters->setText(filtersToText(spec.pivot.filters));
    }
    m_title->setText(spec.title);
    m_subtitle->setText(spec.subtitle);
    m_target->setText(spec.target ? QString::number(*spec.target, 'g', 10) : QString());
    m_annotationRow->setText(spec.annotation ? spec.annotation->row : QString());
    m_annotationText->setText(spec.annotation ? spec.annotation->text : QString());
    m_theme->setCurrentText(spec.theme);
    m_names->setCurrentIndex(m_names->findData(spec.names ? int(*spec.names) : -1));
    m_labels->setChecked(spec.labels);
    m_footnote->setChecked(spec.footnote);
    m_band->setChecked(spec.band == QLatin1String("ci95"));
    m_versionRestart->setChecked(spec.control.versionRestart);
    fillControlPeriods(m_periods);
    m_filling = false;
    showRowsForType();
    scheduleRender();
}

// The control combos list the periods of the last control chart drawn, plus any the spec names
// that are not among them (so a saved chart's window shows as saved before its data arrive).
void ChartsPage::fillControlPeriods(const QStringList &periods)
{
    m_periods = periods;
    ChartControl want = m_base.control;
    if (!m_filling) { // keep what the combos show
        want.baselineFrom = m_baselineFrom->currentData().toString();
        want.baselineTo = m_baselineTo->currentData().toString();
        want.restart = m_restart->currentData().toString();
    }
    auto fill = [&](QComboBox *box, const QString &none, const QString &current, bool skipFirst) {
        const QSignalBlocker blocker(box);
        box->clear();
        box->addItem(none, QString());
        for (int i = skipFirst ? 1 : 0; i < periods.size(); ++i)
            box->addItem(chartDisplayLabel(periods.at(i)), periods.at(i));
        if (!current.isEmpty() && box->findData(current) < 0)
            box->addItem(chartDisplayLabel(current), current);
        box->setCurrentIndex(std::max(0, box->findData(current)));
    };
    fill(m_baselineFrom, tr("(the first)"), want.baselineFrom, false);
    fill(m_baselineTo, tr("(all but the latest)"), want.baselineTo, false);
    fill(m_restart, tr("(none)"), want.restart, true);
}

void ChartsPage::showRowsForType()
{
    const ChartType type = ChartType(m_type->currentData().toInt());
    const bool waterfall = type == ChartType::Waterfall;
    for (QWidget *w : {static_cast<QWidget *>(m_metric), static_cast<QWidget *>(m_basePeriod),
                       static_cast<QWidget *>(m_currentPeriod), static_cast<QWidget *>(m_dimensions)})
        m_form->setRowVisible(w, waterfall);
    for (QWidget *w : {static_cast<QWidget *>(m_source), static_cast<QWidget *>(m_rows),
                       static_cast<QWidget *>(m_cols), static_cast<QWidget *>(m_measures),
                       static_cast<QWidget *>(m_band)})
        m_form->setRowVisible(w, !waterfall);
    const bool control = isControlChart(type);
    m_form->setRowVisible(m_baselineRow, control);
    m_form->setRowVisible(m_restart, control);
    m_form->setRowVisible(m_versionRestart, control);
}

QSize ChartsPage::outputSize() const
{
    return ChartSize::parse(m_size->currentData().toString()).value_or(ChartSize::slide16x9());
}

const ChartScene *ChartsPage::currentChart() const
{
    return m_preview->chart();
}

QString ChartsPage::previewMessage() const
{
    return m_preview->message();
}

void ChartsPage::scheduleRender()
{
    if (m_filling)
        return;
    updateJson();
    m_timer->start();
}

void ChartsPage::updateJson()
{
    m_json->setPlainText(QString::fromUtf8(spec().toJson()));
}

void ChartsPage::setStatus(const QString &text)
{
    m_status = text;
    Q_EMIT statusTextChanged(text);
}

void ChartsPage::render()
{
    if (!m_project)
        return;
    const ChartSpec s = spec();
    QString problem = formProblem();
    if (problem.isEmpty())
        problem = s.validate();
    if (!problem.isEmpty()) {
        m_preview->setMessage(problem);
        setStatus(problem);
        return;
    }
    const QSize size = outputSize();
    auto cubes = m_cubes;
    m_runner->start<Rendered>(
        QStringLiteral("chart"), tr("Building the chart"),
        [s, cubes](JobContext &context) { return compute(context, {s}, cubes); },
        [this, size](Rendered &&r) {
            for (auto &[source, cube] : r.cubes)
                m_cubes[source] = cube;
            if (r.data.isEmpty() || !r.data.first()) {
                const QString error = r.errors.value(0);
                m_preview->setMessage(error);
                setStatus(error);
                return;
            }
            const ChartSpec &spec = r.specs.first();
            if (isControlChart(spec.type) && r.data.first()->categories != m_periods)
                fillControlPeriods(r.data.first()->categories);
            m_preview->setChart(std::make_unique<ChartScene>(spec, *r.data.first(), ChartTheme::named(spec.theme, r.brand), size));
            setStatus(tr("Chart: %1 · n = %L2").arg(chartTypeName(spec.type)).arg(r.data.first()->facts));
            Q_EMIT chartRendered();
        });
}

bool ChartsPage::exportTo(const QString &path, int scale, QString *error) const
{
    const ChartScene *chart = m_preview->chart();
    const auto format = ChartExport::formatForPath(path);
    if (!chart || !format) {
        *error = !chart ? tr("There is no chart to export.") : tr("Choose a .png, .svg or .pdf file.");
        return false;
    }
    return ChartExport::write(*chart, path, *format, scale, error);
}

void ChartsPage::copyToClipboard() const
{
    if (const ChartScene *chart = m_preview->chart())
        QApplication::clipboard()->setImage(ChartExport::image(*chart, 2));
}

void ChartsPage::exportDialog()
{
    if (!m_preview->chart())
        return;
    const QString name = fileNameFor(m_title->text().isEmpty() ? tr("chart") : m_title->text());
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), QDir::home().filePath(name + QStringLiteral(".png")),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, m_scale->currentData().toInt(), &error))
        QMessageBox::warning(this, tr("Export Chart"), error);
}

} // namespace ql
