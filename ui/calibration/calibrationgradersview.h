// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibration/calibrationcertification.h"
#include "scorecard/auditorleniency.h"
#include "scorecard/kpiperiod.h"
#include "scorecard/kpireport.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace ql {

class AuditorView;
class ScorecardTableModel;

// What the Graders tab shows, computed off the UI thread with the trends.
struct CalibrationGraderFigures
{
    CalibrationCertificationRule rule;
    QDate asOf;
    QList<GraderCertification> certification;
    KpiPeriod period; // of the ordinary audits the leniency reads; invalid when there are none
    QList<RankedMember> auditors;
    QList<AuditorLeniency> leniency;
};

// The Calibration page's Graders tab (calibration.md "Trends, drift and graders"): who is
// certified (alignment over the last N items of closed sessions against the project's threshold),
// who is not yet, and who has not calibrated in 60 days; below, each auditor's leniency from
// ordinary audits, in the Scorecards page's own auditor view (same figures, same words).
class CalibrationGradersView final : public QWidget
{
    Q_OBJECT
public:
    explicit CalibrationGradersView(QWidget *parent = nullptr);

    void setFigures(const CalibrationGraderFigures &figures);
    void showMessage(const QString &text); // while computing, or why there is nothing

    ScorecardTableModel *certificationModel() const { return m_model; }
    QTableView *certificationView() const { return m_view; }
    QLabel *summary() const { return m_summary; }
    QLabel *leniencyHeading() const { return m_leniencyHeading; }
    ScorecardTableModel *leniencyModel() const { return m_leniencyModel; }
    AuditorView *auditorView() const { return m_auditors; }

private:
    ScorecardTableModel *m_model;
    QTableView *m_view;
    QLabel *m_summary;
    QLabel *m_leniencyHeading;
    ScorecardTableModel *m_leniencyModel;
    AuditorView *m_auditors;
};

} // namespace ql
