// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/page.h"
#include "scorecard/kpiengine.h"
#include "store/disputestore.h"

#include <QList>

class QComboBox;
class QDateEdit;
class QLabel;
class QTabWidget;
class QTableView;
class QToolButton;

namespace ql {

class AuditFormView;
class AuditorView;
class DisputesView;
class EmptyState;
class FilterBar;
class KpiTile;
class ScorecardEditorButton;
class ScorecardTableModel;
class TableExportAction;
class TeamView;
class TrendChart;
class PivotDrillDialog;

// The Scorecards page: pick an agent, team, site or queue and a period; KPI tiles (value,
// interval, delta, target, status, small samples greyed); the criterion breakdown against the
// team and the population with the root causes of failed answers; the period's audits, each
// opening its read-only form with the explanation and undoable corrections; the team ranking
// (small samples apart); the auditors; and the trend of the last 12 periods, as a chart (render/)
// above its table. Everything is computed off the UI thread.
class ScorecardsPage final : public Page
{
    Q_OBJECT
public:
    explicit ScorecardsPage(QWidget *parent = nullptr);
    ~ScorecardsPage() override;

    QString pageId() const override { return QStringLiteral("scorecards"); }
    QString title() const override;
    QIcon icon() const override;
    void setProject(Project *project) override;
    void refresh() override;
    QString statusText() const override;
    QList<JobRunner *> jobRunners() const override;
    void setDataUndoStack(QUndoStack *stack) override;
    bool editsData() const override { return true; }

    // The slice and period shown (tests and the command line's vocabulary).
    void showSlice(const KpiSlice &slice, const KpiPeriod &period);
    // The Disputes tab with the project's open disputes (the Dashboard's click-through).
    void showOpenDisputes();
    KpiSlice slice() const;
    KpiPeriod period() const;
    bool isLoading() const;

    QComboBox *scopeKindBox() const { return m_kind; }
    QComboBox *memberBox() const { return m_member; }
    QComboBox *periodBox() const { return m_period; }
    QComboBox *periodKindBox() const { return m_periodKind; }
    FilterBar *filterBar() const { return m_filterBar; }
    KpiTile *tile(const QString &kpi) const; // audits, qa_score, raw_score, pass_rate, critical_rate, csat_pct, csat_responses
    QLabel *headline() const { return m_headline; }
    QTabWidget *tabs() const { return m_tabs; }
    ScorecardTableModel *criteriaModel() const { return m_criteria; }
    ScorecardTableModel *auditsModel() const { return m_audits; }
    ScorecardTableModel *rankingModel() const { return m_ranking; }
    ScorecardTableModel *auditorsModel() const { return m_auditors; }
    ScorecardTableModel *trendModel() const { return m_trend; }
    QTableView *auditsView() const { return m_auditsView; }
    AuditFormView *auditForm() const { return m_form; }
    TrendChart *trendChart() const { return m_trendChart; }
    TeamView *teamView() const { return m_teamView; }
    AuditorView *auditorView() const { return m_auditorView; }
    DisputesView *disputesView() const { return m_disputesView; }
    TableExportAction *exportAction(int tab) const { return m_exports.value(tab); }
    // Writes the coaching pack of the team shown (an agent's: their team) off the UI thread: one
    // PDF per agent into `folder`, and/or one combined file marked confidential. False when there
    // is no team or nothing to write; coachingPackFinished() follows otherwise.
    bool exportCoachingPack(const QString &folder, const QString &combinedPath = QString());
    QToolButton *coachingPackButton() const { return m_packButton; }
    // The agents' reports of the last coaching pack, in its order: the numbers its pages show.
    const QList<KpiReport> &coachingPackReports() const { return m_packReports; }
    ScorecardEditorButton *editorButton() const { return m_editorButton; } // New/Edit Scorecard…, What-if…
    // The audits table's filter: "" (all), counted, failed, critical (the tiles' click-through).
    QComboBox *auditFilterBox() const { return m_auditFilter; }
    void showAuditsTagged(const QString &tag);
    // The CSAT responses behind the CSAT tiles, in a dialog of the Data page's table (read off the
    // UI thread; responsesOpened() follows).
    void openResponses();
    // The answers behind a number of the criterion breakdown (row, column of criteriaModel()): the
    // slice's rated answers to that criterion (compliance, its interval, n, the gap columns, pass
    // rate), the team's (Team), all agents' (All agents), or the slice's answers with the N/A ones
    // (N/A rate), as the page shows them (slice, period, filters); answersOpened() follows. False
    // when the cell has no number behind it.
    bool openCriterionAnswers(int row, int column);
    // The counted audits of the period with a critical error of `family` (customer, business,
    // compliance) in the Audits tab: the critical error rate by family's click-through.
    void showCriticalFamily(const QString &family);
    // The failed answers with one root cause (a link of the root-causes line), as the page shows
    // them; answersOpened() follows. False when the page shows nothing.
    bool openRootCauseAnswers(const QString &name);
    QLabel *criticalFamiliesLabel() const { return m_families; }

Q_SIGNALS:
    void loaded(); // the page shows the data of its slice and period
    void coachingPackFinished(bool ok, const QString &message, const QStringList &files = {});
    void responsesOpened(ql::PivotDrillDialog *dialog);
    void answersOpened(ql::PivotDrillDialog *dialog);

private:
    struct Data
    {
        KpiReport report;
        QList<RankedMember> ranking;
        QList<RankedMember> auditors;
        QList<AuditorLeniency> leniency;
        QList<DisputeRow> disputes;
        QList<DisputeOutcome> disputesByAuditor;
        QList<DisputeOutcome> disputesByCriterion;
        QList<KpiEngine::TrendPoint> trend;
        QList<AuditListRow> audits;
        QList<QPair<QString, QString>> members;
        QDate latest;
        KpiFilters filters;
    };

    void fillMembers();
    void fillPeriods(QDate latest);
    void load();
    void show(Data &&data);
    void showCriteria(const KpiReport &r);
    void showAudits(const QList<AuditListRow> &audits);
    void showTrend(const QList<KpiEngine::TrendPoint> &trend);
    void installExports(const QList<QTableView *> &views);
    QWidget *createAuditsPane(QWidget *parent);
    void installClickThrough();
    void updateAuditsEmptyState();
    void chooseCoachingPack(bool combined);
    QTableView *addTable(ScorecardTableModel *model, const QString &name, const QString &tabTitle);

    JobRunner *m_runner;
    Project *m_project = nullptr;
    QUndoStack *m_stack = nullptr;
    QComboBox *m_kind;
    QComboBox *m_member;
    QComboBox *m_periodKind;
    QComboBox *m_period;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLabel *m_headline;
    QList<QPair<QString, KpiTile *>> m_tiles;
    QLabel *m_families;
    QTabWidget *m_tabs;
    ScorecardTableModel *m_criteria;
    ScorecardTableModel *m_audits;
    ScorecardTableModel *m_ranking;
    ScorecardTableModel *m_auditors;
    ScorecardTableModel *m_trend;
    QLabel *m_rootCauses;
    void showAnswerList(const QList<qint64> &ids, const QString &caption);
    QTableView *m_auditsView;
    AuditFormView *m_form;
    TrendChart *m_trendChart;
    TeamView *m_teamView;
    QList<TableExportAction *> m_exports; // per tab: criteria, audits, ranking, auditors, trend, disputes
    QToolButton *m_packButton = nullptr;
    ScorecardEditorButton *m_editorButton = nullptr;
    KpiSlice m_teamSlice; // the team (site, queue) of the coaching pack
    KpiPeriod m_periodShown;
    KpiSlice m_sliceShown;
    QString m_nameShown;
    KpiFilters m_filtersShown;          // the filters the shown numbers were computed with
    QList<CriterionKpi> m_criteriaShown; // the criterion breakdown's rows, in order
    QList<KpiReport> m_packReports;      // the last coaching pack's
    QComboBox *m_auditFilter = nullptr;
    FilterBar *m_filterBar = nullptr;
    QDate m_latest; // the latest audit's period date (the presets' anchor)
    AuditorView *m_auditorView;
    DisputesView *m_disputesView;
    EmptyState *m_empty;
    QWidget *m_body;
    KpiSlice m_pendingSlice;
    bool m_filling = false;
    QString m_status;
};

} // namespace ql
