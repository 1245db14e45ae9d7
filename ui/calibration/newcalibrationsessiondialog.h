// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibration/calibrationtypes.h"

#include <QDialog>
#include <QSqlDatabase>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QSpinBox;

namespace ql {

// New calibration session (calibration.md "draft"): the scorecard version, title, date, the
// participants (one a line) and an optional expert among them, and the items: tickets or audit
// keys by hand, or drawn at random from the scorecard's audits by filters with a seed. Accepting
// creates the whole session in one transaction through CalibrationSessions; a refusal keeps the
// dialog open with the engine's message and writes nothing.
class NewCalibrationSessionDialog final : public QDialog
{
    Q_OBJECT
public:
    NewCalibrationSessionDialog(const QSqlDatabase &db, QWidget *parent = nullptr);

    // Creates the session as filled in; 0 and a message when refused (nothing written).
    qint64 create(QString *error);
    qint64 sessionId() const { return m_sessionId; }

    QComboBox *scorecardBox() const { return m_scorecard; }
    QLineEdit *titleEdit() const { return m_title; }
    QDateEdit *dateEdit() const { return m_date; }
    QPlainTextEdit *participantsEdit() const { return m_participants; }
    QComboBox *expertBox() const { return m_expert; }
    QRadioButton *byHandButton() const { return m_byHand; }
    QRadioButton *drawButton() const { return m_draw; }
    QPlainTextEdit *ticketsEdit() const { return m_tickets; }
    QSpinBox *countBox() const { return m_count; }
    QLineEdit *seedEdit() const { return m_seed; }
    QLineEdit *queuesEdit() const { return m_queues; }
    QLineEdit *monthsEdit() const { return m_months; }

    void accept() override;

private:
    QStringList participantNames() const;
    void updateExperts();

    QSqlDatabase m_db;
    qint64 m_sessionId = 0;
    QComboBox *m_scorecard;
    QLineEdit *m_title;
    QDateEdit *m_date;
    QPlainTextEdit *m_participants;
    QComboBox *m_expert;
    QRadioButton *m_byHand;
    QRadioButton *m_draw;
    QPlainTextEdit *m_tickets;
    QSpinBox *m_count;
    QLineEdit *m_seed;
    QLineEdit *m_queues;
    QLineEdit *m_months;
    QLabel *m_error;
};

} // namespace ql
