// SPDX-License-Identifier: GPL-3.0-or-later
#include "pivotfilterpopup.h"

#include "common/icons.h"
#include "pivotfields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace ql {

PivotFilterPopup::PivotFilterPopup(const PivotFilter &filter, const QStringList &members, const QString &title,
                                   QWidget *parent)
    : QFrame(parent, Qt::Popup), m_dimension(filter.dimension), m_mode(new QComboBox(this)),
      m_search(new QLineEdit(this)), m_model(new QStandardItemModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_list(new QListView(this))
{
    setObjectName(QStringLiteral("filterPopup"));
    setAttribute(Qt::WA_DeleteOnClose);
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Filter %1").arg(title));

    auto *heading = new QLabel(tr("<b>Filter: %1</b>").arg(title.toHtmlEscaped()), this);
    m_mode->setObjectName(QStringLiteral("filterMode"));
    m_mode->setAccessibleName(tr("How the checked values filter"));
    m_mode->addItem(tr("Show only the checked values"));
    m_mode->addItem(tr("Hide the checked values"));
    m_mode->setCurrentIndex(filter.exclude ? 1 : 0);
    m_search->setPlaceholderText(tr("Search values…"));
    m_search->setAccessibleName(tr("Search values"));
    m_search->setClearButtonEnabled(true);

    // Every member of the dimension, and values the filter names that the data no longer has.
    const QSet<QString> checked(filter.values.begin(), filter.values.end());
    QStringList all = members;
    for (const QString &v : filter.values)
        if (!all.contains(v))
            all << v;
    // An empty "hide" filter (new on the page) shows everything checked in "show only" terms.
    const bool showAll = filter.exclude && filter.values.isEmpty();
    if (showAll)
        m_mode->setCurrentIndex(0);
    for (const QString &member : all) {
        auto *item = new QStandardItem(PivotFields::memberTitle(member));
        item->setData(member, Qt::UserRole);
        item->setCheckable(true);
        item->setCheckState(showAll || checked.contains(member) ? Qt::Checked : Qt::Unchecked);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        m_model->appendRow(item);
    }
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_list->setObjectName(QStringLiteral("filterValues"));
    m_list->setAccessibleName(tr("Values"));
    m_list->setModel(m_proxy);
    m_list->setUniformItemSizes(true);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    auto *all_ = new QPushButton(tr("Check all"), this);
    auto *none = new QPushButton(tr("Check none"), this);
    connect(all_, &QPushButton::clicked, this, [this] { checkAll(true); });
    connect(none, &QPushButton::clicked, this, [this] { checkAll(false); });
    auto *checks = new QHBoxLayout;
    checks->addWidget(all_);
    checks->addWidget(none);
    checks->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PivotFilterPopup::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QWidget::close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_mode);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addLayout(checks);
    layout->addWidget(buttons);
    resize(300, 380);
}

void PivotFilterPopup::setChecked(const QString &member, bool checked)
{
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (m_model->item(r)->data(Qt::UserRole).toString() == member)
            m_model->item(r)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void PivotFilterPopup::checkAll(bool checked)
{
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        m_model->itemFromIndex(m_proxy->mapToSource(m_proxy->index(r, 0)))
            ->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

PivotFilter PivotFilterPopup::filter() const
{
    PivotFilter f;
    f.dimension = m_dimension;
    f.exclude = m_mode->currentIndex() == 1;
    int checked = 0;
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (m_model->item(r)->checkState() == Qt::Checked) {
            f.values << m_model->item(r)->data(Qt::UserRole).toString();
            ++checked;
        }
    // "Show only" with everything checked keeps everything, members to come included.
    if (!f.exclude && checked == m_model->rowCount()) {
        f.exclude = true;
        f.values.clear();
    }
    return f;
}

void PivotFilterPopup::accept()
{
    Q_EMIT applied(filter());
    close();
}

PivotDateRangePopup::PivotDateRangePopup(const QDate &from, const QDate &to, const QDate &latest, QWidget *parent)
    : QFrame(parent, Qt::Popup),
      m_anchor(latest.isValid() && latest < QDate::currentDate() ? latest : QDate::currentDate()),
      m_hasFrom(new QCheckBox(tr("From"), this)), m_hasTo(new QCheckBox(tr("To"), this)), m_from(new QDateEdit(this)),
      m_to(new QDateEdit(this)), m_presets(new QComboBox(this))
{
    setObjectName(QStringLiteral("dateRangePopup"));
    setAttribute(Qt::WA_DeleteOnClose);
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Date range"));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_from->setAccessibleName(tr("First date"));
    m_to->setAccessibleName(tr("Last date"));
    m_hasFrom->setChecked(from.isValid());
    m_hasTo->setChecked(to.isValid());
    m_from->setDate(from.isValid() ? from : QDate(m_anchor.year(), 1, 1));
    m_to->setDate(to.isValid() ? to : m_anchor);
    m_from->setEnabled(from.isValid());
    m_to->setEnabled(to.isValid());
    connect(m_hasFrom, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_hasTo, &QCheckBox::toggled, m_to, &QWidget::setEnabled);

    m_presets->setObjectName(QStringLiteral("datePresets"));
    m_presets->setAccessibleName(tr("Preset ranges"));
    m_presets->addItem(tr("Choose a preset…"));
    m_presets->addItem(tr("This month"), int(Preset::ThisMonth));
    m_presets->addItem(tr("Last month"), int(Preset::LastMonth));
    m_presets->addItem(tr("Last 3 months"), int(Preset::Last3Months));
    m_presets->addItem(tr("Last 12 months"), int(Preset::Last12Months));
    m_presets->addItem(tr("Year to date"), int(Preset::YearToDate));
    m_presets->setToolTip(tr("Counted back from %1, the latest date in the data").arg(m_anchor.toString(Qt::ISODate)));
    connect(m_presets, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            applyPreset(Preset(m_presets->itemData(index).toInt()));
    });

    auto *form = new QFormLayout;
    form->addRow(m_hasFrom, m_from);
    form->addRow(m_hasTo, m_to);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PivotDateRangePopup::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QWidget::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<b>Date range</b> (both ends included)"), this));
    layout->addWidget(m_presets);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

std::pair<QDate, QDate> PivotDateRangePopup::presetRange(Preset preset, const QDate &anchor)
{
    const QDate month(anchor.year(), anchor.month(), 1);
    const QDate monthEnd = month.addMonths(1).addDays(-1);
    switch (preset) {
    case Preset::ThisMonth:
        return {month, monthEnd};
    case Preset::LastMonth:
        return {month.addMonths(-1), month.addDays(-1)};
    case Preset::Last3Months:
        return {month.addMonths(-2), monthEnd};
    case Preset::Last12Months:
        return {month.addMonths(-11), monthEnd};
    case Preset::YearToDate:
        return {QDate(anchor.year(), 1, 1), anchor};
    }
    return {};
}

void PivotDateRangePopup::applyPreset(Preset preset)
{
    const auto [from, to] = presetRange(preset, m_anchor);
    m_hasFrom->setChecked(true);
    m_hasTo->setChecked(true);
    m_from->setDate(from);
    m_to->setDate(to);
}

QDate PivotDateRangePopup::from() const
{
    return m_hasFrom->isChecked() ? m_from->date() : QDate();
}

QDate PivotDateRangePopup::to() const
{
    return m_hasTo->isChecked() ? m_to->date() : QDate();
}

void PivotDateRangePopup::accept()
{
    QDate f = from(), t = to();
    if (f.isValid() && t.isValid() && f > t)
        std::swap(f, t);
    Q_EMIT applied(f, t);
    close();
}

} // namespace ql
