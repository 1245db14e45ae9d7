// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scorecard/auditorleniency.h"
#include "scorecard/kpireport.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace ql {

class ScorecardTableModel;

// The auditor view of the Scorecards page (issue 4): per auditor, the audits given, the mean score
// given, and the leniency of calibration.md ("Trends, drift and graders") with its 95% interval
// clustered by agent-month; an auditor is called lenient or severe only when the Holm-adjusted p
// is below 0.05. A note says what case mix can do to the figure and where the unconfounded
// measure is.
class AuditorView final : public QWidget
{
    Q_OBJECT
public:
    AuditorView(ScorecardTableModel *model, QWidget *parent = nullptr);

    void setAuditors(const QList<RankedMember> &auditors, const QList<AuditorLeniency> &leniency);
    void clear();

    QTableView *view() const { return m_view; }
    QLabel *note() const { return m_note; }

private:
    ScorecardTableModel *m_model;
    QTableView *m_view;
    QLabel *m_note;
};

} // namespace ql
