// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/page.h"
#include "dashboard/dashboardsummary.h"

#include <QList>
#include <QPair>

class QCommandLinkButton;
class QLabel;
class QScrollArea;

namespace ql {

class EmptyState;
class KpiTile;

// The Dashboard (ui.md: the first page of an open project): the whole project's headline KPIs of
// the latest complete month against target and the previous month, each with a 12-month sparkline,
// its status in colour and words and small samples greyed; the biggest movers as the RCA
// sentences; the next and last calibration sessions; open disputes; data freshness. Every tile
// clicks through to the page that explains it. Computed off the UI thread (DashboardSummary); an empty project shows what to do next.
class DashboardPage final : public Page
{
    Q_OBJECT
public:
    explicit DashboardPage(QWidget *parent = nullptr);
    ~DashboardPage() override;

    QString pageId() const override { return QStringLiteral("dashboard"); }
    QString title() const override;
    QIcon icon() const override;
    void setProject(Project *project) override;
    void refresh() override;
    QString statusText() const override;
    QList<JobRunner *> jobRunners() const override;

    bool isLoading() const;
    // The day the latest complete month is counted from (DashboardSummary::latestCompleteMonth):
    // invalid (the default) means QDate::currentDate() at each load; tests fix it.
    void setToday(QDate today) { m_today = today; }
    const DashboardSummary &summary() const { return m_summary; }
    KpiTile *tile(const QString &kpi) const; // audits, qa_score, pass_rate, critical_rate, csat_pct
    QLabel *headline() const { return m_headline; }
    QList<QLabel *> moverLabels() const { return m_movers; }
    QCommandLinkButton *disputesButton() const { return m_disputes; }
    QCommandLinkButton *nextSessionButton() const { return m_nextSession; }
    QCommandLinkButton *lastSessionButton() const { return m_lastSession; }
    QCommandLinkButton *freshnessButton() const { return m_freshness; }
    EmptyState *emptyState() const { return m_empty; }
    QWidget *body() const { return m_body; }

Q_SIGNALS:
    void loaded(); // the page shows the project's summary and movers (or its empty state)
    // Show the first of these pages that exists (Insights before it lands: the next one).
    void pageRequested(const QStringList &pageIds);
    // The Calibration page on this session (0: the page as it is, to plan one).
    void calibrationSessionRequested(qint64 sessionId);
    // The Scorecards page's Disputes tab showing the project's open disputes.
    void openDisputesRequested();

private:
    void load();
    void showSummary(DashboardSummary &&summary);
    void loadTrends();
    void loadMovers(DashboardSummary::Cubes cubes, DashboardSummary::BuiltCubes built);
    void showMovers();
    void showCalibration();

    JobRunner *m_runner;
    Project *m_project = nullptr;
    QScrollArea *m_scroll;
    QWidget *m_body;
    QLabel *m_headline;
    QList<QPair<QString, KpiTile *>> m_tiles;
    QLabel *m_moversTitle;
    QList<QLabel *> m_movers;
    QCommandLinkButton *m_disputes;
    QCommandLinkButton *m_nextSession;
    QCommandLinkButton *m_lastSession;
    QCommandLinkButton *m_freshness;
    EmptyState *m_empty;
    DashboardSummary m_summary;
    QDate m_today;
    QString m_status;
};

} // namespace ql
