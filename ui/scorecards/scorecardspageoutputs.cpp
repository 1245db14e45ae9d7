// SPDX-License-Identifier: GPL-3.0-or-later
// The Scorecards page's outputs: Export… of every table, and the team's coaching pack.
#include "scorecardspage.h"

#include "coachingpack.h"
#include "common/icons.h"
#include "common/jobrunner.h"
#include "disputesview.h"
#include "kpiformat.h"
#include "scorecardexport.h"
#include "store/project.h"
#include "store/projectsettings.h"
#include "teamview.h"
#include "auditorview.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QMenu>
#include <QMessageBox>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>

namespace ql {

// One Export… per table (Ctrl+E in the table); the button at the tabs' corner exports the shown one.
void ScorecardsPage::installExports(const QList<QTableView *> &views)
{
    auto *button = new QToolButton(m_tabs);
    button->setObjectName(QStringLiteral("exportTableButton"));
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(true);
    button->setPopupMode(QToolButton::MenuButtonPopup); // the agents menu of the tables that show agents
    const QStringList sheets{tr("Criteria"), tr("Audits"), tr("Team ranking"), tr("Auditors"), tr("Trend"),
                             tr("Disputes")};
    for (int i = 0; i < views.size(); ++i) {
        QTableView *view = views.at(i);
        auto *action = new TableExportAction(view, view);
        action->setObjectName(view->objectName() + QStringLiteral("Export"));
        action->setText(tr("Export Table…"));
        action->setSheetName(sheets.value(i));
        action->setRunner(m_runner);
        const int agentColumn = view == m_auditsView || view == m_disputesView->view() ? 3
                                : view == m_teamView->view()                         ? 1
                                                                                     : -1;
        if (agentColumn >= 0)
            action->offerAgentChoice(); // names, ids or pseudonyms for this export (ui.md "People in outputs")
        action->setSourceFactory([this, view, agentColumn, action] {
            NameDisplay names = NameDisplay::Names;
            QByteArray key;
            if (m_project)
                names = ScorecardExport::projectNames(m_project->database(), &key, action->agentOverride());
            return ScorecardExport::source(view, agentColumn, names, key);
        });
        m_exports << action;
    }
    auto follow = [this, button] {
        const int tab = m_tabs->currentIndex();
        if (tab >= 0 && tab < m_exports.size())
            button->setDefaultAction(m_exports.at(tab));
    };
    connect(m_tabs, &QTabWidget::currentChanged, this, follow);
    follow();

    // The coaching pack of the team shown (or of the agent's team).
    m_packButton = new QToolButton(m_tabs);
    m_packButton->setObjectName(QStringLiteral("coachingPackButton"));
    m_packButton->setText(tr("Coaching Pack"));
    m_packButton->setAccessibleName(tr("Export a coaching pack"));
    m_packButton->setIcon(Icons::themed(QStringLiteral("document-export")));
    m_packButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_packButton->setPopupMode(QToolButton::InstantPopup);
    m_packButton->setAutoRaise(true);
    auto *menu = new QMenu(m_packButton);
    QAction *folder = menu->addAction(tr("Export Coaching Pack… (one PDF per agent)"));
    folder->setObjectName(QStringLiteral("coachingPackAction"));
    QAction *combined = menu->addAction(tr("Export Coaching Pack as One File… (confidential)"));
    combined->setObjectName(QStringLiteral("coachingPackCombinedAction"));
    m_packButton->setMenu(menu);
    connect(folder, &QAction::triggered, this, [this] { chooseCoachingPack(false); });
    connect(combined, &QAction::triggered, this, [this] { chooseCoachingPack(true); });
    auto *corner = new QWidget(m_tabs);
    auto *cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 0, 0);
    cornerLayout->addWidget(button);
    cornerLayout->addWidget(m_packButton);
    m_tabs->setCornerWidget(corner, Qt::TopRightCorner);
}

void ScorecardsPage::chooseCoachingPack(bool combined)
{
    const QString title = combined ? tr("Export Coaching Pack as One File") : tr("Export Coaching Pack");
    const QString team = m_teamSlice.id;
    QString folder, file;
    if (combined) {
        file = QFileDialog::getSaveFileName(window(), title,
                                            tr("coaching-%1-%2-confidential.pdf").arg(m_periodShown.label(), team),
                                            tr("PDF (*.pdf)"));
        if (file.isEmpty())
            return;
        if (!file.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
            file += QStringLiteral(".pdf");
    } else {
        folder = QFileDialog::getExistingDirectory(window(), tr("%1: a folder for one PDF per agent").arg(title));
        if (folder.isEmpty())
            return;
    }
    connect(
        this, &ScorecardsPage::coachingPackFinished, this,
        [this](bool ok, const QString &message) {
            m_status = message;
            Q_EMIT statusTextChanged(m_status);
            if (ok)
                return;
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Coaching pack"), message, QMessageBox::Ok, window());
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        },
        Qt::SingleShotConnection);
    exportCoachingPack(folder, file);
}

bool ScorecardsPage::exportCoachingPack(const QString &folder, const QString &combinedPath)
{
    if (!m_project || m_teamSlice.id.isEmpty() || (folder.isEmpty() && combinedPath.isEmpty()))
        return false;
    QByteArray key;
    const NameDisplay names = ScorecardExport::projectNames(m_project->database(), &key);
    CoachingPack::Options options;
    options.folder = folder;
    options.combinedPath = combinedPath;
    options.organisation = ProjectSettings(m_project->database()).organisationName();
    const KpiFilters filters = m_filtersShown; // the pack follows the filter bar, as the page shows it
    options.filters = KpiFormat::filters(filters);
    const KpiSlice team = m_teamSlice;
    const KpiPeriod period = m_periodShown;
    const QString channel = QStringLiteral("coachingpack");
    m_packButton->setEnabled(false);
    auto cancelled = [this] {
        m_packButton->setEnabled(true);
        Q_EMIT coachingPackFinished(false, tr("The coaching pack was cancelled; no file of it was kept."), {});
    };
    m_runner->start<QList<CoachingPack::Agent>>(
        channel, tr("Reading the coaching pack of %1").arg(team.id),
        [team, period, names, key, filters](JobContext &context) {
            return CoachingPack::collect(context.database(), team, period, names, key, &context, filters);
        },
        [this, options, channel, cancelled](QList<CoachingPack::Agent> &&agents) {
            m_packReports.clear();
            for (const CoachingPack::Agent &a : std::as_const(agents))
                m_packReports << a.report;
            CoachingPack::drawCharts(agents, options.filters);
            m_runner->start<CoachingPack::Result>(
                channel, tr("Writing the coaching pack"),
                [agents = std::move(agents), options](JobContext &context) {
                    return CoachingPack::write(agents, options, &context);
                },
                [this, options](CoachingPack::Result &&r) {
                    m_packButton->setEnabled(true);
                    const QString where = QDir::toNativeSeparators(options.folder.isEmpty() ? options.combinedPath
                                                                                            : options.folder);
                    Q_EMIT coachingPackFinished(r.error.isEmpty(),
                                                r.error.isEmpty()
                                                    ? tr("Coaching pack: %n PDF file(s) written to %1", nullptr,
                                                         int(r.files.size()))
                                                          .arg(where)
                                                    : tr("The coaching pack was not written: %1").arg(r.error),
                                                r.files);
                },
                cancelled);
        },
        cancelled);
    return true;
}

} // namespace ql
