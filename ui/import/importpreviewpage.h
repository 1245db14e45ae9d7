// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QTableWidget;

namespace ql {

class ImportWizard;

// The file as it will be read: the encoding and delimiter found (each with the reason, and each
// changeable) and the first records, parsed, with the line each starts on. Reading runs in the
// background: the "auto" encoding check reads the whole file.
class ImportPreviewPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportPreviewPage(ImportWizard *wizard);

    QComboBox *encodingChoice() const { return m_encoding; }
    QComboBox *delimiterChoice() const { return m_delimiter; }
    QTableWidget *table() const { return m_table; }
    QLabel *encodingLabel() const { return m_encodingNote; }
    QLabel *delimiterLabel() const { return m_delimiterNote; }
    bool isLoading() const { return m_loading; }

    void initializePage() override;
    bool isComplete() const override;

    static constexpr int ShownRows = 20;
    static constexpr int SampledRows = 500; // the mapping step's lists until the whole file's values are read

private:
    void load();

    ImportWizard *m_wizard;
    QComboBox *m_encoding;
    QComboBox *m_delimiter;
    QLabel *m_encodingNote;
    QLabel *m_delimiterNote;
    QLabel *m_status;
    QTableWidget *m_table;
    bool m_loading = false;
    bool m_ok = false;
};

} // namespace ql
