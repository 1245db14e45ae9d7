// SPDX-License-Identifier: GPL-3.0-or-later
// CalibrationPage, continued: the Trends tab (calibration.md "Trends, drift and graders"): each
// participant across the closed sessions with drift flagged (slope test or SPC rules), and each
// criterion's α over time with the headline α pooled over the rolling window. Computed off the UI
// thread (every closed session's metrics, with bootstraps).
#include "calibrationpage.h"

#include "calibration/calibrationtrends.h"
#include "common/jobrunner.h"
#include "scorecards/scorecardtablemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace ql {

using Model = ScorecardTableModel;

namespace {

QString signedPoints(std::optional<double> v)
{
    if (!v)
        return QStringLiteral("–");
    const QString s = QString::number(std::abs(*v), 'f', 2);
    return s == QLatin1String("0.00") ? s : (*v > 0 ? QStringLiteral("+") : QStringLiteral("−")) + s;
}

QString alphaText(const stats::AgreementResult &a)
{
    if (!a.value)
        return a.undefined ? CalibrationPage::tr("undefined (no variation)") : QStringLiteral("–");
    QString s = QString::number(*a.value, 'f', 3);
    if (a.ciLow && a.ciHigh)
        s += QStringLiteral(" [%1, %2]").arg(*a.ciLow, 0, 'f', 3).arg(*a.ciHigh, 0, 'f', 3);
    return s;
}

struct TrendFigures
{
    QList<CalibrationParticipantTrend> people;
    QList<CalibrationCriterionTrend> criteria;
    int sessions = 0;
    QString error;
};

} // namespace

QWidget *CalibrationPage::buildTrendsTab()
{
    auto *tab = new QWidget(this);
    m_trendsNote = new QLabel(tab);
    m_trendsNote->setObjectName(QStringLiteral("calibrationTrendsNote"));
    m_trendsNote->setWordWrap(true);
    m_trendPeople = new Model(this);
    m_trendPeople->setHeaders({tr("Participant"), tr("Sessions"), tr("Latest alignment"), tr("Latest deviation"),
                               tr("Slope (pts/session)"), tr("Drift")});
    m_trendCriteria = new Model(this);
    m_trendCriteria->setHeaders({tr("Criterion"), tr("Pooled α [95% CI]"), tr("Interpretation"),
                                 tr("Sessions pooled"), tr("Flagged in"), tr("α by session (oldest first)")});
    auto *people = new QTableView(tab);
    people->setObjectName(QStringLiteral("calibrationTrendParticipants"));
    auto *criteria = new QTableView(tab);
    criteria->setObjectName(QStringLiteral("calibrationTrendCriteria"));
    people->setModel(m_trendPeople);
    criteria->setModel(m_trendCriteria);
    for (QTableView *v : {people, criteria}) {
        v->verticalHeader()->hide();
        v->setEditTriggers(QAbstractItemView::NoEditTriggers);
        v->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        v->horizontalHeader()->setStretchLastSection(true);
    }
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_trendsNote);
    layout->addWidget(people, 1);
    layout->addWidget(criteria, 1);
    return tab;
}

void CalibrationPage::startTrends()
{
    m_trendPeople->setRows({});
    m_trendCriteria->setRows({});
    if (!m_project) {
        m_tabs->setTabVisible(m_tabs->indexOf(m_trendsTab), false);
        return;
    }
    m_trendsNote->setText(tr("Computing the trends of the closed sessions…"));
    m_runner->start<TrendFigures>(
        QStringLiteral("trends"), tr("Calibration trends"),
        [](JobContext &context) {
            TrendFigures f;
            CalibrationError e;
            const QSqlDatabase db = context.database();
            const auto closed = closedCalibrationSessions(db, &e);
            const auto criteria = closed ? calibrationCriterionTrends(db, &e) : std::nullopt;
            if (!closed || !criteria) {
                f.error = e.message;
                return f;
            }
            f.sessions = int(closed->size());
            f.people = calibrationParticipantTrends(*closed);
            f.criteria = *criteria;
            return f;
        },
        [this](TrendFigures &&f) {
            m_tabs->setTabVisible(m_tabs->indexOf(m_trendsTab), f.sessions > 0 || !f.error.isEmpty());
            if (!f.error.isEmpty()) {
                m_trendsNote->setText(f.error);
                Q_EMIT trendsUpdated();
                return;
            }
            m_trendsNote->setText(
                tr("%n closed session(s). Drift: the slope of signed deviation over sessions (p < 0.05, from 4 "
                   "sessions) or an SPC signal (analysis.md) on an XmR chart that reaches the latest session; + "
                   "lenient, − severe. α pooled over the closed sessions of the rolling window.",
                   nullptr, f.sessions));
            QList<Model::Row> people;
            for (const CalibrationParticipantTrend &t : f.people) {
                const CalibrationTrendPoint &last = t.points.last();
                const std::optional<double> alignment =
                    last.alignment ? std::optional<double>(*last.alignment * 100) : std::nullopt;
                Model::Row row;
                row.id = t.name;
                row.cells = {Model::text(t.name), Model::number(QString::number(t.points.size()), int(t.points.size())),
                             Model::number(alignment ? QStringLiteral("%1%").arg(*alignment, 0, 'f', 1)
                                                     : QStringLiteral("–"),
                                           alignment ? QVariant(*alignment) : QVariant()),
                             Model::number(signedPoints(last.signedDeviation),
                                           last.signedDeviation ? QVariant(*last.signedDeviation) : QVariant()),
                             Model::number(signedPoints(t.slope), t.slope ? QVariant(*t.slope) : QVariant()),
                             Model::text(t.drift ? tr("⚠ drifting %1 (%2)")
                                                       .arg(t.direction, t.driftRules.join(QStringLiteral(", ")))
                                                 : tr("steady"))};
                people << row;
            }
            QList<Model::Row> criteria;
            for (const CalibrationCriterionTrend &t : f.criteria) {
                QStringList bySession;
                for (const CalibrationCriterionPoint &p : t.points)
                    bySession << tr("%1: %2 (n %3)")
                                     .arg(p.date.toString(QStringLiteral("MMM yyyy")),
                                          p.alpha.value ? QString::number(*p.alpha.value, 'f', 2) : QStringLiteral("–"))
                                     .arg(p.alpha.units);
                Model::Row row;
                row.id = t.scorecard + QLatin1Char('/') + t.key;
                row.cells = {Model::text(tr("%1 (%2)").arg(t.name, t.scorecard)),
                             Model::number(alphaText(t.pooledAlpha),
                                           t.pooledAlpha.value ? QVariant(*t.pooledAlpha.value) : QVariant()),
                             Model::text(t.pooledAlpha.interpretation.isEmpty() ? t.pooledAlpha.noteText()
                                                                                : t.pooledAlpha.interpretation),
                             Model::number(tr("%1 (%2 to %3)")
                                               .arg(t.pooledSessions)
                                               .arg(t.windowFrom.toString(Qt::ISODate), t.windowTo.toString(Qt::ISODate)),
                                           t.pooledSessions),
                             Model::number(tr("%1 of %2").arg(t.flaggedSessions).arg(t.points.size()), t.flaggedSessions),
                             Model::text(bySession.join(QStringLiteral(" · ")))};
                criteria << row;
            }
            m_trendPeople->setRows(people);
            m_trendCriteria->setRows(criteria);
            Q_EMIT trendsUpdated();
        });
}

} // namespace ql
