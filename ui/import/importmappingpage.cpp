// SPDX-License-Identifier: GPL-3.0-or-later
#include "importmappingpage.h"

#include "import/datereader.h"
#include "import/mappingsuggestion.h"
#include "importwizard.h"
#include "store/project.h"
#include "store/scorecardstore.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ql {

namespace {

enum FieldColumn { FieldName, FieldColumnChoice, FieldSample };

bool isDateField(const QString &field)
{
    return field == QLatin1String("date") || field == QLatin1String("interaction_date") ||
           field == QLatin1String("hire_date") || field == QLatin1String("valid_from");
}

bool fromRoster(const QString &field, ImportMapping::Kind kind)
{
    return kind != ImportMapping::Kind::Agents &&
           (field == QLatin1String("team") || field == QLatin1String("site") || field == QLatin1String("supervisor"));
}

// Kinds with an answer or score column whose texts a value map translates.
bool hasValues(ImportMapping::Kind kind)
{
    return kind != ImportMapping::Kind::Agents && kind != ImportMapping::Kind::Interactions;
}

// Kinds whose records carry custom dimensions (formats.md "dimensions").
bool hasDimensions(ImportMapping::Kind kind)
{
    return kind == ImportMapping::Kind::AuditsLong || kind == ImportMapping::Kind::AuditsWide ||
           kind == ImportMapping::Kind::Csat;
}

bool isNumber(const QString &text)
{
    bool ok = false;
    QString t = text.trimmed();
    t.replace(QLatin1Char(','), QLatin1Char('.'));
    t.toDouble(&ok);
    return ok;
}

QString valueText(const ValueMap::Value &v)
{
    switch (v.kind) {
    case ValueMap::Value::NotApplicable:
        return QStringLiteral("na");
    case ValueMap::Value::Text:
        return v.text;
    case ValueMap::Value::Number:
        break;
    }
    return QString::number(v.number, 'g', 15);
}

// The "Stored as" cell as a value: a number, na, or a text (an option's label, a sample type).
QJsonValue storedValue(const QString &text)
{
    const QString t = text.trimmed();
    if (t.compare(QLatin1String("na"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("na");
    bool ok = false;
    const double d = t.toDouble(&ok);
    return ok ? QJsonValue(d) : QJsonValue(t);
}

} // namespace

ImportMappingPage::ImportMappingPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_source(new QLineEdit(this))
    , m_scorecard(new QComboBox(this))
    , m_dateFormat(new QComboBox(this))
    , m_scale(new QLineEdit(this))
    , m_scorecardLabel(new QLabel(tr("&Scorecard:"), this))
    , m_scaleLabel(new QLabel(tr("S&cale:"), this))
    , m_tabs(new QTabWidget(this))
    , m_fields(new QTableWidget(0, 3, this))
    , m_criteria(new QTableWidget(0, 2, this))
    , m_values(new QTableWidget(0, 2, this))
    , m_criteriaNote(new QLabel(this))
    , m_error(new QLabel(this))
    , m_valuesNote(new QLabel(this))
    , m_dimensionName(new QLineEdit(this))
    , m_addDimension(new QPushButton(tr("Add &Dimension"), this))
{
    setObjectName(QStringLiteral("importMappingPage"));
    setTitle(tr("Map the columns"));
    setSubTitle(tr("Choose the column each field is read from. “As read” shows the first values as they will be "
                   "stored; fields marked * are required."));
    m_source->setObjectName(QStringLiteral("sourceEdit"));
    m_source->setAccessibleName(tr("Source"));
    m_source->setToolTip(tr("Where the file comes from: ids are unique within a source, so two tools that both "
                            "number from 1 never collide."));
    m_scorecard->setObjectName(QStringLiteral("scorecardChoice"));
    m_scorecard->setAccessibleName(tr("Scorecard"));
    m_scorecard->setEditable(true);
    m_scorecardLabel->setBuddy(m_scorecard);
    m_dateFormat->setObjectName(QStringLiteral("dateFormat"));
    m_dateFormat->setAccessibleName(tr("Date format"));
    m_dateFormat->setEditable(true);
    m_dateFormat->addItems({QStringLiteral("auto"), QStringLiteral("M/d/yyyy"), QStringLiteral("d/M/yyyy"),
                            QStringLiteral("d.M.yyyy"), QStringLiteral("yyyy-MM-dd"), QStringLiteral("M/d/yyyy H:mm"),
                            QStringLiteral("d/M/yyyy H:mm"), QStringLiteral("d.M.yyyy H:mm")});
    m_dateFormat->setToolTip(tr("auto reads ISO dates (2026-03-07, 2026-03-07T14:05Z); otherwise a Qt date format "
                                "that describes the whole cell: M/d/yyyy reads 3/7/2026 and 03/07/2026."));
    m_scale->setObjectName(QStringLiteral("scaleEdit"));
    m_scale->setAccessibleName(tr("CSAT scale"));
    m_scale->setToolTip(tr("1-5, 0-10, … or the answer labels from worst to best, separated by commas"));
    m_scaleLabel->setBuddy(m_scale);

    m_fields->setObjectName(QStringLiteral("fieldsTable"));
    m_fields->setAccessibleName(tr("Fields and their columns"));
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("Column in the file"), tr("As read")});
    m_criteria->setObjectName(QStringLiteral("criteriaTable"));
    m_values->setObjectName(QStringLiteral("valuesTable"));
    m_values->setAccessibleName(tr("Value map"));
    m_values->setHorizontalHeaderLabels({tr("Text in the file"), tr("Stored as")});
    for (QTableWidget *t : {m_fields, m_criteria, m_values}) {
        t->verticalHeader()->hide();
        t->horizontalHeader()->setStretchLastSection(true);
        t->setSelectionMode(QAbstractItemView::SingleSelection);
        t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 14);
    }
    m_fields->setColumnWidth(FieldName, 170);
    m_fields->setColumnWidth(FieldColumnChoice, 240);
    m_criteria->setColumnWidth(0, 260);
    m_values->setColumnWidth(0, 260);
    m_criteriaNote->setWordWrap(true);
    auto *criteriaPage = new QWidget(m_tabs);
    auto *criteriaLayout = new QVBoxLayout(criteriaPage);
    criteriaLayout->addWidget(m_criteriaNote);
    criteriaLayout->addWidget(m_criteria, 1);
    auto *valuesPage = new QWidget(m_tabs);
    auto *valuesLayout = new QVBoxLayout(valuesPage);
    auto *valuesNote = new QLabel(tr("How each text of the answer column is stored: a number, na (not applicable) or "
                                     "an option's label. Leave a row empty to read the text as it is: numbers as "
                                     "numbers, and N/A, NA or - as not applicable."),
                                  valuesPage);
    valuesNote->setWordWrap(true);
    valuesLayout->addWidget(valuesNote);
    valuesLayout->addWidget(m_values, 1);
    m_dimensionName->setObjectName(QStringLiteral("dimensionName"));
    m_dimensionName->setAccessibleName(tr("New dimension's name"));
    m_dimensionName->setPlaceholderText(tr("A column of your own as a dimension: product, language, vendor…"));
    m_dimensionName->setClearButtonEnabled(true);
    m_addDimension->setObjectName(QStringLiteral("addDimension"));
    m_addDimension->setToolTip(tr("Add a custom dimension (for pivots, filters and root-cause analysis) and choose its "
                                  "column in the table"));
    m_addDimension->setEnabled(false);
    auto *fieldsPage = new QWidget(m_tabs);
    auto *fieldsLayout = new QVBoxLayout(fieldsPage);
    fieldsLayout->addWidget(m_fields, 1);
    auto *dimensionRow = new QHBoxLayout;
    dimensionRow->addWidget(m_dimensionName, 1);
    dimensionRow->addWidget(m_addDimension);
    fieldsLayout->addLayout(dimensionRow);
    m_tabs->setObjectName(QStringLiteral("mappingTabs"));
    m_tabs->addTab(fieldsPage, tr("Columns"));
    m_tabs->addTab(criteriaPage, tr("Criteria"));
    m_tabs->addTab(valuesPage, tr("Values"));

    auto *save = new QPushButton(tr("Save Mapping…"), this);
    save->setObjectName(QStringLiteral("saveMapping"));
    save->setToolTip(tr("Save this mapping as a JSON file to use again here or with qualitylens-cli import"));
    m_error->setObjectName(QStringLiteral("mappingError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("S&ource:"), m_source);
    form->addRow(m_scorecardLabel, m_scorecard);
    form->addRow(tr("&Dates:"), m_dateFormat);
    form->addRow(m_scaleLabel, m_scale);
    m_valuesNote->setObjectName(QStringLiteral("valuesSource"));
    m_valuesNote->setWordWrap(true);
    m_valuesNote->setTextFormat(Qt::PlainText);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_error, 1);
    bottom->addWidget(save, 0, Qt::AlignRight | Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_valuesNote);
    layout->addLayout(bottom);

    connect(save, &QPushButton::clicked, this, &ImportMappingPage::saveAs);
    connect(m_dateFormat, &QComboBox::currentTextChanged, this, &ImportMappingPage::updateSamples);
    connect(m_scorecard, &QComboBox::currentTextChanged, this, [this] {
        if (m_filling)
            return;
        QString ignored;
        const auto m = buildMapping(&ignored);
        loadCriteria();
        if (m)
            fillCriteria(*m);
    });
    connect(m_values, &QTableWidget::itemChanged, this, &ImportMappingPage::updateSamples);
    connect(m_wizard, &ImportWizard::columnValuesRead, this, &ImportMappingPage::refreshLists);
    connect(m_dimensionName, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_addDimension->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_dimensionName, &QLineEdit::returnPressed, this, [this] { addDimension(m_dimensionName->text()); });
    connect(m_addDimension, &QPushButton::clicked, this, [this] { addDimension(m_dimensionName->text()); });
}

bool ImportMappingPage::addDimension(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return false;
    ImportMapping m = draftMapping();
    QString why;
    if (m_fieldNames.contains(QStringLiteral("dim:") + trimmed))
        why = tr("“%1” is already a dimension of this mapping.").arg(trimmed);
    if (why.isEmpty()) {
        // Checked as the mapping file would be (built-in names are refused there, with the reason).
        QJsonObject o = m.toJson();
        QJsonObject dimensions = o.value(QStringLiteral("dimensions")).toObject();
        dimensions.insert(trimmed, QStringLiteral("-"));
        o.insert(QStringLiteral("dimensions"), dimensions);
        QString error;
        if (!ImportMapping::fromJson(o, &error) && error.contains(QStringLiteral("dimensions.")))
            why = error;
    }
    if (!why.isEmpty()) {
        m_error->setText(tr("The dimension was not added: %1").arg(why));
        m_error->show();
        return false;
    }
    m_error->hide();
    // The column whose header is the name (ignoring case), if there is one; else the user picks it.
    QString column;
    for (const QString &h : m_wizard->preview().header)
        if (h.trimmed().compare(trimmed, Qt::CaseInsensitive) == 0)
            column = h;
    m.dimensions.append({trimmed, column});
    fillFields(m, dimensionRows() << trimmed);
    if (column.isEmpty()) // left out of the mapping until a column is chosen
        m_fields->setCurrentCell(int(m_fieldNames.size()) - 1, FieldColumnChoice);
    m_dimensionName->clear();
    updateSamples();
    return true;
}

void ImportMappingPage::initializePage()
{
    ImportMapping m = m_wizard->mapping();
    const QStringList &header = m_wizard->preview().header;
    const bool audits = m.kind == ImportMapping::Kind::AuditsLong || m.kind == ImportMapping::Kind::AuditsWide;
    m_filling = true;
    m_scorecard->clear();
    if (audits && m_wizard->project()) {
        QStringList names;
        for (const ScorecardVersionInfo &v : ScorecardStore(m_wizard->project()->database()).versions())
            if (!names.contains(v.name))
                names << v.name;
        m_scorecard->addItems(names);
    }
    if (!m_wizard->mappingGiven()) {
        const ImportMapping guess = MappingSuggestion::suggest(m.kind, header);
        m.columns = guess.columns;
        if (audits && m.scorecard.isEmpty() && m_scorecard->count() > 0)
            m.scorecard = m_scorecard->itemText(0);
    }
    m_source->setText(m.source);
    m_scorecard->setCurrentText(m.scorecard);
    m_scorecard->setVisible(audits);
    m_scorecardLabel->setVisible(audits);
    m_dateFormat->setCurrentText(m.dateFormat);
    const bool csat = m.kind == ImportMapping::Kind::Csat;
    m_scale->setVisible(csat);
    m_scaleLabel->setVisible(csat);
    m_scale->setText(m.csatScale.isLabels() ? m.csatScale.labels.join(QStringLiteral(", "))
                                            : QStringLiteral("%1-%2").arg(m.csatScale.min).arg(m.csatScale.max));
    loadCriteria();
    if (!m_wizard->mappingGiven() && m.kind == ImportMapping::Kind::AuditsWide)
        m.criteriaColumns = MappingSuggestion::criteriaColumns(m, header, m_criterionList);
    m_filling = false;
    fillFields(m, m_wizard->dimensionRows());
    fillCriteria(m);
    fillValues(m);
    m_tabs->setTabVisible(1, audits);
    m_tabs->setTabVisible(2, hasValues(m.kind));
    m_dimensionName->setVisible(hasDimensions(m.kind));
    m_addDimension->setVisible(hasDimensions(m.kind));
    m_tabs->setCurrentIndex(0);
    m_error->hide();
    updateValuesNote();
    updateSamples();
}

void ImportMappingPage::cleanupPage()
{
    // Back to the preview: keep what was mapped so far for when the user comes forward again, also
    // when it does not hold together yet (then without the value map, which only a checked mapping
    // carries) and the dimensions still waiting for their column.
    QString ignored;
    const auto m = buildMapping(&ignored);
    m_wizard->setMapping(m ? *m : draftMapping(), true, dimensionRows());
}

void ImportMappingPage::loadCriteria()
{
    m_criterionList.clear();
    if (!m_wizard->project() || m_scorecard->currentText().trimmed().isEmpty())
        return;
    ScorecardStore store(m_wizard->project()->database());
    const QList<ScorecardVersionInfo> versions = store.versions(m_scorecard->currentText().trimmed());
    if (versions.isEmpty())
        return;
    // The latest version's criteria; an older version's key that is gone can still be typed in.
    if (const auto stored = store.load(versions.last().id))
        for (const Section &s : stored->card.sections)
            for (const Criterion &c : s.criteria)
                m_criterionList.append({c.key, c.name});
}

int ImportMappingPage::headerIndex(const QString &header) const
{
    return int(m_wizard->preview().header.indexOf(header));
}

QStringList ImportMappingPage::sampleColumn(int column, int max) const
{
    QStringList out;
    if (column < 0)
        return out;
    // The lists (max 0) come from the whole file once it has been read; until then, and for the
    // live "As read" samples, from the first rows.
    const ColumnValues &all = m_wizard->columnValues();
    if (max <= 0 && m_wizard->hasColumnValues() && all.header == m_wizard->preview().header)
        return all.values.value(column);
    for (const QStringList &row : m_wizard->preview().rows) {
        const QString cell = row.value(column).trimmed();
        if (cell.isEmpty() || out.contains(cell))
            continue;
        out << cell;
        if (max > 0 && out.size() >= max)
            break;
    }
    return out;
}

void ImportMappingPage::refreshLists()
{
    updateValuesNote();
    if (m_wizard->currentPage() != this)
        return; // initializePage() fills the lists from the whole file's values
    if (m_wizard->preview().rows.size() >= m_wizard->columnValues().records)
        return; // the first rows were the whole file: the lists are already complete
    // Refill the criterion and value lists from the whole file, keeping what was chosen in them.
    const ImportMapping m = draftMapping();
    QHash<QString, QString> stored;
    for (int row = 0; row < m_values->rowCount(); ++row)
        if (m_values->item(row, 1))
            stored.insert(m_values->item(row, 0)->text(), m_values->item(row, 1)->text());
    fillCriteria(m);
    fillValues(m);
    {
        const QSignalBlocker quiet(m_values);
        for (int row = 0; row < m_values->rowCount(); ++row)
            if (const auto it = stored.constFind(m_values->item(row, 0)->text()); it != stored.cend())
                m_values->item(row, 1)->setText(*it);
    }
    updateSamples();
}

void ImportMappingPage::updateValuesNote()
{
    const ColumnValues &all = m_wizard->columnValues();
    if (!m_wizard->hasColumnValues()) {
        m_valuesNote->setText(tr("Reading the whole file for its criterion names and answer texts; until then these "
                                 "lists show those of the first rows."));
        m_valuesNote->show();
        return;
    }
    const bool cut = std::any_of(all.more.cbegin(), all.more.cend(), [](bool more) { return more; });
    m_valuesNote->setText(tr("From all %1 rows of the file.").arg(QLocale().toString(all.records)) +
                          (cut ? QLatin1Char(' ') + tr("A column with more than %1 different texts lists its first %1.")
                                                        .arg(QLocale().toString(ImportWizard::ValueLimit))
                               : QString()));
    m_valuesNote->show();
}

QStringList ImportMappingPage::dimensionRows() const
{
    QStringList names;
    for (const QString &field : m_fieldNames)
        if (field.startsWith(QLatin1String("dim:")))
            names << field.mid(4);
    return names;
}

void ImportMappingPage::fillFields(const ImportMapping &m, const QStringList &dimensionRows)
{
    const QStringList &header = m_wizard->preview().header;
    const QStringList required = ImportMapping::requiredFieldsOf(m.kind);
    m_fieldNames = ImportMapping::fieldsOf(m.kind);
    QStringList names = dimensionRows;
    for (const auto &[name, column] : m.dimensions)
        if (!names.contains(name))
            names << name;
    for (const QString &name : std::as_const(names))
        m_fieldNames << QStringLiteral("dim:") + name;
    m_fields->clearContents();
    m_fields->setRowCount(int(m_fieldNames.size()));
    for (int row = 0; row < m_fieldNames.size(); ++row) {
        const QString field = m_fieldNames.at(row);
        const bool dimension = field.startsWith(QLatin1String("dim:"));
        const QString shown = dimension ? tr("%1 (dimension)").arg(field.mid(4))
                                        : required.contains(field) ? field + QStringLiteral(" *") : field;
        auto *name = new QTableWidgetItem(shown);
        name->setFlags(Qt::ItemIsEnabled);
        if (required.contains(field)) {
            QFont bold = name->font();
            bold.setBold(true);
            name->setFont(bold);
            name->setToolTip(tr("Required"));
        }
        m_fields->setItem(row, FieldName, name);
        auto *combo = new QComboBox(m_fields);
        combo->setAccessibleName(tr("Column for %1").arg(field));
        combo->addItem(fromRoster(field, m.kind) ? tr("— from the roster —") : tr("— not imported —"), QString());
        for (const QString &h : header)
            combo->addItem(h, h);
        const QString current = dimension ? [&] {
            for (const auto &[n, c] : m.dimensions)
                if (n == field.mid(4))
                    return c;
            return QString();
        }()
                                          : m.columnFor(field);
        if (!current.isEmpty() && combo->findData(current) < 0)
            combo->addItem(tr("%1 (not in this file)").arg(current), current);
        combo->setCurrentIndex(std::max(0, combo->findData(current)));
        connect(combo, &QComboBox::currentIndexChanged, this, &ImportMappingPage::updateSamples);
        m_fields->setCellWidget(row, FieldColumnChoice, combo);
        auto *sample = new QTableWidgetItem;
        sample->setFlags(Qt::ItemIsEnabled);
        m_fields->setItem(row, FieldSample, sample);
    }
}

QComboBox *ImportMappingPage::columnCombo(int row) const
{
    return qobject_cast<QComboBox *>(m_fields->cellWidget(row, FieldColumnChoice));
}

QComboBox *ImportMappingPage::criterionCombo(int row) const
{
    return qobject_cast<QComboBox *>(m_criteria->cellWidget(row, 1));
}

QComboBox *ImportMappingPage::newCriterionCombo(const QString &selected, const QString &emptyText)
{
    auto *combo = new QComboBox(m_criteria);
    combo->addItem(emptyText, QString());
    for (const auto &[key, name] : std::as_const(m_criterionList))
        combo->addItem(name == key ? key : QStringLiteral("%1 — %2").arg(key, name), key);
    if (!selected.isEmpty() && combo->findData(selected) < 0)
        combo->addItem(selected, selected);
    combo->setCurrentIndex(std::max(0, combo->findData(selected)));
    return combo;
}

void ImportMappingPage::fillCriteria(const ImportMapping &m)
{
    m_criteria->clearContents();
    m_criteria->setRowCount(0);
    if (m.kind == ImportMapping::Kind::AuditsWide) {
        m_criteriaNote->setText(tr("Which column holds the answers to which criterion of the scorecard."));
        m_criteria->setHorizontalHeaderLabels({tr("Column in the file"), tr("Criterion")});
        m_criteria->setAccessibleName(tr("Criterion columns"));
        QSet<QString> fieldColumns;
        for (const auto &[field, column] : m.columns)
            fieldColumns.insert(column);
        for (const auto &[name, column] : m.dimensions)
            fieldColumns.insert(column);
        for (const auto &[column, key] : m.rootCauseColumns)
            fieldColumns.insert(column);
        for (const QString &h : m_wizard->preview().header) {
            if (fieldColumns.contains(h))
                continue;
            QString key;
            for (const auto &[column, k] : m.criteriaColumns)
                if (column == h)
                    key = k;
            const int row = m_criteria->rowCount();
            m_criteria->insertRow(row);
            auto *item = new QTableWidgetItem(h);
            item->setFlags(Qt::ItemIsEnabled);
            m_criteria->setItem(row, 0, item);
            m_criteria->setCellWidget(row, 1, newCriterionCombo(key, tr("— not a criterion —")));
        }
    } else if (m.kind == ImportMapping::Kind::AuditsLong) {
        m_criteriaNote->setText(tr("The criterion names in the file and the scorecard's criteria they mean. A name "
                                   "left unmapped must be a criterion's key or name (any letter case)."));
        m_criteria->setHorizontalHeaderLabels({tr("Name in the file"), tr("Criterion")});
        m_criteria->setAccessibleName(tr("Criterion names"));
        QStringList labels = sampleColumn(headerIndex(m.columnFor(u"criterion")), 0);
        for (const auto &[label, key] : m.criteria)
            if (!labels.contains(label))
                labels << label;
        for (const QString &label : std::as_const(labels)) {
            const int row = m_criteria->rowCount();
            m_criteria->insertRow(row);
            auto *item = new QTableWidgetItem(label);
            item->setFlags(Qt::ItemIsEnabled);
            m_criteria->setItem(row, 0, item);
            m_criteria->setCellWidget(row, 1, newCriterionCombo(m.criterionForLabel(label), tr("— its key or name —")));
        }
    }
}

QString ImportMappingPage::valueField() const
{
    return m_wizard->mapping().kind == ImportMapping::Kind::Csat ? QStringLiteral("score") : QStringLiteral("value");
}

void ImportMappingPage::fillValues(const ImportMapping &m)
{
    const QSignalBlocker quiet(m_values);
    m_values->clearContents();
    m_values->setRowCount(0);
    if (!hasValues(m.kind))
        return;
    QList<std::pair<QString, QString>> rows;
    if (const ValueMap *map = m.valuesFor(valueField()))
        for (const auto &[key, value] : map->entries())
            rows.append({key, valueText(value)});
    QList<int> columns;
    if (m.kind == ImportMapping::Kind::AuditsWide) {
        for (const auto &[column, key] : m.criteriaColumns)
            columns << headerIndex(column);
    } else {
        columns << headerIndex(m.columnFor(valueField()));
    }
    for (int column : std::as_const(columns))
        for (const QString &text : sampleColumn(column, 0)) {
            const bool known = std::any_of(rows.cbegin(), rows.cend(), [&](const auto &r) {
                return r.first.compare(text, Qt::CaseInsensitive) == 0;
            });
            if (!known && !isNumber(text))
                rows.append({text, QString()});
        }
    for (const auto &[text, stored] : std::as_const(rows)) {
        const int row = m_values->rowCount();
        m_values->insertRow(row);
        auto *item = new QTableWidgetItem(text);
        item->setFlags(Qt::ItemIsEnabled);
        m_values->setItem(row, 0, item);
        m_values->setItem(row, 1, new QTableWidgetItem(stored));
    }
}

ImportMapping ImportMappingPage::draftMapping() const
{
    ImportMapping m = m_wizard->mapping();
    const QStringList &header = m_wizard->preview().header;
    m.source = m_source->text().trimmed().isEmpty() ? QStringLiteral("default") : m_source->text().trimmed();
    if (m.kind == ImportMapping::Kind::AuditsLong || m.kind == ImportMapping::Kind::AuditsWide)
        m.scorecard = m_scorecard->currentText().trimmed();
    m.dateFormat = m_dateFormat->currentText().trimmed().isEmpty() ? QStringLiteral("auto")
                                                                    : m_dateFormat->currentText().trimmed();
    m.columns.clear();
    m.dimensions.clear();
    for (int row = 0; row < m_fieldNames.size(); ++row) {
        const QString column = columnCombo(row) ? columnCombo(row)->currentData().toString() : QString();
        if (column.isEmpty())
            continue;
        const QString field = m_fieldNames.at(row);
        if (field.startsWith(QLatin1String("dim:")))
            m.dimensions.append({field.mid(4), column});
        else
            m.columns.append({field, column});
    }
    if (m.kind == ImportMapping::Kind::AuditsWide) {
        m.criteriaColumns.clear();
        for (int row = 0; row < m_criteria->rowCount(); ++row)
            if (const QString key = criterionCombo(row)->currentData().toString(); !key.isEmpty())
                m.criteriaColumns.append({m_criteria->item(row, 0)->text(), key});
        m.rootCauseColumns.removeIf([&](const auto &p) { return !header.contains(p.first); });
    } else if (m.kind == ImportMapping::Kind::AuditsLong) {
        m.criteria.clear();
        for (int row = 0; row < m_criteria->rowCount(); ++row)
            if (const QString key = criterionCombo(row)->currentData().toString(); !key.isEmpty())
                m.criteria.append({m_criteria->item(row, 0)->text(), key});
    }
    return m;
}

std::optional<ImportMapping> ImportMappingPage::buildMapping(QString *error) const
{
    const ImportMapping m = draftMapping();
    // The rest goes through the JSON, so the page's mapping is checked exactly as a file would be.
    QJsonObject o = m.toJson();
    if (hasValues(m.kind)) {
        QJsonObject values = o.value(QStringLiteral("values")).toObject();
        QJsonObject map;
        for (int row = 0; row < m_values->rowCount(); ++row) {
            const QString stored = m_values->item(row, 1) ? m_values->item(row, 1)->text().trimmed() : QString();
            if (!stored.isEmpty())
                map.insert(m_values->item(row, 0)->text(), storedValue(stored));
        }
        values.remove(valueField());
        if (!map.isEmpty())
            values.insert(valueField(), map);
        if (values.isEmpty())
            o.remove(QStringLiteral("values"));
        else
            o.insert(QStringLiteral("values"), values);
    }
    if (m.kind == ImportMapping::Kind::Csat) {
        static const QRegularExpression range(QStringLiteral("^\\s*(\\d+)\\s*[-–]\\s*(\\d+)\\s*$"));
        QJsonObject scale;
        const QRegularExpressionMatch match = range.match(m_scale->text());
        if (match.hasMatch()) {
            scale.insert(QStringLiteral("min"), match.captured(1).toInt());
            scale.insert(QStringLiteral("max"), match.captured(2).toInt());
        } else {
            QJsonArray labels;
            for (const QString &l : m_scale->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
                labels.append(l.trimmed());
            scale.insert(QStringLiteral("labels"), labels);
        }
        if (scale != o.value(QStringLiteral("scale")).toObject()) {
            // A new scale takes scoring.md's default satisfied and dissatisfied sets.
            o.insert(QStringLiteral("scale"), scale);
            o.remove(QStringLiteral("satisfied"));
            o.remove(QStringLiteral("dissatisfied"));
        }
    }
    return ImportMapping::fromJson(o, error);
}

void ImportMappingPage::updateSamples()
{
    if (m_filling)
        return;
    QString ignored;
    const auto built = buildMapping(&ignored);
    const ImportMapping &m = built ? *built : m_wizard->mapping();
    const DateReader dates(m.dateFormat, m.timeZone);
    const ValueMap *map = m.valuesFor(valueField());
    for (int row = 0; row < m_fieldNames.size(); ++row) {
        const QString field = m_fieldNames.at(row);
        QTableWidgetItem *sample = m_fields->item(row, FieldSample);
        const QString column = columnCombo(row)->currentData().toString();
        if (column.isEmpty()) {
            sample->setText(QString());
            continue;
        }
        const int index = headerIndex(column);
        if (index < 0) {
            sample->setText(tr("✗ the file has no column “%1”").arg(column));
            continue;
        }
        QStringList shown;
        bool bad = false;
        for (const QString &cell : sampleColumn(index, 3)) {
            if (isDateField(field)) {
                const QDate d = dates.read(cell).date;
                bad = bad || !d.isValid();
                shown << (d.isValid() ? DateReader::isoDate(d) : tr("✗ %1 is not %2").arg(cell, dates.expected()));
            } else if (field == valueField() && map && map->find(cell)) {
                shown << tr("%1 → %2").arg(cell, valueText(*map->find(cell)));
            } else {
                shown << cell;
            }
        }
        sample->setText(shown.join(QStringLiteral(" · ")));
        sample->setToolTip(bad ? tr("Some dates do not read with this format: choose another under Dates.")
                               : QString());
    }
}

bool ImportMappingPage::setColumn(const QString &field, const QString &header)
{
    const int row = int(m_fieldNames.indexOf(field));
    QComboBox *combo = row >= 0 ? columnCombo(row) : nullptr;
    const int at = combo ? combo->findData(header) : -1;
    if (at < 0)
        return false;
    combo->setCurrentIndex(at);
    return true;
}

QString ImportMappingPage::column(const QString &field) const
{
    const int row = int(m_fieldNames.indexOf(field));
    return row >= 0 ? columnCombo(row)->currentData().toString() : QString();
}

QString ImportMappingPage::sampleText(const QString &field) const
{
    const int row = int(m_fieldNames.indexOf(field));
    return row >= 0 ? m_fields->item(row, FieldSample)->text() : QString();
}

bool ImportMappingPage::setValue(const QString &fileText, const QString &storedAs)
{
    for (int row = 0; row < m_values->rowCount(); ++row) {
        if (m_values->item(row, 0)->text() == fileText) {
            m_values->item(row, 1)->setText(storedAs);
            return true;
        }
    }
    return false;
}

bool ImportMappingPage::saveMapping(const QString &path, QString *error)
{
    QString why;
    const auto m = buildMapping(&why);
    if (m) {
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly) && file.write(m->toJsonText()) >= 0 && file.commit())
            return true;
        why = file.errorString();
    }
    if (error)
        *error = why;
    return false;
}

void ImportMappingPage::saveAs()
{
    const QString start = QFileInfo(m_wizard->filePath()).absolutePath() + QLatin1Char('/') +
                          QFileInfo(m_wizard->filePath()).completeBaseName() + QStringLiteral("-mapping.json");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Mapping"), start, tr("Import mappings (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveMapping(path, &error)) {
        m_error->setText(tr("The mapping was not saved: %1").arg(error));
        m_error->show();
    }
}

bool ImportMappingPage::validatePage()
{
    QString error;
    const auto m = buildMapping(&error);
    if (!m) {
        m_error->setText(tr("This mapping cannot be used yet: %1").arg(error));
        m_error->show();
        return false;
    }
    m_error->hide();
    m_wizard->setMapping(*m, true, dimensionRows());
    return true;
}

} // namespace ql
