// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

class QAbstractScrollArea;
class QAction;
class QHBoxLayout;
class QLabel;

namespace ql {

// What an empty view says instead of showing a blank table: a title, a sentence on what to do
// next and buttons that do it. Laid over the view's viewport (the header stays visible), it follows
// the viewport's size; the owner shows and hides it.
class EmptyState final : public QWidget
{
    Q_OBJECT
public:
    explicit EmptyState(QAbstractScrollArea *view);

    void setIcon(const QIcon &icon);
    void setTitle(const QString &title);
    void setText(const QString &text);
    void setActions(const QList<QAction *> &actions); // shown as buttons, in this order

    QString title() const;
    QString text() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitTo(const QRect &rect);

    QWidget *m_viewport;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_text;
    QHBoxLayout *m_buttons;
};

} // namespace ql
