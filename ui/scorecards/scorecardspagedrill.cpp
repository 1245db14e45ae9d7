// SPDX-License-Identifier: GPL-3.0-or-later
// The Scorecards page's click-through (ui.md: "Every number that summarises records clicks through
// to those records"): the audit tiles open the Audits tab filtered to the audits they count, the
// critical error rate to the counted audits with a critical error (and each family's rate to that
// family's), the CSAT tiles the responses, and the criterion breakdown's numbers to the answers.
#include "scorecardspage.h"

#include "common/emptystate.h"
#include "common/filterbar.h"
#include "common/jobrunner.h"
#include "kpiformat.h"
#include "kpitile.h"
#include "pivot/pivotdrilldialog.h"
#include "scorecard/kpiengine.h"
#include "scorecardtablemodel.h"
#include "store/project.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <memory>
#include <vector>

namespace ql {

QWidget *ScorecardsPage::createAuditsPane(QWidget *parent)
{
    auto *pane = new QWidget(parent);
    pane->setObjectName(QStringLiteral("auditsPane"));
    m_auditsView = new QTableView(pane);
    m_auditFilter = new QComboBox(pane);
    m_auditFilter->setObjectName(QStringLiteral("auditFilter"));
    m_auditFilter->setAccessibleName(tr("Which audits of the period to show"));
    m_auditFilter->addItem(tr("All audits of the period"), QString());
    m_auditFilter->addItem(tr("Counted in the KPIs"), QStringLiteral("counted"));
    m_auditFilter->addItem(tr("Failed (counted)"), QStringLiteral("failed"));
    m_auditFilter->addItem(tr("With a critical error (counted)"), QStringLiteral("critical"));
    m_auditFilter->addItem(tr("With a customer critical error (counted)"), QStringLiteral("critical-customer"));
    m_auditFilter->addItem(tr("With a business critical error (counted)"), QStringLiteral("critical-business"));
    m_auditFilter->addItem(tr("With a compliance critical error (counted)"), QStringLiteral("critical-compliance"));
    auto *label = new QLabel(tr("S&how:"), pane);
    label->setBuddy(m_auditFilter);
    auto *bar = new QHBoxLayout;
    bar->addWidget(label);
    bar->addWidget(m_auditFilter);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_auditsView, 1);
    connect(m_auditFilter, &QComboBox::currentIndexChanged, this, [this] {
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(m_auditsView->model());
        if (!proxy)
            return;
        const QString tag = m_auditFilter->currentData().toString();
        proxy->setFilterRole(ScorecardTableModel::TagsRole);
        proxy->setFilterRegularExpression(tag.isEmpty() ? QRegularExpression()
                                                        : QRegularExpression(QStringLiteral("(^| )%1( |$)").arg(tag)));
        updateAuditsEmptyState();
    });
    return pane;
}

void ScorecardsPage::updateAuditsEmptyState()
{
    if (!m_empty)
        return;
    const int all = m_audits->rowCount();
    const int shown = m_auditsView->model() ? m_auditsView->model()->rowCount() : all;
    if (all == 0) {
        m_empty->setTitle(tr("No audits in this period"));
        m_empty->setText(tr("Pick another period or another agent, team or queue; or import audits (File → Import…)."));
    } else {
        m_empty->setTitle(tr("None of the period's audits is shown"));
        m_empty->setText(all == 1 ? tr("The period has 1 audit, but not of this kind. Show: All audits of the period.")
                                  : tr("The period has %1 audits, none of this kind. Show: All audits of the period.")
                                        .arg(QLocale().toString(all)));
    }
    m_empty->setVisible(shown == 0);
}

void ScorecardsPage::showAuditsTagged(const QString &tag)
{
    if (auto *audits = findChild<QSplitter *>(QStringLiteral("auditsSplitter")))
        m_tabs->setCurrentWidget(audits);
    const int index = m_auditFilter->findData(tag);
    m_auditFilter->setCurrentIndex(std::max(0, index));
    m_auditsView->setFocus();
}

void ScorecardsPage::installClickThrough()
{
    const QString counted = tr("Click to see the counted audits behind this number");
    const QList<std::pair<QString, QString>> audits{{QStringLiteral("audits"), counted},
                                                    {QStringLiteral("qa_score"), counted},
                                                    {QStringLiteral("raw_score"), counted},
                                                    {QStringLiteral("pass_rate"), counted}};
    for (const auto &[key, tip] : audits)
        if (KpiTile *t = tile(key)) {
            t->setClickable(true, tip);
            connect(t, &KpiTile::clicked, this, [this] { showAuditsTagged(QStringLiteral("counted")); });
        }
    if (KpiTile *t = tile(QStringLiteral("critical_rate"))) {
        t->setClickable(true, tr("Click to see the counted audits with a critical error"));
        connect(t, &KpiTile::clicked, this, [this] { showAuditsTagged(QStringLiteral("critical")); });
    }
    for (const QString &key : {QStringLiteral("csat_pct"), QStringLiteral("csat_responses")})
        if (KpiTile *t = tile(key)) {
            t->setClickable(true, tr("Click to see the CSAT responses behind this number"));
            connect(t, &KpiTile::clicked, this, &ScorecardsPage::openResponses);
        }
}

void ScorecardsPage::showCriticalFamily(const QString &family)
{
    showAuditsTagged(QStringLiteral("critical-") + family);
}

namespace {

// Whose answers a column of the criterion breakdown counts.
enum class AnswersOf { Slice, SliceWithNa, Team, Population, None };

AnswersOf answersOf(int column)
{
    switch (column) {
    case 4:
        return AnswersOf::Team;
    case 5:
        return AnswersOf::Population;
    case 10:
        return AnswersOf::SliceWithNa; // the N/A rate counts the N/A answers too
    default:
        return column >= 1 && column <= 9 ? AnswersOf::Slice : AnswersOf::None; // 0: the name
    }
}

} // namespace

bool ScorecardsPage::openCriterionAnswers(int row, int column)
{
    if (!m_project || row < 0 || row >= m_criteriaShown.size() || !m_periodShown.isValid())
        return false;
    const CriterionKpi c = m_criteriaShown.at(row);
    const AnswersOf of = answersOf(column);
    KpiSlice slice = m_sliceShown;
    QString whose = tr("%1 (%2)").arg(m_nameShown, KpiSlice::kindName(slice.kind));
    switch (of) {
    case AnswersOf::None:
        return false;
    case AnswersOf::Team:
        if (slice.kind != KpiSlice::Kind::Agent || !c.teamCompliance)
            return false;
        slice = m_teamSlice;
        whose = tr("team %1").arg(slice.id);
        break;
    case AnswersOf::Population:
        if (!c.populationCompliance)
            return false;
        slice = {KpiSlice::Kind::All, {}};
        whose = tr("all agents");
        break;
    case AnswersOf::Slice:
    case AnswersOf::SliceWithNa:
        if (c.compliance.n == 0 && of == AnswersOf::Slice)
            return false;
        break;
    }
    const bool ratedOnly = of != AnswersOf::SliceWithNa;
    const KpiPeriod period = m_periodShown;
    const KpiFilters filters = m_filtersShown;
    QString caption = tr("%1 answers of %2 to %3 (%4), %5 (%6 to %7), in the counted audits")
                          .arg(ratedOnly ? tr("Rated") : tr("All (rated and N/A)"), whose,
                               c.name.isEmpty() ? c.key : c.name, c.scorecard, period.label(),
                               period.from.toString(Qt::ISODate), period.to.toString(Qt::ISODate));
    if (!filters.isEmpty())
        caption += tr("; filtered: %1").arg(KpiFormat::filters(filters));
    caption += QLatin1Char('.');
    const QString scorecard = c.scorecard;
    const QString key = c.key;
    const QList<int> ownVersions = c.versions;
    const bool ownSlice = of == AnswersOf::Slice || of == AnswersOf::SliceWithNa;
    m_runner->start<QList<qint64>>(
        QStringLiteral("scorecardAnswers"), tr("Reading the answers"),
        [slice, period, filters, scorecard, key, ownVersions, ownSlice, ratedOnly](JobContext &context) {
            KpiEngine engine(context.database());
            engine.setFilters(filters);
            QList<int> versions = ownVersions;
            if (!ownSlice) {
                // The team's and all agents' compliance is that of the first line of theirs with
                // this scorecard and criterion and rated answers (KpiEngine::report): its versions.
                versions.clear();
                for (const CriterionSums &s : engine.queries().criteria(slice, period.from, period.to))
                    if (s.scorecard == scorecard && s.key == key && s.rated > 0) {
                        versions = s.versions;
                        break;
                    }
            }
            return engine.queries().criterionAnswerIds(slice, period.from, period.to, scorecard, key, versions,
                                                       ratedOnly);
        },
        [this, caption](QList<qint64> &&ids) { showAnswerList(ids, caption); });
    return true;
}

void ScorecardsPage::showAnswerList(const QList<qint64> &ids, const QString &caption)
{
    auto list = std::make_shared<std::vector<qint64>>(ids.begin(), ids.end());
    auto *dialog = new PivotDrillDialog(RecordKind::Answers, list, caption, m_project, this);
    dialog->setObjectName(QStringLiteral("answersDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(ids.size() == 1 ? tr("1 answer") : tr("%1 answers").arg(QLocale().toString(ids.size())));
    dialog->show();
    Q_EMIT answersOpened(dialog);
}

bool ScorecardsPage::openRootCauseAnswers(const QString &name)
{
    if (!m_project || !m_periodShown.isValid() || name.isEmpty())
        return false;
    const KpiSlice slice = m_sliceShown;
    const KpiPeriod period = m_periodShown;
    const KpiFilters filters = m_filtersShown;
    QString caption = tr("Failed answers of %1 (%2), %3 (%4 to %5), whose root cause is %6, in the counted audits")
                          .arg(m_nameShown, KpiSlice::kindName(slice.kind), period.label(),
                               period.from.toString(Qt::ISODate), period.to.toString(Qt::ISODate), name);
    if (!filters.isEmpty())
        caption += tr("; filtered: %1").arg(KpiFormat::filters(filters));
    caption += QLatin1Char('.');
    m_runner->start<QList<qint64>>(
        QStringLiteral("scorecardAnswers"), tr("Reading the answers"),
        [slice, period, filters, name](JobContext &context) {
            KpiEngine engine(context.database());
            engine.setFilters(filters);
            return engine.queries().rootCauseAnswerIds(slice, period.from, period.to, name);
        },
        [this, caption](QList<qint64> &&ids) { showAnswerList(ids, caption); });
    return true;
}

void ScorecardsPage::openResponses()
{
    if (!m_project || m_sliceShown.id.isEmpty() || !m_periodShown.isValid())
        return;
    const KpiSlice slice = m_sliceShown;
    const KpiPeriod period = m_periodShown;
    const QString caption =
        tr("CSAT responses of %1 (%2), %3 (%4 to %5), as the CSAT tiles count them: an agent's are the responses "
           "naming the agent, else those whose ticket's latest official audit is theirs.")
            .arg(m_nameShown, KpiSlice::kindName(slice.kind), period.label(), period.from.toString(Qt::ISODate),
                 period.to.toString(Qt::ISODate));
    m_runner->start<QList<qint64>>(
        QStringLiteral("scorecardResponses"), tr("Reading the responses"),
        [slice, period, filters = m_filterBar->filters()](JobContext &context) {
            KpiEngine engine(context.database());
            engine.setFilters(filters);
            return engine.queries().responseIds(slice, period.from, period.to);
        },
        [this, caption](QList<qint64> &&ids) {
            auto list = std::make_shared<std::vector<qint64>>(ids.begin(), ids.end());
            auto *dialog = new PivotDrillDialog(RecordKind::CsatResponses, list, caption, m_project, this);
            dialog->setObjectName(QStringLiteral("responsesDialog"));
            dialog->setWindowTitle(ids.size() == 1 ? tr("1 CSAT response")
                                                   : tr("%1 CSAT responses").arg(QLocale().toString(ids.size())));
            dialog->show();
            Q_EMIT responsesOpened(dialog);
        });
}

} // namespace ql
