// SPDX-License-Identifier: GPL-3.0-or-later
#include "teamview.h"

#include "chartpicture.h"
#include "kpiformat.h"
#include "scorecardtablemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ql {

namespace {

using Model = ScorecardTableModel;

Model::Cell levelCell(const KpiValue &k)
{
    return Model::number(KpiFormat::level(k.value), k.value ? QVariant(*k.value) : QVariant(), k.smallSample);
}

} // namespace

TeamView::TeamView(ScorecardTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTableView(this))
    , m_measure(new QComboBox(this))
    , m_apart(new QLabel(this))
    , m_chart(new ChartPicture(tr("Funnel plot of the team's agents"), this))
{
    setObjectName(QStringLiteral("teamView"));
    m_view->setObjectName(QStringLiteral("rankingTable"));
    m_view->setAccessibleName(tr("Team ranking"));
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_measure->setObjectName(QStringLiteral("funnelMeasure"));
    m_measure->setAccessibleName(tr("Funnel plot of"));
    m_measure->addItem(tr("QA score"), int(TeamFunnel::Measure::QaScore));
    m_measure->addItem(tr("Pass rate"), int(TeamFunnel::Measure::PassRate));
    m_apart->setObjectName(QStringLiteral("notRanked"));
    m_apart->setWordWrap(true);
    m_chart->setObjectName(QStringLiteral("funnelChart"));
    m_model->setHeaders({tr("Rank"), tr("Agent"), tr("QA score"), tr("95% CI"), tr("Audits"), tr("Pass rate"),
                         tr("Funnel"), tr("Note")});

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addWidget(m_apart);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *choice = new QHBoxLayout;
    auto *label = new QLabel(tr("&Funnel plot of"), right);
    label->setBuddy(m_measure);
    choice->addWidget(label);
    choice->addWidget(m_measure);
    choice->addStretch(1);
    rightLayout->addLayout(choice);
    rightLayout->addWidget(m_chart, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("teamSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    connect(m_measure, &QComboBox::currentIndexChanged, this, &TeamView::refreshView);
}

void TeamView::clear()
{
    m_ranking.clear();
    m_funnel = {};
    m_model->setRows({});
    m_apart->clear();
    m_chart->setMessage(QString());
}

void TeamView::setRanking(const QList<RankedMember> &ranking, int minimumSample, const QString &team,
                          const QString &period)
{
    m_ranking = ranking;
    m_minimum = minimumSample;
    m_team = team;
    m_period = period;
    refreshView();
}

void TeamView::refreshView()
{
    const auto measure = TeamFunnel::Measure(m_measure->currentData().toInt());
    const QString what = measure == TeamFunnel::Measure::PassRate ? tr("Pass rate") : tr("QA score");
    m_funnel = teamFunnel(m_ranking, measure, m_minimum, tr("%1 by agent · %2 · %3").arg(what, m_team, m_period));
    m_funnel.data.filters = m_filters;
    QList<Model::Row> rows;
    QStringList apart;
    for (const RankedMember &m : std::as_const(m_ranking)) {
        Model::Row row;
        row.id = m.key;
        row.agentKey = m.key;
        row.agentName = m.name;
        const bool small = m.rank == 0;
        const QString name = m.name.isEmpty() ? m.key : QStringLiteral("%1 (%2)").arg(m.name, m.key);
        const stats::FunnelStatus status = m_funnel.statusOf(m.key);
        Model::Cell funnelCell = Model::text(stats::funnelStatusName(status), small);
        if (status == stats::FunnelStatus::NeedsAttention)
            funnelCell.toolTip = tr("Beyond the 99.8% limit on the bad side");
        else if (status == stats::FunnelStatus::ToWatch)
            funnelCell.toolTip = tr("Between the 95% and 99.8% limits on the bad side");
        row.cells = {Model::number(small ? QStringLiteral("—") : QString::number(m.rank), small ? QVariant() : m.rank, small),
                     Model::text(name, small),
                     levelCell(m.qaScore),
                     Model::text(KpiFormat::range(m.qaScore), small),
                     Model::number(QLocale().toString(m.qaScore.n), m.qaScore.n, small),
                     levelCell(m.passRate),
                     funnelCell,
                     Model::text(small ? tr("below the minimum sample (%1): not ranked").arg(m_minimum) : QString(), small)};
        rows << row;
        if (small)
            apart << (m.qaScore.n == 1 ? tr("%1 (1 audit)").arg(name)
                                       : tr("%1 (%2 audits)").arg(name, QLocale().toString(m.qaScore.n)));
    }
    m_model->setRows(rows);
    m_view->resizeColumnsToContents();
    m_apart->setText(apart.isEmpty()
                         ? QString()
                         : tr("Not ranked, fewer than %1 audits: %2").arg(m_minimum).arg(apart.join(QStringLiteral("; "))));
    m_apart->setVisible(!apart.isEmpty());
    if (m_ranking.isEmpty())
        m_chart->setMessage(tr("No team to rank: pick a team, site or queue, or an agent with a team."));
    else if (!m_funnel.error.isEmpty())
        m_chart->setMessage(tr("No funnel plot: %1").arg(m_funnel.error));
    else
        m_chart->setChart(m_funnel.spec, m_funnel.data, QSize(1600, 1200));
}

} // namespace ql
