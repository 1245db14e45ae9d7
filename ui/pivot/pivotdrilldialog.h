// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/recordtable.h"

#include <QDialog>

#include <memory>
#include <vector>

class QLabel;

namespace ql {

class JobRunner;
class Project;
class RecordBrowser;

// The records behind one pivot cell (drill-down): the Data page's table (search, sort, copy, and
// Export… to CSV or XLSX) over exactly those rows, with a line saying which cell they are.
class PivotDrillDialog final : public QDialog
{
    Q_OBJECT
public:
    PivotDrillDialog(RecordKind kind, std::shared_ptr<const std::vector<qint64>> ids, const QString &caption,
                     const Project *project, QWidget *parent = nullptr);
    ~PivotDrillDialog() override;

    RecordBrowser *browser() const { return m_browser; }
    QString caption() const;
    qint64 recordCount() const { return m_count; }

private:
    JobRunner *m_runner;
    RecordBrowser *m_browser;
    QLabel *m_caption;
    qint64 m_count = 0;
};

} // namespace ql
