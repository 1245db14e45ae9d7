// SPDX-License-Identifier: GPL-3.0-or-later
#include "whatifdialog.h"

#include "chart/chartdata.h"
#include "chartexport.h"
#include "carrymapdialog.h"
#include "chartscene.h"
#include "charttheme.h"
#include "common/jobrunner.h"
#include "rescorecommand.h"
#include "scorecards/kpiformat.h"
#include "store/project.h"
#include "store/scorecardstore.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

namespace ql {

namespace {

// "disclosure → disclose; resolution: Partial → Some", sorted so the text does not depend on hashing.
QString mapText(const CarryMap &map)
{
    QStringList parts;
    for (auto it = map.keys.cbegin(); it != map.keys.cend(); ++it)
        parts << QStringLiteral("%1 → %2").arg(it.key(), it.value());
    for (auto it = map.labels.cbegin(); it != map.labels.cend(); ++it)
        for (auto l = it->cbegin(); l != it->cend(); ++l)
            parts << QStringLiteral("%1: %2 → %3").arg(it.key(), l.key(), l.value());
    parts.sort();
    return parts.join(QStringLiteral("; "));
}

QString sliceText(const KpiSlice &slice)
{
    switch (slice.kind) {
    case KpiSlice::Kind::All:
        return QObject::tr("all agents");
    case KpiSlice::Kind::Agent:
        return QObject::tr("agent %1").arg(slice.id);
    case KpiSlice::Kind::Team:
        return QObject::tr("team %1").arg(slice.id);
    case KpiSlice::Kind::Site:
        return QObject::tr("site %1").arg(slice.id);
    case KpiSlice::Kind::Queue:
        return QObject::tr("queue %1").arg(slice.id);
    }
    return {};
}

QString resultText(const AuditScore &s)
{
    if (!s.score)
        return QObject::tr("no score");
    if (s.incomplete)
        return QObject::tr("incomplete");
    if (s.criticalFail)
        return QObject::tr("critical fail");
    return s.passed ? QObject::tr("pass") : QObject::tr("fail");
}

// One audit's score as a table shows it: truncated to one decimal (scoring.md: a failing score is
// never shown at or above the threshold).
QString scoreText(const std::optional<double> &score)
{
    if (!score)
        return QStringLiteral("—");
    return QLocale().toString(std::trunc(*score * 10.0) / 10.0, 'f', 1);
}

QStandardItem *item(const QString &text, const QVariant &sort = {})
{
    auto *i = new QStandardItem(text);
    i->setEditable(false);
    if (sort.isValid())
        i->setData(sort, Qt::UserRole);
    return i;
}

} // namespace

WhatIfDialog::WhatIfDialog(Project *project, QUndoStack *stack, const QString &scorecard, QWidget *parent)
    : QDialog(parent), m_project(project), m_stack(stack), m_runner(new JobRunner(this)), m_scorecard(scorecard)
{
    setWindowTitle(tr("What-if: Re-score Audits"));
    setObjectName(QStringLiteral("whatIfDialog"));
    m_runner->setProject(project);

    m_source = new QComboBox;
    m_source->setAccessibleName(tr("Scorecard whose audits are re-scored"));
    m_target = new QComboBox;
    m_target->setAccessibleName(tr("Version to re-score them under"));
    m_from = new QDateEdit;
    m_to = new QDateEdit;
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_from->setAccessibleName(tr("Period from"));
    m_to->setAccessibleName(tr("Period to"));
    m_scope = new QComboBox;
    m_scope->setAccessibleName(tr("Whose audits"));
    auto *period = new QHBoxLayout;
    period->addWidget(m_from);
    period->addWidget(new QLabel(tr("to")));
    period->addWidget(m_to);
    period->addSpacing(12);
    period->addWidget(m_scope, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("&Audits of:"), m_source);
    form->addRow(tr("Re-scored &under:"), m_target);
    auto *periodLabel = new QLabel(tr("&Period:"));
    periodLabel->setBuddy(m_from);
    form->addRow(periodLabel, period);

    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_kpiModel = new QStandardItemModel(this);
    m_kpis = new QTableView;
    m_kpis->setModel(m_kpiModel);
    m_kpis->verticalHeader()->hide();
    m_kpis->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_kpis->setAccessibleName(tr("KPIs as stored and under the other version"));
    m_kpis->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_chart = new QLabel;
    m_chart->setAlignment(Qt::AlignCenter);
    m_chart->setMinimumSize(320, 160);
    m_chart->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_chart->setAccessibleName(tr("Histogram of audit scores as stored and under the other version"));
    m_auditModel = new QStandardItemModel(this);
    m_auditModel->setSortRole(Qt::UserRole);
    m_audits = new QTableView;
    m_audits->setModel(m_auditModel);
    m_audits->setSortingEnabled(true);
    m_audits->verticalHeader()->hide();
    m_audits->horizontalHeader()->setStretchLastSection(true);
    m_audits->setAccessibleName(tr("Audits whose result changes"));

    auto *top = new QSplitter(Qt::Horizontal);
    top->addWidget(m_kpis);
    top->addWidget(m_chart);
    top->setStretchFactor(0, 2);
    top->setStretchFactor(1, 3);
    auto *body = new QSplitter(Qt::Vertical);
    body->addWidget(top);
    body->addWidget(m_audits);
    body->setStretchFactor(0, 3);
    body->setStretchFactor(1, 2);

    m_blocker = new QLabel;
    m_blocker->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_apply = buttons->addButton(tr("&Apply…"), QDialogButtonBox::ActionRole);
    m_apply->setEnabled(false);
    m_apply->setToolTip(tr("Move these audits to the version and store their new scores (undoable)"));
    m_mapButton = buttons->addButton(tr("&Map Answers…"), QDialogButtonBox::ActionRole);
    m_mapButton->setEnabled(false);
    m_mapButton->setToolTip(tr("Choose the criteria and labels that answers the version cannot take go to"));
    connect(m_mapButton, &QPushButton::clicked, this, &WhatIfDialog::openMap);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(body, 1);
    layout->addWidget(m_blocker);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, &WhatIfDialog::apply);
    connect(m_source, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        m_scorecard = m_source->currentData().toString();
        m_map = {};
        fillTargets();
        run();
    });
    connect(m_target, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        m_map = {};
        run();
    });
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            run();
    });
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (!m_filling)
                run();
        });

    const QDate today = QDate::currentDate();
    m_filling = true;
    m_from->setDate(QDate(today.year(), today.month(), 1));
    m_to->setDate(today);
    m_filling = false;
    fillSources();
    fillTargets();
    resize(1100, 720);
}

WhatIfDialog::~WhatIfDialog()
{
    m_runner->cancelAll();
    m_runner->waitForAll();
}

void WhatIfDialog::fillSources()
{
    m_filling = true;
    m_source->clear();
    QStringList names;
    if (m_project)
        for (const ScorecardVersionInfo &v : ScorecardStore(m_project->database()).versions())
            if (!names.contains(v.name))
                names << v.name;
    for (const QString &name : names)
        m_source->addItem(name, name);
    int at = m_source->findData(m_scorecard);
    if (at < 0 && !names.isEmpty()) {
        at = 0;
        m_scorecard = names.first();
    }
    m_source->setCurrentIndex(at);
    m_filling = false;
}

void WhatIfDialog::fillTargets()
{
    m_filling = true;
    const QVariant wanted = m_target->currentData();
    m_target->clear();
    if (m_draft)
        m_target->addItem(tr("Draft from the editor (%1, unsaved)").arg(m_draft->name), qint64(0));
    if (m_project) {
        const QList<ScorecardVersionInfo> versions = ScorecardStore(m_project->database()).versions(m_scorecard);
        for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
            const QString to = it->validTo.isValid() ? it->validTo.toString(Qt::ISODate) : tr("now");
            m_target->addItem(tr("Version %1 (%2 to %3)").arg(it->version).arg(it->validFrom.toString(Qt::ISODate), to),
                              it->id);
        }
    }
    const int at = wanted.isValid() ? m_target->findData(wanted) : -1;
    m_target->setCurrentIndex(at >= 0 ? at : 0);
    m_filling = false;
}

void WhatIfDialog::setDraft(const Scorecard &draft)
{
    m_draft = draft;
    fillTargets();
    m_target->setCurrentIndex(0);
}

void WhatIfDialog::setScope(const KpiSlice &slice, const KpiPeriod &period)
{
    m_slice = slice;
    m_filling = true;
    m_scope->clear();
    if (slice.kind != KpiSlice::Kind::All)
        m_scope->addItem(tr("Audits of %1").arg(sliceText(slice)), 0);
    m_scope->addItem(tr("Audits of all agents"), 1);
    m_scope->setToolTip(tr("Official audits of the sample types the project counts"));
    if (period.isValid()) {
        m_from->setDate(period.from);
        m_to->setDate(period.to);
    }
    m_filling = false;
    run();
}

bool WhatIfDialog::selectTarget(qint64 id)
{
    const int at = m_target->findData(id);
    if (at < 0)
        return false;
    if (at == m_target->currentIndex())
        run();
    else
        m_target->setCurrentIndex(at);
    return true;
}

bool WhatIfDialog::isRunning() const
{
    return m_runner->isRunning(QStringLiteral("whatif"));
}

void WhatIfDialog::run()
{
    m_apply->setEnabled(false);
    if (!m_project || m_target->count() == 0) {
        showResult(std::nullopt, tr("No scorecard to re-score: create one with New scorecard…"));
        return;
    }
    const qint64 targetId = m_target->currentData().toLongLong();
    std::optional<Scorecard> target = m_draft;
    if (targetId > 0) {
        QString error;
        const auto stored = ScorecardStore(m_project->database()).load(targetId, &error);
        if (!stored) {
            showResult(std::nullopt, error);
            return;
        }
        target = stored->card;
    }
    const KpiSlice slice = m_scope->currentData().toInt() == 1 ? KpiSlice{} : m_slice;
    const KpiPeriod period = KpiPeriod::custom(m_from->date(), m_to->date());
    const QString scorecard = m_scorecard;
    const Scorecard card = *target;
    const CarryMap map = m_map;
    m_targetCard = card;
    m_mapButton->setEnabled(false);
    m_summary->setText(tr("Re-scoring…"));
    struct Outcome
    {
        std::optional<WhatIfResult> result;
        QString error;
    };
    m_runner->start<Outcome>(
        QStringLiteral("whatif"), tr("Re-scoring audits (what-if)"),
        [slice, period, scorecard, card, targetId, map](JobContext &context) {
            Outcome o;
            o.result = WhatIfRescore(context.database()).run(slice, period, scorecard, card, targetId, &o.error, map);
            return o;
        },
        [this](Outcome &&o) { showResult(std::move(o.result), o.error); });
}

void WhatIfDialog::showResult(std::optional<WhatIfResult> &&result, const QString &error)
{
    m_result = std::move(result);
    m_kpiModel->clear();
    m_auditModel->clear();
    m_image = QImage();
    m_chart->clear();
    if (!m_result) {
        m_summary->setText(QStringLiteral("⚠ ") + error);
        m_blocker->clear();
        m_apply->setEnabled(false);
        Q_EMIT computed();
        return;
    }
    const WhatIfResult &r = *m_result;
    const int n = int(r.audits.size());
    if (n == 0)
        m_summary->setText(tr("No official audits of %1 in %2 to %3: pick another period.")
                               .arg(r.scorecard, r.period.from.toString(Qt::ISODate), r.period.to.toString(Qt::ISODate)));
    else
        m_summary->setText(tr("%1 of %2 audits (%3 to %4), stored under %5, change their result when re-scored "
                              "under %6. Nothing is stored until you apply it.")
                               .arg(r.changed)
                               .arg(n)
                               .arg(r.period.from.toString(Qt::ISODate), r.period.to.toString(Qt::ISODate),
                                    r.before.scorecardVersions.join(QStringLiteral(", ")), r.targetLabel));
    showKpis(r);
    showAudits(r);
    drawHistogram(r);
    const bool writable = !m_project->isReadOnly() && m_stack;
    m_apply->setEnabled(r.canApply() && writable);
    m_mapButton->setEnabled(!r.uncarriedDetails.isEmpty() || !r.map.isEmpty());
    m_blocker->setText(!writable ? tr("The project is open read-only: nothing can be applied.")
                       : r.canApply()
                           ? tr("Apply moves %1 audits to %2 and stores their new scores; Edit → Undo takes it back.")
                                     .arg(r.applyAfter.size())
                                     .arg(r.targetLabel) +
                                 (r.map.isEmpty() ? QString() : QLatin1Char(' ') + tr("Answers mapped: %1.").arg(mapText(r.map)))
                           : r.applyBlocker);
    Q_EMIT computed();
}

void WhatIfDialog::showKpis(const WhatIfResult &r)
{
    // Short headers (the table is narrow); the versions are in the header tooltips and the summary.
    m_kpiModel->setHorizontalHeaderLabels({tr("KPI"), tr("As stored"), tr("Re-scored"), tr("Change")});
    m_kpiModel->horizontalHeaderItem(1)->setToolTip(r.before.scorecardVersions.join(QStringLiteral(", ")));
    m_kpiModel->horizontalHeaderItem(2)->setToolTip(r.targetLabel);
    auto level = [](const KpiValue &k) {
        QString text = KpiFormat::level(k.value);
        if (k.value && k.ciLow && k.ciHigh)
            text += QStringLiteral("  (%1)").arg(KpiFormat::range(k));
        return text;
    };
    auto row = [&](const QString &name, const KpiValue &a, const KpiValue &b, bool count) {
        std::optional<double> change;
        if (a.value && b.value)
            change = *b.value - *a.value;
        const QString changeText = !change ? QStringLiteral("—")
                                   : count ? QLocale().toString(qint64(std::llround(*change)))
                                           : tr("%1 pts").arg(KpiFormat::points(change));
        m_kpiModel->appendRow({item(name), item(count ? KpiFormat::count(a.value.value_or(0)) : level(a)),
                               item(count ? KpiFormat::count(b.value.value_or(0)) : level(b)), item(changeText)});
    };
    row(tr("Audits counted"), r.before.audits, r.after.audits, true);
    row(tr("QA score"), r.before.qaScore, r.after.qaScore, false);
    row(tr("Raw score"), r.before.rawScore, r.after.rawScore, false);
    row(tr("Pass rate"), r.before.passRate, r.after.passRate, false);
    row(tr("Critical error rate"), r.before.criticalRate, r.after.criticalRate, false);
    row(tr("Critical: customer"), r.before.criticalCustomer, r.after.criticalCustomer, false);
    row(tr("Critical: business"), r.before.criticalBusiness, r.after.criticalBusiness, false);
    row(tr("Critical: compliance"), r.before.criticalCompliance, r.after.criticalCompliance, false);
    m_kpis->resizeRowsToContents();
}

void WhatIfDialog::showAudits(const WhatIfResult &r)
{
    m_auditModel->setHorizontalHeaderLabels({tr("Audit"), tr("Date"), tr("Agent"), tr("Stored"), tr("Re-scored"),
                                             tr("Change"), tr("Result"), tr("Answers not carried")});
    for (const WhatIfAudit &a : r.audits) {
        if (!a.changed() && a.uncarried.isEmpty())
            continue;
        std::optional<double> change;
        if (a.before.score && a.after.score)
            change = *a.after.score - *a.before.score;
        const QString result = resultText(a.before) == resultText(a.after)
                                   ? resultText(a.after)
                                   : QStringLiteral("%1 → %2").arg(resultText(a.before), resultText(a.after));
        m_auditModel->appendRow({item(a.key, a.key), item(a.date.toString(Qt::ISODate), a.date),
                                 item(a.agentName, a.agentName),
                                 item(scoreText(a.before.score), a.before.score.value_or(-1)),
                                 item(scoreText(a.after.score), a.after.score.value_or(-1)),
                                 item(change ? KpiFormat::points(change) : QStringLiteral("—"), change.value_or(0)),
                                 item(result, result), item(a.uncarried.join(QStringLiteral(", ")), a.uncarried.size())});
    }
    m_audits->sortByColumn(1, Qt::AscendingOrder);
    m_audits->resizeColumnsToContents();
}

void WhatIfDialog::drawHistogram(const WhatIfResult &r)
{
    if (r.audits.isEmpty())
        return;
    constexpr int Bins = 10;
    const QList<int> before = WhatIfRescore::histogram(r.audits, false, Bins);
    const QList<int> after = WhatIfRescore::histogram(r.audits, true, Bins);
    ChartSpec spec;
    spec.type = ChartType::Bar;
    spec.title = tr("Audit scores: as stored and under %1").arg(r.targetLabel);
    spec.subtitle = tr("%1 to %2, %3").arg(r.period.from.toString(Qt::ISODate), r.period.to.toString(Qt::ISODate),
                                          sliceText(r.before.slice));
    ChartData data;
    data.type = ChartType::Bar;
    data.source = PivotSource::Audits;
    data.rowDimension = tr("score");
    ChartSeries stored{tr("As stored"), {}, {}, {}, {}, {}};
    ChartSeries target{tr("Under %1").arg(r.targetLabel), {}, {}, {}, {}, {}};
    for (int b = 0; b < Bins; ++b) {
        const int lo = b * 100 / Bins;
        const int hi = (b + 1) * 100 / Bins;
        data.categories << (b + 1 < Bins ? QStringLiteral("%1–<%2").arg(lo).arg(hi) : QStringLiteral("%1–%2").arg(lo).arg(hi));
        stored.values << before.at(b);
        stored.n << before.at(b);
        target.values << after.at(b);
        target.n << after.at(b);
    }
    data.displayCategories = data.categories;
    data.series = {stored, target};
    const ChartMeasureInfo count = chartMeasureInfo(QStringLiteral("count"), PivotSource::Audits);
    data.measures = {count};
    data.facts = r.audits.size();
    data.firstDate = r.period.from;
    data.lastDate = r.period.to;
    data.periodDate = tr("review date");
    data.notes << tr("Counted audits only (scored and complete); bins of 10 points, 100 in the last");
    const ChartScene chart(spec, data, ChartTheme::named(QStringLiteral("light")), QSize(1600, 800));
    m_image = ChartExport::image(chart, 1);
    updatePixmap();
}

void WhatIfDialog::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    updatePixmap();
}

void WhatIfDialog::updatePixmap()
{
    if (m_image.isNull())
        return;
    m_chart->setPixmap(QPixmap::fromImage(
        m_image.scaled(m_chart->size() * devicePixelRatioF(), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

bool WhatIfDialog::apply()
{
    if (!m_result || !m_result->canApply() || !m_project || !m_stack)
        return false;
    const WhatIfResult r = *m_result;
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Apply the What-if"),
        tr("Move %1 audits of %2 to %3 to %4 and store their new scores?\nThey stay on it until Edit → Undo. "
           "Reason (for the change log):")
            .arg(r.applyAfter.size())
            .arg(r.period.from.toString(Qt::ISODate), r.period.to.toString(Qt::ISODate), r.targetLabel),
        QLineEdit::Normal,
        r.map.isEmpty() ? tr("Re-scored under %1").arg(r.targetLabel)
                        : tr("Re-scored under %1, answers mapped: %2").arg(r.targetLabel, mapText(r.map)),
        &ok);
    if (!ok)
        return false;
    QString error;
    auto command = RescoreCommand::create(m_project->database(), r, reason, &error, m_notify);
    if (!command) {
        m_blocker->setText(QStringLiteral("⚠ ") + error);
        return false;
    }
    m_stack->push(command.release());
    Q_EMIT applied();
    run();
    return true;
}

CarryMapDialog *WhatIfDialog::openMap()
{
    if (!m_result || !m_targetCard)
        return nullptr;
    auto *dialog = new CarryMapDialog(*m_result, *m_targetCard, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_map = dialog->map();
        run();
    });
    dialog->open();
    return dialog;
}

} // namespace ql
