// SPDX-License-Identifier: GPL-3.0-or-later
// CalibrationPage, continued: the review tab (reveal grid, notes, consensus, anchors) and the
// metrics tab. Split from calibrationpage.cpp to keep files short.
#include "calibrationpage.h"

#include "calibration/calibrationreview.h"
#include "calibration/calibrationreport.h"
#include "calibration/calibrationundo.h"
#include "calibrationreportpdf.h"
#include "common/jobrunner.h"
#include "scorecards/correctanswercommand.h"
#include "store/projectsettings.h"
#include "calibrationrevealmodel.h"
#include "calibrationscoringform.h"
#include "scorecards/scorecardtablemodel.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTextBrowser>
#include <QUndoStack>
#include <QVBoxLayout>

namespace ql {

using Model = ScorecardTableModel;

namespace {
QString pct(std::optional<double> v)
{
    return v ? QStringLiteral("%1%").arg(*v, 0, 'f', 1) : QStringLiteral("–");
}

QString num(std::optional<double> v, bool sign = false)
{
    if (!v)
        return QStringLiteral("–");
    const QString s = QString::number(*v, 'f', 2);
    return sign && *v > 0 ? QLatin1Char('+') + s : s;
}

QString agreement(const stats::AgreementResult &a)
{
    if (!a.value)
        return a.undefined ? CalibrationPage::tr("undefined (no variation)") : QStringLiteral("–");
    QString s = QString::number(*a.value, 'f', 3);
    if (a.ciLow && a.ciHigh)
        s += QStringLiteral(" [%1, %2]").arg(*a.ciLow, 0, 'f', 3).arg(*a.ciHigh, 0, 'f', 3);
    return s;
}

QVariant raw(std::optional<double> v)
{
    return v ? QVariant(*v) : QVariant();
}
} // namespace

QWidget *CalibrationPage::buildReviewTab()
{
    auto *tab = new QWidget(this);
    m_reviewItemBox = new QComboBox(tab);
    m_reviewItemBox->setObjectName(QStringLiteral("calibrationReviewItem"));
    m_revealView = new QTableView(tab);
    m_revealView->setObjectName(QStringLiteral("calibrationReveal"));
    m_revealView->setModel(m_reveal);
    m_revealView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_revealView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_reviewTranscript = new QTextBrowser(tab);
    m_notes = new QPlainTextEdit(tab);
    m_notes->setObjectName(QStringLiteral("calibrationNotes"));
    m_notes->setPlaceholderText(tr("Discussion notes for this item"));
    m_notes->setMaximumHeight(70);
    m_saveNotes = new QPushButton(tr("Save Notes"), tab);
    m_consensus = new CalibrationScoringForm(tab);
    m_consensus->setObjectName(QStringLiteral("calibrationConsensus"));
    m_saveConsensus = new QPushButton(tr("Save Consensus"), tab);
    m_anchorCriterion = new QComboBox(tab);
    m_saveAnchor = new QPushButton(tr("Save as Anchor"), tab);
    m_applyConsensus = new QPushButton(tr("Apply Consensus to the Audit"), tab);
    m_applyConsensus->setObjectName(QStringLiteral("applyCalibrationConsensus"));
    m_applyConsensus->setToolTip(tr("Correct this item's audit to the consensus answers (an ordinary logged "
                                    "correction with reason “calibration <id>”; Undo takes it back)."));

    auto *pick = new QHBoxLayout;
    pick->addWidget(new QLabel(tr("Item:"), tab));
    pick->addWidget(m_reviewItemBox, 1);
    auto *notes = new QHBoxLayout;
    notes->addWidget(m_notes, 1);
    notes->addWidget(m_saveNotes, 0, Qt::AlignTop);
    auto *consensusActions = new QHBoxLayout;
    consensusActions->addWidget(m_saveConsensus);
    consensusActions->addStretch(1);
    consensusActions->addWidget(new QLabel(tr("Anchor on:"), tab));
    consensusActions->addWidget(m_anchorCriterion);
    consensusActions->addWidget(m_saveAnchor);
    consensusActions->addWidget(m_applyConsensus);
    auto *left = new QVBoxLayout;
    left->addLayout(pick);
    left->addWidget(m_revealView, 2);
    left->addWidget(new QLabel(tr("Consensus (prefilled from the expert):"), tab));
    left->addWidget(m_consensus, 2);
    left->addLayout(consensusActions);
    auto *right = new QVBoxLayout;
    right->addWidget(m_reviewTranscript, 1);
    right->addLayout(notes);
    auto *layout = new QHBoxLayout(tab);
    layout->addLayout(left, 3);
    layout->addLayout(right, 2);

    connect(m_reviewItemBox, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (!m_filling)
            selectReviewItem(i);
    });
    connect(m_saveNotes, &QPushButton::clicked, this, &CalibrationPage::saveNotes);
    connect(m_saveConsensus, &QPushButton::clicked, this, &CalibrationPage::saveConsensus);
    connect(m_saveAnchor, &QPushButton::clicked, this, [this] { saveAnchor(m_anchorCriterion->currentIndex()); });
    connect(m_applyConsensus, &QPushButton::clicked, this, &CalibrationPage::applyConsensusToAudit);
    return tab;
}

void CalibrationPage::showReview()
{
    m_filling = true;
    m_reviewItemBox->clear();
    m_anchorCriterion->clear();
    m_filling = false;
    m_reveal->clear();
    if (!m_data || !answersRevealed(m_data->info.state) || !m_metrics)
        return;
    m_filling = true;
    for (const CalibrationItem &item : m_data->items)
        m_reviewItemBox->addItem(tr("%1. Ticket %2").arg(item.position + 1).arg(item.ticketId));
    for (int c = 0; c < m_data->card.criterionCount(); ++c)
        m_anchorCriterion->addItem(m_data->card.criterionAt(c).name);
    m_filling = false;
    m_consensus->setScorecard(m_data->card);
    const bool edit = editable();
    m_consensus->setReadOnly(!edit);
    m_notes->setReadOnly(!edit);
    m_saveNotes->setVisible(edit);
    m_saveConsensus->setVisible(edit);
    m_saveAnchor->setVisible(edit);
    m_anchorCriterion->setVisible(edit);
    m_applyConsensus->setVisible(false); // per item, in selectReviewItem
    selectReviewItem(std::clamp(m_reviewItem, 0, int(m_data->items.size()) - 1));
}

bool CalibrationPage::selectReviewItem(int position)
{
    if (!m_data || !m_metrics || position < 0 || position >= int(m_data->items.size()))
        return false;
    m_reviewItem = position;
    {
        const QSignalBlocker block(m_reviewItemBox);
        m_reviewItemBox->setCurrentIndex(position);
    }
    m_reveal->setItem(*m_data, *m_metrics, position);
    m_revealView->resizeColumnsToContents();
    const CalibrationItem &item = m_data->items.at(position);
    m_reviewTranscript->setPlainText(item.transcript.isEmpty()
                                         ? tr("Ticket %1: no conversation is stored for this ticket.").arg(item.ticketId)
                                         : item.transcript);
    m_notes->setPlainText(item.notes);
    m_applyConsensus->setVisible(m_writable && item.auditId > 0 && m_data->info.state == CalibrationState::Resolved &&
                                 !isPackageCopy());
    const auto &draft = m_consensusDraft; // loaded with the session
    m_consensus->setSheet(draft && position < int(draft->size()) ? draft->at(position) : CalibrationSheet());
    return true;
}

bool CalibrationPage::saveNotes()
{
    if (!m_data || m_reviewItem < 0)
        return false;
    const QSqlDatabase db = m_db;
    const qint64 session = m_sessionId;
    const qint64 item = m_data->items.at(m_reviewItem).id;
    const QString before = m_data->items.at(m_reviewItem).notes;
    const QString after = m_notes->toPlainText();
    if (before == after)
        return true;
    if (!runEdit(
            tr("Notes on item %1").arg(m_reviewItem + 1),
            [=](const QString &reason) { return CalibrationReview(db).setNotes(session, item, after, reason); },
            [=](const QString &reason) { return CalibrationReview(db).setNotes(session, item, before, reason); }))
        return false;
    m_data->items[m_reviewItem].notes = after;
    showMessage(tr("Notes on item %1 saved.").arg(m_reviewItem + 1), false);
    return true;
}

bool CalibrationPage::saveConsensus()
{
    if (!m_data || m_reviewItem < 0)
        return false;
    // All criteria in one transaction (setConsensusSheet), so a refusal writes nothing; undo puts
    // back the consensus recorded before, criterion by criterion.
    const CalibrationSheet sheet = m_consensus->sheet();
    const CalibrationSheet before = m_data->consensus.at(std::size_t(m_reviewItem));
    const QSqlDatabase db = m_db;
    const qint64 session = m_sessionId;
    const qint64 itemId = m_data->items.at(m_reviewItem).id;
    if (!runEdit(
            tr("Consensus on item %1").arg(m_reviewItem + 1),
            [=](const QString &reason) { return CalibrationReview(db).setConsensusSheet(session, itemId, sheet, reason); },
            [=](const QString &reason) {
                return CalibrationReview(db).setConsensusSheet(session, itemId, before, reason);
            }))
        return false;
    const int item = m_reviewItem;
    loadSession();
    selectReviewItem(item);
    showMessage(tr("Consensus on item %1 saved.").arg(item + 1), false);
    return true;
}

bool CalibrationPage::saveAnchor(int criterion)
{
    if (!m_data || m_reviewItem < 0 || criterion < 0)
        return false;
    const QSqlDatabase db = m_db;
    const qint64 session = m_sessionId;
    const qint64 item = m_data->items.at(m_reviewItem).id;
    const QString note = m_notes->toPlainText();
    auto anchorId = std::make_shared<qint64>(0);
    if (!runEdit(
            tr("Anchor on %1").arg(m_data->card.criterionAt(criterion).name),
            [=](const QString &) {
                CalibrationError e;
                const auto id = CalibrationReview(db).saveAnchor(session, item, criterion, note, &e);
                *anchorId = id.value_or(0);
                return e;
            },
            [=](const QString &reason) { return CalibrationUndo(db).removeAnchor(session, *anchorId, reason); }))
        return false;
    showMessage(tr("Saved as an anchor example of %1.").arg(m_data->card.criterionAt(criterion).name), false);
    return true;
}

QWidget *CalibrationPage::buildMetricsTab()
{
    auto *tab = new QWidget(this);
    m_metricsSummary = new QLabel(tab);
    m_metricsSummary->setObjectName(QStringLiteral("calibrationMetricsSummary"));
    m_metricsSummary->setWordWrap(true);
    m_metricsSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_participantMetrics->setHeaders({tr("Participant"), tr("Alignment"), tr("Mean deviation"),
                                      tr("Mean |deviation|"), tr("Within tolerance"), tr("N/A agreement"),
                                      tr("Critical mismatches"), tr("Items")});
    m_criterionMetrics->setHeaders({tr("Criterion"), tr("Krippendorff's α [95% CI]"), tr("Percent agreement"),
                                    tr("AC1"), tr("Fleiss' κ"), tr("Spread"), tr("Flagged")});
    auto *participants = new QTableView(tab);
    participants->setObjectName(QStringLiteral("calibrationParticipantMetrics"));
    auto *criteria = new QTableView(tab);
    criteria->setObjectName(QStringLiteral("calibrationCriterionMetrics"));
    participants->setModel(m_participantMetrics);
    criteria->setModel(m_criterionMetrics);
    for (QTableView *v : {participants, criteria}) {
        v->verticalHeader()->hide();
        v->setEditTriggers(QAbstractItemView::NoEditTriggers);
        v->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        v->horizontalHeader()->setStretchLastSection(true);
    }
    m_exportReport = new QPushButton(tr("Export Report…"), tab);
    m_exportReport->setObjectName(QStringLiteral("exportCalibrationReport"));
    m_exportReport->setToolTip(tr("The session report as PDF or XLSX: participants ranked by alignment, critical "
                                  "mismatches, agreement per criterion, the widest spreads, consensus and notes."));
    connect(m_exportReport, &QPushButton::clicked, this, [this] {
        QString selected;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Calibration Report"), QStringLiteral("calibration-report-%1.pdf").arg(m_sessionId),
            tr("PDF (*.pdf);;Excel workbook (*.xlsx)"), &selected);
        if (!path.isEmpty())
            exportReport(path);
    });
    auto *top = new QHBoxLayout;
    top->addWidget(m_metricsSummary, 1);
    top->addWidget(m_exportReport, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(top);
    layout->addWidget(participants, 1);
    layout->addWidget(criteria, 1);
    return tab;
}

void CalibrationPage::showMetrics()
{
    QList<Model::Row> people;
    QList<Model::Row> criteria;
    if (!m_metrics) {
        m_metricsSummary->clear();
    } else {
        const CalibrationMetrics &m = *m_metrics;
        m_metricsSummary->setText(
            tr("Baseline: %1. Session alignment %2. Tolerance ±%3 points, disagreement threshold %4%. "
               "Raw score: interval α %5. Critical failure flag: Fleiss' κ %6, AC1 %7.")
                .arg(calibrationBaselineName(m.baseline), pct(m.sessionScore))
                .arg(m.tolerance)
                .arg(m.disagreementThreshold)
                .arg(agreement(m.rawScoreAlpha), agreement(m.criticalFlagKappa), agreement(m.criticalFlagAc1)));
        for (const ParticipantCalibration &p : m.participants) {
            const std::optional<double> alignment =
                p.alignment ? std::optional<double>(*p.alignment * 100) : std::nullopt;
            const std::optional<double> na =
                p.applicabilityAgreement ? std::optional<double>(*p.applicabilityAgreement * 100) : std::nullopt;
            Model::Row row;
            row.id = p.id;
            row.cells = {Model::text(p.expert ? tr("%1 (expert)").arg(p.name) : p.name),
                         Model::number(pct(alignment), raw(alignment)),
                         Model::number(num(p.meanSignedDeviation, true), raw(p.meanSignedDeviation)),
                         Model::number(num(p.meanAbsDeviation), raw(p.meanAbsDeviation)),
                         Model::number(pct(p.withinTolerancePct), raw(p.withinTolerancePct)),
                         Model::number(pct(na), raw(na)),
                         Model::number(QString::number(p.criticalMismatches), p.criticalMismatches),
                         Model::number(tr("%1 compared").arg(p.itemsCompared), p.itemsCompared)};
            people << row;
        }
        for (const CriterionCalibration &c : m.criteria) {
            const std::optional<double> spread = c.spread ? std::optional<double>(*c.spread * 100) : std::nullopt;
            Model::Row row;
            row.id = c.key;
            row.cells = {Model::text(c.name.isEmpty() ? c.key : c.name),
                         Model::number(agreement(c.alpha), raw(c.alpha.value), false, c.alpha.noteText()),
                         Model::number(agreement(c.percentAgreement), raw(c.percentAgreement.value)),
                         Model::number(agreement(c.ac1), raw(c.ac1.value)),
                         Model::number(agreement(c.fleiss), raw(c.fleiss.value)),
                         Model::number(pct(spread), raw(spread)),
                         Model::text(c.flagged ? tr("⚑ above threshold") : QString())};
            criteria << row;
        }
    }
    m_participantMetrics->setRows(people);
    m_criterionMetrics->setRows(criteria);
}

bool CalibrationPage::exportReport(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (!m_project || !m_metrics || (suffix != QLatin1String("pdf") && suffix != QLatin1String("xlsx"))) {
        const QString why = !m_metrics ? tr("The report exists from review on: answers are blind before.")
                                       : tr("%1: a report is written as .pdf or .xlsx.").arg(path);
        showMessage(why, true);
        Q_EMIT reportExported(path, why);
        return false;
    }
    struct Done
    {
        std::optional<CalibrationReport> report;
        QString error;
    };
    const qint64 session = m_sessionId;
    const bool xlsx = suffix == QLatin1String("xlsx");
    const QString pageSize = ProjectSettings(m_db).value(ProjectSettings::ReportPageSize).toString();
    showMessage(tr("Writing the report…"), false);
    // The metrics (with their bootstraps) and the XLSX on a worker thread; the PDF's charts are Qt
    // Charts scenes, which belong to the UI thread, so the PDF is laid out there once the numbers
    // are in.
    m_runner->start<Done>(
        QStringLiteral("report"), tr("Calibration report"),
        [session, xlsx, path](JobContext &context) {
            Done done;
            CalibrationError e;
            context.setProgress(0.1, tr("Computing the session's metrics"));
            done.report = calibrationReport(context.database(), session, &e);
            if (!done.report)
                done.error = e.message;
            else if (xlsx && !writeCalibrationReportXlsx(*done.report, path, &done.error))
                done.report.reset();
            return done;
        },
        [this, path, xlsx, pageSize](Done &&done) {
            QString error = done.error;
            if (done.report && !xlsx)
                CalibrationReportPdf::write(*done.report, path, pageSize, &error);
            showMessage(error.isEmpty() ? tr("Report written to %1.").arg(QFileInfo(path).fileName()) : error,
                        !error.isEmpty());
            Q_EMIT reportExported(path, error);
        },
        [this, path] { Q_EMIT reportExported(path, tr("cancelled")); });
    return true;
}

bool CalibrationPage::applyConsensusToAudit()
{
    if (!m_data || m_reviewItem < 0 || !m_writable || m_data->info.state != CalibrationState::Resolved)
        return false;
    const CalibrationItem &item = m_data->items.at(m_reviewItem);
    if (item.auditId <= 0) {
        showMessage(tr("Item %1 has no audit to correct.").arg(m_reviewItem + 1), true);
        return false;
    }
    const QString reason = QStringLiteral("calibration %1").arg(m_sessionId);
    const CalibrationSheet &consensus = m_data->consensus.at(std::size_t(m_reviewItem));
    // Every differing answer corrected; if one is refused, those already made are undone, so the
    // audit is left as it was.
    std::vector<std::unique_ptr<CorrectAnswerCommand>> done;
    AuditCorrections corrections(m_db);
    for (int c = 0; c < int(consensus.size()); ++c) {
        const CalibrationAnswer &a = consensus.at(c);
        if (a.isMissing())
            continue;
        const QString key = m_data->card.criterionAt(c).key;
        const AnswerState wanted =
            a.isNotApplicable() ? AnswerState::notApplicable() : AnswerState::rated(a.value);
        QString error;
        const auto now = corrections.answer(item.auditId, key, &error);
        if (now && now->kind == wanted.kind && (wanted.kind != AnswerState::Rated || now->value == wanted.value))
            continue;
        auto command = now ? CorrectAnswerCommand::create(m_db, item.auditId, key, wanted, reason, &error) : nullptr;
        if (!command) {
            for (auto it = done.rbegin(); it != done.rend(); ++it)
                (*it)->undo();
            showMessage(tr("The audit of ticket %1 was not changed: %2").arg(item.ticketId, error), true);
            return false;
        }
        done.push_back(std::move(command));
    }
    if (done.empty()) {
        showMessage(tr("The audit of ticket %1 already has the consensus answers.").arg(item.ticketId), false);
        return false;
    }
    const int count = int(done.size());
    if (m_undoStack) {
        m_undoStack->beginMacro(tr("Apply consensus to the audit of ticket %1").arg(item.ticketId));
        for (auto &command : done)
            m_undoStack->push(command.release());
        m_undoStack->endMacro();
    }
    showMessage(tr("%n answer(s) of the audit of ticket %1 corrected to the consensus (reason “%2”).", nullptr, count)
                    .arg(item.ticketId, reason),
                false);
    return true;
}

} // namespace ql
