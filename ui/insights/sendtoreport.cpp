// SPDX-License-Identifier: GPL-3.0-or-later
#include "sendtoreport.h"

#include "common/icons.h"
#include "insightspage.h"
#include "report/sentsectionstore.h"
#include "reports/sentsectionscommand.h"
#include "store/project.h"

#include <QMenu>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>

namespace ql {

SendToReport::SendToReport(InsightsPage *page, QTabWidget *tabs)
    : QObject(page)
    , m_page(page)
    , m_tabs(tabs)
    , m_button(new QToolButton(tabs))
    , m_menu(new QMenu(m_button))
{
    m_button->setObjectName(QStringLiteral("sendToReport"));
    m_button->setText(tr("Send to Report"));
    m_button->setIcon(Icons::themed(QStringLiteral("document-send"), QStringLiteral("document-export")));
    m_button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_button->setPopupMode(QToolButton::InstantPopup);
    m_button->setAutoRaise(true);
    m_button->setAccessibleName(tr("Send to Report"));
    m_button->setToolTip(tr("Add this analysis to a report as a section, recomputed for each report's period"));
    m_button->setMenu(m_menu);
    m_menu->setObjectName(QStringLiteral("sendToReportMenu"));
    tabs->setCornerWidget(m_button, Qt::TopRightCorner);
    connect(m_menu, &QMenu::aboutToShow, this, &SendToReport::fillMenu);
    setProject(nullptr);
}

void SendToReport::setProject(Project *project)
{
    m_project = project;
    m_button->setEnabled(project && !project->isReadOnly());
}

QList<SentSection> SendToReport::currentSections() const
{
    QList<SentSection> out;
    const QWidget *tab = m_tabs->currentWidget();
    if (!tab)
        return out;
    auto has = [tab](const char *table) { return tab->findChild<QTableView *>(QString::fromLatin1(table)) != nullptr; };
    const InsightsRequest r = m_page->request();
    auto section = [&r](SentSection::Analysis analysis) {
        SentSection s;
        s.analysis = analysis;
        s.filters = r.filters;
        return s;
    };
    if (has("elementsTable")) {
        SentSection s = section(SentSection::Analysis::WhatChanged);
        s.kpi = r.metric;
        out << s;
    } else if (has("driversTable")) {
        out << section(SentSection::Analysis::Drivers);
    } else if (has("reasonsTable")) {
        for (const char *dimension : {"reason", "root_cause"}) {
            SentSection s = section(SentSection::Analysis::Pareto);
            s.dimension = QString::fromLatin1(dimension);
            out << s;
        }
    } else if (has("themesTable")) {
        SentSection s = section(SentSection::Analysis::Themes);
        s.auditorComments = r.auditorComments;
        out << s;
    } else if (has("signalsTable")) {
        SentSection control = section(SentSection::Analysis::Control);
        control.kpi = r.controlMetric;
        control.periodUnit = r.controlPeriod;
        SentSection funnel = section(SentSection::Analysis::Funnel);
        funnel.kpi = r.controlMetric;
        funnel.dimension = r.funnelUnit;
        out << control << funnel;
    }
    for (SentSection &s : out)
        s.title = s.defaultTitle();
    return out;
}

void SendToReport::fillMenu()
{
    m_menu->clear();
    const QList<SentSection> sections = currentSections();
    if (sections.isEmpty()) {
        m_menu->addAction(tr("This tab has nothing to send"))->setEnabled(false);
        return;
    }
    for (ReportTemplate kind : allReportTemplates()) {
        if (!SentSectionStore::takesSections(kind))
            continue;
        m_menu->addSection(tr("To the %1").arg(reportTemplateTitle(kind)));
        for (const SentSection &s : sections) {
            QAction *action = m_menu->addAction(s.title);
            action->setObjectName(QStringLiteral("send-%1-%2").arg(reportTemplateName(kind), sentAnalysisName(s.analysis)));
            connect(action, &QAction::triggered, this, [this, kind, s] { send(kind, s); });
        }
    }
}

bool SendToReport::send(ReportTemplate kind, const SentSection &section)
{
    if (!m_project || m_project->isReadOnly()) {
        Q_EMIT message(tr("The project is open read-only: nothing can be sent to a report."));
        return false;
    }
    QString error;
    auto command = SentSectionsCommand::append(m_project->database(), kind, section, &error);
    if (!command) {
        Q_EMIT message(tr("\"%1\" was not sent to the %2: %3").arg(section.title, reportTemplateTitle(kind), error));
        return false;
    }
    if (m_undo)
        m_undo->push(command.release());
    Q_EMIT message(tr("\"%1\" is now the last section of the %2 (Reports page; Ctrl+Z undoes).")
                       .arg(section.title, reportTemplateTitle(kind)));
    return true;
}

} // namespace ql
