// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibrationscoringform.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ql {

namespace {
constexpr int ColCriterion = 0;
constexpr int ColAnswer = 1;
constexpr int ColComment = 2;

QString missingText()
{
    return QStringLiteral("—");
}
} // namespace

QList<std::pair<QString, CalibrationAnswer>> calibrationChoices(const Criterion &criterion)
{
    QList<std::pair<QString, CalibrationAnswer>> choices;
    choices.append({missingText(), CalibrationAnswer{}});
    const Scale &s = criterion.scale;
    switch (s.kind) {
    case ScaleKind::Binary:
        choices.append({CalibrationScoringForm::tr("1 (met)"), CalibrationAnswer::rated(1)});
        choices.append({CalibrationScoringForm::tr("0 (not met)"), CalibrationAnswer::rated(0)});
        break;
    case ScaleKind::Range:
        for (int v = s.max; v >= s.min; --v)
            choices.append({QString::number(v), CalibrationAnswer::rated(v)});
        break;
    case ScaleKind::Options:
        for (const auto &[label, points] : s.options)
            choices.append({label, CalibrationAnswer::rated(points, label)});
        break;
    }
    if (criterion.allowNa)
        choices.append({QStringLiteral("N/A"), CalibrationAnswer::notApplicable()});
    return choices;
}

QString calibrationAnswerText(const Criterion &criterion, const CalibrationAnswer &answer)
{
    if (answer.isMissing())
        return missingText();
    if (answer.isNotApplicable())
        return QStringLiteral("N/A");
    if (criterion.scale.kind == ScaleKind::Options)
        return answer.optionLabel.isEmpty() ? criterion.scale.labelOf(answer.value) : answer.optionLabel;
    return QString::number(answer.value);
}

CalibrationScoringForm::CalibrationScoringForm(QWidget *parent)
    : QWidget(parent),
      m_table(new QTableWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table->setObjectName(QStringLiteral("calibrationScoringTable"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Criterion"), tr("Answer"), tr("Comment")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    layout->addWidget(m_table);
}

void CalibrationScoringForm::setScorecard(const Scorecard &card)
{
    m_card = card;
    const int n = card.criterionCount();
    m_table->clearContents();
    m_table->setRowCount(n);
    for (int i = 0; i < n; ++i) {
        const Criterion &c = card.criterionAt(i);
        QString name = c.name.isEmpty() ? c.key : c.name;
        if (c.isCritical())
            name += tr(" (critical)");
        auto *item = new QTableWidgetItem(name);
        item->setToolTip(tr("%1 — scale %2%3").arg(c.key, c.scale.describe(),
                                                    c.allowNa ? tr(", N/A allowed") : QString()));
        m_table->setItem(i, ColCriterion, item);
        auto *box = new QComboBox(m_table);
        box->setAccessibleName(tr("Answer to %1").arg(name));
        for (const auto &[text, answer] : calibrationChoices(c))
            box->addItem(text);
        connect(box, &QComboBox::currentIndexChanged, this, &CalibrationScoringForm::edited);
        m_table->setCellWidget(i, ColAnswer, box);
        auto *comment = new QLineEdit(m_table);
        comment->setAccessibleName(tr("Comment on %1").arg(name));
        comment->setPlaceholderText(tr("Comment"));
        connect(comment, &QLineEdit::textEdited, this, &CalibrationScoringForm::edited);
        m_table->setCellWidget(i, ColComment, comment);
    }
    m_table->resizeColumnToContents(ColCriterion);
    m_table->resizeColumnToContents(ColAnswer);
}

QComboBox *CalibrationScoringForm::answerBox(int criterion) const
{
    return qobject_cast<QComboBox *>(m_table->cellWidget(criterion, ColAnswer));
}

QLineEdit *CalibrationScoringForm::commentEdit(int criterion) const
{
    return qobject_cast<QLineEdit *>(m_table->cellWidget(criterion, ColComment));
}

void CalibrationScoringForm::setSheet(const CalibrationSheet &sheet)
{
    for (int i = 0; i < m_card.criterionCount(); ++i) {
        const CalibrationAnswer a = i < sheet.size() ? sheet.at(i) : CalibrationAnswer{};
        const auto choices = calibrationChoices(m_card.criterionAt(i));
        int index = 0;
        for (int k = 0; k < choices.size(); ++k)
            if (choices.at(k).second.sameAnswer(a))
                index = k;
        QSignalBlocker block(answerBox(i));
        answerBox(i)->setCurrentIndex(index);
        commentEdit(i)->setText(a.comment);
    }
}

CalibrationSheet CalibrationScoringForm::sheet() const
{
    CalibrationSheet sheet(m_card.criterionCount());
    for (int i = 0; i < m_card.criterionCount(); ++i) {
        const auto choices = calibrationChoices(m_card.criterionAt(i));
        const int index = answerBox(i)->currentIndex();
        if (index > 0 && index < choices.size())
            sheet[i] = choices.at(index).second;
        if (!sheet[i].isMissing())
            sheet[i].comment = commentEdit(i)->text().trimmed();
    }
    return sheet;
}

bool CalibrationScoringForm::choose(int criterion, const QString &text)
{
    QComboBox *box = answerBox(criterion);
    const int index = box ? box->findText(text) : -1;
    if (index < 0)
        return false;
    box->setCurrentIndex(index);
    return true;
}

void CalibrationScoringForm::setReadOnly(bool readOnly)
{
    for (int i = 0; i < m_card.criterionCount(); ++i) {
        answerBox(i)->setEnabled(!readOnly);
        commentEdit(i)->setReadOnly(readOnly);
    }
}

} // namespace ql
