// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/kpiqueries.h"

#include <QList>
#include <QString>

#include <optional>

namespace ql {

// An auditor's leniency from ordinary audits (calibration.md "Trends, drift and graders").
//
// For each cell (agent, month, queue) where the auditor and at least one other auditor audited
// the agent: d = the auditor's mean raw score there − the mean raw score of the other auditors'
// audits there. Leniency L = Σ n·d / Σ n, with n the auditor's audits in the cell (+ lenient,
// − severe, in points). Its standard error is clustered by agent-month (the cells of one agent
// and month share that agent's month): with u_k = Σ_{cells of k} n·(d − L) and G clusters,
// Var(L) = G/(G−1) · Σ u_k² / (Σ n)², and the 95% interval is L ± t(0.975, G−1)·SE. The test of
// L = 0 is t = L/SE on G−1 degrees of freedom; its p-values are Holm-adjusted across the auditors
// that have one, and only an auditor whose adjusted p < 0.05 is listed as lenient or severe.
struct AuditorLeniency
{
    QString key;
    QString name;
    qint64 compared = 0; // the auditor's audits in cells another auditor also audited
    int clusters = 0;    // agent-months among them
    std::optional<double> value; // L, points
    std::optional<double> ciLow;
    std::optional<double> ciHigh;
    std::optional<double> p;     // two-sided, unadjusted
    std::optional<double> pHolm; // Holm-adjusted across auditors
    QString note;                // why there is no value or no interval

    enum class Verdict : quint8 { None, Lenient, Severe };
    Verdict verdict = Verdict::None; // Holm-adjusted p < 0.05 only
    static QString verdictName(Verdict verdict); // lenient, severe, or empty
};

// One entry per auditor in `cells`, in the cells' auditor order.
QList<AuditorLeniency> auditorLeniency(const QList<AuditorCell> &cells, double alpha = 0.05);

} // namespace ql
