// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibration/calibrationtypes.h"
#include "scoring/scorecard.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableWidget;

namespace ql {

// One item's scoring form in a calibration session: per criterion of the scorecard its name, an
// answer chosen within the criterion's scale ("—" for not answered, "N/A" only where the criterion
// allows it) and a comment. It shows and returns one participant's sheet and nobody else's.
class CalibrationScoringForm final : public QWidget
{
    Q_OBJECT
public:
    explicit CalibrationScoringForm(QWidget *parent = nullptr);

    void setScorecard(const Scorecard &card);
    void setSheet(const CalibrationSheet &sheet);
    CalibrationSheet sheet() const;
    void setReadOnly(bool readOnly);

    QTableWidget *table() const { return m_table; }
    QComboBox *answerBox(int criterion) const;
    QLineEdit *commentEdit(int criterion) const;
    // Chooses the answer by its text ("4", "Yes", "N/A", "—"); false when the scale has no such choice.
    bool choose(int criterion, const QString &text);

Q_SIGNALS:
    void edited();

private:
    Scorecard m_card;
    QTableWidget *m_table;
};

// The choices of a criterion's answer box: text and the answer it stands for.
QList<std::pair<QString, CalibrationAnswer>> calibrationChoices(const Criterion &criterion);
// An answer as the grids and the form write it: "4", "Yes", "N/A", "—".
QString calibrationAnswerText(const Criterion &criterion, const CalibrationAnswer &answer);

} // namespace ql
