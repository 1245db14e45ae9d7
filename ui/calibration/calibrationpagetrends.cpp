// SPDX-License-Identifier: GPL-3.0-or-later
// CalibrationPage, continued: the Trends tab (calibration.md "Trends, drift and graders"): each
// participant across the closed sessions with drift flagged (slope test or SPC rules), and each
// criterion's α over time with the headline α pooled over the rolling window; and the Graders tab
// (certification from the same closed sessions, leniency from ordinary audits). Computed off the UI
// thread in one job (every closed session's metrics, with bootstraps, are read once for both).
#include "calibrationpage.h"

#include "calibration/calibrationcertification.h"
#include "calibration/calibrationtrends.h"
#include "calibrationgradersview.h"
#include "scorecard/kpiengine.h"
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
    CalibrationGraderFigures graders;
    QString error;
};

} // namespace

QWidget *CalibrationPage::buildGradersTab()
{
    m_graders = new CalibrationGradersView(this);
    return m_graders;
}

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
        m_runner->abandon(QStringLiteral("trends"));
        m_tabs->setTabVisible(m_tabs->indexOf(m_trendsTab), false);
        m_tabs->setTabVisible(m_tabs->indexOf(m_gradersTab), false);
        return;
    }
    m_trendsNote->setText(tr("Computing the trends of the closed sessions…"));
    m_graders->showMessage(tr("Computing certification and leniency…"));
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
            // The graders: leniency over the last 12 months of ordinary audits (every queue and
            // team), and certification of everyone who calibrated or audited.
            CalibrationGraderFigures &g = f.graders;
            g.rule = calibrationCertificationRule(db);
            g.asOf = QDate::currentDate();
            const KpiEngine engine(db);
            const QDate latest = engine.queries().latestDate();
            QStringList auditors;
            if (latest.isValid() && !context.isCanceled()) {
                g.period = KpiPeriod::custom(QDate(latest.year(), latest.month(), 1).addMonths(-11), latest);
                const KpiSlice all;
                g.auditors = engine.auditors(all, g.period);
                g.leniency = engine.leniency(all, g.period);
                for (const RankedMember &m : std::as_const(g.auditors))
                    auditors << (m.name.isEmpty() ? m.key : m.name);
            }
            g.certification = calibrationCertification(*closed, g.rule, g.asOf, auditors);
            return f;
        },
        [this](TrendFigures &&f) {
            m_tabs->setTabVisible(m_tabs->indexOf(m_trendsTab), f.sessions > 0 || !f.error.isEmpty());
            m_tabs->setTabVisible(m_tabs->indexOf(m_gradersTab), !f.graders.certification.isEmpty() ||
                                                                     f.graders.period.isValid() || !f.error.isEmpty());
            if (!f.error.isEmpty()) {
                m_trendsNote->setText(f.error);
                m_graders->showMessage(f.error);
                Q_EMIT trendsUpdated();
                return;
            }
            m_trendsNote->setText(
                (f.sessions == 1 ? tr("1 closed session.") : tr("%1 closed sessions.").arg(f.sessions)) +
                QLatin1Char(' ') +
                tr("Drift: the slope of signed deviation over sessions (p < 0.05, from 4 sessions) or an SPC signal "
                   "(analysis.md) on an XmR chart that reaches the latest session; + lenient, − severe. α pooled over "
                   "the closed sessions of the rolling window."));
            m_graders->setFigures(f.graders);
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
