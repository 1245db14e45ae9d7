// SPDX-License-Identifier: GPL-3.0-or-later
#include "scorecardeditorbutton.h"

#include "scorecardeditor.h"
#include "scorecardmanagedialog.h"
#include "store/project.h"
#include "store/scorecardstore.h"
#include "whatifdialog.h"

#include <QInputDialog>
#include <QMenu>

namespace ql {

ScorecardEditorButton::ScorecardEditorButton(QWidget *parent) : QToolButton(parent)
{
    setObjectName(QStringLiteral("scorecardEditorButton"));
    setText(tr("Scorecard"));
    setAccessibleName(tr("Scorecard definitions: new, edit, what-if"));
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(tr("&Scorecards"), this);
    menu->setObjectName(QStringLiteral("scorecardsMenu"));
    m_new = menu->addAction(tr("&New Scorecard…"));
    m_edit = menu->addAction(tr("&Edit Scorecard…"));
    m_rename = menu->addAction(tr("&Rename Scorecard…"));
    m_delete = menu->addAction(tr("&Delete Scorecard…"));
    menu->addSeparator();
    m_whatIf = menu->addAction(tr("&What-if: Re-score Audits…"));
    setMenu(menu);
    connect(m_rename, &QAction::triggered, this, [this] { openRename(); });
    connect(m_delete, &QAction::triggered, this, [this] { openDelete(); });
    connect(m_new, &QAction::triggered, this, [this] { openEditor(0); });
    connect(m_edit, &QAction::triggered, this, [this] {
        if (const qint64 id = chooseVersion(); id > 0)
            openEditor(id);
    });
    connect(m_whatIf, &QAction::triggered, this, [this] {
        if (const qint64 id = chooseVersion(); id > 0 && m_project)
            if (const auto stored = ScorecardStore(m_project->database()).load(id))
                openWhatIf(stored->card.name);
    });
    updateActions();
}

void ScorecardEditorButton::setProject(Project *project)
{
    m_project = project;
    updateActions();
}

void ScorecardEditorButton::updateActions()
{
    const bool writable = m_project && !m_project->isReadOnly();
    const bool any = m_project && !ScorecardStore(m_project->database()).versions().isEmpty();
    m_new->setEnabled(writable);
    m_edit->setEnabled(any);
    m_whatIf->setEnabled(any);
    m_rename->setEnabled(any && writable);
    m_delete->setEnabled(any && writable);
    setEnabled(m_project != nullptr);
}

qint64 ScorecardEditorButton::chooseVersion()
{
    if (!m_project)
        return 0;
    // The version in force (no valid_to; else the highest) of each scorecard.
    QList<ScorecardVersionInfo> latest;
    for (const ScorecardVersionInfo &v : ScorecardStore(m_project->database()).versions()) {
        if (!latest.isEmpty() && latest.last().name == v.name) {
            if (!latest.last().validTo.isValid() && v.validTo.isValid())
                continue;
            latest.last() = v;
        } else {
            latest << v;
        }
    }
    if (latest.isEmpty())
        return 0;
    if (latest.size() == 1)
        return latest.first().id;
    QStringList names;
    for (const ScorecardVersionInfo &v : latest)
        names << tr("%1 (version %2)").arg(v.name).arg(v.version);
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Choose a Scorecard"), tr("Scorecard:"), names, 0, false, &ok);
    return ok ? latest.at(names.indexOf(chosen)).id : 0;
}

ScorecardEditor *ScorecardEditorButton::openEditor(qint64 baseId)
{
    auto *editor = new ScorecardEditor(m_project, m_stack, baseId, window());
    editor->setAttribute(Qt::WA_DeleteOnClose);
    if (m_scope) {
        const auto [slice, period] = m_scope();
        editor->setScope(slice, period);
    }
    connect(editor, &ScorecardEditor::saved, this, &ScorecardEditorButton::updateActions);
    QPointer<ScorecardEditorButton> self(this);
    editor->setWhatIfNotify([self] {
        if (self)
            Q_EMIT self->scoresChanged();
    });
    editor->open();
    return editor;
}

WhatIfDialog *ScorecardEditorButton::openWhatIf(const QString &scorecard)
{
    auto *dialog = new WhatIfDialog(m_project, m_stack, scorecard, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<ScorecardEditorButton> self(this);
    dialog->setNotify([self] {
        if (self)
            Q_EMIT self->scoresChanged();
    });
    const auto [slice, period] = m_scope ? m_scope() : std::pair<KpiSlice, KpiPeriod>{};
    dialog->setScope(slice, period);
    dialog->open();
    return dialog;
}

ScorecardManageDialog *ScorecardEditorButton::openRename(const QString &scorecard)
{
    return openManage(int(ScorecardManageDialog::Mode::Rename), scorecard);
}

ScorecardManageDialog *ScorecardEditorButton::openDelete(const QString &scorecard)
{
    return openManage(int(ScorecardManageDialog::Mode::Delete), scorecard);
}

ScorecardManageDialog *ScorecardEditorButton::openManage(int mode, const QString &scorecard)
{
    auto *dialog = new ScorecardManageDialog(ScorecardManageDialog::Mode(mode), m_project, m_stack, scorecard, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // After the command, its undo and its redo: the actions and the page follow the names.
    QPointer<ScorecardEditorButton> self(this);
    dialog->setNotify([self] {
        if (!self)
            return;
        self->updateActions();
        Q_EMIT self->scoresChanged();
    });
    dialog->open();
    return dialog;
}

} // namespace ql
