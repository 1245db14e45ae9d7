// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/chartdata.h"
#include "chart/chartspec.h"
#include "common/page.h"
#include "pivot/cube.h"

#include <QSize>

#include <map>
#include <memory>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace ql {

class ChartPreview;
class ChartScene;

// The Charts page (issue 6): a chart built from a pivot spec (a preset or the form), previewed at
// the output's real aspect ratio with the layout the export will have, exported to PNG, SVG or PDF
// and copied to the clipboard as an image. The spec is shown as JSON for the CLI.
class ChartsPage final : public Page
{
    Q_OBJECT
public:
    explicit ChartsPage(QWidget *parent = nullptr);
    ~ChartsPage() override;

    QString pageId() const override { return QStringLiteral("charts"); }
    QString title() const override;
    QIcon icon() const override;
    void setProject(Project *project) override;
    void refresh() override;
    void reloadData() override;
    QString statusText() const override { return m_status; }
    QList<JobRunner *> jobRunners() const override;

    ChartSpec spec() const; // the form as a spec (fields the form does not show come from the last spec loaded)
    void setSpec(const ChartSpec &spec);
    QSize outputSize() const;
    const ChartScene *currentChart() const;
    QString previewMessage() const;

    bool exportTo(const QString &path, int scale, QString *error) const;
    void copyToClipboard() const;

Q_SIGNALS:
    void chartRendered();

private:
    void scheduleRender();
    void render();
    void updateJson();
    void setStatus(const QString &text);
    void exportDialog();

    Project *m_project = nullptr;
    JobRunner *m_runner;
    std::map<PivotSource, std::shared_ptr<const Cube>> m_cubes; // built once per source, reused
    ChartSpec m_base;
    bool m_filling = false;
    QString m_status;

    ChartPreview *m_preview;
    QTimer *m_timer;
    QComboBox *m_preset;
    QComboBox *m_type;
    QComboBox *m_source;
    QLineEdit *m_rows;
    QLineEdit *m_cols;
    QLineEdit *m_measures;
    QLineEdit *m_title;
    QLineEdit *m_subtitle;
    QLineEdit *m_target;
    QLineEdit *m_annotationRow;
    QLineEdit *m_annotationText;
    QComboBox *m_theme;
    QComboBox *m_size;
    QComboBox *m_scale;
    QCheckBox *m_labels;
    QCheckBox *m_footnote;
    QCheckBox *m_band;
    QPlainTextEdit *m_json;
    QPushButton *m_export;
    QPushButton *m_copy;
};

} // namespace ql
