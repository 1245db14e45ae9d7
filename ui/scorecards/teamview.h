// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scorecard/teamfunnel.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace ql {

class ChartPicture;
class ScorecardTableModel;

// The team view of the Scorecards page (issue 4): the team's agents ranked by QA score with their
// 95% intervals and funnel status, agents below the minimum sample listed apart and not ranked,
// and the funnel plot (analysis.md) of the QA score or the pass rate showing who is truly outside
// the expected range.
class TeamView final : public QWidget
{
    Q_OBJECT
public:
    TeamView(ScorecardTableModel *model, QWidget *parent = nullptr);

    void setRanking(const QList<RankedMember> &ranking, int minimumSample, const QString &team, const QString &period);
    // The filter bar's choices for the funnel plot's footnote ("team = North"), empty for none.
    void setFilterText(const QString &filters) { m_filters = filters; }
    void clear();

    QTableView *view() const { return m_view; }
    QComboBox *measureBox() const { return m_measure; }
    ChartPicture *funnelChart() const { return m_chart; }
    QLabel *apartLabel() const { return m_apart; }
    const TeamFunnel &funnel() const { return m_funnel; }

private:
    void refreshView();

    ScorecardTableModel *m_model;
    QTableView *m_view;
    QComboBox *m_measure;
    QLabel *m_apart;
    ChartPicture *m_chart;
    QList<RankedMember> m_ranking;
    int m_minimum = 10;
    QString m_team;
    QString m_period;
    QString m_filters;
    TeamFunnel m_funnel;
};

} // namespace ql
