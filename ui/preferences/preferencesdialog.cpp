// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencesdialog.h"

#include "preferencescommand.h"

#include "store/project.h"
#include "store/projectsettings.h"

#include <QBuffer>
#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace ql {

namespace {

constexpr int logoMaxHeight = 600; // px: plenty for a 72 px logo at 3× scale

} // namespace

PreferencesDialog::PreferencesDialog(Project *project, QWidget *parent)
    : QDialog(parent), m_project(project), m_organisation(new QLineEdit), m_colours(new QLineEdit),
      m_swatches(new QLabel), m_font(new QComboBox), m_logoPreview(new QLabel),
      m_removeLogo(new QPushButton(tr("&Remove")))
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));
    auto *layout = new QVBoxLayout(this);

    auto *group = new QGroupBox(tr("This project: charts and reports"));
    auto *form = new QFormLayout(group);
    m_organisation->setObjectName(QStringLiteral("organisationName"));
    m_organisation->setAccessibleName(tr("Organisation name"));
    m_organisation->setPlaceholderText(tr("shown in chart footnotes and reports"));
    form->addRow(tr("&Organisation name:"), m_organisation);

    auto *colourRow = new QHBoxLayout;
    m_colours->setObjectName(QStringLiteral("brandColours"));
    m_colours->setAccessibleName(tr("Brand colours"));
    m_colours->setPlaceholderText(tr("#0B5FA5, #F2A900 (main colour first; empty: Okabe–Ito)"));
    auto *pick = new QPushButton(tr("&Add Colour…"));
    pick->setObjectName(QStringLiteral("addBrandColour"));
    connect(pick, &QPushButton::clicked, this, &PreferencesDialog::pickColour);
    colourRow->addWidget(m_colours, 1);
    colourRow->addWidget(pick);
    form->addRow(tr("Brand &colours:"), colourRow);
    m_swatches->setObjectName(QStringLiteral("brandSwatches"));
    form->addRow(QString(), m_swatches);
    connect(m_colours, &QLineEdit::textChanged, this, &PreferencesDialog::showSwatches);

    m_font->setObjectName(QStringLiteral("brandFont"));
    m_font->setAccessibleName(tr("Brand font"));
    m_font->addItem(tr("Inter (the default)"), QString());
    for (const QString &family : QFontDatabase::families())
        if (!QFontDatabase::isPrivateFamily(family))
            m_font->addItem(family, family);
    form->addRow(tr("Brand &font:"), m_font);

    auto *logoRow = new QHBoxLayout;
    m_logoPreview->setObjectName(QStringLiteral("brandLogo"));
    m_logoPreview->setMinimumSize(160, 56);
    m_logoPreview->setAlignment(Qt::AlignCenter);
    m_logoPreview->setFrameShape(QFrame::StyledPanel);
    auto *choose = new QPushButton(tr("C&hoose Logo…"));
    choose->setObjectName(QStringLiteral("chooseBrandLogo"));
    connect(choose, &QPushButton::clicked, this, &PreferencesDialog::chooseLogo);
    m_removeLogo->setObjectName(QStringLiteral("removeBrandLogo"));
    connect(m_removeLogo, &QPushButton::clicked, this, [this] {
        m_logo.clear();
        showLogo();
    });
    logoRow->addWidget(m_logoPreview);
    logoRow->addWidget(choose);
    logoRow->addWidget(m_removeLogo);
    logoRow->addStretch(1);
    form->addRow(tr("Brand &logo:"), logoRow);
    auto *note = new QLabel(tr("The brand theme of the Charts page draws with these colours and this font, and puts "
                               "the logo at the top right. They are kept in the project, so the command line renders "
                               "the same charts."));
    note->setWordWrap(true);
    form->addRow(note);
    layout->addWidget(group);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    layout->addWidget(buttons);

    if (m_project) {
        const ProjectSettings settings(m_project->database());
        m_organisation->setText(settings.organisationName());
        m_colours->setText(settings.chartBrandColours().join(QStringLiteral(", ")));
        const QString font = settings.chartBrandFont();
        if (!font.isEmpty()) {
            if (m_font->findData(font) < 0)
                m_font->addItem(tr("%1 (not installed here)").arg(font), font);
            m_font->setCurrentIndex(m_font->findData(font));
        }
        m_logo = settings.chartBrandLogo();
        if (m_project->isReadOnly()) {
            group->setEnabled(false);
            group->setTitle(tr("This project (open read-only): charts and reports"));
        }
    } else {
        group->setEnabled(false);
        group->setTitle(tr("Open a project to set its charts and reports preferences"));
    }
    showSwatches();
    showLogo();
}

void PreferencesDialog::showSwatches()
{
    QList<QColor> colours;
    for (const QString &part : m_colours->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (QColor c(part.trimmed()); c.isValid())
            colours << c;
    if (colours.isEmpty()) {
        m_swatches->setText(tr("Series colours: Okabe–Ito (colour-blind safe)"));
        return;
    }
    const int side = fontMetrics().height();
    QPixmap strip(side * 2 * int(colours.size()), side);
    strip.fill(Qt::transparent);
    QPainter painter(&strip);
    for (int i = 0; i < colours.size(); ++i)
        painter.fillRect(QRect(i * side * 2, 0, side * 2 - 4, side), colours.at(i));
    painter.end();
    m_swatches->setPixmap(strip);
}

void PreferencesDialog::pickColour()
{
    const QColor colour = QColorDialog::getColor(QColor(0x0B, 0x5F, 0xA5), this, tr("Brand Colour"));
    if (!colour.isValid())
        return;
    const QString text = m_colours->text().trimmed();
    m_colours->setText(text.isEmpty() ? colour.name().toUpper()
                                      : QStringLiteral("%1, %2").arg(text, colour.name().toUpper()));
}

void PreferencesDialog::chooseLogo()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Brand Logo"), QString(),
                                                      tr("Images (*.png *.jpg *.jpeg *.bmp *.gif)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!setLogoFile(path, &error))
        QMessageBox::warning(this, tr("Brand Logo"), error);
}

bool PreferencesDialog::setLogoFile(const QString &path, QString *error)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    QImage image = reader.read();
    if (image.isNull()) {
        *error = tr("%1 is not an image QualityLens can read: %2").arg(path, reader.errorString());
        return false;
    }
    if (image.height() > logoMaxHeight)
        image = image.scaledToHeight(logoMaxHeight, Qt::SmoothTransformation);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG")) {
        *error = tr("%1 could not be converted to PNG").arg(path);
        return false;
    }
    m_logo = png;
    showLogo();
    return true;
}

void PreferencesDialog::showLogo()
{
    QImage image;
    if (!m_logo.isEmpty())
        image.loadFromData(m_logo, "PNG");
    if (image.isNull()) {
        m_logoPreview->setPixmap({});
        m_logoPreview->setText(tr("no logo"));
    } else {
        m_logoPreview->setPixmap(QPixmap::fromImage(image.scaled(150, 48, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    }
    m_removeLogo->setEnabled(!m_logo.isEmpty());
}

bool PreferencesDialog::apply(QString *error)
{
    if (!m_project || m_project->isReadOnly())
        return true;
    QStringList colours;
    for (const QString &part : m_colours->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        colours << part.trimmed().toUpper();
    const PreferencesCommand::Values values{
        {ProjectSettings::OrganisationName, m_organisation->text().trimmed()},
        {ProjectSettings::ChartBrandColours, colours.join(QLatin1Char(','))},
        {ProjectSettings::ChartBrandFont, m_font->currentData().toString()},
        {ProjectSettings::ChartBrandLogo, QString::fromLatin1(m_logo.toBase64())},
    };
    QString problem;
    auto command = PreferencesCommand::create(m_project->database(), values, &problem, m_notify);
    if (!command) {
        if (problem.isEmpty())
            return true; // nothing changed
        *error = problem;
        return false;
    }
    if (m_undoStack)
        m_undoStack->push(command.release()); // written already: the push's redo() only marks it done
    return true;
}

void PreferencesDialog::accept()
{
    QString error;
    if (!apply(&error)) {
        QMessageBox::warning(this, tr("Preferences"), error);
        return;
    }
    QDialog::accept();
}

} // namespace ql
