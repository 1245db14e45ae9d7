// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scorecard/whatifrescore.h"

#include <QDialog>
#include <QImage>

#include <functional>
#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QUndoStack;

namespace ql {

class CarryMapDialog;
class JobRunner;
class Project;

// The what-if view (scoring.md "Versions"): a period's official audits of one scorecard re-scored
// under another of its versions or the editor's unsaved draft, off the UI thread and without
// writing: the KPIs side by side, the two score distributions as a histogram, and the audits whose
// result changes. "Apply…" asks for confirmation and a reason, then moves the audits to the
// version as one undoable, logged command on the data stack (RescoreCommand).
class WhatIfDialog final : public QDialog
{
    Q_OBJECT
public:
    WhatIfDialog(Project *project, QUndoStack *stack, const QString &scorecard, QWidget *parent = nullptr);
    ~WhatIfDialog() override;

    // The editor's draft, offered as a target (first in the list).
    void setDraft(const Scorecard &draft);
    // The slice and period to start from (the Scorecards page's); runs the what-if.
    void setScope(const KpiSlice &slice, const KpiPeriod &period);
    // Called after an apply and after each undo or redo of it (the page reloads).
    void setNotify(std::function<void()> notify) { m_notify = std::move(notify); }

    // Selects a target: a stored version's id, or 0 for the draft.
    bool selectTarget(qint64 id);
    bool isRunning() const;
    const std::optional<WhatIfResult> &result() const { return m_result; }
    // Applies after the confirmation (which asks for the reason); false when cancelled or refused.
    bool apply();
    // "Map Answers…": the mapping dialog, opened (window-modal); its OK runs the what-if again
    // with the map. The map is kept while the period or scope changes, dropped with the source or
    // target.
    CarryMapDialog *openMap();
    const CarryMap &map() const { return m_map; }

    QComboBox *sourceBox() const { return m_source; }
    QComboBox *targetBox() const { return m_target; }
    QComboBox *scopeBox() const { return m_scope; } // the page's slice, or all agents
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QStandardItemModel *kpiModel() const { return m_kpiModel; }
    QStandardItemModel *auditModel() const { return m_auditModel; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *mapButton() const { return m_mapButton; }
    QLabel *blockerLabel() const { return m_blocker; }
    QLabel *summaryLabel() const { return m_summary; }
    QImage histogram() const { return m_image; }

Q_SIGNALS:
    void computed(); // a result is shown (or an error)
    void applied();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fillSources();
    void fillTargets();
    void run();
    void showResult(std::optional<WhatIfResult> &&result, const QString &error);
    void showKpis(const WhatIfResult &r);
    void showAudits(const WhatIfResult &r);
    void drawHistogram(const WhatIfResult &r);
    void updatePixmap();

    Project *m_project;
    QUndoStack *m_stack;
    JobRunner *m_runner;
    QString m_scorecard;
    std::optional<Scorecard> m_draft;
    std::optional<Scorecard> m_targetCard; // the card of the last run
    CarryMap m_map;
    KpiSlice m_slice;
    std::optional<WhatIfResult> m_result;
    std::function<void()> m_notify;
    QImage m_image;
    bool m_filling = false;

    QComboBox *m_source;
    QComboBox *m_target;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_scope;
    QLabel *m_summary;
    QTableView *m_kpis;
    QStandardItemModel *m_kpiModel;
    QLabel *m_chart;
    QTableView *m_audits;
    QStandardItemModel *m_auditModel;
    QLabel *m_blocker;
    QPushButton *m_apply;
    QPushButton *m_mapButton;
};

} // namespace ql
