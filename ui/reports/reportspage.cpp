// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportspage.h"

#include "common/emptystate.h"
#include "common/icons.h"
#include "common/jobrunner.h"
#include "common/periods.h"
#include "pivot/cubesnapshotsaver.h"
#include "report/reportlayout.h"
#include "report/reportwriter.h"
#include "reportnotescommand.h"
#include "sentsectionspanel.h"
#include "store/project.h"
#include "store/projectsettings.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QStandardPaths>
#include <QUndoStack>
#include <QVBoxLayout>

namespace ql {

namespace {

const QString LoadChannel = QStringLiteral("periods");
const QString PreviewChannel = QStringLiteral("preview");
const QString ExportChannel = QStringLiteral("export");
const QString CloseChannel = QStringLiteral("close");
constexpr double PreviewDpi = 60; // an A4 page about 500 px wide: the whole page in view

QString monthTitle(int month)
{
    return QLocale().standaloneMonthName(month % 100) + QLatin1Char(' ') + QString::number(month / 100);
}

} // namespace

ReportsPage::ReportsPage(QWidget *parent)
    : Page(parent)
    , m_runner(new JobRunner(this))
{
    setObjectName(QStringLiteral("reportsPage"));
    m_template = new QComboBox(this);
    m_template->setObjectName(QStringLiteral("reportTemplate"));
    m_template->setAccessibleName(tr("Report template"));
    for (ReportTemplate kind : allReportTemplates())
        m_template->addItem(reportTemplateTitle(kind), int(kind));
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("reportPeriod"));
    m_period->setAccessibleName(tr("Report period"));
    m_period->setMinimumContentsLength(22);
    m_period->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_names = new QComboBox(this);
    m_names->setObjectName(QStringLiteral("reportNames"));
    m_names->setAccessibleName(tr("Agents shown as"));
    m_names->addItem(tr("Names"), int(NameDisplay::Names));
    m_names->addItem(tr("Ids"), int(NameDisplay::Ids));
    m_names->addItem(tr("Pseudonyms"), int(NameDisplay::Pseudonyms));
    m_names->setToolTip(tr("How agents appear in the preview and the exported report (privacy.md)"));

    m_exportPdf = new QPushButton(Icons::themed(QStringLiteral("document-export")), tr("Export PDF…"), this);
    m_exportPdf->setObjectName(QStringLiteral("exportPdf"));
    m_exportHtml = new QPushButton(Icons::themed(QStringLiteral("document-export")), tr("Export HTML…"), this);
    m_exportHtml->setObjectName(QStringLiteral("exportHtml"));
    m_closePeriod = new QPushButton(Icons::themed(QStringLiteral("dialog-ok-apply")), tr("Close Period…"), this);
    m_closePeriod->setObjectName(QStringLiteral("closePeriod"));
    m_closePeriod->setToolTip(tr("Store this month's KPIs, settings, data fingerprint and report in the project"));

    auto *bar = new QHBoxLayout;
    auto addLabelled = [this, bar](const QString &text, QWidget *widget) {
        auto *label = new QLabel(text, this);
        label->setBuddy(widget);
        bar->addWidget(label);
        bar->addWidget(widget);
    };
    addLabelled(tr("&Template:"), m_template);
    addLabelled(tr("&Period:"), m_period);
    addLabelled(tr("&Agents as:"), m_names);
    bar->addStretch(1);

    m_periodState = new QLabel(this);
    m_periodState->setObjectName(QStringLiteral("periodState"));
    m_periodState->setWordWrap(true);
    m_periodState->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *notes = new QWidget(this);
    auto *notesLayout = new QVBoxLayout(notes);
    notesLayout->setContentsMargins(0, 0, 0, 0);
    m_commentary = new QPlainTextEdit(notes);
    m_commentary->setObjectName(QStringLiteral("commentary"));
    m_commentary->setAccessibleName(tr("Analyst commentary"));
    m_commentary->setPlaceholderText(tr("What the numbers mean this month, in your words. Paragraphs are separated "
                                        "by a blank line."));
    m_actions = new QPlainTextEdit(notes);
    m_actions->setObjectName(QStringLiteral("actionItems"));
    m_actions->setAccessibleName(tr("Action items"));
    m_actions->setPlaceholderText(tr("One action item a line"));
    m_saveNotes = new QPushButton(Icons::themed(QStringLiteral("document-save")), tr("&Save Notes"), notes);
    m_saveNotes->setObjectName(QStringLiteral("saveNotes"));
    m_saveNotes->setToolTip(tr("Keep the commentary and action items in the project (Ctrl+Z undoes)"));
    auto *commentaryLabel = new QLabel(tr("Analyst &commentary"), notes);
    commentaryLabel->setBuddy(m_commentary);
    auto *actionsLabel = new QLabel(tr("Action &items"), notes);
    actionsLabel->setBuddy(m_actions);
    notesLayout->addWidget(commentaryLabel);
    notesLayout->addWidget(m_commentary, 3);
    notesLayout->addWidget(actionsLabel);
    notesLayout->addWidget(m_actions, 2);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_saveNotes);
    notesLayout->addLayout(saveRow);
    m_sent = new SentSectionsPanel(notes);
    notesLayout->addWidget(m_sent, 2);
    connect(m_sent, &SentSectionsPanel::changed, this, &ReportsPage::preview);
    connect(m_sent, &SentSectionsPanel::message, this, &ReportsPage::setStatus);

    auto *previewPane = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewPane);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    m_previewStatus = new QLabel(previewPane);
    m_previewStatus->setObjectName(QStringLiteral("previewStatus"));
    m_previewScroll = new QScrollArea(previewPane);
    m_previewScroll->setObjectName(QStringLiteral("reportPreview"));
    m_previewScroll->setAccessibleName(tr("Report preview"));
    m_previewScroll->setBackgroundRole(QPalette::Dark);
    m_previewScroll->setAlignment(Qt::AlignHCenter);
    m_previewBody = new QWidget;
    m_previewLayout = new QVBoxLayout(m_previewBody);
    m_previewLayout->setSpacing(12);
    m_previewLayout->setAlignment(Qt::AlignHCenter);
    m_previewScroll->setWidget(m_previewBody);
    m_previewScroll->setWidgetResizable(true);
    previewLayout->addWidget(m_previewStatus);
    previewLayout->addWidget(m_previewScroll, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("reportsSplitter"));
    splitter->addWidget(notes);
    splitter->addWidget(previewPane);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    m_empty = new EmptyState(m_previewScroll);
    m_empty->setObjectName(QStringLiteral("reportsEmpty"));
    m_empty->setTitle(tr("No data to report yet"));
    m_empty->setText(tr("No audits or CSAT responses yet — File → Import… or open the demo."));
    auto *import = new QAction(Icons::themed(QStringLiteral("document-import")), tr("Import…"), this);
    auto *demo = new QAction(Icons::themed(QStringLiteral("qualitylens-demo")), tr("Open the Demo"), this);
    connect(import, &QAction::triggered, this, &Page::importRequested);
    connect(demo, &QAction::triggered, this, &Page::openDemoRequested);
    m_empty->setActions({import, demo});
    m_empty->hide();

    // The actions on a row of their own, beside what the period's state is, so the page never
    // widens the main window.
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_periodState, 1);
    actions->addWidget(m_exportPdf);
    actions->addWidget(m_exportHtml);
    actions->addWidget(m_closePeriod);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addLayout(actions);
    layout->addWidget(splitter, 1);

    connect(m_template, &QComboBox::currentIndexChanged, this, &ReportsPage::selectionChanged);
    connect(m_period, &QComboBox::currentIndexChanged, this, &ReportsPage::selectionChanged);
    connect(m_names, &QComboBox::currentIndexChanged, this, [this] {
        if (m_project && currentNames() == NameDisplay::Pseudonyms && !m_project->isReadOnly()) {
            QString error; // made once, on the writable connection, so workers can read it
            AgentNames::projectKey(m_project->database(), &error);
        }
        preview();
    });
    auto markDirty = [this] {
        if (m_loadingNotes)
            return;
        m_notesDirty = true;
        updateEnabled();
    };
    connect(m_commentary, &QPlainTextEdit::textChanged, this, markDirty);
    connect(m_actions, &QPlainTextEdit::textChanged, this, markDirty);
    connect(m_saveNotes, &QPushButton::clicked, this, &ReportsPage::saveNotes);
    connect(m_exportPdf, &QPushButton::clicked, this, [this] { exportAs(true); });
    connect(m_exportHtml, &QPushButton::clicked, this, [this] { exportAs(false); });
    connect(m_closePeriod, &QPushButton::clicked, this, &ReportsPage::closePeriod);

    m_chooseFile = [this](const QString &caption, const QString &suggested, const QString &filter) {
        return QFileDialog::getSaveFileName(this, caption, suggested, filter);
    };
    m_confirm = [this](const QString &title, const QString &text, const QString &yes) {
        QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, this);
        QPushButton *go = box.addButton(yes, QMessageBox::AcceptRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() == go;
    };
    updateEnabled();
}

ReportsPage::~ReportsPage()
{
    m_runner->cancelAll();
    m_runner->waitForAll();
}

void ReportsPage::setDataUndoStack(QUndoStack *stack)
{
    m_undo = stack;
    m_sent->setUndoStack(stack);
}

QString ReportsPage::title() const
{
    return tr("Reports");
}

QIcon ReportsPage::icon() const
{
    return Icons::themed(QStringLiteral("x-office-document"), QStringLiteral("document-export"));
}

QList<JobRunner *> ReportsPage::jobRunners() const
{
    return {m_runner};
}

bool ReportsPage::isBusy() const
{
    return m_runner->isBusy() || m_previewPages != nullptr; // building, or painting the preview
}

QString ReportsPage::previewMessage() const
{
    return m_previewStatus->text();
}

void ReportsPage::setProject(Project *project)
{
    if (m_project && m_notesDirty)
        saveNotes(); // nothing typed is lost when another project opens
    m_runner->setProject(project);
    m_project = project;
    m_periods = {};
    m_shownPeriod.clear();
    m_notesDirty = false;
    {
        const QSignalBlocker block(m_period);
        m_period->clear();
    }
    stopPreviewPaint();
    qDeleteAll(m_pageLabels);
    m_pageLabels.clear();
    m_previewStatus->clear();
    m_periodState->clear();
    m_empty->hide();
    setNotesEditors({});
    m_sent->setDatabase(project ? project->database() : QSqlDatabase(), project && !project->isReadOnly());
    if (project) {
        const auto display = AgentNames::fromName(ProjectSettings(project->database()).value(ProjectSettings::NameDisplay).toString());
        const QSignalBlocker block(m_names);
        m_names->setCurrentIndex(m_names->findData(int(display.value_or(NameDisplay::Names))));
        loadPeriods();
    }
    setStatus(QString());
    updateEnabled();
}

void ReportsPage::refresh()
{
    if (m_project)
        loadPeriods();
}

void ReportsPage::loadPeriods()
{
    m_runner->start<ReportsPageJobs::Periods>(
        LoadChannel, tr("Finding the report periods"),
        [today = QDate::currentDate()](JobContext &context) {
            context.setProgress(-1);
            return ReportsPageJobs::periods(context.database(), today);
        },
        [this](ReportsPageJobs::Periods &&periods) { showPeriods(std::move(periods)); });
}

void ReportsPage::showPeriods(ReportsPageJobs::Periods &&periods)
{
    const QString keep = currentPeriod();
    m_periods = std::move(periods);
    {
        const QSignalBlocker block(m_period);
        m_period->clear();
        for (int month : std::as_const(m_periods.months)) {
            const QString label = Periods::monthLabel(month);
            QString text = monthTitle(month);
            if (m_periods.closed.contains(label))
                text += tr(" (closed)");
            m_period->addItem(text, label);
        }
        const QString wanted = keep.isEmpty() ? Periods::monthLabel(m_periods.defaultMonth) : keep;
        m_period->setCurrentIndex(std::max(0, m_period->findData(wanted)));
    }
    const bool empty = m_periods.months.isEmpty();
    m_empty->setVisible(empty);
    if (empty)
        setStatus(tr("No data"));
    selectionChanged();
    Q_EMIT periodsLoaded();
}

ReportTemplate ReportsPage::currentTemplate() const
{
    return ReportTemplate(m_template->currentData().toInt());
}

QString ReportsPage::currentPeriod() const
{
    return m_period->currentData().toString();
}

NameDisplay ReportsPage::currentNames() const
{
    return NameDisplay(m_names->currentData().toInt());
}

void ReportsPage::selectionChanged()
{
    if (!m_project)
        return;
    if (m_notesDirty)
        saveNotes(); // the notes belong to the report they were typed for
    {
        const QSignalBlocker block(m_sent); // previewed just below
        m_sent->setTemplate(currentTemplate());
    }
    loadNotes();
    updatePeriodState();
    preview();
    updateEnabled();
}

void ReportsPage::loadNotes()
{
    m_shownTemplate = currentTemplate();
    m_shownPeriod = currentPeriod();
    setNotesEditors(m_shownPeriod.isEmpty() ? ReportNotes{}
                                            : ReportNotesStore(m_project->database()).load(m_shownTemplate, m_shownPeriod));
}

void ReportsPage::setNotesEditors(const ReportNotes &notes)
{
    m_loadingNotes = true;
    if (m_commentary->toPlainText() != notes.commentary)
        m_commentary->setPlainText(notes.commentary);
    const QString actions = notes.actions.join(QLatin1Char('\n'));
    if (m_actions->toPlainText() != actions)
        m_actions->setPlainText(actions);
    m_loadingNotes = false;
    m_notesDirty = false;
    updateEnabled();
}

ReportNotes ReportsPage::editorNotes() const
{
    ReportNotes notes;
    notes.commentary = m_commentary->toPlainText().trimmed();
    for (const QString &line : m_actions->toPlainText().split(QLatin1Char('\n')))
        if (const QString item = line.trimmed(); !item.isEmpty())
            notes.actions << item;
    return notes;
}

bool ReportsPage::saveNotes()
{
    if (!m_project || m_shownPeriod.isEmpty() || m_project->isReadOnly())
        return false;
    m_notesDirty = false;
    QString error;
    auto command = ReportNotesCommand::create(
        m_project->database(), m_shownTemplate, m_shownPeriod, editorNotes(), &error,
        [this](ReportTemplate kind, const QString &period) {
            if (kind == m_shownTemplate && period == m_shownPeriod) {
                setNotesEditors(ReportNotesStore(m_project->database()).load(kind, period));
                preview();
            }
        });
    updateEnabled();
    if (!command) {
        if (!error.isEmpty())
            setStatus(tr("The notes were not saved: %1").arg(error));
        return false;
    }
    if (m_undo)
        m_undo->push(command.release());
    setStatus(tr("Notes saved"));
    return true;
}

void ReportsPage::updatePeriodState()
{
    const QString period = currentPeriod();
    if (period.isEmpty()) {
        m_periodState->clear();
        return;
    }
    QStringList lines;
    if (m_periods.closed.contains(period))
        lines << tr("%1 is closed (%2): its published numbers are kept in the project.")
                     .arg(m_period->currentText().remove(tr(" (closed)")), m_periods.closed.value(period));
    else
        lines << tr("%1 is not closed yet.").arg(m_period->currentText());
    for (const Restatement &r : std::as_const(m_periods.restatements))
        lines << QStringLiteral("• ") + r.text();
    m_periodState->setText(lines.join(QLatin1Char('\n')));
}

void ReportsPage::preview()
{
    stopPreviewPaint();
    qDeleteAll(m_pageLabels);
    m_pageLabels.clear();
    if (!m_project || currentPeriod().isEmpty()) {
        m_runner->abandon(PreviewChannel);
        return;
    }
    m_previewStatus->setText(tr("Rendering the preview…"));
    const ReportTemplate kind = currentTemplate();
    const QString period = currentPeriod();
    const NameDisplay names = currentNames();
    m_runner->start<ReportsPageJobs::Built>(
        PreviewChannel, tr("Building the report preview"),
        [kind, period, names](JobContext &context) {
            context.setProgress(-1);
            return ReportsPageJobs::build(context.database(), kind, period, names,
                                          [&context] { return context.isCanceled(); });
        },
        [this](ReportsPageJobs::Built &&built) { showPreview(std::move(built)); });
}

void ReportsPage::showPreview(ReportsPageJobs::Built &&built)
{
    // The cubes the build scanned become the project's snapshots: the next report reads them.
    CubeSnapshotSaver::save(m_runner, built.scanned.cubes, built.scanned.stamp);
    stopPreviewPaint();
    qDeleteAll(m_pageLabels);
    m_pageLabels.clear();
    if (!built.document) {
        m_previewStatus->setText(built.error.isEmpty() ? tr("Nothing to show for this period.") : built.error);
        Q_EMIT previewReady();
        return;
    }
    // Painted here: the charts are QGraphicsWidgets, which live on the GUI thread only; one page
    // per turn of the event loop, so the window answers between pages.
    m_previewDocument = std::make_unique<ReportDocument>(std::move(*built.document));
    m_previewPages = std::make_unique<ReportLayout>(*m_previewDocument);
    paintNextPage(m_previewGeneration);
}

void ReportsPage::stopPreviewPaint()
{
    ++m_previewGeneration; // a paint step still queued finds a newer generation and returns
    m_previewPages.reset();
    m_previewDocument.reset();
}

void ReportsPage::paintNextPage(quint64 generation)
{
    if (generation != m_previewGeneration || !m_previewPages)
        return; // superseded by a newer preview
    const int i = int(m_pageLabels.size());
    const int pages = m_previewPages->pageCount();
    if (i < pages) {
        auto *label = new QLabel(m_previewBody);
        label->setPixmap(QPixmap::fromImage(m_previewPages->pageImage(i, PreviewDpi)));
        label->setFrameShape(QFrame::Box);
        label->setAccessibleName(tr("Page %1 of %2").arg(i + 1).arg(pages));
        m_previewLayout->addWidget(label, 0, Qt::AlignHCenter);
        m_pageLabels << label;
        Q_EMIT previewPagePainted(int(m_pageLabels.size()), pages);
    }
    if (m_pageLabels.size() < pages) {
        m_previewStatus->setText(tr("Painting page %1 of %2…").arg(m_pageLabels.size() + 1).arg(pages));
        QTimer::singleShot(0, this, [this, generation] { paintNextPage(generation); });
        return;
    }
    m_previewPages.reset();
    m_previewDocument.reset();
    m_previewStatus->setText(pages == 1 ? tr("1 page, as it will print") : tr("%1 pages, as they will print").arg(pages));
    Q_EMIT previewReady();
}

void ReportsPage::exportAs(bool pdf)
{
    if (!m_project || currentPeriod().isEmpty())
        return;
    if (m_notesDirty)
        saveNotes();
    const ReportTemplate kind = currentTemplate();
    const QString period = currentPeriod();
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(dir).filePath(QStringLiteral("%1-%2.%3")
                                                     .arg(reportTemplateName(kind), period,
                                                          pdf ? QStringLiteral("pdf") : QStringLiteral("html")));
    const QString path = m_chooseFile(pdf ? tr("Export PDF") : tr("Export HTML"), suggested,
                                      pdf ? tr("PDF (*.pdf)") : tr("HTML (*.html *.htm)"));
    if (path.isEmpty())
        return;
    const NameDisplay names = currentNames();
    setStatus(tr("Writing %1…").arg(QDir::toNativeSeparators(path)));
    m_runner->start<ReportsPageJobs::Built>(
        ExportChannel, pdf ? tr("Exporting the report as PDF") : tr("Exporting the report as HTML"),
        [kind, period, names](JobContext &context) {
            context.setProgress(-1);
            return ReportsPageJobs::build(context.database(), kind, period, names,
                                          [&context] { return context.isCanceled(); });
        },
        [this, path, pdf](ReportsPageJobs::Built &&built) {
            CubeSnapshotSaver::save(m_runner, built.scanned.cubes, built.scanned.stamp);
            QString error = built.error;
            bool ok = false;
            if (built.document)
                ok = ReportWriter::write(*built.document, path,
                                         pdf ? ReportWriter::Format::Pdf : ReportWriter::Format::Html, &error);
            else
                error = tr("The report could not be made: %1").arg(error);
            const QString message = ok ? tr("%1 written").arg(QFileInfo(path).fileName()) : error;
            setStatus(message);
            if (!ok)
                QMessageBox::warning(this, tr("Export"), message);
            Q_EMIT exportFinished(ok, message);
        },
        [this] { setStatus(tr("Export cancelled")); });
}

void ReportsPage::closePeriod()
{
    if (!m_project || m_project->isReadOnly() || currentPeriod().isEmpty())
        return;
    if (m_notesDirty)
        saveNotes();
    const QString period = currentPeriod();
    const bool closed = m_periods.closed.contains(period);
    QStringList text;
    if (closed)
        text << tr("%1 is already closed (%2). Closing it again replaces its snapshot; the change log keeps "
                   "when and by whom it was first closed.").arg(period, m_periods.closed.value(period));
    else
        text << tr("Close %1? The project keeps this month's KPIs, the settings and targets used, a fingerprint "
                   "of the data and the Monthly Quality Report as a PDF with its SHA-256. Later changes that "
                   "move these numbers are listed as restatements.").arg(period);
    if (!m_periods.restatements.isEmpty()) {
        text << QString() << tr("Restatements of closed periods:");
        for (const Restatement &r : std::as_const(m_periods.restatements))
            text << QStringLiteral("• ") + r.text();
    }
    if (!m_confirm(tr("Close Period"), text.join(QLatin1Char('\n')), closed ? tr("Close Again") : tr("Close Period")))
        return;
    const Project *project = m_project;
    setStatus(tr("Closing %1…").arg(period));
    m_closePeriod->setEnabled(false);
    auto finish = [this](bool ok, const QString &message) {
        setStatus(message);
        if (!ok)
            QMessageBox::warning(this, tr("Close Period"), message);
        updateEnabled();
        loadPeriods(); // the period now shows as closed
        Q_EMIT periodCloseFinished(ok, message);
    };
    // The report is built on a worker, rendered to PDF here (charts live on the GUI thread), and the
    // snapshot written on a worker with its own writable connection.
    m_runner->start<ReportsPageJobs::Built>(
        CloseChannel, tr("Closing %1").arg(period),
        [period](JobContext &context) {
            context.setProgress(-1);
            return ReportsPageJobs::build(context.database(), ReportTemplate::MonthlyQuality, period, std::nullopt,
                                          [&context] { return context.isCanceled(); });
        },
        [this, project, period, closed, finish](ReportsPageJobs::Built &&built) {
            QList<RenderedReport> reports;
            if (built.document)
                reports << RenderedReport{reportTemplateName(ReportTemplate::MonthlyQuality), QStringLiteral("pdf"),
                                          ReportWriter::pdf(*built.document)};
            m_runner->start<ReportsPageJobs::Outcome>(
                CloseChannel, tr("Closing %1").arg(period),
                [project, period, closed, reports](JobContext &) {
                    return ReportsPageJobs::closePeriod(project, period, closed, reports);
                },
                [finish](ReportsPageJobs::Outcome &&outcome) { finish(outcome.ok, outcome.message); },
                [this] {
                    setStatus(tr("Closing cancelled"));
                    updateEnabled();
                });
        },
        [this] {
            setStatus(tr("Closing cancelled"));
            updateEnabled();
        });
}

void ReportsPage::setStatus(const QString &text)
{
    m_status = text;
    Q_EMIT statusTextChanged(text);
}

void ReportsPage::updateEnabled()
{
    const bool hasPeriod = m_project && !currentPeriod().isEmpty();
    const bool writable = hasPeriod && !m_project->isReadOnly();
    m_template->setEnabled(hasPeriod);
    m_period->setEnabled(hasPeriod);
    m_names->setEnabled(hasPeriod);
    m_exportPdf->setEnabled(hasPeriod);
    m_exportHtml->setEnabled(hasPeriod);
    // Only a month can be closed, and only once it is over (the core says why otherwise).
    m_closePeriod->setEnabled(writable && !m_runner->isRunning(CloseChannel));
    m_commentary->setReadOnly(!writable);
    m_actions->setReadOnly(!writable);
    m_saveNotes->setEnabled(writable && m_notesDirty);
}

} // namespace ql
