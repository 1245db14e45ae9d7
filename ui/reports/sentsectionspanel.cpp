// SPDX-License-Identifier: GPL-3.0-or-later
#include "sentsectionspanel.h"

#include "common/icons.h"
#include "sentsectionscommand.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace ql {

SentSectionsPanel::SentSectionsPanel(QWidget *parent)
    : QWidget(parent)
    , m_hint(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_remove(new QPushButton(Icons::themed(QStringLiteral("list-remove")), tr("&Remove"), this))
    , m_rename(new QPushButton(Icons::themed(QStringLiteral("edit-rename")), tr("Re&name"), this))
    , m_up(new QPushButton(Icons::themed(QStringLiteral("go-up")), tr("Move &Up"), this))
    , m_down(new QPushButton(Icons::themed(QStringLiteral("go-down")), tr("Move Do&wn"), this))
{
    setObjectName(QStringLiteral("sentSections"));
    m_list->setObjectName(QStringLiteral("sentSectionsList"));
    m_list->setAccessibleName(tr("Sections sent from Insights"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_remove->setObjectName(QStringLiteral("removeSentSection"));
    m_remove->setToolTip(tr("Take the selected section out of the report (Ctrl+Z undoes)"));
    m_rename->setObjectName(QStringLiteral("renameSentSection"));
    m_rename->setToolTip(tr("Edit the selected section's heading in the report (F2; Ctrl+Z undoes)"));
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_up->setObjectName(QStringLiteral("moveSentSectionUp"));
    m_down->setObjectName(QStringLiteral("moveSentSectionDown"));
    m_hint->setObjectName(QStringLiteral("sentSectionsHint"));
    m_hint->setWordWrap(true);
    auto *title = new QLabel(tr("Sections sent from &Insights"), this);
    title->setBuddy(m_list);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_remove);
    buttons->addWidget(m_rename);
    buttons->addStretch(1);
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_hint);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    connect(m_list, &QListWidget::currentRowChanged, this, &SentSectionsPanel::updateEnabled);
    connect(m_remove, &QPushButton::clicked, this, &SentSectionsPanel::removeSelected);
    connect(m_rename, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_list->currentItem())
            m_list->editItem(item);
    });
    connect(m_list, &QListWidget::itemChanged, this, &SentSectionsPanel::itemEdited);
    connect(m_up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSelected(1); });
    reload();
}

void SentSectionsPanel::setDatabase(const QSqlDatabase &db, bool writable)
{
    m_db = db;
    m_writable = writable;
    reload();
}

void SentSectionsPanel::setUndoStack(QUndoStack *stack)
{
    if (m_undo)
        disconnect(m_undo, nullptr, this, nullptr);
    m_undo = stack;
    if (m_undo)
        connect(m_undo, &QUndoStack::indexChanged, this, &SentSectionsPanel::reload);
}

void SentSectionsPanel::setTemplate(ReportTemplate kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    reload();
}

void SentSectionsPanel::reload()
{
    QList<SentSection> sections;
    QString error;
    const bool takes = SentSectionStore::takesSections(m_kind);
    if (m_db.isValid() && takes) {
        if (const auto loaded = SentSectionStore(m_db).load(m_kind, &error))
            sections = *loaded;
        else
            Q_EMIT message(tr("The sections sent to the %1 cannot be read: %2").arg(reportTemplateTitle(m_kind), error));
    }
    if (!takes)
        m_hint->setText(tr("The %1 takes no sections from Insights.").arg(reportTemplateTitle(m_kind)));
    else if (sections.isEmpty())
        m_hint->setText(tr("None yet: on the Insights page, Send to Report adds the analysis on show as a section, "
                           "recomputed for each report's period."));
    else
        m_hint->setText(tr("After the report's own sections, in this order, each recomputed for the period."));
    const int row = m_list->currentRow();
    const bool differs = sections != m_sections;
    m_sections = sections;
    {
        const QSignalBlocker block(m_list);
        m_list->clear();
        for (const SentSection &s : std::as_const(m_sections)) {
            auto *item = new QListWidgetItem(s.title, m_list);
            if (m_writable)
                item->setFlags(item->flags() | Qt::ItemIsEditable);
        }
        if (!m_sections.isEmpty())
            m_list->setCurrentRow(std::clamp(row, 0, int(m_sections.size()) - 1));
    }
    m_list->setVisible(takes);
    updateEnabled();
    if (differs)
        Q_EMIT changed();
}

void SentSectionsPanel::updateEnabled()
{
    const int row = m_list->currentRow();
    const bool selected = m_writable && row >= 0 && row < m_sections.size();
    m_remove->setEnabled(selected);
    m_rename->setEnabled(selected);
    m_up->setEnabled(selected && row > 0);
    m_down->setEnabled(selected && row + 1 < m_sections.size());
}

bool SentSectionsPanel::apply(QList<SentSection> after, const QString &text, int select)
{
    QString error;
    auto command = SentSectionsCommand::create(m_db, m_kind, after, text, &error);
    if (!command) {
        if (!error.isEmpty())
            Q_EMIT message(error);
        return false;
    }
    if (m_undo)
        m_undo->push(command.release()); // indexChanged reloads the list
    else
        reload();
    {
        const QSignalBlocker block(m_list);
        m_list->setCurrentRow(std::min(select, int(m_sections.size()) - 1));
    }
    updateEnabled();
    return true;
}

bool SentSectionsPanel::removeSelected()
{
    const int row = m_list->currentRow();
    if (!m_writable || row < 0 || row >= m_sections.size())
        return false;
    QList<SentSection> after = m_sections;
    const SentSection gone = after.takeAt(row);
    return apply(after, tr("Remove \"%1\" from the %2").arg(gone.title, reportTemplateTitle(m_kind)), row);
}

bool SentSectionsPanel::moveSelected(int by)
{
    const int row = m_list->currentRow();
    const int to = row + by;
    if (!m_writable || row < 0 || row >= m_sections.size() || to < 0 || to >= m_sections.size())
        return false;
    QList<SentSection> after = m_sections;
    after.move(row, to);
    return apply(after, tr("Move \"%1\" %2 in the %3")
                            .arg(m_sections.at(row).title, by < 0 ? tr("up") : tr("down"), reportTemplateTitle(m_kind)),
                 to);
}

bool SentSectionsPanel::renameSelected(const QString &title)
{
    const int row = m_list->currentRow();
    const QString trimmed = title.simplified();
    if (!m_writable || row < 0 || row >= m_sections.size())
        return false;
    if (trimmed.isEmpty()) {
        Q_EMIT message(tr("A section needs a heading: \"%1\" keeps its title.").arg(m_sections.at(row).title));
        return false;
    }
    if (trimmed == m_sections.at(row).title)
        return false;
    QList<SentSection> after = m_sections;
    after[row].title = trimmed;
    return apply(after, tr("Rename \"%1\" to \"%2\" in the %3").arg(m_sections.at(row).title, trimmed,
                                                                     reportTemplateTitle(m_kind)),
                 row);
}

void SentSectionsPanel::itemEdited(QListWidgetItem *item)
{
    const int row = m_list->row(item);
    if (row < 0 || row >= m_sections.size() || item->text() == m_sections.at(row).title)
        return;
    const QString typed = item->text();
    {
        const QSignalBlocker block(m_list); // back to the stored title; a rename reloads the list
        item->setText(m_sections.at(row).title);
    }
    m_list->setCurrentRow(row);
    renameSelected(typed);
}

} // namespace ql
