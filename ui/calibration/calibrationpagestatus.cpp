// SPDX-License-Identifier: GPL-3.0-or-later
// CalibrationPage, continued: the lead's Submissions tab (who has submitted what, never the
// answers) and Discard Submission. Split from calibrationpage.cpp to keep files short.
#include "calibrationpage.h"

#include "calibration/calibrationscoring.h"
#include "calibration/calibrationundo.h"
#include "scorecards/scorecardtablemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ql {

using Model = ScorecardTableModel;

QWidget *CalibrationPage::buildStatusTab()
{
    auto *tab = new QWidget(this);
    m_statusModel->setHeaders({tr("Participant"), tr("Submitted"), tr("Items answered"), tr("Items complete"),
                               tr("Answers")});
    m_statusView = new QTableView(tab);
    m_statusView->setObjectName(QStringLiteral("calibrationStatus"));
    m_statusView->setModel(m_statusModel);
    m_statusView->verticalHeader()->hide();
    m_statusView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_statusView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_statusView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_statusView->horizontalHeader()->setStretchLastSection(true);
    m_discard = new QPushButton(tr("Discard Submission…"), tab);
    m_discard->setObjectName(QStringLiteral("discardCalibrationSubmission"));
    m_discard->setToolTip(tr("Unlock the selected participant's submitted answers so they can change them and "
                             "submit again (logged with your reason)."));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_discard);
    actions->addStretch(1);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_statusView, 1);
    layout->addLayout(actions);
    connect(m_discard, &QPushButton::clicked, this, &CalibrationPage::confirmDiscard);
    connect(m_statusView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        const QModelIndex current = m_statusView->currentIndex();
        const bool submitted =
            current.isValid() && m_data &&
            !m_data->participants.isEmpty() && [&] {
                const qint64 id = m_statusModel->row(current.row()).id.toLongLong();
                for (const CalibrationParticipant &p : m_data->participants)
                    if (p.id == id)
                        return p.submitted();
                return false;
            }();
        m_discard->setEnabled(submitted);
    });
    return tab;
}

void CalibrationPage::showStatus()
{
    QList<Model::Row> rows;
    if (m_data) {
        if (const auto &status = m_submissions) {
            for (const CalibrationSubmissionStatus &s : *status) {
                Model::Row row;
                row.id = s.participantId;
                QString submitted = s.submittedAt.isEmpty() ? tr("not yet") : tr("✓ %1").arg(s.submittedAt);
                if (!s.discardedAt.isEmpty() && s.submittedAt.isEmpty())
                    submitted = tr("discarded %1").arg(s.discardedAt);
                const int items = int(m_data->items.size());
                row.cells = {Model::text(s.expert ? tr("%1 (expert)").arg(s.name) : s.name), Model::text(submitted),
                             Model::number(tr("%1 of %2").arg(s.itemsAnswered).arg(items), s.itemsAnswered),
                             Model::number(tr("%1 of %2").arg(s.itemsComplete).arg(items), s.itemsComplete),
                             Model::number(tr("%1 of %2").arg(s.answersGiven).arg(s.answersExpected), s.answersGiven)};
                rows << row;
            }
        }
    }
    m_statusModel->setRows(rows);
    m_statusView->resizeColumnsToContents(); // the submission time in full
    // The lead's button, in scoring only and not on a participant's copy opened from a package.
    m_discard->setVisible(m_writable && m_data && m_data->info.state == CalibrationState::Scoring && !isPackageCopy());
    m_discard->setEnabled(false);
}

void CalibrationPage::confirmDiscard()
{
    const QModelIndex current = m_statusView->currentIndex();
    if (!m_data || !current.isValid())
        return;
    const qint64 id = m_statusModel->row(current.row()).id.toLongLong();
    QString name;
    for (const CalibrationParticipant &p : m_data->participants)
        if (p.id == id)
            name = p.name;
    bool ok = false;
    const QString reason =
        QInputDialog::getText(this, tr("Discard Submission"),
                              tr("Discard %1's submission? Their answers stay and become editable again; a new "
                                 "response file from them will be accepted. Reason (for the change log):")
                                  .arg(name),
                              QLineEdit::Normal, tr("resubmission requested"), &ok);
    if (ok)
        discardSubmission(id, reason.trimmed());
}

bool CalibrationPage::discardSubmission(qint64 participantId, const QString &reason)
{
    if (!editable() || isPackageCopy())
        return false;
    std::optional<CalibrationParticipant> before;
    for (const CalibrationParticipant &p : m_data->participants)
        if (p.id == participantId)
            before = p;
    if (!before)
        return false;
    const QSqlDatabase db = m_db;
    const qint64 session = m_sessionId;
    const QString why = reason.isEmpty() ? tr("submission discarded") : reason;
    const CalibrationParticipant was = *before;
    if (!runEdit(
            tr("Discard %1's submission").arg(was.name),
            [=](const QString &undoReason) {
                return CalibrationScoring(db).discard(session, participantId,
                                                      undoReason.isEmpty() ? why : undoReason + QStringLiteral(" (") + why + QLatin1Char(')'));
            },
            [=](const QString &undoReason) {
                return CalibrationUndo(db).setSubmission(session, participantId, was.submittedAt, was.discardedAt,
                                                         undoReason);
            }))
        return false;
    fillSessions();
    loadSession();
    showMessage(tr("%1's submission is discarded: their answers are editable again.").arg(was.name), false);
    return true;
}

} // namespace ql
