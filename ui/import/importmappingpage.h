// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importmapping.h"

#include <QWizardPage>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace ql {

class ImportWizard;

// The mapping editor: which column each field is read from (with the first values as they will be
// read, live), the scorecard and the date format, the criterion labels (long files) or criterion
// columns (wide files), and the value map of the answer or score column. Starts from the preset or
// saved mapping chosen on the first page, or from a guess from the header; saves as mapping JSON.
class ImportMappingPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportMappingPage(ImportWizard *wizard);

    // The mapping the page shows, checked as the import will check it; nullopt with *error when it
    // does not hold together (a required field without a column, …).
    std::optional<ImportMapping> buildMapping(QString *error) const;
    // What the page shows, not yet checked (for refilling its lists).
    ImportMapping draftMapping() const;
    bool saveMapping(const QString &path, QString *error = nullptr);

    // For tests and the guide's screenshots: the column chosen for a field, by header name.
    bool setColumn(const QString &field, const QString &header);
    QString column(const QString &field) const;
    QString sampleText(const QString &field) const; // the "As read" cell
    bool setValue(const QString &fileText, const QString &storedAs);
    // Adds a custom dimension row to the Columns table (its column: the header of that name, if
    // any); false, with the reason shown, for a name that is taken or built in.
    bool addDimension(const QString &name);

    QTableWidget *fieldsTable() const { return m_fields; }
    QTableWidget *criteriaTable() const { return m_criteria; }
    QTableWidget *valuesTable() const { return m_values; }
    QComboBox *dateFormatChoice() const { return m_dateFormat; }
    QComboBox *scorecardChoice() const { return m_scorecard; }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *errorLabel() const { return m_error; }
    QLabel *valuesNote() const { return m_valuesNote; } // where the criterion and value lists come from

    void initializePage() override;
    void cleanupPage() override;
    bool validatePage() override;

private:
    // dimensionRows: the custom dimensions to show, in order, also those without a column (which
    // the mapping leaves out); the mapping's other dimensions follow.
    void fillFields(const ImportMapping &m, const QStringList &dimensionRows);
    QStringList dimensionRows() const; // as shown now
    void fillCriteria(const ImportMapping &m);
    void fillValues(const ImportMapping &m);
    void loadCriteria();
    void updateSamples();
    void refreshLists();
    void updateValuesNote();
    void saveAs();
    QString valueField() const;
    int headerIndex(const QString &header) const;
    QStringList sampleColumn(int column, int max) const;
    QComboBox *columnCombo(int row) const;
    QComboBox *criterionCombo(int row) const;
    QComboBox *newCriterionCombo(const QString &selected, const QString &emptyText);

    ImportWizard *m_wizard;
    QLineEdit *m_source;
    QComboBox *m_scorecard;
    QComboBox *m_dateFormat;
    QLineEdit *m_scale;
    QLabel *m_scorecardLabel;
    QLabel *m_scaleLabel;
    QTabWidget *m_tabs;
    QTableWidget *m_fields;
    QTableWidget *m_criteria;
    QTableWidget *m_values;
    QLabel *m_criteriaNote;
    QLabel *m_error;
    QLabel *m_valuesNote;
    QLineEdit *m_dimensionName;
    QPushButton *m_addDimension;
    QList<std::pair<QString, QString>> m_criterionList; // key, name of the chosen scorecard
    QStringList m_fieldNames;                          // per row of m_fields: field, or "dim:NAME"
    bool m_filling = false;
};

} // namespace ql
