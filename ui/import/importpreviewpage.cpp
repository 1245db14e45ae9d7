// SPDX-License-Identifier: GPL-3.0-or-later
#include "importpreviewpage.h"

#include "common/jobrunner.h"
#include "import/encodingdetector.h"
#include "importwizard.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ql {

ImportPreviewPage::ImportPreviewPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_encoding(new QComboBox(this))
    , m_delimiter(new QComboBox(this))
    , m_encodingNote(new QLabel(this))
    , m_delimiterNote(new QLabel(this))
    , m_status(new QLabel(this))
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("importPreviewPage"));
    setTitle(tr("Check how the file reads"));
    setSubTitle(tr("The first rows as QualityLens reads them. If the letters look wrong, choose another encoding; "
                   "if the columns are run together, another delimiter."));
    m_encoding->setObjectName(QStringLiteral("encodingChoice"));
    m_encoding->setAccessibleName(tr("Encoding"));
    m_encoding->addItem(tr("Detect"), QStringLiteral("auto"));
    const QStringList names{QStringLiteral("UTF-8"), QStringLiteral("UTF-16LE"), QStringLiteral("UTF-16BE"),
                            QStringLiteral("Windows-1252"), QStringLiteral("Latin-1")};
    const QStringList values = EncodingDetector::encodingNames();
    for (qsizetype i = 0; i < values.size(); ++i)
        m_encoding->addItem(names.value(i, values.at(i)), values.at(i));
    m_delimiter->setObjectName(QStringLiteral("delimiterChoice"));
    m_delimiter->setAccessibleName(tr("Delimiter"));
    m_delimiter->addItem(tr("Detect"), QString());
    m_delimiter->addItem(tr("Comma ( , )"), QStringLiteral(","));
    m_delimiter->addItem(tr("Semicolon ( ; )"), QStringLiteral(";"));
    m_delimiter->addItem(tr("Tab"), QStringLiteral("\t"));
    m_delimiter->addItem(tr("Pipe ( | )"), QStringLiteral("|"));
    for (QLabel *note : {m_encodingNote, m_delimiterNote, m_status}) {
        note->setWordWrap(true);
        note->setTextFormat(Qt::PlainText);
    }
    m_encodingNote->setObjectName(QStringLiteral("encodingNote"));
    m_delimiterNote->setObjectName(QStringLiteral("delimiterNote"));
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setAccessibleName(tr("First rows of the file"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setToolTip(tr("The line of the file where the row starts"));
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *encodingRow = new QHBoxLayout;
    encodingRow->addWidget(m_encoding);
    encodingRow->addWidget(m_encodingNote, 1);
    auto *delimiterRow = new QHBoxLayout;
    delimiterRow->addWidget(m_delimiter);
    delimiterRow->addWidget(m_delimiterNote, 1);
    auto *form = new QFormLayout;
    auto *encodingLabel = new QLabel(tr("&Encoding:"), this);
    encodingLabel->setBuddy(m_encoding);
    auto *delimiterLabel = new QLabel(tr("&Delimiter:"), this);
    delimiterLabel->setBuddy(m_delimiter);
    form->addRow(encodingLabel, encodingRow);
    form->addRow(delimiterLabel, delimiterRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);

    const auto changed = [this] {
        ImportMapping &m = m_wizard->mapping();
        m.encoding = m_encoding->currentData().toString();
        const QString d = m_delimiter->currentData().toString();
        m.delimiter = d.isEmpty() ? QChar() : d.at(0);
        load();
    };
    connect(m_encoding, &QComboBox::activated, this, changed);
    connect(m_delimiter, &QComboBox::activated, this, changed);
}

void ImportPreviewPage::initializePage()
{
    const ImportMapping &m = m_wizard->mapping();
    m_encoding->setCurrentIndex(std::max(0, m_encoding->findData(m.encoding)));
    m_delimiter->setCurrentIndex(std::max(0, m_delimiter->findData(m.delimiter.isNull() ? QString() : QString(m.delimiter))));
    load();
}

void ImportPreviewPage::load()
{
    m_loading = true;
    m_ok = false;
    Q_EMIT completeChanged();
    m_status->setText(tr("Reading %1…").arg(QFileInfo(m_wizard->filePath()).fileName()));
    m_status->show();
    const QString path = m_wizard->filePath();
    const QString encoding = m_wizard->mapping().encoding;
    const QChar delimiter = m_wizard->mapping().delimiter;
    m_wizard->runner()->start<ImportPreview>(
        QStringLiteral("preview"), tr("Reading the file"),
        [path, encoding, delimiter](JobContext &) {
            return Importer::preview(path, encoding, delimiter, SampledRows);
        },
        [this](ImportPreview &&p) {
            m_loading = false;
            m_ok = p.error.isEmpty() && !p.header.isEmpty();
            m_encodingNote->setText(p.encoding.description());
            m_delimiterNote->setText(p.delimiterDescription.isEmpty()
                                         ? tr("as chosen")
                                         : p.delimiterDescription);
            if (!p.error.isEmpty())
                m_status->setText(tr("The file cannot be read this way: %1").arg(p.error));
            else if (p.header.isEmpty())
                m_status->setText(tr("The file is empty."));
            else
                m_status->setText(tr("%1 columns; the first %2 rows:")
                                      .arg(p.header.size())
                                      .arg(std::min<qsizetype>(p.rows.size(), ShownRows)));
            m_table->clear();
            m_table->setColumnCount(int(p.header.size()));
            m_table->setHorizontalHeaderLabels(p.header);
            const int rows = int(std::min<qsizetype>(p.rows.size(), ShownRows));
            m_table->setRowCount(rows);
            QStringList lines;
            for (int r = 0; r < rows; ++r) {
                lines << QString::number(p.lines.value(r));
                const QStringList &fields = p.rows.at(r);
                for (int c = 0; c < fields.size() && c < p.header.size(); ++c) {
                    QString text = fields.at(c);
                    // A line break inside a quoted field shows as ⏎; the tooltip has the text as written.
                    text.replace(QStringLiteral("\r\n"), QStringLiteral(" ⏎ "));
                    text.replace(QLatin1Char('\n'), QStringLiteral(" ⏎ ")).replace(QLatin1Char('\r'), QStringLiteral(" ⏎ "));
                    auto *item = new QTableWidgetItem(text);
                    item->setToolTip(fields.at(c));
                    m_table->setItem(r, c, item);
                }
            }
            m_table->setVerticalHeaderLabels(lines);
            m_table->resizeColumnsToContents();
            for (int c = 0; c < m_table->columnCount(); ++c)
                m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), 280));
            // What "Detect" found is what the import uses: keep it, so the mapping names it.
            m_wizard->setPreview(p);
            // The criterion and value lists of the mapping step come from the whole file.
            if (m_ok)
                m_wizard->readColumnValues();
            Q_EMIT completeChanged();
        });
}

bool ImportPreviewPage::isComplete() const
{
    return !m_loading && m_ok;
}

} // namespace ql
