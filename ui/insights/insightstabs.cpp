// SPDX-License-Identifier: GPL-3.0-or-later
// The Insights page's tabs filled from a computation (insightspage.cpp builds them).
#include "insightspage.h"

#include "charts/chartpreview.h"
#include "chartscene.h"
#include "charttheme.h"
#include "insightsitems.h"
#include "stats/controlchart.h"
#include "stats/funnel.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QStandardItemModel>

#include <cmath>

namespace ql {

namespace {

// The tables' cells, one name for each kind (insightsitems.h).
QStandardItem *cell(const QString &value)
{
    return insights::textItem(value);
}

QStandardItem *cell(std::optional<double> value, int decimals = 1)
{
    return insights::numberItem(value, decimals);
}

QStandardItem *cell(qint64 value)
{
    return insights::countItem(value);
}

void fillPareto(QStandardItemModel *model, const std::optional<rca::Pareto> &pareto)
{
    model->clear();
    QStringList header{QObject::tr("Category"), QObject::tr("Count"), QObject::tr("Share %"), QObject::tr("Cumulative %"),
                       QObject::tr("Vital few"), QObject::tr("New or recurring")};
    if (pareto)
        for (const QString &p : pareto->previousPeriods)
            header << p;
    model->setHorizontalHeaderLabels(header);
    if (!pareto)
        return;
    for (const rca::ParetoItem &item : pareto->items) {
        QList<QStandardItem *> row{cell(item.label), cell(item.count), cell(item.share), cell(item.cumulative),
                                   cell(item.vitalFew ? QObject::tr("yes") : QString()),
                                   cell(item.isNew ? QObject::tr("new") : QObject::tr("recurring"))};
        for (qint64 n : item.previous)
            row << cell(n);
        if (item.isNew) { // as on the chart: bold, in the signal colour, on the category and its mark
            for (QStandardItem *marked : {row.at(0), row.at(5)}) {
                QFont bold = marked->font();
                bold.setBold(true);
                marked->setFont(bold);
                marked->setForeground(ChartTheme::named(QStringLiteral("light")).bad);
                marked->setToolTip(QObject::tr("New: absent in each of the three periods before"));
            }
        }
        model->appendRow(row);
    }
}

} // namespace

void InsightsPage::setChart(const QString &name, const InsightsChart &chart)
{
    ChartPreview *preview = m_charts.at(name);
    if (!chart.data) {
        preview->setMessage(chart.error.isEmpty() ? tr("No data for this chart.") : chart.error);
        return;
    }
    preview->setChart(std::make_unique<ChartScene>(chart.spec, *chart.data, ChartTheme::named(chart.spec.theme),
                                                   QSize(1280, 720)));
}

void InsightsPage::showDrivers()
{
    const rca::DriversResult &r = m_data->drivers;
    m_drivers->clear();
    m_drivers->setHorizontalHeaderLabels({tr("Criterion"), tr("CSAT % passed"), tr("CSAT % failed"), tr("Difference (pts)"),
                                          tr("95% interval"), tr("Failure rate %"), tr("Adjusted effect (pts)"),
                                          tr("Potential gain (pts)"), tr("Failed n"), tr("Passed n"), tr("Association")});
    for (const rca::Driver &d : r.drivers) {
        const QString interval = d.ciLow && d.ciHigh ? QStringLiteral("[%1, %2]").arg(*d.ciLow, 0, 'f', 1).arg(*d.ciHigh, 0, 'f', 1)
                                                     : QString();
        QString association;
        if (!d.ranked)
            association = tr("too few answers");
        else if (d.ciLow && *d.ciLow > 0)
            association = tr("passing goes with higher CSAT");
        else if (d.ciHigh && *d.ciHigh < 0)
            association = tr("passing goes with lower CSAT");
        else
            association = tr("no clear association");
        QStandardItem *criterion = cell(m_data->criterionNames.value(d.criterion, d.criterion));
        criterion->setToolTip(d.criterion); // the key, as pivots and filters name it
        m_drivers->appendRow({criterion, cell(d.csatPassed), cell(d.csatFailed), cell(d.difference), cell(interval),
                              cell(d.failureRate), cell(d.adjustedEffect), cell(d.potentialGain, 2), cell(d.failed),
                              cell(d.passed), cell(association)});
    }
    m_driversNote->setText(tr("%L1 audits joined to their ticket's CSAT response; left out: %L2 CSAT-triggered, %L3 not "
                              "official or not counted, %L4 without a response. %5")
                               .arg(r.joinedAudits)
                               .arg(r.excludedCsatTriggered)
                               .arg(r.excludedNotCounted)
                               .arg(r.excludedNoResponse)
                               .arg(r.note)
                           + (r.excludedByFilters > 0 ? tr(" %L1 audits outside the filters.").arg(r.excludedByFilters)
                                                      : QString())
                           + (r.error.isEmpty() ? QString() : QStringLiteral(" ") + r.error));
    setChart(QStringLiteral("quadrant"), m_data->quadrantChart);
}

void InsightsPage::showParetos()
{
    const InsightsData &d = *m_data;
    fillPareto(m_reasons, d.reasons);
    fillPareto(m_rootCauses, d.rootCauses);
    m_crossTab->clear();
    if (d.crossTab) {
        QStringList header{tr("Reason \\ root cause")};
        header << d.crossTab->columns;
        m_crossTab->setHorizontalHeaderLabels(header);
        for (std::size_t r = 0; r < d.crossTab->counts.size(); ++r) {
            QList<QStandardItem *> row{cell(d.crossTab->rows.value(int(r)))};
            for (qint64 n : d.crossTab->counts[r])
                row << cell(n);
            m_crossTab->appendRow(row);
        }
    }
    QString note = tr("Period %1; new = absent in each of the three periods before.").arg(d.current);
    if (!d.paretoError.isEmpty())
        note += QLatin1Char(' ') + d.paretoError;
    m_paretoNote->setText(note);
    setChart(QStringLiteral("reasons"), d.reasonsChart);
    setChart(QStringLiteral("rootCauses"), d.rootCausesChart);
}

void InsightsPage::showThemes()
{
    const rca::ThemesResult &r = m_data->themes;
    m_themes->clear();
    // Customers' comments lean to dissatisfied or satisfied responses, auditors' to failed or passed answers.
    const bool auditors = m_data->themesOfAuditors;
    m_themes->setHorizontalHeaderLabels({tr("Theme"), tr("Leans to"), tr("z"),
                                         auditors ? tr("Comments on failed answers") : tr("Dissatisfied comments"),
                                         auditors ? tr("Comments on passed answers") : tr("Satisfied comments")});
    const QString focus = auditors ? tr("failed answers") : tr("dissatisfied");
    const QString reference = auditors ? tr("passed answers") : tr("satisfied");
    for (const rca::Theme &t : r.themes)
        m_themes->appendRow({cell(t.term), cell(t.z >= 0 ? focus : reference), cell(t.z, 2), cell(t.focusDocs),
                             cell(t.referenceDocs)});
    m_themesNote->setText(m_data->themesError.isEmpty()
                              ? (auditors ? tr("Auditors' comments in the date range and filters: %L1 on failed answers, "
                                               "%L2 on passed ones. Themes are words and phrases that lean to one group; "
                                               "agents' names are masked.")
                                          : tr("Customers' comments in the date range and filters: %L1 dissatisfied, %L2 "
                                               "satisfied. Themes are words and phrases that lean to one group; agents' "
                                               "names are masked."))
                                    .arg(r.focusDocuments)
                                    .arg(r.referenceDocuments)
                              : m_data->themesError);
    m_examples->clear();
}

void InsightsPage::showExamples(int row)
{
    if (!m_data || row < 0 || row >= m_data->themes.themes.size()) {
        m_examples->clear();
        return;
    }
    const rca::Theme &t = m_data->themes.themes.at(row);
    QStringList parts;
    parts << tr("\"%1\": the most recent comments that contain it").arg(t.term);
    for (qint64 id : t.examples)
        parts << QStringLiteral("— ") + m_data->exampleTexts.value(id);
    m_examples->setPlainText(parts.join(QStringLiteral("\n\n")));
}

void InsightsPage::showControl()
{
    const InsightsData &d = *m_data;
    m_signals->clear();
    m_signals->setHorizontalHeaderLabels({tr("Chart"), tr("Where"), tr("Signal"), tr("Value"), tr("n")});
    if (const auto &data = d.controlChart.data) {
        const QList<stats::ControlSignal> list =
            data->pChart ? data->pChart->signals : data->xmr ? data->xmr->signals : QList<stats::ControlSignal>();
        for (const stats::ControlSignal &s : list) {
            const QString where = s.first == s.last ? data->categories.value(s.first)
                                                    : data->categories.value(s.first) + QStringLiteral(" – ")
                                                          + data->categories.value(s.last);
            std::optional<double> value;
            if (data->pChart && s.last < data->pChart->p.size())
                value = data->pChart->p.at(s.last) * 100;
            else if (data->xmr && s.last < data->xmr->x.size())
                value = data->xmr->x.at(s.last);
            const qint64 n = data->series.isEmpty() ? 0 : data->series.first().n.value(s.last);
            m_signals->appendRow({cell(data->pChart ? tr("p-chart") : tr("XmR")), cell(where),
                                  cell(stats::signalRuleName(s.rule) + (s.high ? tr(" (high)") : tr(" (low)"))), cell(value),
                                  cell(n)});
        }
    }
    if (const auto &data = d.funnelChart.data; data && data->funnel) {
        const stats::Funnel &f = *data->funnel;
        for (int i = 0; i < f.status.size(); ++i) {
            if (f.status.at(i) != stats::FunnelStatus::ToWatch && f.status.at(i) != stats::FunnelStatus::NeedsAttention)
                continue;
            const double value = data->series.isEmpty() ? NAN : data->series.first().values.value(i, NAN);
            m_signals->appendRow({cell(tr("funnel")), cell(data->displayCategories.value(i, data->categories.value(i))), cell(stats::funnelStatusName(f.status.at(i))),
                                  cell(value), cell(data->unitN.value(i))});
        }
    }
    setChart(QStringLiteral("control"), d.controlChart);
    setChart(QStringLiteral("funnel"), d.funnelChart);
}

} // namespace ql
