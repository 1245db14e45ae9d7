// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/columnvalues.h"
#include "import/importer.h"
#include "import/importmapping.h"

#include <QStringList>
#include <QWizard>

namespace ql {

class ImportCheckPage;
class ImportFilePage;
class ImportMappingPage;
class ImportPreviewPage;
class ImportRunPage;
class JobRunner;
class Project;

// File → Import… (ui.md, docs/import.md "The import wizard"): choose a file and what it holds, see
// it as it will be read, map its columns, check the whole file, import it in the background.
//
// The pages share the wizard's state: the file, the kind, the mapping being built and the preview.
// Everything that reads the file or the project runs through the wizard's own JobRunner; the import
// itself writes on a connection of its own in one transaction, so Cancel leaves the project as it
// was. imported() tells the window to reload its pages.
class ImportWizard final : public QWizard
{
    Q_OBJECT
public:
    enum PageId { FilePageId, PreviewPageId, MappingPageId, CheckPageId, RunPageId };
    // What the file holds: the mapping kinds the wizard offers, and a scorecard definition.
    enum class Choice { Scorecard, Agents, AuditsLong, AuditsWide, Csat, Interactions };

    explicit ImportWizard(Project *project, QWidget *parent = nullptr);
    ~ImportWizard() override;

    Project *project() const { return m_project; }
    JobRunner *runner() const { return m_runner; }

    // Starts with this file chosen (a file dropped on the window).
    void setFile(const QString &path);

    QString filePath() const { return m_path; }
    Choice choice() const { return m_choice; }
    static ImportMapping::Kind kindOf(Choice choice);
    static QString choiceTitle(Choice choice);

    // The mapping as the pages have built it so far.
    ImportMapping &mapping() { return m_mapping; }
    const ImportMapping &mapping() const { return m_mapping; }
    // The mapping page starts from this one (a preset or a saved file) rather than a guess from the
    // header; cleared when the guess is wanted.
    bool mappingGiven() const { return m_mappingGiven; }
    // dimensionRows: the custom dimensions the mapping step shows, in its order, including those
    // added there that have no column yet (the mapping leaves them out, but the step keeps them
    // when it is filled again). Empty when the mapping comes from elsewhere.
    void setMapping(const ImportMapping &mapping, bool given, const QStringList &dimensionRows = {});
    const QStringList &dimensionRows() const { return m_dimensionRows; }

    const ImportPreview &preview() const { return m_preview; }
    void setPreview(const ImportPreview &preview) { m_preview = preview; }
    // Every column's different values in the whole file, read in the background after the
    // preview (ColumnValues); empty until then. columnValuesRead() says when they are in.
    const ColumnValues &columnValues() const { return m_values; }
    bool hasColumnValues() const { return !m_values.isEmpty(); }
    void readColumnValues();
    static constexpr int ValueLimit = 1000; // different values kept per column

    ImportFilePage *filePage() const { return m_filePage; }
    ImportPreviewPage *previewPage() const { return m_previewPage; }
    ImportMappingPage *mappingPage() const { return m_mappingPage; }
    ImportCheckPage *checkPage() const { return m_checkPage; }
    ImportRunPage *runPage() const { return m_runPage; }

    // The project's background integrity check (quick_check, after opening) is due or running:
    // the import waits for it before writing, and says so. The main window keeps this up to date.
    bool isProjectCheckPending() const { return m_checkPending; }
    void setProjectCheckPending(bool pending);

    int nextId() const override;
    void reject() override; // while importing: cancel the import first

    void setChoice(Choice choice);
    void setFilePath(const QString &path);

Q_SIGNALS:
    void imported();
    void projectCheckFinished();
    void columnValuesRead();

private:
    Project *m_project;
    JobRunner *m_runner;
    QString m_path;
    Choice m_choice = Choice::AuditsLong;
    ImportMapping m_mapping;
    bool m_mappingGiven = false;
    QStringList m_dimensionRows;
    bool m_checkPending = false;
    ImportPreview m_preview;
    ColumnValues m_values;
    ImportFilePage *m_filePage;
    ImportPreviewPage *m_previewPage;
    ImportMappingPage *m_mappingPage;
    ImportCheckPage *m_checkPage;
    ImportRunPage *m_runPage;
};

} // namespace ql
