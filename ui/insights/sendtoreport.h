// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/sentsection.h"
#include "report/reportdocument.h"

#include <QObject>

class QMenu;
class QTabWidget;
class QToolButton;
class QUndoStack;

namespace ql {

class InsightsPage;
class Project;

// "Send to Report" on the Insights page (issue 8): a button in the corner of the tabs whose menu
// lists the analyses of the tab on show (What changed; Drivers; the two Paretos; Comment themes; the
// control chart and the funnel) for each report template that takes sections. Choosing one appends
// it, with the tab's choices and the filter bar's filters but not its dates, to the template's sent
// sections as one undoable command on the data stack (SentSectionsCommand).
class SendToReport final : public QObject
{
    Q_OBJECT
public:
    SendToReport(InsightsPage *page, QTabWidget *tabs);

    void setProject(Project *project);
    void setUndoStack(QUndoStack *stack) { m_undo = stack; }

    QToolButton *button() const { return m_button; }
    QMenu *menu() const { return m_menu; }
    // The analyses of the tab on show, as they would be sent.
    QList<SentSection> currentSections() const;
    // Appends the section to the template's sent sections (one undoable command); false with the
    // reason in the status message when the project refused.
    bool send(ReportTemplate kind, const SentSection &section);

Q_SIGNALS:
    void message(const QString &text); // for the page's status: what was sent, or why not

private:
    void fillMenu();

    InsightsPage *m_page;
    QTabWidget *m_tabs;
    Project *m_project = nullptr;
    QUndoStack *m_undo = nullptr;
    QToolButton *m_button;
    QMenu *m_menu;
};

} // namespace ql
