// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartspage.h"

#include "chart/chartloader.h"
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
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
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
    m_type->setToolTip(tr("A waterfall reads a root-cause analysis: save one from Insights → What changed"));
    layout->addRow(tr("&Type:"), named(m_type, QStringLiteral("type"), tr("Chart type")));
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
    m_size = new QComboBox;
    m_size->addItem(tr("16:9 slide (1920 × 1080)"), QStringLiteral("16:9"));
    m_size->addItem(tr("4:3 slide (1440 × 1080)"), QStringLiteral("4:3"));
    m_size->addItem(tr("A4 landscape"), QStringLiteral("a4"));
    layout->addRow(tr("Si&ze:"), named(m_size, QStringLiteral("size"), tr("Output size")));
    m_labels = new QCheckBox(tr("Data &labels"));
    m_footnote = new QCheckBox(tr("&Footnote (dates, filters, n)"));
    m_footnote->setChecked(true);
    m_band = new QCheckBox(tr("95% interval &band"));
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
    m_export = new QPushButton(Icons::themed(QStringLiteral("document-export")), tr("&Export…"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_copy = new QPushButton(Icons::themed(QStringLiteral("edit-copy")), tr("&Copy Image"));
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
    for (QComboBox *c : {m_type, m_source, m_theme, m_size})
        connect(c, &QComboBox::currentIndexChanged, this, &ChartsPage::scheduleRender);
    for (QLineEdit *e : {m_rows, m_cols, m_measures, m_title, m_subtitle, m_target, m_annotationRow, m_annotationText})
        connect(e, &QLineEdit::textChanged, this, &ChartsPage::scheduleRender);
    for (QCheckBox *c : {m_labels, m_footnote, m_band})
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
    const PivotSource source = PivotSource(m_source->currentData().toInt());
    if (source != s.pivot.source)
        s.pivot.filters.clear(); // a filter of one source's dimensions means nothing to another
    s.pivot.source = source;
    s.pivot.rows = splitList(m_rows->text());
    s.pivot.cols = splitList(m_cols->text());
    s.pivot.measures = splitList(m_measures->text());
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
    s.labels = m_labels->isChecked();
    s.footnote = m_footnote->isChecked();
    s.band = m_band->isChecked() ? QStringLiteral("ci95") : QString();
    return s;
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
    m_title->setText(spec.title);
    m_subtitle->setText(spec.subtitle);
    m_target->setText(spec.target ? QString::number(*spec.target, 'g', 10) : QString());
    m_annotationRow->setText(spec.annotation ? spec.annotation->row : QString());
    m_annotationText->setText(spec.annotation ? spec.annotation->text : QString());
    m_theme->setCurrentText(spec.theme);
    m_labels->setChecked(spec.labels);
    m_footnote->setChecked(spec.footnote);
    m_band->setChecked(spec.band == QLatin1String("ci95"));
    m_filling = false;
    scheduleRender();
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
    if (const QString problem = s.validate(); !problem.isEmpty()) {
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
