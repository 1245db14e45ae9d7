// SPDX-License-Identifier: GPL-3.0-or-later
#include "newcalibrationsessiondialog.h"

#include "calibration/calibrationsessions.h"
#include "store/scorecardstore.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSqlQuery>
#include <QVBoxLayout>

namespace ql {

namespace {
QStringList splitList(const QString &text)
{
    QStringList out;
    for (QString part : text.split(QRegularExpression(QStringLiteral("[,;\\n]")))) {
        part = part.trimmed();
        if (!part.isEmpty())
            out << part;
    }
    return out;
}

// An audit key names its audit; anything else is taken as a ticket id.
qint64 auditIdOfKey(const QSqlDatabase &db, const QString &key)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM audits WHERE audit_key = ? ORDER BY id LIMIT 1"));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}
} // namespace

NewCalibrationSessionDialog::NewCalibrationSessionDialog(const QSqlDatabase &db, QWidget *parent)
    : QDialog(parent),
      m_db(db),
      m_scorecard(new QComboBox(this)),
      m_title(new QLineEdit(this)),
      m_date(new QDateEdit(QDate::currentDate(), this)),
      m_participants(new QPlainTextEdit(this)),
      m_expert(new QComboBox(this)),
      m_byHand(new QRadioButton(tr("By hand: audit keys or ticket ids"), this)),
      m_draw(new QRadioButton(tr("Drawn at random from the scorecard's audits"), this)),
      m_tickets(new QPlainTextEdit(this)),
      m_count(new QSpinBox(this)),
      m_seed(new QLineEdit(QStringLiteral("1"), this)),
      m_queues(new QLineEdit(this)),
      m_months(new QLineEdit(this)),
      m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("newCalibrationSessionDialog"));
    setWindowTitle(tr("New Calibration Session"));
    for (const ScorecardVersionInfo &v : ScorecardStore(db).versions())
        m_scorecard->addItem(tr("%1 v%2").arg(v.name).arg(v.version), v.id);
    if (m_scorecard->count() > 0)
        m_scorecard->setCurrentIndex(m_scorecard->count() - 1);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_participants->setPlaceholderText(tr("One name a line"));
    m_participants->setTabChangesFocus(true);
    m_participants->setMaximumHeight(90);
    m_tickets->setPlaceholderText(tr("Audit keys or ticket ids, one a line or separated by commas"));
    m_tickets->setTabChangesFocus(true);
    m_tickets->setMaximumHeight(70);
    m_count->setRange(1, 1000);
    m_count->setValue(5);
    m_queues->setPlaceholderText(tr("any; several separated by commas"));
    m_months->setPlaceholderText(tr("any; e.g. 2026-10"));
    m_byHand->setChecked(true);
    m_error->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("newSessionError"));
    m_error->setStyleSheet(QStringLiteral("color: #D55E00"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Scorecard version:"), m_scorecard);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Date:"), m_date);
    form->addRow(tr("&Participants:"), m_participants);
    form->addRow(tr("&Expert (optional):"), m_expert);

    auto *items = new QGroupBox(tr("Items"), this);
    auto *itemsLayout = new QVBoxLayout(items);
    itemsLayout->addWidget(m_byHand);
    itemsLayout->addWidget(m_tickets);
    itemsLayout->addWidget(m_draw);
    auto *drawForm = new QFormLayout;
    drawForm->addRow(tr("Co&unt:"), m_count);
    drawForm->addRow(tr("Seed:"), m_seed);
    drawForm->addRow(tr("&Queues:"), m_queues);
    drawForm->addRow(tr("&Months:"), m_months);
    itemsLayout->addLayout(drawForm);
    auto syncItems = [this] {
        m_tickets->setEnabled(m_byHand->isChecked());
        for (QWidget *w : {static_cast<QWidget *>(m_count), static_cast<QWidget *>(m_seed),
                           static_cast<QWidget *>(m_queues), static_cast<QWidget *>(m_months)})
            w->setEnabled(m_draw->isChecked());
    };
    connect(m_byHand, &QRadioButton::toggled, this, syncItems);
    syncItems();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create Session"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(items);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(m_participants, &QPlainTextEdit::textChanged, this, &NewCalibrationSessionDialog::updateExperts);
    updateExperts();
}

QStringList NewCalibrationSessionDialog::participantNames() const
{
    QStringList names;
    for (const QString &line : m_participants->toPlainText().split(QLatin1Char('\n'))) {
        const QString name = line.trimmed();
        if (!name.isEmpty())
            names << name;
    }
    return names;
}

void NewCalibrationSessionDialog::updateExperts()
{
    const QString current = m_expert->currentText();
    m_expert->clear();
    m_expert->addItem(tr("No expert"));
    m_expert->addItems(participantNames());
    const int index = m_expert->findText(current);
    m_expert->setCurrentIndex(index > 0 ? index : 0);
}

qint64 NewCalibrationSessionDialog::create(QString *error)
{
    auto fail = [&](const QString &message) -> qint64 {
        if (error)
            *error = message;
        return 0;
    };
    if (m_scorecard->currentIndex() < 0)
        return fail(tr("The project has no scorecard: import one first."));
    if (m_title->text().trimmed().isEmpty())
        return fail(tr("Give the session a title."));
    NewCalibrationSession s;
    s.title = m_title->text().trimmed();
    s.date = m_date->date();
    s.scorecardId = m_scorecard->currentData().toLongLong();
    const QStringList names = participantNames();
    for (const QString &name : names)
        s.participants.append({name, 0, m_expert->currentIndex() > 0 && name == m_expert->currentText()});

    CalibrationDrawSpec spec;
    QStringList keys;
    if (m_draw->isChecked()) {
        bool ok = false;
        spec.seed = m_seed->text().trimmed().toULongLong(&ok);
        if (!ok)
            return fail(tr("The seed must be a whole number of 0 or more, not “%1”.").arg(m_seed->text()));
        spec.count = m_count->value();
        spec.queues = splitList(m_queues->text());
        spec.months = splitList(m_months->text());
        if (const QString problem = spec.validate(); !problem.isEmpty())
            return fail(problem);
    } else {
        keys = splitList(m_tickets->toPlainText());
    }

    // One transaction: the engine's savepoints nest in it, so a refusal leaves nothing behind.
    if (!m_db.transaction())
        return fail(tr("The project could not start a transaction."));
    CalibrationSessions sessions(m_db);
    CalibrationError e;
    const auto id = sessions.create(s, &e);
    if (id) {
        if (m_draw->isChecked()) {
            sessions.draw(*id, spec, &e);
        } else {
            for (const QString &key : std::as_const(keys)) {
                const qint64 auditId = auditIdOfKey(m_db, key);
                if (!sessions.addItem(*id, auditId ? QString() : key, auditId, &e)) {
                    e.message = tr("Item “%1”: %2").arg(key, e.message);
                    break;
                }
            }
        }
    }
    if (!id || e.isError()) {
        m_db.rollback();
        return fail(e.message);
    }
    if (!m_db.commit()) {
        m_db.rollback();
        return fail(tr("The project could not save the session."));
    }
    return *id;
}

void NewCalibrationSessionDialog::accept()
{
    QString error;
    m_sessionId = create(&error);
    if (m_sessionId == 0) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace ql
