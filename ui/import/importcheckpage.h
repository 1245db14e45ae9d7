// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importresult.h"

#include <QHash>
#include <QWizardPage>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;
class QTableWidget;

namespace ql {

class ImportWizard;

// Checks the whole file before anything is written (a dry run of the import) and lists every
// rejected row with its file, line, field, value and reason, in a table that sorts and exports.
// Then the choice: import nothing while any row is rejected (the default), or import the valid
// records and write the rejected rows, with a reason column, to a file.
//
// Agent ids the file uses that the project does not know are listed with an "Import as" choice:
// a new agent (the default), or an existing agent the id stands for (formats.md).
class ImportCheckPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportCheckPage(ImportWizard *wizard);

    enum ProblemColumn { FileColumn, LineColumn, FieldColumn, ValueColumn, ReasonColumn };

    QTableView *problemsView() const { return m_view; }
    QStandardItemModel *problemsModel() const { return m_model; }
    QRadioButton *importNothing() const { return m_nothing; }
    QRadioButton *skipInvalid() const { return m_skip; }
    QLineEdit *rejectsPath() const { return m_rejects; }
    QLabel *summaryLabel() const { return m_summary; }
    bool isChecking() const { return m_checking; }
    bool anyRejected() const; // the check found rows to reject
    const ImportResult &result() const { return m_result; }

    // The unknown agent ids and what each is imported as.
    QTableWidget *agentsTable() const { return m_agents; }
    // Maps the file's agent id to the existing agent with this key (empty: a new agent); false when
    // either is not offered.
    bool setAgentChoice(const QString &fileId, const QString &agentKey);
    // file's id → existing agent key, for ImportOptions::agentMap.
    QHash<QString, QString> agentMap() const;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    void check();
    void show(const ImportResult &result);
    void updateChoice();
    void showAgents(const QStringList &unknown, const QList<std::pair<QString, QString>> &known);

    ImportWizard *m_wizard;
    QLabel *m_summary;
    QProgressBar *m_progress;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QTableView *m_view;
    QPushButton *m_export;
    QRadioButton *m_nothing;
    QRadioButton *m_skip;
    QLineEdit *m_rejects;
    QPushButton *m_browse;
    QLabel *m_agentsNote;
    QTableWidget *m_agents;
    ImportResult m_result;
    bool m_checking = false;
    bool m_checked = false;
    quint64 m_job = 0;
};

} // namespace ql
