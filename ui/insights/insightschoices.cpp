// SPDX-License-Identifier: GPL-3.0-or-later
// The Insights page's Failed criteria tab, the control charts' baseline chooser and the comment
// themes' language filter (insightspage.cpp places them).
#include "insightspage.h"

#include "charts/chartpreview.h"
#include "insightsitems.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace ql {

using insights::countItem;
using insights::numberItem;
using insights::textItem;

namespace {

// Refills a period box with "default" and the periods, keeping the choice when it is still there.
void fillPeriods(QComboBox *box, const QString &defaultText, const QStringList &periods)
{
    const QString chosen = box->currentData().toString();
    box->clear();
    box->addItem(defaultText, QString());
    for (const QString &p : periods)
        box->addItem(p, p);
    box->setCurrentIndex(std::max(0, box->findData(chosen)));
}

} // namespace

QWidget *InsightsPage::buildFailedTab()
{
    auto *w = new QWidget;
    auto *v = new QVBoxLayout(w);
    m_failedNote = new QLabel;
    m_failedNote->setObjectName(QStringLiteral("failedNote"));
    m_failedNote->setWordWrap(true);
    v->addWidget(m_failedNote);
    auto *charts = new QSplitter;
    charts->addWidget(chartBox(QStringLiteral("failedCriteria")));
    charts->addWidget(chartBox(QStringLiteral("pointsLost")));
    m_failed = new QStandardItemModel(this);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(charts);
    split->addWidget(tableBox(newTable(QStringLiteral("failedTable"), m_failed), tr("Failed criteria")));
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    v->addWidget(split, 1);
    return w;
}

void InsightsPage::showFailed()
{
    const InsightsData &d = *m_data;
    m_failed->clear();
    m_failed->setHorizontalHeaderLabels({tr("Criterion"), tr("Failed answers"), tr("Share of failures %"),
                                         tr("Points lost"), tr("Share of points lost %"), tr("Rated answers"),
                                         tr("Failure rate %")});
    if (d.pointsLost) {
        const rca::PointsLost &p = *d.pointsLost;
        // By points lost, the larger loss first; ties by failures, then key.
        QList<rca::CriterionLoss> rows = p.criteria;
        std::stable_sort(rows.begin(), rows.end(), [](const rca::CriterionLoss &a, const rca::CriterionLoss &b) {
            if (a.pointsLost != b.pointsLost)
                return a.pointsLost > b.pointsLost;
            if (a.failed != b.failed)
                return a.failed > b.failed;
            return a.criterion < b.criterion;
        });
        for (const rca::CriterionLoss &l : std::as_const(rows)) {
            QStandardItem *criterion = textItem(m_data->criterionNames.value(l.criterion, l.criterion));
            criterion->setToolTip(l.criterion); // the key, as pivots and filters name it
            m_failed->appendRow({criterion, countItem(l.failed),
                                 numberItem(p.failed > 0 ? 100.0 * double(l.failed) / double(p.failed) : NAN, 1),
                                 numberItem(l.pointsLost, 1),
                                 numberItem(p.total > 0 ? 100.0 * l.pointsLost / p.total : NAN, 1), countItem(l.rated),
                                 numberItem(l.rated > 0 ? 100.0 * double(l.failed) / double(l.rated) : NAN, 1)});
        }
        m_failedNote->setText(
            tr("Period %1: %L2 audits, %L3 failed answers, %L4 points lost. A criterion that fails often is not "
               "always the one that costs the most: points lost weigh each answer by its share of the score "
               "(100 × effective weight × (1 − c)).")
                .arg(p.period)
                .arg(p.audits)
                .arg(p.failed)
                .arg(p.total, 0, 'f', 1));
    } else {
        m_failedNote->setText(d.pointsLostError);
    }
    setChart(QStringLiteral("failedCriteria"), d.failedChart);
    setChart(QStringLiteral("pointsLost"), d.pointsLostChart);
}

void InsightsPage::addBaselineChooser(QHBoxLayout *row)
{
    m_baselineFrom = new QComboBox;
    m_baselineFrom->setObjectName(QStringLiteral("baselineFrom"));
    m_baselineFrom->setAccessibleName(tr("Baseline from"));
    m_baselineFrom->addItem(tr("first period"), QString());
    m_baselineTo = new QComboBox;
    m_baselineTo->setObjectName(QStringLiteral("baselineTo"));
    m_baselineTo->setAccessibleName(tr("Baseline to"));
    m_baselineTo->addItem(tr("all but the latest"), QString());
    const QString help = tr("The periods whose points set the control limits. By default every period shown except "
                            "the latest: the period being judged does not set its own limits.");
    m_baselineFrom->setToolTip(help);
    m_baselineTo->setToolTip(help);
    m_keepBaseline = new QCheckBox(tr("Keep across scorecard versions"));
    m_keepBaseline->setObjectName(QStringLiteral("keepBaseline"));
    m_keepBaseline->setToolTip(tr("By default the limits restart where a new scorecard version begins; checked, one "
                                  "baseline spans the change."));
    auto *label = new QLabel(tr("&Baseline:"));
    label->setBuddy(m_baselineFrom);
    row->addSpacing(12);
    row->addWidget(label);
    row->addWidget(m_baselineFrom);
    row->addWidget(new QLabel(tr("to")));
    row->addWidget(m_baselineTo);
    row->addWidget(m_keepBaseline);
    for (QComboBox *c : {m_baselineFrom, m_baselineTo})
        connect(c, &QComboBox::currentIndexChanged, this, &InsightsPage::schedule);
    connect(m_keepBaseline, &QCheckBox::toggled, this, &InsightsPage::schedule);
    // Another period (week or month) has other labels: back to the default window.
    connect(m_controlPeriod, &QComboBox::currentIndexChanged, this, [this] {
        m_filling = true;
        m_baselineFrom->setCurrentIndex(0);
        m_baselineTo->setCurrentIndex(0);
        m_filling = false;
    });
}

void InsightsPage::fillBaselineChooser()
{
    const auto &data = m_data->controlChart.data;
    if (!data)
        return; // keep the choices that led here (the chart says what is wrong with them)
    m_filling = true;
    fillPeriods(m_baselineFrom, tr("first period"), data->categories);
    fillPeriods(m_baselineTo, tr("all but the latest"), data->categories);
    m_filling = false;
}

void InsightsPage::addLanguageFilter(QHBoxLayout *row)
{
    m_themeLanguage = new QComboBox;
    m_themeLanguage->setObjectName(QStringLiteral("themeLanguage"));
    m_themeLanguage->setAccessibleName(tr("Language"));
    m_themeLanguage->addItem(tr("All languages"), QString());
    m_themeLanguage->setVisible(false); // only when the data has a language dimension
    row->addWidget(m_themeLanguage);
    connect(m_themeLanguage, &QComboBox::currentIndexChanged, this, &InsightsPage::schedule);
    m_languageNote = new QLabel;
    m_languageNote->setObjectName(QStringLiteral("languageNote"));
    m_languageNote->setWordWrap(true);
}

void InsightsPage::fillLanguageFilter()
{
    const InsightsData &d = *m_data;
    m_filling = true;
    fillPeriods(m_themeLanguage, tr("All languages"), d.languages);
    m_filling = false;
    m_themeLanguage->setVisible(!d.languages.isEmpty());
    if (!d.themesError.isEmpty()) {
        m_languageNote->clear();
        return;
    }
    qint64 others = 0;
    QStringList parts;
    for (auto it = d.otherLanguages.cbegin(); it != d.otherLanguages.cend(); ++it) {
        others += it.value();
        parts << QStringLiteral("%1 %L2").arg(it.key()).arg(it.value());
    }
    const QString how = d.languageDimension.isEmpty()
                            ? tr("Languages are recognised from the words of each comment.")
                            : tr("Languages come from the data's %1 column where it has a value, else from the words of "
                                 "each comment.")
                                  .arg(d.languageDimension);
    const QString list = parts.join(QStringLiteral(", "));
    if (others == 0)
        m_languageNote->setText(tr("No comment in another language than English. %1").arg(how));
    else if (others == 1)
        m_languageNote->setText(
            tr("Left out: 1 comment in another language (%1); only an English stop-word list is shipped. %2").arg(list, how));
    else
        m_languageNote->setText(tr("Left out: %L1 comments in other languages (%2); only an English stop-word list is "
                                   "shipped. %3")
                                    .arg(others)
                                    .arg(list, how));
}

} // namespace ql
