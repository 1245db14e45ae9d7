// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditformview.h"

#include "correctanswercommand.h"
#include "scorecardtablemodel.h"
#include "scoring/explanationjson.h"
#include "scoring/scorerounding.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QHBoxLayout>
#include <QPushButton>
#include <QTableView>
#include <QTextBrowser>
#include <QUndoStack>
#include <QVBoxLayout>

namespace ql {

namespace {

QString shortest(double v)
{
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

} // namespace

AuditFormView::AuditFormView(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_model(new ScorecardTableModel(this))
    , m_view(new QTableView(this))
    , m_explanation(new QTextBrowser(this))
    , m_correct(new QPushButton(tr("Correct answer…"), this))
    , m_dispute(new QPushButton(tr("Dispute…"), this))
{
    m_heading->setWordWrap(false);
    m_heading->setMinimumHeight(m_heading->fontMetrics().lineSpacing() * 3 + 4); // heading, result, comment
    m_heading->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_heading->setTextFormat(Qt::RichText);
    m_view->setObjectName(QStringLiteral("auditAnswers"));
    m_view->setAccessibleName(tr("Answers of the audit"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_explanation->setObjectName(QStringLiteral("auditExplanation"));
    m_explanation->setAccessibleName(tr("Explanation of the score"));
    m_explanation->setMaximumHeight(90);
    m_correct->setObjectName(QStringLiteral("correctAnswer"));
    m_correct->setToolTip(tr("Correct the selected answer, with a reason (Edit → Undo takes it back)"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_explanation);
    m_dispute->setObjectName(QStringLiteral("disputeAudit"));
    m_dispute->setToolTip(tr("Open a dispute on this audit, by the agent or a lead, naming the criteria disputed "
                             "(the Disputes tab resolves it)"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_correct);
    buttons->addWidget(m_dispute);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_model->setHeaders({tr("Criterion"), tr("Answer"), tr("c"), tr("Points"), tr("Lost"), tr("Critical"),
                         tr("Comment"), tr("Root causes")});
    connect(m_correct, &QPushButton::clicked, this, &AuditFormView::openCorrectionDialog);
    connect(m_dispute, &QPushButton::clicked, this, [this] {
        if (m_shown)
            Q_EMIT disputeRequested(m_auditId);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AuditFormView::updateButtons);
    showAudit(-1);
}

void AuditFormView::setDatabase(const QSqlDatabase &db, bool writable)
{
    m_db = db;
    m_writable = writable;
    showAudit(-1);
}

QString AuditFormView::headingText() const
{
    return m_heading->text();
}

QString AuditFormView::explanationText() const
{
    return m_explanation->toPlainText();
}

void AuditFormView::showAudit(qint64 auditId)
{
    m_auditId = auditId;
    m_shown.reset();
    if (auditId >= 0 && m_db.isValid()) {
        QString error;
        m_shown = explainStoredAudit(m_db, auditId, &error);
        if (!m_shown)
            m_heading->setText(tr("This audit cannot be shown: %1").arg(error.toHtmlEscaped()));
    }
    if (!m_shown) {
        if (auditId < 0)
            m_heading->setText(tr("Select an audit to see its answers and how its score was computed."));
        m_model->setRows({});
        m_explanation->clear();
        updateButtons();
        return;
    }
    const StoredAudit &a = m_shown->audit;
    const AuditExplanation &ex = m_shown->explanation;
    const Scorecard &card = m_shown->scorecard.card;
    const QString score = ex.result.score ? formatAuditScoreForDisplay(*ex.result.score, ex.threshold) : tr("no score");
    QString heading = tr("<b>Audit %1</b> · %2 · %3 (%4) · ticket %5 · auditor %6 · %7 v%8<br>"
                         "Score <b>%9</b> (raw %10) · <b>%11</b>")
                          .arg(a.key.toHtmlEscaped(), QLocale().toString(a.date, QLocale::ShortFormat),
                               a.agentName.toHtmlEscaped(), a.agentKey.toHtmlEscaped(),
                               a.ticketId.isEmpty() ? tr("none") : a.ticketId.toHtmlEscaped(),
                               (a.auditorName.isEmpty() ? a.auditorKey : a.auditorName).toHtmlEscaped(),
                               card.name.toHtmlEscaped())
                          .arg(card.version)
                          .arg(score, ex.result.rawScore ? formatScoreForDisplay(*ex.result.rawScore) : tr("none"),
                               ex.result.passed ? tr("PASSED") : tr("FAILED"));
    if (a.localChanges)
        heading += tr(" · corrected in QualityLens");
    if (!a.comment.isEmpty())
        heading += QStringLiteral("<br><i>%1</i>").arg(a.comment.toHtmlEscaped());
    m_heading->setText(heading);

    QList<ScorecardTableModel::Row> rows;
    for (int i = 0; i < ex.criteria.size(); ++i) {
        const AuditExplanation::CriterionPart &c = ex.criteria.at(i);
        const StoredAnswer *stored = a.answerAt(i);
        QString answer;
        if (c.value)
            answer = c.label.isEmpty() ? shortest(*c.value) : QStringLiteral("%1 (%2)").arg(c.label, shortest(*c.value));
        else
            answer = c.na ? tr("N/A") : tr("missing");
        QString critical = criticalFamilyName(c.critical);
        if (c.criticalFailed)
            critical += tr(" — FAILED");
        const bool rated = c.c.has_value();
        ScorecardTableModel::Row row;
        row.id = c.key;
        row.cells = {ScorecardTableModel::text(c.name.isEmpty() ? c.key : c.name, !rated),
                     ScorecardTableModel::text(answer, !rated),
                     ScorecardTableModel::number(rated ? QString::number(*c.c, 'f', 2) : QStringLiteral("—"),
                                                 rated ? QVariant(*c.c) : QVariant(), !rated),
                     ScorecardTableModel::number(rated ? QString::number(c.points, 'f', 1) : QStringLiteral("—"),
                                                 c.points, !rated),
                     ScorecardTableModel::number(rated ? QString::number(c.pointsLost, 'f', 1) : QStringLiteral("—"),
                                                 c.pointsLost, !rated),
                     ScorecardTableModel::text(critical),
                     ScorecardTableModel::text(stored ? stored->comment : QString()),
                     ScorecardTableModel::text(stored ? stored->rootCauses.join(QStringLiteral(", ")) : QString())};
        rows << row;
    }
    m_model->setRows(rows);
    m_view->resizeColumnsToContents();
    QString explanation = ExplanationJson::decisionSentence(ex);
    QStringList sections;
    for (const auto &s : ex.sections)
        sections << tr("%1 %2 (share %3%)")
                        .arg(s.name, s.score ? formatScoreForDisplay(*s.score) : tr("dropped out"),
                             formatScoreForDisplay(100 * s.effectiveWeight));
    explanation += QLatin1Char('\n') + tr("Sections: %1. Points of the rated criteria add up to the raw score.")
                                           .arg(sections.join(QStringLiteral("; ")));
    if (!m_shown->matchesStored())
        explanation += QLatin1Char('\n') + tr("The stored score differs from the answers re-scored.");
    m_explanation->setPlainText(explanation);
    updateButtons();
}

void AuditFormView::updateButtons()
{
    const bool selected = m_view->selectionModel() && m_view->selectionModel()->hasSelection();
    m_correct->setEnabled(m_shown && m_writable && m_stack && selected);
    m_dispute->setEnabled(m_shown && m_writable && m_stack);
    if (!m_writable && m_shown)
        m_correct->setToolTip(tr("The project is open read-only"));
}

bool AuditFormView::correct(const QString &criterionKey, const AnswerState &state, const QString &reason,
                            QString *error)
{
    if (!m_stack || !m_writable || m_auditId < 0) {
        if (error)
            *error = tr("the project is not open for writing");
        return false;
    }
    QPointer<AuditFormView> self(this);
    auto command = CorrectAnswerCommand::create(m_db, m_auditId, criterionKey, state, reason, error,
                                                [self](qint64 id) {
                                                    if (!self)
                                                        return;
                                                    if (self->m_auditId == id)
                                                        self->showAudit(id);
                                                    Q_EMIT self->auditChanged(id);
                                                });
    if (!command)
        return false;
    m_stack->push(command.release());
    return true;
}

void AuditFormView::openCorrectionDialog()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (!m_shown || rows.isEmpty())
        return;
    const QString key = m_model->row(rows.first().row()).id.toString();
    const Scorecard &card = m_shown->scorecard.card;
    const int index = card.indexOfKey(key);
    const Criterion &criterion = card.criterionAt(index);
    const StoredAnswer *stored = m_shown->audit.answerAt(index);

    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("correctionDialog"));
    dialog.setWindowTitle(tr("Correct %1").arg(criterion.name.isEmpty() ? key : criterion.name));
    auto *value = new QComboBox(&dialog);
    value->setObjectName(QStringLiteral("correctionValue"));
    switch (criterion.scale.kind) {
    case ScaleKind::Binary:
        value->addItem(tr("Pass (1)"), 1.0);
        value->addItem(tr("Fail (0)"), 0.0);
        break;
    case ScaleKind::Range:
        for (int v = criterion.scale.max; v >= criterion.scale.min; --v)
            value->addItem(QString::number(v), double(v));
        break;
    case ScaleKind::Options:
        for (const auto &[label, points] : criterion.scale.options)
            value->addItem(QStringLiteral("%1 (%2)").arg(label, shortest(points)), points);
        break;
    }
    if (criterion.allowNa)
        value->addItem(tr("N/A"), QVariant());
    if (stored && stored->value && !stored->na)
        value->setCurrentIndex(std::max(0, value->findData(*stored->value)));
    else if (stored && stored->na)
        value->setCurrentIndex(value->count() - 1);
    auto *comment = new QLineEdit(stored ? stored->comment : QString(), &dialog);
    comment->setObjectName(QStringLiteral("correctionComment"));
    auto *reason = new QLineEdit(&dialog);
    reason->setObjectName(QStringLiteral("correctionReason"));
    reason->setPlaceholderText(tr("Why (written to the change log)"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(reason, &QLineEdit::textChanged, &dialog,
            [buttons](const QString &text) { buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("&Answer:"), value);
    form->addRow(tr("C&omment:"), comment);
    form->addRow(tr("&Reason:"), reason);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QVariant chosen = value->currentData();
    const AnswerState state = chosen.isValid() ? AnswerState::rated(chosen.toDouble(), comment->text())
                                               : AnswerState::notApplicable(comment->text());
    QString error;
    if (!correct(key, state, reason->text(), &error))
        QMessageBox::warning(this, tr("Cannot correct the answer"), error);
}

} // namespace ql
