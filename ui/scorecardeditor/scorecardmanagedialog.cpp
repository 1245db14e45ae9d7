// SPDX-License-Identifier: GPL-3.0-or-later
#include "scorecardmanagedialog.h"

#include "deletescorecardcommand.h"
#include "renamescorecardcommand.h"
#include "store/project.h"
#include "store/scorecardlifecycle.h"
#include "store/scorecardstore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace ql {

namespace {

const char *ProblemStyle = "color: #D55E00;"; // the "bad" status colour of ui.md

} // namespace

ScorecardManageDialog::ScorecardManageDialog(Mode mode, Project *project, QUndoStack *stack, const QString &scorecard,
                                             QWidget *parent)
    : QDialog(parent), m_mode(mode), m_project(project), m_stack(stack), m_scorecard(new QComboBox(this)),
      m_reason(new QLineEdit(this)), m_message(new QLabel(this)), m_ok(nullptr)
{
    const bool rename = mode == Mode::Rename;
    setObjectName(rename ? QStringLiteral("renameScorecardDialog") : QStringLiteral("deleteScorecardDialog"));
    setWindowTitle(rename ? tr("Rename Scorecard") : tr("Delete Scorecard"));
    m_scorecard->setObjectName(QStringLiteral("scorecardName"));
    m_scorecard->setAccessibleName(tr("Scorecard"));
    QStringList names;
    if (m_project)
        for (const ScorecardVersionInfo &v : ScorecardStore(m_project->database()).versions())
            if (!names.contains(v.name))
                names << v.name;
    m_scorecard->addItems(names);
    if (const int i = m_scorecard->findText(scorecard); i >= 0)
        m_scorecard->setCurrentIndex(i);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setAccessibleName(tr("Reason for the change"));
    m_reason->setPlaceholderText(tr("Why (for the change log)"));
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setMinimumWidth(420);

    auto *form = new QFormLayout;
    form->addRow(tr("&Scorecard:"), m_scorecard);
    if (rename) {
        m_name = new QLineEdit(this);
        m_name->setObjectName(QStringLiteral("newName"));
        m_name->setAccessibleName(tr("New name"));
        m_name->setText(m_scorecard->currentText());
        form->addRow(tr("&New name:"), m_name);
        connect(m_name, &QLineEdit::textChanged, this, &ScorecardManageDialog::update);
    }
    form->addRow(tr("&Reason:"), m_reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(rename ? tr("&Rename") : tr("&Delete"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("okButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_scorecard, &QComboBox::currentTextChanged, this, [this](const QString &name) {
        if (m_name)
            m_name->setText(name);
        update();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    update();
}

void ScorecardManageDialog::update()
{
    const QString name = m_scorecard->currentText();
    m_message->setStyleSheet(QString());
    if (!m_project || name.isEmpty()) {
        m_message->setText(tr("The project has no scorecard."));
        m_ok->setEnabled(false);
        return;
    }
    const bool writable = !m_project->isReadOnly();
    if (!writable) {
        m_message->setText(tr("The project is open read-only."));
        m_ok->setEnabled(false);
        return;
    }
    const int versions = int(ScorecardStore(m_project->database()).versions(name).size());
    const QString versionText = versions == 1 ? tr("its one version") : tr("all %1 of its versions").arg(versions);
    if (m_mode == Mode::Rename) {
        const QString to = m_name->text().trimmed();
        m_ok->setEnabled(!to.isEmpty() && to != name);
        m_message->setText(tr("Renames %1, and moves the targets set for “%2” to the new name. Files imported "
                              "later must use the new name.")
                               .arg(versionText, name));
        return;
    }
    const ScorecardUses uses = ScorecardLifecycle(m_project->database()).uses(name);
    if (uses.any()) {
        QStringList what;
        if (uses.audits > 0)
            what << (uses.audits == 1 ? tr("1 audit") : tr("%1 audits").arg(QLocale().toString(uses.audits)));
        if (uses.calibrationSessions > 0)
            what << (uses.calibrationSessions == 1 ? tr("1 calibration session")
                                                   : tr("%1 calibration sessions").arg(uses.calibrationSessions));
        if (uses.anchorExamples > 0)
            what << (uses.anchorExamples == 1 ? tr("1 anchor example") : tr("%1 anchor examples").arg(uses.anchorExamples));
        m_message->setStyleSheet(QString::fromLatin1(ProblemStyle));
        m_message->setText(tr("⚠ “%1” cannot be deleted: it is used by %2. Scores keep the scorecard they were made with. "
                              "To score with another one from now on, create it (Scorecards → New Scorecard…) or "
                              "save a new version of this one.")
                               .arg(name, what.join(QStringLiteral(", "))));
        m_ok->setEnabled(false);
        return;
    }
    m_message->setText(tr("Deletes %1 (nothing uses it). Edit → Undo brings it back.").arg(versionText));
    m_ok->setEnabled(true);
}

bool ScorecardManageDialog::apply()
{
    if (!m_project || !m_ok->isEnabled())
        return false;
    const QString name = m_scorecard->currentText();
    const QString reason = m_reason->text().trimmed().isEmpty()
                               ? (m_mode == Mode::Rename ? tr("Renamed in the application") : tr("Deleted in the application"))
                               : m_reason->text().trimmed();
    QString error;
    std::unique_ptr<QUndoCommand> command;
    if (m_mode == Mode::Rename)
        command = RenameScorecardCommand::create(m_project->database(), name, m_name->text(), reason, &error, m_notify);
    else
        command = DeleteScorecardCommand::create(m_project->database(), name, reason, &error, m_notify);
    if (!command) {
        m_message->setStyleSheet(QString::fromLatin1(ProblemStyle));
        m_message->setText(QStringLiteral("⚠ ") + error);
        return false;
    }
    if (m_stack)
        m_stack->push(command.release());
    return true;
}

} // namespace ql
