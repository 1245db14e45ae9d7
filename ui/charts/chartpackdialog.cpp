// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartpackdialog.h"

#include "chartsize.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>

namespace ql {

ChartPackDialog::ChartPackDialog(const QStringList &names, QWidget *parent)
    : QDialog(parent), m_folder(new QLineEdit), m_format(new QComboBox), m_size(new QComboBox),
      m_width(new QSpinBox), m_height(new QSpinBox), m_scale(new QComboBox), m_problem(new QLabel)
{
    setWindowTitle(tr("Export Chart Pack"));
    auto *form = new QFormLayout(this);
    auto *list = new QLabel((names.size() == 1 ? tr("1 chart: %1") : tr("%1 charts: %2").arg(names.size()))
                                .arg(names.join(QStringLiteral(", "))));
    list->setWordWrap(true);
    form->addRow(list);
    auto *folderRow = new QHBoxLayout;
    m_folder->setAccessibleName(tr("Folder"));
    m_folder->setText(QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                          .filePath(tr("QualityLens charts")));
    auto *browse = new QPushButton(tr("&Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Chart Pack Folder"), m_folder->text());
        if (!dir.isEmpty())
            m_folder->setText(dir);
    });
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    form->addRow(tr("&Folder:"), folderRow);
    m_format->addItem(tr("PNG image"), QStringLiteral("png"));
    m_format->addItem(tr("SVG drawing (vector)"), QStringLiteral("svg"));
    m_format->addItem(tr("PDF document (vector)"), QStringLiteral("pdf"));
    m_format->setAccessibleName(tr("Format"));
    form->addRow(tr("F&ormat:"), m_format);
    m_size->addItem(tr("16:9 slide (1920 × 1080)"), QStringLiteral("16:9"));
    m_size->addItem(tr("4:3 slide (1440 × 1080)"), QStringLiteral("4:3"));
    m_size->addItem(tr("A4 landscape"), QStringLiteral("a4"));
    m_size->addItem(tr("Custom"), QString());
    m_size->setAccessibleName(tr("Size"));
    form->addRow(tr("&Size:"), m_size);
    auto *custom = new QHBoxLayout;
    for (QSpinBox *box : {m_width, m_height}) {
        box->setRange(64, 8192);
        box->setSuffix(tr(" px"));
        custom->addWidget(box);
    }
    m_width->setValue(1920);
    m_height->setValue(1080);
    m_width->setAccessibleName(tr("Width"));
    m_height->setAccessibleName(tr("Height"));
    form->addRow(tr("Custom size:"), custom);
    m_scale->addItem(tr("1×"), 1);
    m_scale->addItem(tr("2×"), 2);
    m_scale->addItem(tr("3×"), 3);
    m_scale->setAccessibleName(tr("PNG scale"));
    form->addRow(tr("PNG s&cale:"), m_scale);
    m_problem->setWordWrap(true);
    form->addRow(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ChartPackDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChartPackDialog::reject);
    form->addRow(buttons);
    connect(m_size, &QComboBox::currentIndexChanged, this, &ChartPackDialog::update);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ChartPackDialog::update);
    update();
}

void ChartPackDialog::update()
{
    const bool custom = m_size->currentData().toString().isEmpty();
    m_width->setEnabled(custom);
    m_height->setEnabled(custom);
    m_scale->setEnabled(format() == QLatin1String("png"));
}

QString ChartPackDialog::folder() const
{
    return m_folder->text().trimmed();
}

QString ChartPackDialog::format() const
{
    return m_format->currentData().toString();
}

QSize ChartPackDialog::size() const
{
    const QString named = m_size->currentData().toString();
    if (named.isEmpty())
        return QSize(m_width->value(), m_height->value());
    return ChartSize::parse(named).value_or(ChartSize::slide16x9());
}

int ChartPackDialog::scale() const
{
    return format() == QLatin1String("png") ? m_scale->currentData().toInt() : 1;
}

void ChartPackDialog::accept()
{
    if (folder().isEmpty()) {
        m_problem->setText(tr("Choose the folder to write the charts into."));
        return;
    }
    QDialog::accept();
}

} // namespace ql
