// SPDX-License-Identifier: GPL-3.0-or-later
#include "scorecardeditor.h"

#include "savescorecardcommand.h"
#include "scoring/scorecardjson.h"
#include "store/project.h"
#include "store/scorecardstore.h"
#include "whatifdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSqlQuery>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

namespace ql {

namespace {

constexpr int SectionRole = Qt::UserRole;
constexpr int CriterionRole = Qt::UserRole + 1;

// The status colour for "bad" (ui.md), with a symbol so colour is never alone.
const char *ProblemStyle = "color: #D55E00;";

Scorecard starterCard()
{
    Scorecard card;
    card.name = QObject::tr("New scorecard");
    Criterion c;
    c.key = QStringLiteral("criterion_1");
    c.name = QObject::tr("First criterion");
    card.sections = {Section{QObject::tr("Section 1"), std::nullopt, {c}}};
    return card;
}

} // namespace

ScorecardEditor::ScorecardEditor(Project *project, QUndoStack *stack, qint64 baseId, QWidget *parent)
    : QDialog(parent), m_project(project), m_stack(stack), m_baseId(baseId)
{
    setWindowTitle(baseId > 0 ? tr("Edit Scorecard") : tr("New Scorecard"));
    setObjectName(QStringLiteral("scorecardEditor"));
    buildUi();
    Scorecard card = starterCard();
    if (baseId > 0 && m_project) {
        QString error;
        const auto stored = ScorecardStore(m_project->database()).load(baseId, &error);
        if (stored) {
            card = stored->card;
            m_baseCard = card;
            QSqlQuery q(m_project->database());
            q.prepare(QStringLiteral("SELECT count(*) FROM audits WHERE scorecard_id = ?"));
            q.addBindValue(baseId);
            m_baseAudits = q.exec() && q.next() ? q.value(0).toLongLong() : 0;
        } else {
            m_baseId = 0;
            m_message->setText(QStringLiteral("⚠ ") + error);
        }
    }
    loadCard(card);
    resize(980, 640);
}

ScorecardEditor::~ScorecardEditor() = default;

void ScorecardEditor::setScope(const KpiSlice &slice, const KpiPeriod &period)
{
    m_slice = slice;
    m_period = period;
}

void ScorecardEditor::buildUi()
{
    m_name = new QLineEdit;
    m_name->setAccessibleName(tr("Scorecard name"));
    m_description = new QLineEdit;
    m_description->setAccessibleName(tr("Scorecard description"));
    m_threshold = new QDoubleSpinBox;
    m_threshold->setRange(0, 100);
    m_threshold->setDecimals(2);
    m_threshold->setAccessibleName(tr("Pass threshold"));
    m_policy = new QComboBox;
    m_policy->addItem(tr("Zero: a critical failure sets the audit score to 0"), int(CriticalPolicy::Zero));
    m_policy->addItem(tr("Flag: the score is kept, the audit is flagged"), int(CriticalPolicy::Flag));
    m_policy->setAccessibleName(tr("Critical policy"));
    m_sectionWeights = new QCheckBox(tr("Sections have weights (summing to 100)"));
    m_validFrom = new QDateEdit(QDate::currentDate());
    m_validFrom->setCalendarPopup(true);
    m_validFrom->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_validFrom->setAccessibleName(tr("New version in force from"));
    m_reason = new QLineEdit;
    m_reason->setPlaceholderText(tr("Why (for the change log)"));
    m_reason->setAccessibleName(tr("Reason for the change"));

    auto *header = new QFormLayout;
    header->addRow(tr("&Name:"), m_name);
    header->addRow(tr("&Description:"), m_description);
    auto *thresholdRow = new QHBoxLayout;
    thresholdRow->addWidget(m_threshold);
    thresholdRow->addSpacing(16);
    auto *policyLabel = new QLabel(tr("Critical &policy:"));
    policyLabel->setBuddy(m_policy);
    thresholdRow->addWidget(policyLabel);
    thresholdRow->addWidget(m_policy, 1);
    auto *thresholdLabel = new QLabel(tr("Pass &threshold:"));
    thresholdLabel->setBuddy(m_threshold);
    header->addRow(thresholdLabel, thresholdRow);
    header->addRow(QString(), m_sectionWeights);

    m_tree = new QTreeWidget;
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({tr("Section / criterion"), tr("Scale"), tr("Weight"), tr("Critical")});
    m_tree->setAccessibleName(tr("Sections and criteria"));
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_addSection = new QPushButton(tr("Add &Section"));
    m_addCriterion = new QPushButton(tr("Add C&riterion"));
    m_remove = new QPushButton(tr("Remo&ve"));
    m_up = new QPushButton(tr("Move &Up"));
    m_down = new QPushButton(tr("Move Do&wn"));
    auto *treeButtons = new QHBoxLayout;
    for (QPushButton *b : {m_addSection, m_addCriterion, m_remove, m_up, m_down})
        treeButtons->addWidget(b);
    treeButtons->addStretch(1);
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_tree, 1);
    leftLayout->addLayout(treeButtons);

    m_forms = new QStackedWidget;
    auto *hint = new QLabel(tr("Select a section or a criterion to edit it."));
    hint->setAlignment(Qt::AlignCenter);
    m_forms->addWidget(hint);
    m_forms->addWidget(buildSectionForm());
    m_forms->addWidget(buildCriterionForm());

    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(m_forms);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_versionLabel = new QLabel;
    m_versionLabel->setWordWrap(true);
    m_message = new QLabel;
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setAccessibleName(tr("Validation"));

    auto *saveRow = new QFormLayout;
    saveRow->addRow(tr("New version in &force from:"), m_validFrom);
    saveRow->addRow(tr("&Reason:"), m_reason);

    auto *buttons = new QDialogButtonBox;
    m_import = buttons->addButton(tr("&Import JSON…"), QDialogButtonBox::ActionRole);
    m_export = buttons->addButton(tr("&Export JSON…"), QDialogButtonBox::ActionRole);
    m_whatIf = buttons->addButton(tr("W&hat-if…"), QDialogButtonBox::ActionRole);
    m_save = buttons->addButton(QDialogButtonBox::Save);
    buttons->addButton(QDialogButtonBox::Close);
    m_whatIf->setToolTip(tr("Re-score a period's audits under this draft, without changing them"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_versionLabel);
    layout->addWidget(m_message);
    layout->addLayout(saveRow);
    layout->addWidget(buttons);

    for (QLineEdit *edit : {m_name, m_description})
        connect(edit, &QLineEdit::textEdited, this, &ScorecardEditor::headerEdited);
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this, &ScorecardEditor::headerEdited);
    connect(m_policy, &QComboBox::currentIndexChanged, this, &ScorecardEditor::headerEdited);
    connect(m_sectionWeights, &QCheckBox::toggled, this, &ScorecardEditor::headerEdited);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ScorecardEditor::showSelection);
    connect(m_addSection, &QPushButton::clicked, this, &ScorecardEditor::addSection);
    connect(m_addCriterion, &QPushButton::clicked, this, &ScorecardEditor::addCriterion);
    connect(m_remove, &QPushButton::clicked, this, &ScorecardEditor::removeSelected);
    connect(m_up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSelected(1); });
    connect(m_save, &QPushButton::clicked, this, &ScorecardEditor::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_whatIf, &QPushButton::clicked, this, &ScorecardEditor::openWhatIf);
    connect(m_import, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Import Scorecard"), QString(), tr("Scorecard JSON (*.json)"));
        if (!path.isEmpty())
            importFile(path);
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Scorecard"), m_card.name + QStringLiteral(".json"),
                                                          tr("Scorecard JSON (*.json)"));
        if (!path.isEmpty())
            exportFile(path);
    });
}

void ScorecardEditor::loadCard(const Scorecard &card)
{
    m_card = card;
    m_filling = true;
    m_name->setText(card.name);
    m_name->setReadOnly(m_baseId > 0);
    m_name->setToolTip(m_baseId > 0 ? tr("A stored scorecard keeps its name: audits and targets refer to it")
                                    : QString());
    m_description->setText(card.description);
    m_threshold->setValue(card.passThreshold);
    m_policy->setCurrentIndex(m_policy->findData(int(card.policy)));
    m_sectionWeights->setChecked(card.hasSectionWeights());
    QDate from = QDate::currentDate();
    if (m_baseId > 0 && m_baseCard.validFrom.isValid() && from <= m_baseCard.validFrom)
        from = m_baseCard.validFrom.addDays(1);
    m_validFrom->setDate(from);
    m_filling = false;
    rebuildTree(0, card.sections.isEmpty() || card.sections.first().criteria.isEmpty() ? -1 : 0);
    validate();
}

void ScorecardEditor::rebuildTree(int section, int criterion)
{
    m_filling = true;
    m_tree->clear();
    QTreeWidgetItem *select = nullptr;
    for (qsizetype s = 0; s < m_card.sections.size(); ++s) {
        const Section &sec = m_card.sections.at(s);
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(0, sec.name);
        item->setText(2, sec.weight ? QStringLiteral("%1 %").arg(QLocale().toString(*sec.weight, 'g', 6)) : QString());
        item->setData(0, SectionRole, int(s));
        item->setData(0, CriterionRole, -1);
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        if (s == section && criterion < 0)
            select = item;
        for (qsizetype c = 0; c < sec.criteria.size(); ++c) {
            const Criterion &cr = sec.criteria.at(c);
            auto *child = new QTreeWidgetItem(item);
            child->setText(0, QStringLiteral("%1 — %2").arg(cr.key, cr.name));
            child->setText(1, cr.scale.describe());
            child->setText(2, QLocale().toString(cr.weight, 'g', 6));
            child->setText(3, cr.isCritical() ? criticalFamilyName(cr.critical) : QString());
            child->setData(0, SectionRole, int(s));
            child->setData(0, CriterionRole, int(c));
            if (s == section && c == criterion)
                select = child;
        }
    }
    m_tree->expandAll();
    m_filling = false;
    if (select)
        m_tree->setCurrentItem(select);
    else
        showSelection();
}

std::pair<int, int> ScorecardEditor::selection() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item)
        return {-1, -1};
    return {item->data(0, SectionRole).toInt(), item->data(0, CriterionRole).toInt()};
}

void ScorecardEditor::showSelection()
{
    if (m_filling)
        return;
    const auto [s, c] = selection();
    m_addCriterion->setEnabled(s >= 0);
    m_remove->setEnabled(s >= 0);
    m_up->setEnabled(s >= 0);
    m_down->setEnabled(s >= 0);
    m_filling = true;
    if (s < 0 || s >= m_card.sections.size()) {
        m_forms->setCurrentIndex(0);
    } else if (c < 0) {
        const Section &sec = m_card.sections.at(s);
        m_sectionName->setText(sec.name);
        m_sectionWeight->setValue(sec.weight.value_or(0));
        m_sectionWeight->setEnabled(sec.weight.has_value());
        m_forms->setCurrentIndex(1);
    } else {
        const Criterion &cr = m_card.sections.at(s).criteria.at(c);
        m_key->setText(cr.key);
        m_criterionName->setText(cr.name);
        m_criterionDescription->setPlainText(cr.description);
        m_scale->setCurrentIndex(m_scale->findData(int(cr.scale.kind)));
        m_min->setValue(cr.scale.kind == ScaleKind::Range ? cr.scale.min : 1);
        m_max->setValue(cr.scale.kind == ScaleKind::Range ? cr.scale.max : 5);
        m_options->setText(cr.scale.kind == ScaleKind::Options ? optionsText(cr.scale) : QString());
        m_min->setEnabled(cr.scale.kind == ScaleKind::Range);
        m_max->setEnabled(cr.scale.kind == ScaleKind::Range);
        m_options->setEnabled(cr.scale.kind == ScaleKind::Options);
        m_weight->setValue(cr.weight);
        m_critical->setCurrentIndex(m_critical->findData(int(cr.critical)));
        m_effect->setCurrentIndex(m_effect->findData(int(cr.criticalEffect)));
        m_effect->setEnabled(cr.isCritical());
        m_allowNa->setChecked(cr.allowNa);
        m_passLevel->setValue(cr.passLevel);
        m_forms->setCurrentIndex(2);
    }
    m_filling = false;
}

void ScorecardEditor::headerEdited()
{
    if (m_filling)
        return;
    m_card.name = m_name->text().trimmed();
    m_card.description = m_description->text();
    m_card.passThreshold = m_threshold->value();
    m_card.policy = CriticalPolicy(m_policy->currentData().toInt());
    const bool weights = m_sectionWeights->isChecked();
    if (weights != m_card.hasSectionWeights()) {
        // Turning weights on shares 100 equally (rounded to 2 decimals, the rest on the last).
        const qsizetype n = m_card.sections.size();
        double given = 0;
        for (qsizetype s = 0; s < n; ++s) {
            Section &sec = m_card.sections[s];
            if (!weights) {
                sec.weight.reset();
                continue;
            }
            const double share = s + 1 < n ? std::floor(10000.0 / double(n)) / 100.0 : 100.0 - given;
            sec.weight = share;
            given += share;
        }
        const auto [s, c] = selection();
        rebuildTree(s, c);
    }
    validate();
}

void ScorecardEditor::sectionEdited()
{
    if (m_filling)
        return;
    const auto [s, c] = selection();
    if (s < 0 || c >= 0)
        return;
    Section &sec = m_card.sections[s];
    sec.name = m_sectionName->text();
    if (sec.weight)
        sec.weight = m_sectionWeight->value();
    QTreeWidgetItem *item = m_tree->currentItem();
    item->setText(0, sec.name);
    item->setText(2, sec.weight ? QStringLiteral("%1 %").arg(QLocale().toString(*sec.weight, 'g', 6)) : QString());
    validate();
}

void ScorecardEditor::criterionEdited()
{
    if (m_filling)
        return;
    const auto [s, c] = selection();
    if (s < 0 || c < 0)
        return;
    Criterion &cr = m_card.sections[s].criteria[c];
    cr.key = m_key->text().trimmed();
    cr.name = m_criterionName->text();
    cr.description = m_criterionDescription->toPlainText();
    const auto kind = ScaleKind(m_scale->currentData().toInt());
    m_optionsProblem.clear();
    switch (kind) {
    case ScaleKind::Binary:
        cr.scale = Scale::binary();
        break;
    case ScaleKind::Range:
        cr.scale = Scale::range(m_min->value(), m_max->value());
        break;
    case ScaleKind::Options: {
        if (m_options->text().trimmed().isEmpty() && cr.scale.kind != ScaleKind::Options) {
            m_filling = true;
            m_options->setText(QStringLiteral("Yes=1, No=0"));
            m_filling = false;
        }
        QString problem;
        if (const auto options = parseOptions(m_options->text(), &problem))
            cr.scale = Scale::fromOptions(*options);
        else
            m_optionsProblem = tr("Section %1 “%2”, criterion %3 “%4”, options: %5")
                                   .arg(s + 1)
                                   .arg(m_card.sections.at(s).name)
                                   .arg(c + 1)
                                   .arg(cr.key, problem);
        break;
    }
    }
    m_min->setEnabled(kind == ScaleKind::Range);
    m_max->setEnabled(kind == ScaleKind::Range);
    m_options->setEnabled(kind == ScaleKind::Options);
    cr.weight = m_weight->value();
    cr.critical = CriticalFamily(m_critical->currentData().toInt());
    cr.criticalEffect = CriticalEffect(m_effect->currentData().toInt());
    m_effect->setEnabled(cr.isCritical());
    cr.allowNa = m_allowNa->isChecked();
    cr.passLevel = m_passLevel->value();
    QTreeWidgetItem *item = m_tree->currentItem();
    item->setText(0, QStringLiteral("%1 — %2").arg(cr.key, cr.name));
    item->setText(1, cr.scale.describe());
    item->setText(2, QLocale().toString(cr.weight, 'g', 6));
    item->setText(3, cr.isCritical() ? criticalFamilyName(cr.critical) : QString());
    validate();
}

void ScorecardEditor::addSection()
{
    Section sec;
    sec.name = tr("Section %1").arg(m_card.sections.size() + 1);
    if (m_card.hasSectionWeights())
        sec.weight = 0;
    Criterion c;
    int n = m_card.criterionCount() + 1;
    while (m_card.indexOfKey(QStringLiteral("criterion_%1").arg(n)) >= 0)
        ++n;
    c.key = QStringLiteral("criterion_%1").arg(n);
    c.name = tr("New criterion");
    sec.criteria = {c};
    m_card.sections.append(sec);
    rebuildTree(int(m_card.sections.size()) - 1, -1);
    validate();
}

void ScorecardEditor::addCriterion()
{
    const auto [s, c] = selection();
    if (s < 0)
        return;
    Criterion cr;
    int n = m_card.criterionCount() + 1;
    while (m_card.indexOfKey(QStringLiteral("criterion_%1").arg(n)) >= 0)
        ++n;
    cr.key = QStringLiteral("criterion_%1").arg(n);
    cr.name = tr("New criterion");
    QList<Criterion> &list = m_card.sections[s].criteria;
    const int at = c < 0 ? int(list.size()) : c + 1;
    list.insert(at, cr);
    rebuildTree(s, at);
    validate();
}

void ScorecardEditor::removeSelected()
{
    const auto [s, c] = selection();
    if (s < 0)
        return;
    if (c < 0) {
        m_card.sections.removeAt(s);
        rebuildTree(std::min(s, int(m_card.sections.size()) - 1), -1);
    } else {
        m_card.sections[s].criteria.removeAt(c);
        const int left = int(m_card.sections.at(s).criteria.size());
        rebuildTree(s, left == 0 ? -1 : std::min(c, left - 1));
    }
    validate();
}

void ScorecardEditor::moveSelected(int delta)
{
    const auto [s, c] = selection();
    if (s < 0)
        return;
    if (c < 0) {
        const int to = s + delta;
        if (to < 0 || to >= m_card.sections.size())
            return;
        m_card.sections.move(s, to);
        rebuildTree(to, -1);
    } else {
        QList<Criterion> &list = m_card.sections[s].criteria;
        const int to = c + delta;
        if (to < 0 || to >= list.size())
            return;
        list.move(c, to);
        rebuildTree(s, to);
    }
    validate();
}

void ScorecardEditor::validate()
{
    QString problem = m_optionsProblem;
    if (problem.isEmpty()) {
        const QString raw = ScorecardJson::validate(m_card);
        if (!raw.isEmpty())
            problem = describeProblem(raw, m_card);
    }
    m_problem = problem;
    m_message->setStyleSheet(problem.isEmpty() ? QString() : QString::fromLatin1(ProblemStyle));
    m_message->setText(problem.isEmpty() ? tr("✓ The scorecard is valid.") : QStringLiteral("⚠ ") + problem);
    const bool writable = m_project && !m_project->isReadOnly() && m_stack;
    m_save->setEnabled(problem.isEmpty() && writable);
    m_save->setToolTip(writable ? QString() : tr("The project is open read-only"));
    m_export->setEnabled(problem.isEmpty());
    m_whatIf->setEnabled(problem.isEmpty() && m_project);
    updateVersionLabel();
}

void ScorecardEditor::updateVersionLabel()
{
    if (m_baseId <= 0) {
        m_versionLabel->setText(tr("A new scorecard: saving stores it as version 1, in force from the date below."));
        m_validFrom->setEnabled(true);
        return;
    }
    Scorecard probe = m_card;
    probe.version = m_baseCard.version;
    probe.validFrom = m_baseCard.validFrom;
    const bool namesOnly = probe.sameContentExceptNames(m_baseCard);
    m_validFrom->setEnabled(!namesOnly);
    QString audits = m_baseAudits == 1 ? tr("1 audit was scored with it") : tr("%1 audits were scored with it").arg(m_baseAudits);
    if (probe == m_baseCard)
        m_versionLabel->setText(tr("Editing %1 version %2 (%3). No changes yet.").arg(m_card.name).arg(m_baseCard.version).arg(audits));
    else if (namesOnly)
        m_versionLabel->setText(tr("Editing %1 version %2 (%3). Only names and descriptions changed: saving updates "
                                   "version %2 in place.")
                                    .arg(m_card.name)
                                    .arg(m_baseCard.version)
                                    .arg(audits));
    else
        m_versionLabel->setText(tr("Editing %1 version %2 (%3). Saving creates a new version; version %2 and its "
                                   "audits stay as they are (the what-if re-scores them on request).")
                                    .arg(m_card.name)
                                    .arg(m_baseCard.version)
                                    .arg(audits));
}

bool ScorecardEditor::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_message->setStyleSheet(QString::fromLatin1(ProblemStyle));
        m_message->setText(QStringLiteral("⚠ ") + tr("%1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return false;
    }
    QString error;
    const auto card = ScorecardJson::parse(file.readAll(), &error);
    if (!card) {
        m_message->setStyleSheet(QString::fromLatin1(ProblemStyle));
        m_message->setText(QStringLiteral("⚠ ") + tr("%1 was not imported: %2").arg(QFileInfo(path).fileName(), error));
        return false;
    }
    Scorecard imported = *card;
    if (m_baseId > 0 && imported.name != m_baseCard.name) {
        m_message->setStyleSheet(QString::fromLatin1(ProblemStyle));
        m_message->setText(QStringLiteral("⚠ ") + tr("%1 was not imported: it defines “%2”, but this editor edits “%3” "
                                                     "(use New scorecard… for another one)")
                                                      .arg(QFileInfo(path).fileName(), imported.name, m_baseCard.name));
        return false;
    }
    if (m_baseId > 0) {
        imported.version = m_baseCard.version;
        imported.validFrom = m_baseCard.validFrom;
    }
    loadCard(imported);
    if (m_baseId <= 0 && imported.validFrom.isValid())
        m_validFrom->setDate(imported.validFrom);
    return true;
}

bool ScorecardEditor::exportFile(const QString &path)
{
    if (!m_problem.isEmpty()) {
        validate();
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(ScorecardJson::toJson(m_card)) < 0 || !file.commit()) {
        m_message->setStyleSheet(QString::fromLatin1(ProblemStyle));
        m_message->setText(QStringLiteral("⚠ ") + tr("%1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return false;
    }
    m_message->setStyleSheet(QString());
    m_message->setText(tr("✓ Exported to %1.").arg(QFileInfo(path).fileName()));
    return true;
}

bool ScorecardEditor::save()
{
    validate();
    if (!m_problem.isEmpty() || !m_project || !m_stack)
        return false;
    const QString reason =
        m_reason->text().trimmed().isEmpty() ? tr("Edited in the scorecard editor") : m_reason->text().trimmed();
    QString error;
    auto command = SaveScorecardCommand::create(m_project->database(), m_baseId, m_card, m_validFrom->date(), reason,
                                                &error);
    if (!command) {
        m_message->setStyleSheet(QString::fromLatin1(ProblemStyle));
        m_message->setText(QStringLiteral("⚠ ") + describeProblem(error, m_card));
        return false;
    }
    const ScorecardEdit edit = command->edit();
    m_stack->push(command.release());
    // Go on editing what was stored: the next save starts from it.
    m_baseId = edit.id;
    m_baseCard = edit.card;
    m_baseAudits = edit.kind == ScorecardEdit::Kind::Renamed ? m_baseAudits : 0;
    setWindowTitle(tr("Edit Scorecard"));
    loadCard(edit.card);
    m_message->setStyleSheet(QString());
    m_message->setText(edit.kind == ScorecardEdit::Kind::Renamed
                           ? tr("✓ Saved: version %1 updated in place.").arg(edit.card.version)
                           : tr("✓ Saved as version %1, in force from %2.")
                                 .arg(edit.card.version)
                                 .arg(QLocale().toString(edit.card.validFrom, QLocale::ShortFormat)));
    Q_EMIT saved(edit);
    return true;
}

WhatIfDialog *ScorecardEditor::openWhatIf()
{
    if (!m_project || !m_problem.isEmpty())
        return nullptr;
    const QString name = m_baseId > 0 ? m_baseCard.name : m_card.name;
    auto *dialog = new WhatIfDialog(m_project, m_stack, name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setDraft(m_card);
    dialog->setNotify(m_whatIfNotify);
    dialog->setScope(m_slice, m_period);
    dialog->open();
    return dialog;
}

} // namespace ql
