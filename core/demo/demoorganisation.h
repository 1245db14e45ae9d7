// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demorandom.h"
#include "demoworld.h"

#include <QSqlDatabase>

namespace ql {

class DemoWriter;

// The demo's organisation: the calendar, sites, teams, queues, channels, agents with their
// history and aliases, auditors, root causes, the "Support QA" scorecard in two versions with the
// answer model of each criterion, targets and saved views.
class DemoOrganisation final
{
public:
    DemoOrganisation(DemoWorld &world, DemoWriter &writer, const QSqlDatabase &db);

    // Fills the world from world.options: nothing is written yet.
    void build();
    // Writes the dictionaries, people, scorecards, targets and saved views (after the import_log
    // row they point at). False on a failure, *error says why.
    bool write(QString *error);

private:
    void buildCalendar();
    void buildDictionaries();
    void buildAgents();
    void buildAuditors();
    void buildModels();
    Scorecard scorecard(int version) const;
    bool writeScorecards(QString *error);
    bool writeSettingsAndViews();

    DemoWorld &m_world;
    DemoWriter &m_writer;
    QSqlDatabase m_db;
    DemoRandom m_random;
};

} // namespace ql
