// SPDX-License-Identifier: GPL-3.0-or-later
#include "carrymapdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ql {

namespace {

QString reasonText(NotCarried why)
{
    switch (why) {
    case NotCarried::NoKey:
        return CarryMapDialog::tr("no criterion with its key");
    case NotCarried::NaNotAllowed:
        return CarryMapDialog::tr("N/A not allowed there");
    case NotCarried::KindSwitch:
        return CarryMapDialog::tr("options and numbers switched");
    case NotCarried::NoLabel:
        return CarryMapDialog::tr("labels it does not have");
    case NotCarried::OffScale:
        return CarryMapDialog::tr("values off its scale");
    case NotCarried::Taken:
        return CarryMapDialog::tr("lands where another criterion does");
    case NotCarried::None:
        break;
    }
    return {};
}

} // namespace

CarryMapDialog::CarryMapDialog(const WhatIfResult &result, const Scorecard &target, QWidget *parent)
    : QDialog(parent), m_target(target), m_map(result.map), m_table(new QTableWidget(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Map Answers to %1").arg(result.targetLabel));
    auto *intro = new QLabel(tr("Answers that %1 cannot take by their criterion's key and label. Choose where each "
                                "goes; the what-if runs again with your choices, and Apply moves the answers there. "
                                "An option keeps its auditor's choice: it takes the points of the label you pick.")
                                 .arg(result.targetLabel));
    intro->setWordWrap(true);
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Answers of"), tr("Why they do not carry"), tr("Go to")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->setAccessibleName(tr("Where the answers go"));

    for (const WhatIfUncarried &u : result.uncarriedDetails) {
        if (u.key.isEmpty())
            continue;
        QStringList why;
        for (NotCarried r : u.reasons)
            why << reasonText(r);
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_rows.append({u.key, {}});
        const QString who = u.name.isEmpty() || u.name == u.key ? u.key : QStringLiteral("%1 “%2”").arg(u.key, u.name);
        m_table->setItem(row, 0,
                         new QTableWidgetItem(u.answers == 1 ? tr("%1, 1 answer").arg(who)
                                                             : tr("%1, %2 answers").arg(who).arg(u.answers)));
        m_table->setItem(row, 1, new QTableWidgetItem(why.join(QStringLiteral("; "))));
        auto *box = new QComboBox;
        box->setAccessibleName(tr("Criterion for the answers of %1").arg(u.key));
        box->addItem(tr("(its own key, %1)").arg(u.key), QString());
        for (int i = 0; i < target.criterionCount(); ++i) {
            const Criterion &c = target.criterionAt(i);
            if (c.scale.kind != u.kind || c.key == u.key)
                continue;
            box->addItem(c.name.isEmpty() || c.name == c.key ? c.key : QStringLiteral("%1 “%2”").arg(c.key, c.name),
                         c.key);
        }
        if (const int at = box->findData(m_map.keys.value(u.key)); at > 0)
            box->setCurrentIndex(at);
        m_table->setCellWidget(row, 2, box);
        const QString key = u.key;
        connect(box, &QComboBox::currentIndexChanged, this, [this, key, box] {
            const QString to = box->currentData().toString();
            if (to.isEmpty())
                m_map.keys.remove(key);
            else
                m_map.keys.insert(key, to);
            fillLabels(key);
        });
        for (const QString &label : u.labels) {
            const int r = m_table->rowCount();
            m_table->insertRow(r);
            m_rows.append({u.key, label});
            m_table->setItem(r, 0, new QTableWidgetItem(QStringLiteral("    %1 “%2”").arg(tr("option"), label)));
            m_table->setItem(r, 1, new QTableWidgetItem(tr("no option with this label")));
            auto *labels = new QComboBox;
            labels->setAccessibleName(tr("Label for the answers %1 of %2").arg(label, u.key));
            m_table->setCellWidget(r, 2, labels);
            connect(labels, &QComboBox::currentIndexChanged, this, [this, key, label, labels] {
                const QString to = labels->currentData().toString();
                if (to.isEmpty())
                    m_map.labels[key].remove(label);
                else
                    m_map.labels[key].insert(label, to);
                if (m_map.labels.value(key).isEmpty())
                    m_map.labels.remove(key);
            });
        }
        fillLabels(u.key);
    }
    m_table->resizeRowsToContents();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(760, 420);
}

void CarryMapDialog::fillLabels(const QString &key)
{
    const int index = m_target.indexOfKey(m_map.targetKey(key));
    const Criterion *to = index >= 0 ? &m_target.criterionAt(index) : nullptr;
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows.at(r).key != key || m_rows.at(r).label.isEmpty())
            continue;
        auto *box = choice(r);
        const QString label = m_rows.at(r).label;
        const QSignalBlocker block(box);
        box->clear();
        box->addItem(tr("(as written: %1)").arg(label), QString());
        if (to && to->scale.kind == ScaleKind::Options)
            for (const auto &option : to->scale.options)
                box->addItem(tr("%1 (%2 points)").arg(option.first, QLocale().toString(option.second)), option.first);
        const int at = box->findData(m_map.labels.value(key).value(label));
        box->setCurrentIndex(at > 0 ? at : 0);
        if (at <= 0 && m_map.labels.contains(key)) { // the old choice is not among the new criterion's labels
            m_map.labels[key].remove(label);
            if (m_map.labels.value(key).isEmpty())
                m_map.labels.remove(key);
        }
    }
}

CarryMap CarryMapDialog::map() const
{
    return m_map;
}

QComboBox *CarryMapDialog::choice(int row) const
{
    return qobject_cast<QComboBox *>(m_table->cellWidget(row, 2));
}

int CarryMapDialog::rowOf(const QString &key, const QString &label) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_rows.at(r).key == key && m_rows.at(r).label == label)
            return r;
    return -1;
}

} // namespace ql
