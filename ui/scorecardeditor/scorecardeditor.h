// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/scorecard.h"
#include "scorecard/kpiperiod.h"
#include "store/kpiqueries.h"

#include <QDialog>
#include <QSqlDatabase>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;
class QUndoStack;

namespace ql {

class Project;
struct ScorecardEdit;

// The scorecard editor (issue 4, "Scorecard editor and versions"; docs/scorecard-editor.md):
// the scorecard's name, pass threshold, critical policy and description; its sections (weights all
// or none) and their criteria (key, name, guidance, scale, weight, critical family and effect, N/A,
// pass level) in a tree; every problem said with where it is; the scorecard JSON of formats.md in
// and out; a what-if of the draft; and Save, an undoable command on the data stack that stores a
// new version (never rewriting the one audits were scored with) or, for names alone, updates it.
class ScorecardEditor final : public QDialog
{
    Q_OBJECT
public:
    // baseId: the stored version to edit; 0 starts a new scorecard. The stack receives the save.
    ScorecardEditor(Project *project, QUndoStack *stack, qint64 baseId, QWidget *parent = nullptr);
    ~ScorecardEditor() override;

    // The what-if opens with this slice and period (the Scorecards page's).
    void setScope(const KpiSlice &slice, const KpiPeriod &period);
    // Called after a what-if opened from here is applied, undone or redone (the page reloads).
    void setWhatIfNotify(std::function<void()> notify) { m_whatIfNotify = std::move(notify); }
    // Opens the what-if of the draft (non-modal); nullptr while the draft is invalid.
    class WhatIfDialog *openWhatIf();

    const Scorecard &draft() const { return m_card; }
    qint64 baseId() const { return m_baseId; }
    // Empty when the draft is valid; else the first problem, with where it is.
    QString problem() const { return m_problem; }

    // Reads a scorecard JSON file into the editor (false and a message when it is refused).
    bool importFile(const QString &path);
    // Writes the draft as scorecard JSON (false and a message when invalid or unwritable).
    bool exportFile(const QString &path);
    // Saves through the undo stack; false with the message shown when refused.
    bool save();

    // Widgets, for tests and accessibility.
    QTreeWidget *tree() const { return m_tree; }
    QLineEdit *nameEdit() const { return m_name; }
    QDoubleSpinBox *thresholdBox() const { return m_threshold; }
    QComboBox *policyBox() const { return m_policy; }
    QCheckBox *sectionWeightsBox() const { return m_sectionWeights; }
    QDateEdit *validFromEdit() const { return m_validFrom; }
    QLineEdit *reasonEdit() const { return m_reason; }
    QLineEdit *sectionNameEdit() const { return m_sectionName; }
    QDoubleSpinBox *sectionWeightBox() const { return m_sectionWeight; }
    QLineEdit *keyEdit() const { return m_key; }
    QLineEdit *criterionNameEdit() const { return m_criterionName; }
    QComboBox *scaleBox() const { return m_scale; }
    QSpinBox *minBox() const { return m_min; }
    QSpinBox *maxBox() const { return m_max; }
    QLineEdit *optionsEdit() const { return m_options; }
    QDoubleSpinBox *weightBox() const { return m_weight; }
    QComboBox *criticalBox() const { return m_critical; }
    QComboBox *effectBox() const { return m_effect; }
    QCheckBox *allowNaBox() const { return m_allowNa; }
    QDoubleSpinBox *passLevelBox() const { return m_passLevel; }
    QLabel *messageLabel() const { return m_message; }
    QLabel *versionLabel() const { return m_versionLabel; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *addSectionButton() const { return m_addSection; }
    QPushButton *addCriterionButton() const { return m_addCriterion; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *whatIfButton() const { return m_whatIf; }

    // "1–5" options text as the options field takes it: "Yes=10, Partial=3, No=0".
    static QString optionsText(const Scale &scale);
    // Parses the options field; nullopt with *error saying which part is wrong.
    static std::optional<QList<std::pair<QString, double>>> parseOptions(const QString &text, QString *error);
    // "sections[1].criteria[0].scale: …" → "Section 2 “Talk”, criterion 1 “tone”, scale: …".
    static QString describeProblem(const QString &problem, const Scorecard &card);

Q_SIGNALS:
    void saved(const ScorecardEdit &edit);

private:
    void buildUi();
    QWidget *buildSectionForm();
    QWidget *buildCriterionForm();
    void loadCard(const Scorecard &card);
    void rebuildTree(int section, int criterion);
    void showSelection();
    void headerEdited();
    void sectionEdited();
    void criterionEdited();
    void addSection();
    void addCriterion();
    void removeSelected();
    void moveSelected(int delta);
    void validate();
    void updateVersionLabel();
    // The selected section and criterion (-1 when none).
    std::pair<int, int> selection() const;

    Project *m_project;
    QUndoStack *m_stack;
    qint64 m_baseId;
    Scorecard m_card;
    Scorecard m_baseCard;
    qint64 m_baseAudits = 0;
    KpiSlice m_slice;
    KpiPeriod m_period;
    std::function<void()> m_whatIfNotify;
    QString m_problem;
    QString m_optionsProblem;
    bool m_filling = false;

    QLineEdit *m_name;
    QLineEdit *m_description;
    QDoubleSpinBox *m_threshold;
    QComboBox *m_policy;
    QCheckBox *m_sectionWeights;
    QDateEdit *m_validFrom;
    QLineEdit *m_reason;
    QTreeWidget *m_tree;
    QPushButton *m_addSection;
    QPushButton *m_addCriterion;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
    QStackedWidget *m_forms;
    QLineEdit *m_sectionName;
    QDoubleSpinBox *m_sectionWeight;
    QLineEdit *m_key;
    QLineEdit *m_criterionName;
    QPlainTextEdit *m_criterionDescription;
    QComboBox *m_scale;
    QSpinBox *m_min;
    QSpinBox *m_max;
    QLineEdit *m_options;
    QDoubleSpinBox *m_weight;
    QComboBox *m_critical;
    QComboBox *m_effect;
    QCheckBox *m_allowNa;
    QDoubleSpinBox *m_passLevel;
    QLabel *m_message;
    QLabel *m_versionLabel;
    QPushButton *m_save;
    QPushButton *m_whatIf;
    QPushButton *m_import;
    QPushButton *m_export;
};

} // namespace ql
