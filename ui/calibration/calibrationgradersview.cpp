// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationgradersview.h"

#include "scorecards/auditorview.h"
#include "scorecards/scorecardtablemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ql {

using Model = ScorecardTableModel;

CalibrationGradersView::CalibrationGradersView(QWidget *parent)
    : QWidget(parent), m_model(new Model(this)), m_view(new QTableView(this)), m_summary(new QLabel(this)),
      m_leniencyHeading(new QLabel(this)), m_leniencyModel(new Model(this)),
      m_auditors(new AuditorView(m_leniencyModel, this))
{
    setObjectName(QStringLiteral("calibrationGraders"));
    m_model->setHeaders({tr("Grader"), tr("Certification"), tr("Alignment, last items"), tr("Items counted"),
                         tr("Last calibrated"), tr("Days since")});
    m_view->setObjectName(QStringLiteral("calibrationCertification"));
    m_view->setAccessibleName(tr("Certification"));
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSortingEnabled(false);
    // Columns fit their contents; the last one is not stretched, or "Days since" spans the page.
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_summary->setObjectName(QStringLiteral("calibrationCertificationSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_leniencyHeading->setObjectName(QStringLiteral("calibrationLeniencyHeading"));
    m_leniencyHeading->setWordWrap(true);
    m_leniencyHeading->setTextFormat(Qt::PlainText);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_summary);
    topLayout->addWidget(m_view, 1);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_leniencyHeading);
    bottomLayout->addWidget(m_auditors, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
}

void CalibrationGradersView::showMessage(const QString &text)
{
    m_summary->setText(text);
    m_model->setRows({});
    m_auditors->clear();
    m_leniencyHeading->clear();
}

void CalibrationGradersView::setFigures(const CalibrationGraderFigures &f)
{
    const QLocale locale;
    const int wanted = f.rule.items;
    QStringList notYet;
    QStringList overdue;
    QList<Model::Row> rows;
    for (const GraderCertification &g : f.certification) {
        QString status;
        if (g.certified)
            status = tr("✓ certified");
        else if (g.itemsAvailable == 0)
            status = tr("not yet certified: never calibrated");
        else if (g.items < wanted)
            status = tr("not yet certified: %1 of %2 items").arg(g.items).arg(wanted);
        else
            status = tr("not yet certified: below %1%").arg(locale.toString(f.rule.alignmentPct, 'f', 0));
        if (!g.certified)
            notYet << g.name;
        if (g.overdue)
            overdue << g.name;
        const QString days = !g.daysSince ? tr("never")
                             : g.overdue  ? tr("⚠ %1").arg(locale.toString(*g.daysSince))
                                          : locale.toString(*g.daysSince);
        Model::Row row;
        row.id = g.name;
        row.cells = {Model::text(g.name), Model::text(status, !g.certified && g.itemsAvailable == 0),
                     Model::number(g.alignment ? QStringLiteral("%1%").arg(locale.toString(*g.alignment, 'f', 1))
                                               : QStringLiteral("—"),
                                   g.alignment ? QVariant(*g.alignment) : QVariant()),
                     Model::number(tr("%1 of %2").arg(g.items).arg(wanted), g.items),
                     Model::text(g.lastCalibrated.isValid() ? g.lastCalibrated.toString(Qt::ISODate) : tr("never")),
                     Model::number(days, g.daysSince ? QVariant(*g.daysSince) : QVariant(), false,
                                   g.overdue ? tr("Not calibrated in the last %1 days").arg(f.rule.overdueDays)
                                             : QString())};
        rows << row;
    }
    m_model->setRows(rows);
    m_view->resizeColumnsToContents();

    QString text = tr("Certified: alignment of at least %1% over the last %2 items of closed sessions (project "
                      "settings certification_alignment and certification_items; the newest sessions first). "
                      "Counted on %3.")
                       .arg(locale.toString(f.rule.alignmentPct, 'f', 0))
                       .arg(wanted)
                       .arg(f.asOf.toString(Qt::ISODate));
    if (f.certification.isEmpty())
        text += QLatin1Char(' ') + tr("No closed session and no auditor yet.");
    else
        text += QLatin1Char('\n') +
                (notYet.isEmpty() ? tr("Everyone is certified.")
                                  : tr("Not yet certified: %1.").arg(notYet.join(QStringLiteral(", ")))) +
                QLatin1Char(' ') +
                (overdue.isEmpty() ? tr("Everyone has calibrated in the last %1 days.").arg(f.rule.overdueDays)
                                   : tr("Not calibrated in the last %1 days: %2.")
                                         .arg(f.rule.overdueDays)
                                         .arg(overdue.join(QStringLiteral(", "))));
    m_summary->setText(text);

    if (!f.period.isValid()) {
        m_leniencyHeading->setText(tr("Leniency from ordinary audits: the project has no audits yet."));
        m_auditors->clear();
        return;
    }
    m_leniencyHeading->setText(tr("Leniency from ordinary audits, %1 to %2 (the last 12 months of audits, all "
                                  "queues and teams):")
                                   .arg(f.period.from.toString(Qt::ISODate), f.period.to.toString(Qt::ISODate)));
    m_auditors->setAuditors(f.auditors, f.leniency);
}

} // namespace ql
