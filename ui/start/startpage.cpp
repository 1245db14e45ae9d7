// SPDX-License-Identifier: GPL-3.0-or-later
#include "startpage.h"

#include "common/icons.h"
#include "common/uistate.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace ql {

StartPage::StartPage(QWidget *parent)
    : QWidget(parent)
    , m_recent(new QListWidget(this))
    , m_recentTitle(new QLabel(tr("Recent projects"), this))
    , m_noRecent(new QLabel(this))
{
    setObjectName(QStringLiteral("startPage"));

    auto *logo = new QLabel(this);
    logo->setPixmap(Icons::application().pixmap(96, 96));
    logo->setAlignment(Qt::AlignCenter);
    auto *name = new QLabel(QStringLiteral("QualityLens"), this);
    QFont big = name->font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setWeight(QFont::DemiBold);
    name->setFont(big);
    name->setAlignment(Qt::AlignCenter);
    auto *tagline = new QLabel(tr("Quality analytics for customer support: audits, CSAT, calibration and reports, "
                                  "on your own machine."),
                               this);
    tagline->setAlignment(Qt::AlignCenter);
    tagline->setWordWrap(true);

    auto *tiles = new QHBoxLayout;
    tiles->setSpacing(16);
    tiles->addStretch();
    QToolButton *newTile = makeTile(Icons::themed(QStringLiteral("document-new")), tr("New Project…"), QStringLiteral("newTile"));
    QToolButton *openTile = makeTile(Icons::themed(QStringLiteral("document-open")), tr("Open Project…"), QStringLiteral("openTile"));
    QToolButton *demoTile = makeTile(Icons::themed(QStringLiteral("qualitylens-demo")), tr("Open Demo"), QStringLiteral("demoTile"));
    newTile->setToolTip(tr("Create an empty project file"));
    openTile->setToolTip(tr("Open a .qlens project file"));
    demoTile->setToolTip(tr("Explore a generated organisation with a year of audits, CSAT and calibration"));
    for (QToolButton *tile : {newTile, openTile, demoTile})
        tiles->addWidget(tile);
    tiles->addStretch();
    connect(newTile, &QToolButton::clicked, this, &StartPage::newRequested);
    connect(openTile, &QToolButton::clicked, this, &StartPage::openRequested);
    connect(demoTile, &QToolButton::clicked, this, &StartPage::openDemoRequested);

    QFont heading = m_recentTitle->font();
    heading.setWeight(QFont::DemiBold);
    m_recentTitle->setFont(heading);
    m_recentTitle->setBuddy(m_recent);
    m_recent->setObjectName(QStringLiteral("recentProjects"));
    m_recent->setAccessibleName(tr("Recent projects"));
    m_recent->setIconSize(QSize(32, 32));
    m_recent->setUniformItemSizes(true);
    m_recent->setSpacing(2);
    m_recent->setMaximumHeight(280);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT openRecentRequested(item->data(Qt::UserRole).toString());
    });
    connect(m_recent, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        Q_EMIT openRecentRequested(item->data(Qt::UserRole).toString());
    });
    m_noRecent->setObjectName(QStringLiteral("noRecentProjects"));
    m_noRecent->setWordWrap(true);
    m_noRecent->setAlignment(Qt::AlignCenter);
    m_noRecent->setText(tr("No recent projects yet. Create a new project, open a .qlens file (or drop it here), "
                           "or open the demo to see QualityLens with a year of data."));
    QPalette quiet = m_noRecent->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    m_noRecent->setPalette(quiet);

    auto *column = new QVBoxLayout;
    column->addStretch(2);
    column->addWidget(logo);
    column->addWidget(name);
    column->addWidget(tagline);
    column->addSpacing(28);
    column->addLayout(tiles);
    column->addSpacing(32);
    column->addWidget(m_recentTitle);
    column->addWidget(m_recent);
    column->addWidget(m_noRecent);
    column->addStretch(3);

    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    auto *middle = new QWidget(this);
    middle->setLayout(column);
    middle->setMaximumWidth(640);
    middle->setMinimumWidth(420);
    outer->addWidget(middle, 4);
    outer->addStretch(1);
    refresh();
}

QToolButton *StartPage::makeTile(const QIcon &icon, const QString &text, const QString &name)
{
    auto *tile = new QToolButton(this);
    tile->setObjectName(name);
    tile->setIcon(icon);
    tile->setText(text);
    tile->setAccessibleName(QString(text).remove(QStringLiteral("…")));
    tile->setIconSize(QSize(40, 40));
    tile->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    tile->setMinimumSize(136, 96);
    tile->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    return tile;
}

void StartPage::refresh()
{
    m_recent->clear();
    const QStringList recent = UiState::recentProjects();
    for (const QString &path : recent) {
        const QFileInfo info(path);
        auto *item = new QListWidgetItem(Icons::application(),
                                         QStringLiteral("%1\n%2").arg(info.completeBaseName(), QDir::toNativeSeparators(info.absolutePath())),
                                         m_recent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
    }
    m_recent->setVisible(!recent.isEmpty());
    m_recentTitle->setVisible(!recent.isEmpty());
    m_noRecent->setVisible(recent.isEmpty());
}

void StartPage::showEvent(QShowEvent *event)
{
    refresh();
    QWidget::showEvent(event);
}

} // namespace ql
