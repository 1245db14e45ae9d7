// SPDX-License-Identifier: GPL-3.0-or-later
#include "filterbar.h"

#include "uistate.h"
#include "store/project.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVariantMap>

#include <algorithm>

namespace ql {

namespace {

QStringList *field(KpiFilters &f, const QString &dimension)
{
    if (dimension == QLatin1String("queue"))
        return &f.queues;
    if (dimension == QLatin1String("channel"))
        return &f.channels;
    if (dimension == QLatin1String("team"))
        return &f.teams;
    if (dimension == QLatin1String("site"))
        return &f.sites;
    if (dimension == QLatin1String("scorecard"))
        return &f.scorecards;
    return &f.sampleTypes;
}

QString stateKey(const Project *project)
{
    return QStringLiteral("filters/") + project->path();
}

} // namespace

const QStringList &FilterBar::dimensions()
{
    static const QStringList list{QStringLiteral("queue"), QStringLiteral("channel"),   QStringLiteral("team"),
                                  QStringLiteral("site"),  QStringLiteral("scorecard"), QStringLiteral("sample_type")};
    return list;
}

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent), m_clear(new QToolButton(this)), m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("filterBar"));
    // The boxes on one row, the note (what the page does not filter) under them: a long note beside
    // the boxes would squeeze into a narrow, tall column.
    auto *rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(2);
    auto *layout = new QHBoxLayout;
    rows->addLayout(layout);
    // Mnemonics apart from the pages' own (Scorecard of, Period, Show; From, To).
    const QStringList labels{tr("&Queue:"), tr("Cha&nnel:"), tr("Tea&m:"), tr("S&ite:"), tr("Score&card:"),
                             tr("Samp&le:")};
    const QStringList accessible{tr("Queue filter"),     tr("Channel filter"),   tr("Team filter"),
                                 tr("Site filter"),      tr("Scorecard filter"), tr("Sample type filter")};
    for (int i = 0; i < dimensions().size(); ++i) {
        auto *box = new QComboBox(this);
        box->setObjectName(dimensions().at(i)); // queue, channel, … (pages' tests find them by name)
        box->setAccessibleName(accessible.at(i));
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        box->setMinimumContentsLength(6);
        box->addItem(tr("All"), QString());
        auto *label = new QLabel(labels.at(i), this);
        label->setBuddy(box);
        layout->addWidget(label);
        layout->addWidget(box);
        m_boxes.insert(dimensions().at(i), box);
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (m_filling)
                return;
            save();
            updateNote();
            Q_EMIT changed();
        });
    }
    m_clear->setObjectName(QStringLiteral("clearFilters"));
    m_clear->setText(tr("Clear"));
    m_clear->setAccessibleName(tr("Clear the filters"));
    m_clear->setToolTip(tr("Show every queue, channel, team, site, scorecard and sample type"));
    connect(m_clear, &QToolButton::clicked, this, &FilterBar::clear);
    layout->addWidget(m_clear);
    m_note->setObjectName(QStringLiteral("filterNote"));
    m_note->setWordWrap(true);
    m_note->setVisible(false);
    layout->addStretch();
    rows->addWidget(m_note);
    updateNote();
}

void FilterBar::setProject(const Project *project)
{
    m_project = project;
    m_filling = true;
    fill(project ? KpiQueries::filterChoices(project->database()) : KpiFilterChoices{});
    if (project) {
        const QVariantMap saved = UiState::value(stateKey(project)).toMap();
        for (const QString &dim : dimensions()) {
            QComboBox *box = m_boxes.value(dim);
            box->setCurrentIndex(std::max(0, box->findData(saved.value(dim).toString())));
        }
    }
    m_filling = false;
    updateNote();
}

void FilterBar::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_project)
        return;
    // Another page's bar may have changed the project's choices since: take them up.
    const QVariantMap saved = UiState::value(stateKey(m_project)).toMap();
    bool differs = false;
    m_filling = true;
    for (const QString &dim : dimensions()) {
        QComboBox *box = m_boxes.value(dim);
        const int index = std::max(0, box->findData(saved.value(dim).toString()));
        if (index != box->currentIndex()) {
            box->setCurrentIndex(index);
            differs = true;
        }
    }
    m_filling = false;
    if (differs) {
        updateNote();
        Q_EMIT changed();
    }
}

void FilterBar::reloadChoices()
{
    if (!m_project)
        return;
    const KpiFilters before = filters();
    m_filling = true;
    fill(KpiQueries::filterChoices(m_project->database()));
    m_filling = false;
    if (filters() != before) { // a chosen name is gone
        save();
        Q_EMIT changed();
    }
    updateNote();
}

void FilterBar::fill(const KpiFilterChoices &choices)
{
    const QHash<QString, QStringList> values{{QStringLiteral("queue"), choices.queues},
                                             {QStringLiteral("channel"), choices.channels},
                                             {QStringLiteral("team"), choices.teams},
                                             {QStringLiteral("site"), choices.sites},
                                             {QStringLiteral("scorecard"), choices.scorecards},
                                             {QStringLiteral("sample_type"), choices.sampleTypes}};
    for (const QString &dim : dimensions()) {
        QComboBox *box = m_boxes.value(dim);
        const QString chosen = box->currentData().toString();
        box->clear();
        box->addItem(tr("All"), QString());
        for (const QString &v : values.value(dim))
            box->addItem(v, v);
        box->setCurrentIndex(std::max(0, box->findData(chosen)));
        box->setEnabled(box->count() > 1);
    }
}

KpiFilters FilterBar::filters() const
{
    KpiFilters f;
    for (const QString &dim : dimensions()) {
        const QString v = m_boxes.value(dim)->currentData().toString();
        if (!v.isEmpty())
            *field(f, dim) = QStringList{v};
    }
    return f;
}

void FilterBar::setFilters(const KpiFilters &filters)
{
    KpiFilters f = filters;
    m_filling = true;
    for (const QString &dim : dimensions()) {
        const QStringList *values = field(f, dim);
        QComboBox *box = m_boxes.value(dim);
        box->setCurrentIndex(values->isEmpty() ? 0 : std::max(0, box->findData(values->first())));
    }
    m_filling = false;
    save();
    updateNote();
    Q_EMIT changed();
}

void FilterBar::clear()
{
    setFilters({});
}

void FilterBar::setIgnoredNote(const QStringList &dimensions, const QString &note)
{
    m_ignored = dimensions;
    m_ignoredNote = note;
    updateNote();
}

void FilterBar::save() const
{
    if (!m_project)
        return;
    QVariantMap state;
    for (const QString &dim : dimensions())
        if (const QString v = m_boxes.value(dim)->currentData().toString(); !v.isEmpty())
            state.insert(dim, v);
    UiState::setValue(stateKey(m_project), state);
}

void FilterBar::updateNote()
{
    bool any = false;
    bool ignored = false;
    for (const QString &dim : dimensions()) {
        const bool set = !m_boxes.value(dim)->currentData().toString().isEmpty();
        any = any || set;
        ignored = ignored || (set && m_ignored.contains(dim));
    }
    m_clear->setEnabled(any);
    m_note->setText(ignored ? m_ignoredNote : QString());
    m_note->setVisible(ignored);
}

} // namespace ql
