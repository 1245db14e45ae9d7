// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/kpiqueries.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;

namespace ql {

class Project;

// The shared filter bar of ui.md for the analytic pages: queue, channel, team, site, scorecard and
// sample type (one value each, or All), offered from the project's own names and remembered per
// project (UiState, key "filters/" + the project's path), so every page that uses it shows the
// same choices (a bar takes up the saved ones when it is shown). A page reads filters(); one that
// cannot honour a filter for some of its numbers says so with setIgnoredNote(), shown in the bar
// while such a filter is set. The date range is the page's own (on the Scorecards page, its Period
// box with ui.md's presets; on the Insights page, From and To).
class FilterBar final : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(QWidget *parent = nullptr);

    // Reads the names to offer and restores the project's remembered choices (nullptr: empty).
    void setProject(const Project *project);
    // Offers the project's names again (after an import), keeping the choices.
    void reloadChoices();

    KpiFilters filters() const;
    void setFilters(const KpiFilters &filters); // as the user would: saved, changed() emitted
    void clear();

    // `dimensions` (queue, channel, team, site, scorecard, sample_type): while one of them is set,
    // the bar shows `note` (what the page does not filter by it, and why).
    void setIgnoredNote(const QStringList &dimensions, const QString &note);

    QComboBox *box(const QString &dimension) const { return m_boxes.value(dimension); }
    QLabel *noteLabel() const { return m_note; }

    static const QStringList &dimensions();

Q_SIGNALS:
    void changed();

protected:
    void showEvent(QShowEvent *event) override; // takes up choices another page's bar made

private:
    void fill(const KpiFilterChoices &choices);
    void save() const;
    void updateNote();

    const Project *m_project = nullptr;
    QHash<QString, QComboBox *> m_boxes;
    QToolButton *m_clear;
    QLabel *m_note;
    QStringList m_ignored;
    QString m_ignoredNote;
    bool m_filling = false;
};

} // namespace ql
