// SPDX-License-Identifier: GPL-3.0-or-later
#include "disputesview.h"

#include "common/userinfo.h"
#include "disputecommands.h"
#include "scorecardtablemodel.h"
#include "scoring/storedexplanation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace ql {

namespace {

using Model = ScorecardTableModel;

QString shortest(double v)
{
    return QLocale().toString(v, 'g', 6);
}

QString stateText(Dispute::State s)
{
    switch (s) {
    case Dispute::State::Open:
        return DisputesView::tr("open");
    case Dispute::State::Accepted:
        return DisputesView::tr("accepted");
    case Dispute::State::PartiallyAccepted:
        return DisputesView::tr("partially accepted");
    case Dispute::State::Rejected:
        return DisputesView::tr("rejected");
    }
    return {};
}

Model::Cell hoursCell(const std::optional<double> &h)
{
    return Model::number(h ? QLocale().toString(*h, 'f', 1) : QStringLiteral("—"), h ? QVariant(*h) : QVariant());
}

QTableView *table(const QString &name, const QString &accessible, Model *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setAccessibleName(accessible);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

// The values a criterion can take, as the correction dialog offers them.
void fillValues(QComboBox *box, const Criterion &criterion)
{
    switch (criterion.scale.kind) {
    case ScaleKind::Binary:
        box->addItem(DisputesView::tr("Pass (1)"), 1.0);
        box->addItem(DisputesView::tr("Fail (0)"), 0.0);
        break;
    case ScaleKind::Range:
        for (int v = int(criterion.scale.max); v >= int(criterion.scale.min); --v)
            box->addItem(QString::number(v), double(v));
        break;
    case ScaleKind::Options:
        for (const auto &[label, points] : criterion.scale.options)
            box->addItem(QStringLiteral("%1 (%2)").arg(label, shortest(points)), points);
        break;
    }
    if (criterion.allowNa)
        box->addItem(DisputesView::tr("N/A"), QVariant());
}

QList<Model::Row> outcomeRows(const QList<DisputeOutcome> &list)
{
    QList<Model::Row> rows;
    for (const DisputeOutcome &o : list) {
        Model::Row row;
        row.id = o.key;
        const qint64 decided = o.accepted + o.partiallyAccepted + o.rejected;
        const std::optional<double> upheld =
            decided > 0 ? std::optional<double>(100.0 * double(o.rejected) / double(decided)) : std::nullopt;
        row.cells = {Model::text(o.name == o.key || o.name.isEmpty() ? o.key : QStringLiteral("%1 (%2)").arg(o.name, o.key)),
                     Model::number(QLocale().toString(o.open + decided), o.open + decided),
                     Model::number(QLocale().toString(o.open), o.open),
                     Model::number(QLocale().toString(o.accepted), o.accepted),
                     Model::number(QLocale().toString(o.partiallyAccepted), o.partiallyAccepted),
                     Model::number(QLocale().toString(o.rejected), o.rejected),
                     Model::number(upheld ? QLocale().toString(*upheld, 'f', 1) + QLatin1Char('%') : QStringLiteral("—"),
                                   upheld ? QVariant(*upheld) : QVariant()),
                     hoursCell(o.meanHoursToResolve),
                     hoursCell(o.medianHoursToResolve)};
        rows << row;
    }
    return rows;
}

} // namespace

DisputesView::DisputesView(QWidget *parent)
    : QWidget(parent)
    , m_disputes(new Model(this))
    , m_byAuditor(new Model(this))
    , m_byCriterion(new Model(this))
    , m_view(nullptr)
    , m_resolve(new QPushButton(tr("Resolve…"), this))
    , m_summary(new QLabel(this))
    , m_allOpen(new QCheckBox(tr("&All open disputes"), this))
{
    setObjectName(QStringLiteral("disputesView"));
    m_disputes->setHeaders({tr("Opened"), tr("Audit"), tr("Audit date"), tr("Agent"), tr("Auditor"), tr("Opened by"),
                            tr("Criteria"), tr("Comment"), tr("State"), tr("Decided by"), tr("Reason"),
                            tr("Hours to resolve")});
    const QStringList outcome{tr("Disputes"), tr("Open"), tr("Accepted"), tr("Partially"), tr("Rejected"),
                              tr("Upheld"), tr("Mean hours"), tr("Median hours")};
    m_byAuditor->setHeaders(QStringList{tr("Auditor")} + outcome);
    m_byCriterion->setHeaders(QStringList{tr("Criterion")} + outcome);
    m_view = table(QStringLiteral("disputesTable"), tr("Disputes of the period's audits"), m_disputes, this);
    auto *auditors = table(QStringLiteral("disputeAuditorsTable"), tr("Dispute outcomes per auditor"), m_byAuditor, this);
    auto *criteria = table(QStringLiteral("disputeCriteriaTable"), tr("Dispute outcomes per criterion"), m_byCriterion,
                           this);
    m_resolve->setObjectName(QStringLiteral("resolveDisputeButton"));
    m_resolve->setToolTip(tr("Accept, partially accept with new values, or reject the selected dispute, with a reason "
                             "(Edit → Undo takes it back)"));
    m_summary->setObjectName(QStringLiteral("disputesSummary"));
    m_summary->setWordWrap(true);

    m_allOpen->setObjectName(QStringLiteral("allOpenDisputes"));
    m_allOpen->setToolTip(tr("Show the project's open disputes, on audits of any agent and period, instead of the "
                             "disputes of this scorecard's period"));
    connect(m_allOpen, &QCheckBox::toggled, this, &DisputesView::scopeChanged);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_allOpen);
    bar->addWidget(m_resolve);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(bar);
    topLayout->addWidget(m_view, 1);
    auto *bottom = new QWidget(this);
    auto *grid = new QGridLayout(bottom);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(new QLabel(tr("Outcomes per auditor"), bottom), 0, 0);
    grid->addWidget(new QLabel(tr("Outcomes per criterion disputed"), bottom), 0, 1);
    grid->addWidget(auditors, 1, 0);
    grid->addWidget(criteria, 1, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    connect(m_resolve, &QPushButton::clicked, this, &DisputesView::openResolveDialog);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DisputesView::updateButtons);
    updateButtons();
}

void DisputesView::setDatabase(const QSqlDatabase &db, bool writable)
{
    m_db = db;
    m_writable = writable;
    updateButtons();
}

void DisputesView::clear()
{
    setDisputes({}, {}, {});
}

bool DisputesView::showsAllOpen() const
{
    return m_allOpen->isChecked();
}

void DisputesView::setShowsAllOpen(bool all)
{
    m_allOpen->setChecked(all); // scopeChanged() when it changes
}

void DisputesView::setDisputes(const QList<DisputeRow> &rows, const QList<DisputeOutcome> &byAuditor,
                               const QList<DisputeOutcome> &byCriterion)
{
    const QVariant selected = m_view->currentIndex().isValid() ? m_view->currentIndex().data(Model::IdRole) : QVariant();
    m_rows = rows;
    QList<Model::Row> out;
    qint64 open = 0;
    for (const DisputeRow &r : rows) {
        const Dispute &d = r.dispute;
        Model::Row row;
        row.id = d.id;
        row.agentKey = r.agentKey;
        row.agentName = r.agentName;
        open += d.state == Dispute::State::Open;
        row.cells = {Model::text(d.openedAt.left(16).replace(QLatin1Char('T'), QLatin1Char(' '))),
                     Model::text(r.auditKey),
                     Model::text(r.auditDate),
                     Model::text(r.agentName.isEmpty() ? r.agentKey : QStringLiteral("%1 (%2)").arg(r.agentName, r.agentKey)),
                     Model::text(r.auditor),
                     Model::text(QStringLiteral("%1 (%2)").arg(d.openedBy, d.openerRole == QLatin1String("agent")
                                                                               ? tr("agent")
                                                                               : tr("lead"))),
                     Model::text(d.criteria.join(QStringLiteral(", "))),
                     Model::text(d.comment),
                     Model::text(stateText(d.state)),
                     Model::text(d.decidedBy),
                     Model::text(d.decisionComment),
                     hoursCell(r.hoursToResolve)};
        out << row;
    }
    m_disputes->setRows(out);
    m_byAuditor->setRows(outcomeRows(byAuditor));
    m_byCriterion->setRows(outcomeRows(byCriterion));
    m_view->resizeColumnsToContents();
    const QLocale locale;
    if (m_allOpen->isChecked())
        m_summary->setText(rows.isEmpty() ? tr("No open disputes in the project.")
                           : rows.size() == 1
                               ? tr("1 open dispute in the project, on an audit of any period.")
                               : tr("%1 open disputes in the project, on audits of any period.")
                                     .arg(locale.toString(qint64(rows.size()))));
    else if (rows.isEmpty())
        m_summary->setText(tr("No disputes on this period's audits. Open one from an audit's form (Audits tab, "
                              "“Dispute…”)."));
    else
        m_summary->setText(rows.size() == 1 ? tr("1 dispute on this period's audits, %1 open.").arg(locale.toString(open))
                                            : tr("%1 disputes on this period's audits, %2 open.")
                                                  .arg(locale.toString(qint64(rows.size())), locale.toString(open)));
    for (int i = 0; i < m_disputes->rowCount(); ++i)
        if (selected.isValid() && m_disputes->index(i, 0).data(Model::IdRole) == selected)
            m_view->selectRow(i);
    updateButtons();
}

void DisputesView::updateButtons()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    bool open = false;
    if (!rows.isEmpty() && rows.first().row() < m_rows.size())
        open = m_rows.at(rows.first().row()).dispute.state == Dispute::State::Open;
    m_resolve->setEnabled(m_writable && m_stack && open);
}

std::function<void(qint64)> DisputesView::notifier()
{
    QPointer<DisputesView> self(this);
    return [self](qint64 auditId) {
        if (self)
            Q_EMIT self->changed(auditId);
    };
}

bool DisputesView::openDispute(qint64 auditId, const QString &openedBy, const QString &role, const QString &comment,
                               const QStringList &criteria, QString *error)
{
    if (!m_stack || !m_writable) {
        *error = tr("the project is not open for writing");
        return false;
    }
    auto command = OpenDisputeCommand::create(m_db, auditId, openedBy, role, comment, criteria, error, notifier());
    if (!command)
        return false;
    m_stack->push(command.release());
    return true;
}

bool DisputesView::decide(qint64 disputeId, Dispute::State decision, const QString &decidedBy, const QString &reason,
                          const QList<DisputeCorrection> &corrections, QString *error)
{
    if (!m_stack || !m_writable) {
        *error = tr("the project is not open for writing");
        return false;
    }
    auto command = DecideDisputeCommand::create(m_db, disputeId, decision, decidedBy, reason, corrections, error,
                                                notifier());
    if (!command)
        return false;
    m_stack->push(command.release());
    return true;
}

void DisputesView::openDisputeDialog(qint64 auditId)
{
    QString error;
    const auto shown = explainStoredAudit(m_db, auditId, &error);
    if (!shown) {
        QMessageBox::warning(this, tr("Cannot open a dispute"), error);
        return;
    }
    const Scorecard &card = shown->scorecard.card;
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("openDisputeDialog"));
    dialog.setWindowTitle(tr("Dispute audit %1").arg(shown->audit.key));
    auto *role = new QComboBox(&dialog);
    role->addItem(tr("Agent"), QStringLiteral("agent"));
    role->addItem(tr("Team lead"), QStringLiteral("lead"));
    auto *by = new QLineEdit(UserInfo::currentUser(), &dialog);
    auto *comment = new QLineEdit(&dialog);
    comment->setPlaceholderText(tr("What is disputed, and why"));
    auto *criteria = new QListWidget(&dialog);
    criteria->setAccessibleName(tr("Criteria disputed"));
    for (int i = 0; i < card.criterionCount(); ++i) {
        const Criterion &c = card.criterionAt(i);
        auto *item = new QListWidgetItem(c.name.isEmpty() ? c.key : c.name, criteria);
        item->setData(Qt::UserRole, c.key);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto check = [=] {
        bool any = false;
        for (int i = 0; i < criteria->count(); ++i)
            any = any || criteria->item(i)->checkState() == Qt::Checked;
        buttons->button(QDialogButtonBox::Ok)->setEnabled(any && !by->text().trimmed().isEmpty());
    };
    connect(criteria, &QListWidget::itemChanged, &dialog, check);
    connect(by, &QLineEdit::textChanged, &dialog, check);
    check();
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Opened &by:"), by);
    form->addRow(tr("&As:"), role);
    form->addRow(tr("C&omment:"), comment);
    form->addRow(tr("&Criteria disputed:"), criteria);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QStringList keys;
    for (int i = 0; i < criteria->count(); ++i)
        if (criteria->item(i)->checkState() == Qt::Checked)
            keys << criteria->item(i)->data(Qt::UserRole).toString();
    if (!openDispute(auditId, by->text().trimmed(), role->currentData().toString(), comment->text(), keys, &error))
        QMessageBox::warning(this, tr("Cannot open the dispute"), error);
}

void DisputesView::openResolveDialog()
{
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    if (selected.isEmpty() || selected.first().row() >= m_rows.size())
        return;
    const Dispute d = m_rows.at(selected.first().row()).dispute;
    QString error;
    const auto shown = explainStoredAudit(m_db, d.auditId, &error);
    if (!shown) {
        QMessageBox::warning(this, tr("Cannot resolve the dispute"), error);
        return;
    }
    const Scorecard &card = shown->scorecard.card;
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("resolveDisputeDialog"));
    dialog.setWindowTitle(tr("Resolve the dispute on audit %1").arg(shown->audit.key));
    auto *decision = new QComboBox(&dialog);
    decision->addItem(tr("Accept: the answers change"), int(Dispute::State::Accepted));
    decision->addItem(tr("Partially accept: some answers change"), int(Dispute::State::PartiallyAccepted));
    decision->addItem(tr("Reject: the audit stands"), int(Dispute::State::Rejected));
    auto *by = new QLineEdit(UserInfo::currentUser(), &dialog);
    auto *reason = new QLineEdit(&dialog);
    reason->setPlaceholderText(tr("Why (kept with the dispute and in the change log)"));
    auto *form = new QFormLayout(&dialog);
    form->addRow(new QLabel(tr("Opened by %1: %2").arg(d.openedBy, d.comment.toHtmlEscaped()), &dialog));
    form->addRow(tr("&Decision:"), decision);
    struct Change
    {
        QString key;
        QCheckBox *change;
        QComboBox *value;
        QString comment; // the auditor's comment stays with the corrected answer
    };
    QList<Change> changes;
    for (const QString &key : d.criteria) {
        const int index = card.indexOfKey(key);
        if (index < 0)
            continue;
        const Criterion &c = card.criterionAt(index);
        auto *box = new QCheckBox(tr("Change %1 to").arg(c.name.isEmpty() ? key : c.name), &dialog);
        auto *value = new QComboBox(&dialog);
        fillValues(value, c);
        const StoredAnswer *stored = shown->audit.answerAt(index);
        if (stored && stored->value && !stored->na)
            value->setCurrentIndex(std::max(0, value->findData(*stored->value)));
        else if (stored && stored->na)
            value->setCurrentIndex(value->count() - 1);
        box->setChecked(true);
        form->addRow(box, value);
        changes << Change{key, box, value, stored ? stored->comment : QString()};
    }
    form->addRow(tr("Decided &by:"), by);
    form->addRow(tr("&Reason:"), reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    auto update = [=] {
        const bool reject = decision->currentData().toInt() == int(Dispute::State::Rejected);
        for (const Change &c : changes) {
            c.change->setEnabled(!reject);
            c.value->setEnabled(!reject && c.change->isChecked());
        }
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!reason->text().trimmed().isEmpty() &&
                                                          !by->text().trimmed().isEmpty());
    };
    connect(decision, &QComboBox::currentIndexChanged, &dialog, update);
    connect(reason, &QLineEdit::textChanged, &dialog, update);
    connect(by, &QLineEdit::textChanged, &dialog, update);
    for (const Change &c : changes)
        connect(c.change, &QCheckBox::toggled, &dialog, update);
    update();
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto state = Dispute::State(decision->currentData().toInt());
    QList<DisputeCorrection> corrections;
    if (state != Dispute::State::Rejected) {
        for (const Change &c : changes) {
            if (!c.change->isChecked())
                continue;
            const QVariant v = c.value->currentData();
            corrections << DisputeCorrection{c.key, v.isValid() ? AnswerState::rated(v.toDouble(), c.comment)
                                                                : AnswerState::notApplicable(c.comment)};
        }
    }
    if (!decide(d.id, state, by->text().trimmed(), reason->text().trimmed(), corrections, &error))
        QMessageBox::warning(this, tr("Cannot resolve the dispute"), error);
}

} // namespace ql
