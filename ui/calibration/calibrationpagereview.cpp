// SPDX-License-Identifier: GPL-3.0-or-later
// CalibrationPage, continued: the review tab (reveal grid, notes, consensus, anchors) and the
// metrics tab. Split from calibrationpage.cpp to keep files short.
#include "calibrationpage.h"

#include "calibration/calibrationreview.h"
#include "calibrationrevealmodel.h"
#include "calibrationscoringform.h"
#include "scorecards/scorecardtablemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTextBrowser>
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
    const auto draft = CalibrationReview(m_db).consensusDraft(m_sessionId);
    m_consensus->setSheet(draft && position < int(draft->size()) ? draft->at(position) : CalibrationSheet());
    return true;
}

bool CalibrationPage::saveNotes()
{
    if (!m_data || m_reviewItem < 0)
        return false;
    const CalibrationError e =
        CalibrationReview(m_db).setNotes(m_sessionId, m_data->items.at(m_reviewItem).id, m_notes->toPlainText());
    if (e.isError()) {
        showMessage(e.message, true);
        return false;
    }
    m_data->items[m_reviewItem].notes = m_notes->toPlainText();
    showMessage(tr("Notes on item %1 saved.").arg(m_reviewItem + 1), false);
    return true;
}

bool CalibrationPage::saveConsensus()
{
    if (!m_data || m_reviewItem < 0)
        return false;
    const CalibrationSheet sheet = m_consensus->sheet();
    // All criteria in one transaction: the engine's savepoints nest, so a refusal writes nothing.
    if (!m_db.transaction()) {
        showMessage(tr("The project could not start a transaction."), true);
        return false;
    }
    CalibrationReview review(m_db);
    const qint64 itemId = m_data->items.at(m_reviewItem).id;
    for (int c = 0; c < int(sheet.size()); ++c) {
        const CalibrationError e = review.setConsensus(m_sessionId, itemId, c, sheet.at(c));
        if (e.isError()) {
            m_db.rollback();
            showMessage(e.message, true);
            return false;
        }
    }
    if (!m_db.commit()) {
        m_db.rollback();
        showMessage(tr("The project could not save the consensus."), true);
        return false;
    }
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
    CalibrationError e;
    const auto id = CalibrationReview(m_db).saveAnchor(m_sessionId, m_data->items.at(m_reviewItem).id, criterion,
                                                       m_notes->toPlainText(), &e);
    showMessage(id ? tr("Saved as an anchor example of %1.").arg(m_data->card.criterionAt(criterion).name) : e.message,
                !id);
    return id.has_value();
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
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_metricsSummary);
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

} // namespace ql
