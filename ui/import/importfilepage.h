// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importpresets.h"

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ql {

class ImportWizard;

// The wizard's first step: the file, what it holds, and where the mapping comes from (a guess from
// the file's columns, a preset that ships with the application, or a mapping saved before).
class ImportFilePage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportFilePage(ImportWizard *wizard);

    void setFile(const QString &path);
    // Adds a saved mapping JSON to the mapping choices and selects it; false (with the reason shown
    // on the page) when it cannot be read. Its kind becomes the file's kind.
    bool loadMappingFile(const QString &path);

    QLineEdit *pathEdit() const { return m_path; }
    QComboBox *kindChoice() const { return m_kind; }
    QComboBox *mappingChoice() const { return m_mapping; }
    QString errorText() const;

    bool isComplete() const override;
    bool validatePage() override;

private:
    void browse();
    void browseMapping();
    void fillMappings();
    void describe();

    ImportWizard *m_wizard;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QComboBox *m_kind;
    QComboBox *m_mapping;
    QPushButton *m_loadMapping;
    QLabel *m_description;
    QLabel *m_error;
    QList<ImportPreset> m_presets;
    QList<std::pair<QString, ImportMapping>> m_files; // loaded mapping files: path → mapping
};

} // namespace ql
