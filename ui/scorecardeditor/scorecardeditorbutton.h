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
class ScorecardManageDialog;
class WhatIfDialog;

// The Scorecards page's way into the editor: a "Scorecard" button whose menu offers New
// Scorecard…, Edit Scorecard… (the version in force; a choice when the project has several
// scorecards), Rename…, Delete… and What-if…, each opening its dialog with the page's slice and
// period. The same menu is the main window's File → Scorecards (ui.md: menus mirror the toolbar).
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
    ScorecardManageDialog *openRename(const QString &scorecard = {});
    ScorecardManageDialog *openDelete(const QString &scorecard = {});
    // The id of the version in force of the scorecard to edit (asks when there are several); 0 when none.
    qint64 chooseVersion();

    QAction *newAction() const { return m_new; }
    QAction *editAction() const { return m_edit; }
    QAction *whatIfAction() const { return m_whatIf; }
    QAction *renameAction() const { return m_rename; }
    QAction *deleteAction() const { return m_delete; }

Q_SIGNALS:
    // Stored scores changed (an apply, or its undo or redo): the page reloads.
    void scoresChanged();

private:
    void updateActions();
    ScorecardManageDialog *openManage(int mode, const QString &scorecard);

    Project *m_project = nullptr;
    QUndoStack *m_stack = nullptr;
    Scope m_scope;
    QAction *m_new;
    QAction *m_edit;
    QAction *m_whatIf;
    QAction *m_rename;
    QAction *m_delete;
};

} // namespace ql
