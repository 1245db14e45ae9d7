// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QSize>
#include <QStringList>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace ql {

// Export Chart Pack…: the folder, one format and one size for the saved charts listed.
class ChartPackDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ChartPackDialog(const QStringList &names, QWidget *parent = nullptr);

    QString folder() const;
    QString format() const; // png, svg, pdf
    QSize size() const;
    int scale() const;

    void accept() override;

private:
    void update();

    QLineEdit *m_folder;
    QComboBox *m_format;
    QComboBox *m_size;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QComboBox *m_scale;
    QLabel *m_problem;
};

} // namespace ql
