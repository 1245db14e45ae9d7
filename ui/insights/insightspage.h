// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/page.h"
#include "insightsdata.h"

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QHBoxLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStandardItemModel;
class QTabWidget;
class QTableView;
class QTimer;
class QUndoStack;

namespace ql {

class ChartPreview;
class FilterBar;
class SendToReport;

// The Insights page (issue 8, analysis.md): what changed and why, drivers of CSAT with the
// QA-versus-CSAT quadrant, reasons and root causes (Paretos, cross-tab), comment themes, and
// control charts with the funnel plot, as tabs under one filter bar. Everything is computed off
// the UI thread from the project's cubes (built once, reused); every table exports (CSV/XLSX) and
// every chart exports (PNG/SVG/PDF) or copies.
class InsightsPage final : public Page
{
    Q_OBJECT
public:
    explicit InsightsPage(QWidget *parent = nullptr);
    ~InsightsPage() override;

    QString pageId() const override { return QStringLiteral("insights"); }
    QString title() const override;
    QIcon icon() const override;
    void setProject(Project *project) override;
    void refresh() override;
    void reloadData() override;
    QString statusText() const override { return m_status; }
    QList<JobRunner *> jobRunners() const override;
    void setDataUndoStack(QUndoStack *stack) override; // "Send to Report" pushes onto it
    SendToReport *sendToReport() const { return m_sendToReport; }
    // What changed: shown when the scorecard version changed between the periods; opens the
    // what-if that re-scores the base period under another version (scoring.md, analysis.md).
    QPushButton *rescoreBaseButton() const { return m_rescoreBase; }

    InsightsRequest request() const; // the filter bar and the tabs' choices
    // The date range's presets (All dates, This month, …, Custom range) that set From and To.
    QComboBox *datesBox() const { return m_dates; }
    FilterBar *filterBar() const { return m_filterBar; }
    const InsightsData *data() const { return m_data.get(); }
    // A chart by name ("contributions", "quadrant", "reasons", "rootCauses", "control", "funnel").
    const ChartPreview *chart(const QString &name) const;
    bool exportChart(const QString &name, const QString &path, int scale, QString *error) const;

Q_SIGNALS:
    void computed(); // the tabs show a new computation

private:
    void schedule();
    void openRescoreBase();
    void compute();
    void applyDatePreset(); // From and To as the Dates box says
    void datesEdited();     // From or To changed by hand: the Dates box says Custom range (or All dates)
    void showData(InsightsData &&data);
    void fillFilterBar();
    void showWhatChanged();
    void showDrivers();
    void showParetos();
    void showThemes();
    void showExamples(int row);
    void showControl();
    void setStatus(const QString &text);
    void setChart(const QString &name, const InsightsChart &chart);
    QWidget *tableBox(QTableView *view, const QString &sheet);
    QWidget *chartBox(const QString &name);
    QTableView *newTable(const QString &name, QStandardItemModel *model);
    // insightschoices.cpp: the Failed criteria tab, the control charts' baseline chooser and the
    // comment themes' language filter.
    QWidget *buildFailedTab();
    void showFailed();
    void addBaselineChooser(QHBoxLayout *row);
    void fillBaselineChooser();
    void addLanguageFilter(QHBoxLayout *row);
    void fillLanguageFilter();

    Project *m_project = nullptr;
    JobRunner *m_runner;
    QTimer *m_timer;
    std::map<PivotSource, std::shared_ptr<const Cube>> m_cubes;
    std::unique_ptr<InsightsData> m_data;
    bool m_filling = false;
    QString m_status;

    QComboBox *m_dates; // All dates, ui.md's presets (common/datepresets.h), Custom range
    QDateEdit *m_from;
    QDateEdit *m_to;
    FilterBar *m_filterBar = nullptr; // the shared bar (responses take no scorecard or sample type)
    QComboBox *m_base;
    QComboBox *m_current;
    QComboBox *m_metric;
    QComboBox *m_changeDimension;
    QComboBox *m_controlMetric;
    QComboBox *m_controlPeriod;
    QComboBox *m_funnelUnit;
    QComboBox *m_themeCorpus;
    QTabWidget *m_tabs;
    QLabel *m_sentence;
    QPushButton *m_rescoreBase = nullptr; // the what-if, when the scorecard version changed
    QUndoStack *m_dataStack = nullptr;
    QLabel *m_drillTitle;
    QLabel *m_driversNote;
    QLabel *m_paretoNote;
    QLabel *m_themesNote;
    QPlainTextEdit *m_examples;
    std::map<QString, ChartPreview *> m_charts;
    QStandardItemModel *m_elements;
    QStandardItemModel *m_drill;
    QStandardItemModel *m_drivers;
    QStandardItemModel *m_reasons;
    QStandardItemModel *m_rootCauses;
    QStandardItemModel *m_crossTab;
    QStandardItemModel *m_themes;
    QStandardItemModel *m_signals;
    QComboBox *m_baselineFrom = nullptr;
    QComboBox *m_baselineTo = nullptr;
    QCheckBox *m_keepBaseline = nullptr;
    QComboBox *m_themeLanguage = nullptr;
    QLabel *m_languageNote = nullptr;
    QLabel *m_failedNote = nullptr;
    QStandardItemModel *m_failed = nullptr;
    SendToReport *m_sendToReport;
};

} // namespace ql
