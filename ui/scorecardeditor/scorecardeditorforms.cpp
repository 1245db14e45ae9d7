// SPDX-License-Identifier: GPL-3.0-or-later
// The scorecard editor's forms (section and criterion) and its text helpers.
#include "scorecardeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ql {

QWidget *ScorecardEditor::buildSectionForm()
{
    auto *page = new QWidget;
    auto *outer = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    outer->addLayout(form);
    outer->addStretch(1);
    m_sectionName = new QLineEdit;
    m_sectionName->setAccessibleName(tr("Section name"));
    m_sectionWeight = new QDoubleSpinBox;
    m_sectionWeight->setRange(0, 100);
    m_sectionWeight->setDecimals(2);
    m_sectionWeight->setSuffix(tr(" %"));
    m_sectionWeight->setAccessibleName(tr("Section weight"));
    m_sectionWeight->setToolTip(tr("Section weights are all or none and sum to 100"));
    form->addRow(tr("Section &name:"), m_sectionName);
    form->addRow(tr("Section &weight:"), m_sectionWeight);
    auto *hint = new QLabel(tr("With section weights, each section's score counts for its share of the audit "
                               "score; without, every criterion counts by its own weight."));
    hint->setWordWrap(true);
    form->addRow(hint);
    connect(m_sectionName, &QLineEdit::textEdited, this, &ScorecardEditor::sectionEdited);
    connect(m_sectionWeight, &QDoubleSpinBox::valueChanged, this, &ScorecardEditor::sectionEdited);
    return page;
}

QWidget *ScorecardEditor::buildCriterionForm()
{
    auto *page = new QWidget;
    auto *outer = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    outer->addLayout(form);
    outer->addStretch(1);
    m_key = new QLineEdit;
    m_key->setAccessibleName(tr("Criterion key"));
    m_key->setToolTip(tr("Lower-case letters, digits and _ (at most 64); stable across versions, since answers "
                         "carry over by key"));
    m_criterionName = new QLineEdit;
    m_criterionName->setAccessibleName(tr("Criterion name"));
    m_criterionDescription = new QPlainTextEdit;
    m_criterionDescription->setAccessibleName(tr("Guidance for auditors"));
    m_criterionDescription->setMaximumHeight(60);
    m_scale = new QComboBox;
    m_scale->addItem(tr("Pass / fail (binary)"), int(ScaleKind::Binary));
    m_scale->addItem(tr("Range of whole numbers"), int(ScaleKind::Range));
    m_scale->addItem(tr("Options with points"), int(ScaleKind::Options));
    m_scale->setAccessibleName(tr("Scale"));
    m_min = new QSpinBox;
    m_min->setRange(-1000, 1000);
    m_min->setAccessibleName(tr("Scale minimum"));
    m_max = new QSpinBox;
    m_max->setRange(-1000, 1000);
    m_max->setAccessibleName(tr("Scale maximum"));
    auto *range = new QWidget;
    auto *rangeLayout = new QHBoxLayout(range);
    rangeLayout->setContentsMargins(0, 0, 0, 0);
    rangeLayout->addWidget(new QLabel(tr("from")));
    rangeLayout->addWidget(m_min);
    rangeLayout->addWidget(new QLabel(tr("to")));
    rangeLayout->addWidget(m_max);
    rangeLayout->addStretch(1);
    m_options = new QLineEdit;
    m_options->setPlaceholderText(tr("Yes=10, Partial=3, No=0"));
    m_options->setAccessibleName(tr("Options and their points"));
    m_weight = new QDoubleSpinBox;
    m_weight->setRange(0, 1000);
    m_weight->setDecimals(2);
    m_weight->setAccessibleName(tr("Criterion weight"));
    m_critical = new QComboBox;
    m_critical->addItem(tr("Not critical"), int(CriticalFamily::None));
    m_critical->addItem(tr("Customer"), int(CriticalFamily::Customer));
    m_critical->addItem(tr("Business"), int(CriticalFamily::Business));
    m_critical->addItem(tr("Compliance"), int(CriticalFamily::Compliance));
    m_critical->setAccessibleName(tr("Critical family"));
    m_effect = new QComboBox;
    m_effect->addItem(tr("Whole audit"), int(CriticalEffect::Audit));
    m_effect->addItem(tr("Its section only"), int(CriticalEffect::Section));
    m_effect->setAccessibleName(tr("Effect of a critical failure"));
    m_allowNa = new QCheckBox(tr("N/A allowed"));
    m_passLevel = new QDoubleSpinBox;
    m_passLevel->setRange(0, 1);
    m_passLevel->setSingleStep(0.05);
    m_passLevel->setDecimals(2);
    m_passLevel->setAccessibleName(tr("Pass level"));
    m_passLevel->setToolTip(tr("The share of the scale an answer needs to count as passed in criterion pass rates"));
    form->addRow(tr("&Key:"), m_key);
    form->addRow(tr("N&ame:"), m_criterionName);
    form->addRow(tr("&Guidance:"), m_criterionDescription);
    form->addRow(tr("&Scale:"), m_scale);
    auto *rangeLabel = new QLabel(tr("&Range:"));
    rangeLabel->setBuddy(m_min);
    form->addRow(rangeLabel, range);
    form->addRow(tr("&Options:"), m_options);
    form->addRow(tr("&Weight:"), m_weight);
    form->addRow(tr("&Critical:"), m_critical);
    form->addRow(tr("Critical &effect:"), m_effect);
    form->addRow(QString(), m_allowNa);
    form->addRow(tr("&Pass level:"), m_passLevel);
    for (QLineEdit *edit : {m_key, m_criterionName, m_options})
        connect(edit, &QLineEdit::textEdited, this, &ScorecardEditor::criterionEdited);
    connect(m_criterionDescription, &QPlainTextEdit::textChanged, this, &ScorecardEditor::criterionEdited);
    for (QComboBox *box : {m_scale, m_critical, m_effect})
        connect(box, &QComboBox::currentIndexChanged, this, &ScorecardEditor::criterionEdited);
    for (QSpinBox *box : {m_min, m_max})
        connect(box, &QSpinBox::valueChanged, this, &ScorecardEditor::criterionEdited);
    for (QDoubleSpinBox *box : {m_weight, m_passLevel})
        connect(box, &QDoubleSpinBox::valueChanged, this, &ScorecardEditor::criterionEdited);
    connect(m_allowNa, &QCheckBox::toggled, this, &ScorecardEditor::criterionEdited);
    return page;
}

QString ScorecardEditor::optionsText(const Scale &scale)
{
    QStringList parts;
    for (const auto &option : scale.options)
        parts << QStringLiteral("%1=%2").arg(option.first, QString::number(option.second));
    return parts.join(QStringLiteral(", "));
}

std::optional<QList<std::pair<QString, double>>> ScorecardEditor::parseOptions(const QString &text, QString *error)
{
    QList<std::pair<QString, double>> options;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString part = parts.at(i).trimmed();
        const qsizetype eq = part.lastIndexOf(QLatin1Char('='));
        bool ok = false;
        const double points = eq > 0 ? part.mid(eq + 1).trimmed().toDouble(&ok) : 0;
        const QString label = eq > 0 ? part.left(eq).trimmed() : QString();
        if (!ok || label.isEmpty()) {
            if (error)
                *error = tr("option %1 (“%2”) is not written LABEL=POINTS, as in Yes=10").arg(i + 1).arg(part);
            return std::nullopt;
        }
        options.append({label, points});
    }
    if (options.size() < 2) {
        if (error)
            *error = tr("an options scale needs at least two options, written as Yes=10, No=0");
        return std::nullopt;
    }
    return options;
}

QString ScorecardEditor::describeProblem(const QString &problem, const Scorecard &card)
{
    static const QRegularExpression path(
        QStringLiteral("^sections\\[(\\d+)\\](?:\\.criteria\\[(\\d+)\\])?((?:\\.[a-z_]+)*)(?:\\[[^\\]]*\\])?: ?(.*)$"),
        QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = path.match(problem);
    if (!m.hasMatch()) {
        const std::pair<const char *, QString> top[] = {{"sections: ", tr("Sections: ")},
                                                        {"name: ", tr("Scorecard name: ")},
                                                        {"pass_threshold: ", tr("Pass threshold: ")}};
        for (const auto &[field, label] : top)
            if (problem.startsWith(QLatin1String(field)))
                return label + problem.mid(qsizetype(qstrlen(field)));
        return problem;
    }
    const int s = m.captured(1).toInt();
    QString where = tr("Section %1").arg(s + 1);
    if (s < card.sections.size() && !card.sections.at(s).name.isEmpty())
        where += QStringLiteral(" “%1”").arg(card.sections.at(s).name);
    if (!m.captured(2).isEmpty()) {
        const int c = m.captured(2).toInt();
        where += tr(", criterion %1").arg(c + 1);
        if (s < card.sections.size() && c < card.sections.at(s).criteria.size()) {
            const Criterion &criterion = card.sections.at(s).criteria.at(c);
            const QString label = criterion.key.isEmpty() ? criterion.name : criterion.key;
            if (!label.isEmpty())
                where += QStringLiteral(" “%1”").arg(label);
        }
    }
    if (!m.captured(3).isEmpty())
        where += QStringLiteral(", %1").arg(m.captured(3).mid(1).replace(QLatin1Char('.'), QLatin1Char(' ')));
    return QStringLiteral("%1: %2").arg(where, m.captured(4));
}

} // namespace ql
