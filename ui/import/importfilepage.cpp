// SPDX-License-Identifier: GPL-3.0-or-later
#include "importfilepage.h"

#include "importwizard.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ql {

namespace {
// Mapping choice data: "" guesses from the header, "preset:N" and "file:N" index the lists.
const QString Guess;
}

ImportFilePage::ImportFilePage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_path(new QLineEdit(this))
    , m_browse(new QPushButton(tr("Browse…"), this))
    , m_kind(new QComboBox(this))
    , m_mapping(new QComboBox(this))
    , m_loadMapping(new QPushButton(tr("Open Mapping…"), this))
    , m_description(new QLabel(this))
    , m_error(new QLabel(this))
    , m_presets(ImportPreset::all())
{
    setObjectName(QStringLiteral("importFilePage"));
    setTitle(tr("Choose a file"));
    setSubTitle(tr("A CSV export of your QA tool, survey tool or roster, or a scorecard definition. Nothing is "
                   "written to the project before the last step."));

    m_path->setObjectName(QStringLiteral("filePath"));
    m_path->setAccessibleName(tr("File to import"));
    m_path->setPlaceholderText(tr("audits.csv"));
    m_browse->setObjectName(QStringLiteral("browseFile"));
    m_kind->setObjectName(QStringLiteral("kindChoice"));
    m_kind->setAccessibleName(tr("What the file holds"));
    for (auto choice : {ImportWizard::Choice::AuditsLong, ImportWizard::Choice::AuditsWide, ImportWizard::Choice::Csat,
                        ImportWizard::Choice::Agents, ImportWizard::Choice::Interactions, ImportWizard::Choice::Scorecard})
        m_kind->addItem(ImportWizard::choiceTitle(choice), int(choice));
    m_mapping->setObjectName(QStringLiteral("mappingChoice"));
    m_mapping->setAccessibleName(tr("Mapping"));
    m_loadMapping->setObjectName(QStringLiteral("openMapping"));
    m_description->setWordWrap(true);
    m_description->setObjectName(QStringLiteral("mappingDescription"));
    m_error->setObjectName(QStringLiteral("fileError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(m_browse);
    auto *mappingRow = new QHBoxLayout;
    mappingRow->addWidget(m_mapping, 1);
    mappingRow->addWidget(m_loadMapping);
    auto *form = new QFormLayout;
    // Rows whose field is a layout need their label's buddy set by hand for the & shortcut.
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    auto *mappingLabel = new QLabel(tr("&Mapping:"), this);
    mappingLabel->setBuddy(m_mapping);
    form->addRow(fileLabel, fileRow);
    form->addRow(tr("&Holds:"), m_kind);
    form->addRow(mappingLabel, mappingRow);
    form->addRow(QString(), m_description);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);

    connect(m_browse, &QPushButton::clicked, this, &ImportFilePage::browse);
    connect(m_loadMapping, &QPushButton::clicked, this, &ImportFilePage::browseMapping);
    connect(m_path, &QLineEdit::textChanged, this, [this](const QString &text) {
        // A scorecard is JSON; a mapping is never imported as data.
        const bool json = text.trimmed().endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
        if (json)
            m_kind->setCurrentIndex(m_kind->findData(int(ImportWizard::Choice::Scorecard)));
        else if (m_kind->currentData().toInt() == int(ImportWizard::Choice::Scorecard))
            m_kind->setCurrentIndex(0);
        m_error->hide();
        Q_EMIT completeChanged();
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        fillMappings();
        Q_EMIT completeChanged();
    });
    connect(m_mapping, &QComboBox::currentIndexChanged, this, &ImportFilePage::describe);
    fillMappings();
}

void ImportFilePage::setFile(const QString &path)
{
    m_path->setText(QDir::toNativeSeparators(path));
}

QString ImportFilePage::errorText() const
{
    return m_error->isVisible() || !m_error->isHidden() ? m_error->text() : QString();
}

void ImportFilePage::browse()
{
    const QString start = m_path->text().isEmpty() ? QDir::homePath() : QFileInfo(m_path->text()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import File"), start, tr("CSV files (*.csv *.txt *.tsv);;Scorecards (*.json);;All files (*)"));
    if (!path.isEmpty())
        setFile(path);
}

void ImportFilePage::browseMapping()
{
    const QString start = m_path->text().isEmpty() ? QDir::homePath() : QFileInfo(m_path->text()).absolutePath();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Mapping"), start, tr("Import mappings (*.json);;All files (*)"));
    if (!path.isEmpty())
        loadMappingFile(path);
}

bool ImportFilePage::loadMappingFile(const QString &path)
{
    QFile file(path);
    QString error;
    std::optional<ImportMapping> mapping;
    QByteArray json;
    if (!file.open(QIODevice::ReadOnly)) {
        error = file.errorString();
    } else {
        json = file.readAll();
        mapping = ImportMapping::parse(json, &error);
    }
    if (!mapping) {
        m_error->setText(tr("%1 is not a mapping this version can use: %2").arg(QFileInfo(path).fileName(), error));
        m_error->show();
        return false;
    }
    m_error->hide();
    m_files.append({path, *mapping});
    for (auto choice : {ImportWizard::Choice::AuditsLong, ImportWizard::Choice::AuditsWide, ImportWizard::Choice::Csat,
                        ImportWizard::Choice::Agents, ImportWizard::Choice::Interactions})
        if (ImportWizard::kindOf(choice) == mapping->kind)
            m_kind->setCurrentIndex(m_kind->findData(int(choice)));
    fillMappings();
    m_mapping->setCurrentIndex(m_mapping->findData(QStringLiteral("file:%1").arg(m_files.size() - 1)));
    return true;
}

void ImportFilePage::fillMappings()
{
    const auto choice = ImportWizard::Choice(m_kind->currentData().toInt());
    const QSignalBlocker quiet(m_mapping);
    const QString previous = m_mapping->currentData().toString();
    m_mapping->clear();
    const bool scorecard = choice == ImportWizard::Choice::Scorecard;
    m_mapping->setEnabled(!scorecard);
    m_loadMapping->setEnabled(!scorecard);
    if (scorecard) {
        m_mapping->addItem(tr("None needed"), Guess);
    } else {
        const ImportMapping::Kind kind = ImportWizard::kindOf(choice);
        m_mapping->addItem(tr("Suggest from the file's columns"), Guess);
        for (qsizetype i = 0; i < m_presets.size(); ++i)
            if (m_presets.at(i).mapping.kind == kind)
                m_mapping->addItem(tr("Preset: %1").arg(m_presets.at(i).title), QStringLiteral("preset:%1").arg(i));
        for (qsizetype i = 0; i < m_files.size(); ++i)
            if (m_files.at(i).second.kind == kind)
                m_mapping->addItem(tr("Saved: %1").arg(QFileInfo(m_files.at(i).first).fileName()),
                                   QStringLiteral("file:%1").arg(i));
    }
    const int again = m_mapping->findData(previous);
    m_mapping->setCurrentIndex(std::max(0, again));
    describe();
}

void ImportFilePage::describe()
{
    const QString data = m_mapping->currentData().toString();
    if (m_kind->currentData().toInt() == int(ImportWizard::Choice::Scorecard))
        m_description->setText(tr("A scorecard whose name is new is added; one whose content changed becomes a new "
                                  "version; one that only renames things is updated in place."));
    else if (data.startsWith(QLatin1String("preset:")))
        m_description->setText(m_presets.value(data.mid(7).toInt()).description);
    else if (data.startsWith(QLatin1String("file:")))
        m_description->setText(QDir::toNativeSeparators(m_files.value(data.mid(5).toInt()).first));
    else
        m_description->setText(tr("Each field is matched to the column whose header names it; you can change every "
                                  "choice in the next steps and save the result as a mapping file."));
}

bool ImportFilePage::isComplete() const
{
    const QFileInfo info(m_path->text().trimmed());
    return info.isFile() && info.isReadable();
}

bool ImportFilePage::validatePage()
{
    const QString path = QFileInfo(m_path->text().trimmed()).absoluteFilePath();
    const auto choice = ImportWizard::Choice(m_kind->currentData().toInt());
    m_wizard->setFilePath(path);
    m_wizard->setChoice(choice);
    if (choice == ImportWizard::Choice::Scorecard)
        return true;
    const QString data = m_mapping->currentData().toString();
    if (data.startsWith(QLatin1String("preset:"))) {
        m_wizard->setMapping(m_presets.value(data.mid(7).toInt()).mapping, true);
    } else if (data.startsWith(QLatin1String("file:"))) {
        m_wizard->setMapping(m_files.value(data.mid(5).toInt()).second, true);
    } else {
        ImportMapping guess;
        guess.kind = ImportWizard::kindOf(choice);
        m_wizard->setMapping(guess, false);
    }
    return true;
}

} // namespace ql
