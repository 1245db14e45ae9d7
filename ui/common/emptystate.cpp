// SPDX-License-Identifier: GPL-3.0-or-later
#include "emptystate.h"

#include <QAbstractScrollArea>
#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ql {

EmptyState::EmptyState(QAbstractScrollArea *view)
    : QWidget(view->viewport())
    , m_viewport(view->viewport())
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_buttons(new QHBoxLayout)
{
    setObjectName(QStringLiteral("emptyState"));
    setAutoFillBackground(false);
    m_icon->setAlignment(Qt::AlignCenter);
    m_icon->hide();
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setObjectName(QStringLiteral("emptyStateText"));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Quieter than the title, in whatever palette the user has. Over a view's viewport (Base) a
    // label paints with Text, elsewhere with WindowText: set both.
    QPalette quiet = m_text->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    quiet.setColor(QPalette::Text, quiet.color(QPalette::PlaceholderText));
    m_text->setPalette(quiet);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(m_icon);
    layout->addWidget(m_title, 0, Qt::AlignHCenter);
    layout->addWidget(m_text, 0, Qt::AlignHCenter);
    layout->addSpacing(8);
    m_buttons->addStretch();
    m_buttons->addStretch();
    layout->addLayout(m_buttons);
    layout->addStretch(3);

    m_viewport->installEventFilter(this);
    fitTo(m_viewport->rect());
}

void EmptyState::fitTo(const QRect &rect)
{
    // A word-wrapped label centred in a layout gets its narrow size hint and clips; give the texts a
    // definite width, so that their height follows from it.
    const int width = std::max(120, std::min(560, rect.width() - 48));
    m_title->setFixedWidth(width);
    m_text->setFixedWidth(width);
    setGeometry(rect);
}

void EmptyState::setIcon(const QIcon &icon)
{
    m_icon->setPixmap(icon.pixmap(64, 64));
    m_icon->setVisible(!icon.isNull());
}

void EmptyState::setTitle(const QString &title)
{
    m_title->setText(title);
    m_title->setVisible(!title.isEmpty());
}

void EmptyState::setText(const QString &text)
{
    m_text->setText(text);
    m_text->setVisible(!text.isEmpty());
}

void EmptyState::setActions(const QList<QAction *> &actions)
{
    // Keep the two stretches that centre the buttons; replace what is between them.
    while (m_buttons->count() > 2) {
        QLayoutItem *item = m_buttons->takeAt(1);
        delete item->widget();
        delete item;
    }
    int at = 1;
    for (QAction *action : actions) {
        auto *button = new QPushButton(action->icon(), action->text().remove(QLatin1Char('&')), this);
        button->setAccessibleName(button->text());
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        m_buttons->insertWidget(at++, button);
    }
}

QString EmptyState::title() const
{
    return m_title->text();
}

QString EmptyState::text() const
{
    return m_text->text();
}

bool EmptyState::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_viewport && event->type() == QEvent::Resize)
        fitTo(m_viewport->rect());
    return QWidget::eventFilter(watched, event);
}

} // namespace ql
