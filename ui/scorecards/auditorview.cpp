// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditorview.h"

#include "kpiformat.h"
#include "scorecardtablemodel.h"

#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace ql {

namespace {

using Model = ScorecardTableModel;

Model::Cell levelCell(const KpiValue &k)
{
    return Model::number(KpiFormat::level(k.value), k.value ? QVariant(*k.value) : QVariant(), k.smallSample);
}

Model::Cell pointsCell(const std::optional<double> &v, bool muted = false)
{
    return Model::number(KpiFormat::points(v), v ? QVariant(*v) : QVariant(), muted);
}

QString pValue(const std::optional<double> &p)
{
    if (!p)
        return QStringLiteral("—");
    if (*p < 0.001)
        return QStringLiteral("< 0.001");
    return QLocale().toString(*p, 'f', 3);
}

} // namespace

AuditorView::AuditorView(ScorecardTableModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_view(new QTableView(this)), m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("auditorView"));
    m_view->setObjectName(QStringLiteral("auditorsTable"));
    m_view->setAccessibleName(tr("Auditors"));
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_note->setObjectName(QStringLiteral("leniencyNote"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::RichText);
    m_note->setText(
        tr("<small><b>Leniency</b>: the mean of (the auditor's raw score − the mean raw score the other auditors "
           "gave the same agent in the same month and queue), weighted by the auditor's audits, in points "
           "(+ lenient, − severe); 95% interval clustered by agent-month. An auditor is called lenient or severe "
           "only when the Holm-adjusted p (across the auditors tested) is below 0.05. Case mix can still bias it: "
           "for an unconfounded measure, have the expert re-score a small sample of each auditor's audits in a "
           "calibration session (Calibration page).</small>"));
    m_model->setHeaders({tr("Auditor"), tr("Audits given"), tr("All audits"), tr("Mean score given"), tr("95% CI"),
                         tr("Mean raw score given"), tr("Pass rate given"), tr("Leniency (pts)"), tr("95% CI (pts)"),
                         tr("Compared"), tr("Agent-months"), tr("p (Holm)"), tr("Verdict")});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_note);
}

void AuditorView::clear()
{
    m_model->setRows({});
}

void AuditorView::setAuditors(const QList<RankedMember> &auditors, const QList<AuditorLeniency> &leniency)
{
    QHash<QString, const AuditorLeniency *> byKey;
    for (const AuditorLeniency &l : leniency)
        byKey.insert(l.key, &l);
    QList<Model::Row> rows;
    for (const RankedMember &m : auditors) {
        Model::Row row;
        row.id = m.key;
        const AuditorLeniency *l = byKey.value(m.key);
        const AuditorLeniency none;
        const AuditorLeniency &len = l ? *l : none;
        QString range = len.note;
        if (len.ciLow && len.ciHigh && len.note.isEmpty())
            range = QStringLiteral("%1 to %2").arg(KpiFormat::points(len.ciLow), KpiFormat::points(len.ciHigh));
        else if (len.ciLow && len.ciHigh)
            range = QStringLiteral("%1 to %2 (%3)").arg(KpiFormat::points(len.ciLow), KpiFormat::points(len.ciHigh),
                                                        len.note);
        const bool untested = !len.pHolm;
        QString verdict = len.verdict == AuditorLeniency::Verdict::Lenient  ? tr("lenient")
                          : len.verdict == AuditorLeniency::Verdict::Severe ? tr("severe")
                          : untested                                        ? tr("not tested")
                                                                            : tr("no clear difference");
        Model::Cell verdictCell = Model::text(verdict, untested);
        Model::Cell pCell = Model::number(pValue(len.pHolm), len.pHolm ? QVariant(*len.pHolm) : QVariant(), untested,
                                          len.p ? tr("unadjusted p = %1").arg(pValue(len.p)) : QString());
        row.cells = {Model::text(m.name.isEmpty() ? m.key : QStringLiteral("%1 (%2)").arg(m.name, m.key)),
                     Model::number(QLocale().toString(m.qaScore.n), m.qaScore.n),
                     Model::number(QLocale().toString(m.auditsTotal), m.auditsTotal),
                     levelCell(m.qaScore),
                     Model::text(KpiFormat::range(m.qaScore), m.qaScore.smallSample),
                     levelCell(m.rawScore),
                     levelCell(m.passRate),
                     pointsCell(len.value, untested),
                     Model::text(range, untested),
                     Model::number(QLocale().toString(len.compared), len.compared, untested),
                     Model::number(QLocale().toString(len.clusters), len.clusters, untested),
                     pCell,
                     verdictCell};
        rows << row;
    }
    m_model->setRows(rows);
    m_view->resizeColumnsToContents();
}

} // namespace ql
