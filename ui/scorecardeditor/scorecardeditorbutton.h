// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scorecard/kpiperiod.h"
#include "store/kpiqueries.h"

#include <QPointer>
#include <QToolButton>

#include <functional>

class QUndoStack;

namespace ql {

class Project;
class ScorecardEditor;
class WhatIfDialog;

// The Scorecards page's way into the editor: a "Scorecard" button whose menu offers New
// Scorecard…, Edit Scorecard… (the version in force; a choice when the project has several
// scorecards) and What-if…, each opening its dialog with the page's slice and period.
class ScorecardEditorButton final : public QToolButton
{
    Q_OBJECT
public:
    using Scope = std::function<std::pair<KpiSlice, KpiPeriod>()>;

    explicit ScorecardEditorButton(QWidget *parent = nullptr);

    void setProject(Project *project);
    void setUndoStack(QUndoStack *stack) { m_stack = stack; }
    void setScope(Scope scope) { m_scope = std::move(scope); }

    // The dialogs, opened non-modally (tests drive them): baseId 0 for a new scorecard.
    ScorecardEditor *openEditor(qint64 baseId);
    WhatIfDialog *openWhatIf(const QString &scorecard);
    // The id of the version in force of the scorecard to edit (asks when there are several); 0 when none.
    qint64 chooseVersion();

    QAction *newAction() const { return m_new; }
    QAction *editAction() const { return m_edit; }
    QAction *whatIfAction() const { return m_whatIf; }

Q_SIGNALS:
    // Stored scores changed (an apply, or its undo or redo): the page reloads.
    void scoresChanged();

private:
    void updateActions();

    Project *m_project = nullptr;
    QUndoStack *m_stack = nullptr;
    Scope m_scope;
    QAction *m_new;
    QAction *m_edit;
    QAction *m_whatIf;
};

} // namespace ql
