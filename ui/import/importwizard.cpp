// SPDX-License-Identifier: GPL-3.0-or-later
#include "importwizard.h"

#include "common/jobcontext.h"
#include "common/jobrunner.h"
#include "importcheckpage.h"
#include "importfilepage.h"
#include "importmappingpage.h"
#include "importpreviewpage.h"
#include "importrunpage.h"

#include <QFileInfo>

namespace ql {

ImportWizard::ImportWizard(Project *project, QWidget *parent)
    : QWizard(parent)
    , m_project(project)
    , m_runner(new JobRunner(this))
    , m_filePage(new ImportFilePage(this))
    , m_previewPage(new ImportPreviewPage(this))
    , m_mappingPage(new ImportMappingPage(this))
    , m_checkPage(new ImportCheckPage(this))
    , m_runPage(new ImportRunPage(this))
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import"));
    setWizardStyle(QWizard::ClassicStyle);
    setOptions(QWizard::NoBackButtonOnLastPage | QWizard::NoCancelButtonOnLastPage | QWizard::NoDefaultButton);
    m_runner->setProject(project);
    setPage(FilePageId, m_filePage);
    setPage(PreviewPageId, m_previewPage);
    setPage(MappingPageId, m_mappingPage);
    setPage(CheckPageId, m_checkPage);
    setPage(RunPageId, m_runPage);
    setStartId(FilePageId);
    resize(980, 680);
}

ImportWizard::~ImportWizard()
{
    // Jobs hold pointers into the pages: they end before the pages go.
    m_runner->cancelAll();
    m_runner->waitForAll();
}

void ImportWizard::setFile(const QString &path)
{
    m_filePage->setFile(path);
}

ImportMapping::Kind ImportWizard::kindOf(Choice choice)
{
    switch (choice) {
    case Choice::Agents:
        return ImportMapping::Kind::Agents;
    case Choice::AuditsWide:
        return ImportMapping::Kind::AuditsWide;
    case Choice::Csat:
        return ImportMapping::Kind::Csat;
    case Choice::Interactions:
        return ImportMapping::Kind::Interactions;
    case Choice::Scorecard:
    case Choice::AuditsLong:
        break;
    }
    return ImportMapping::Kind::AuditsLong;
}

QString ImportWizard::choiceTitle(Choice choice)
{
    switch (choice) {
    case Choice::Scorecard:
        return tr("Scorecard definition (JSON)");
    case Choice::Agents:
        return tr("Agents roster");
    case Choice::AuditsLong:
        return tr("Audits, one row per criterion answer");
    case Choice::AuditsWide:
        return tr("Audits, one row per audit");
    case Choice::Csat:
        return tr("CSAT survey responses");
    case Choice::Interactions:
        return tr("Conversations (interactions: transcripts for calibration)");
    }
    return {};
}

void ImportWizard::setMapping(const ImportMapping &mapping, bool given, const QStringList &dimensionRows)
{
    m_mapping = mapping;
    m_mappingGiven = given;
    m_dimensionRows = dimensionRows;
}

void ImportWizard::setChoice(Choice choice)
{
    m_choice = choice;
}

void ImportWizard::setFilePath(const QString &path)
{
    m_path = path;
}

void ImportWizard::readColumnValues()
{
    m_values = {};
    const QString path = m_path;
    const QString encoding = m_mapping.encoding;
    const QChar delimiter = m_preview.delimiter; // what the preview found, or the user chose
    m_runner->start<ColumnValues>(
        QStringLiteral("values"), tr("Reading every value of %1").arg(QFileInfo(path).fileName()),
        [path, encoding, delimiter](JobContext &context) {
            return ColumnValues::read(path, encoding, delimiter, ValueLimit, context.cancelFlag());
        },
        [this](ColumnValues &&values) {
            if (!values.error.isEmpty())
                return; // the preview's first rows stay the lists' source; the check reports the error
            m_values = std::move(values);
            Q_EMIT columnValuesRead();
        });
}

void ImportWizard::setProjectCheckPending(bool pending)
{
    if (pending == m_checkPending)
        return;
    m_checkPending = pending;
    if (!pending)
        Q_EMIT projectCheckFinished();
}

int ImportWizard::nextId() const
{
    switch (currentId()) {
    case FilePageId:
        return m_choice == Choice::Scorecard ? RunPageId : PreviewPageId;
    case PreviewPageId:
        return MappingPageId;
    case MappingPageId:
        return CheckPageId;
    case CheckPageId:
        return RunPageId;
    default:
        return -1;
    }
}

void ImportWizard::reject()
{
    if (currentId() == RunPageId && m_runPage->isRunning()) {
        m_runPage->cancelImport();
        return;
    }
    QWizard::reject();
}

} // namespace ql
