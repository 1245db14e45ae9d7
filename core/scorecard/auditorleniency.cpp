// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditorleniency.h"

#include "stats/distributions.h"
#include "stats/hypothesistests.h"

#include <QCoreApplication>
#include <QHash>

#include <cmath>
#include <vector>

namespace ql {

namespace {

struct Others
{
    qint64 n = 0;
    double sum = 0;
};

QString cellKey(const AuditorCell &c)
{
    return c.agentKey + QChar(31) + QString::number(c.month) + QChar(31) + c.queue;
}

QString clusterKey(const AuditorCell &c)
{
    return c.agentKey + QChar(31) + QString::number(c.month);
}

QString tr(const char *text)
{
    return QCoreApplication::translate("ql::AuditorLeniency", text);
}

} // namespace

QString AuditorLeniency::verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Lenient:
        return QStringLiteral("lenient");
    case Verdict::Severe:
        return QStringLiteral("severe");
    case Verdict::None:
        break;
    }
    return {};
}

QList<AuditorLeniency> auditorLeniency(const QList<AuditorCell> &cells, double alpha)
{
    // Totals per cell over every auditor; the others' share is the total less the auditor's own.
    QHash<QString, Others> totals;
    for (const AuditorCell &c : cells) {
        Others &t = totals[cellKey(c)];
        t.n += c.n;
        t.sum += c.rawSum;
    }
    QList<AuditorLeniency> out;
    QHash<QString, int> index;
    QList<QList<const AuditorCell *>> own;
    for (const AuditorCell &c : cells) {
        auto it = index.find(c.auditorKey);
        if (it == index.end()) {
            it = index.insert(c.auditorKey, int(out.size()));
            AuditorLeniency l;
            l.key = c.auditorKey;
            l.name = c.auditorName;
            out << l;
            own << QList<const AuditorCell *>{};
        }
        own[*it] << &c;
    }

    std::vector<double> pValues;
    QList<int> tested;
    for (int i = 0; i < out.size(); ++i) {
        AuditorLeniency &l = out[i];
        struct Term
        {
            QString cluster;
            double w;
            double d;
        };
        QList<Term> terms;
        double weights = 0, weighted = 0;
        for (const AuditorCell *c : std::as_const(own[i])) {
            const Others t = totals.value(cellKey(*c));
            const qint64 otherN = t.n - c->n;
            if (otherN <= 0 || c->n <= 0)
                continue;
            const double d = c->rawSum / double(c->n) - (t.sum - c->rawSum) / double(otherN);
            terms << Term{clusterKey(*c), double(c->n), d};
            weights += double(c->n);
            weighted += double(c->n) * d;
        }
        l.compared = qint64(weights);
        if (terms.isEmpty()) {
            l.note = tr("no agent-month another auditor also audited");
            continue;
        }
        const double value = weighted / weights;
        l.value = value;
        QHash<QString, double> u;
        for (const Term &t : std::as_const(terms))
            u[t.cluster] += t.w * (t.d - value);
        l.clusters = int(u.size());
        const int g = l.clusters;
        if (g < 2) {
            l.note = tr("one agent-month: no interval");
            continue;
        }
        double squares = 0;
        for (double v : std::as_const(u))
            squares += v * v;
        const double se = std::sqrt(double(g) / double(g - 1) * squares) / weights;
        const double t = stats::studentTCritical(0.95, double(g - 1));
        l.ciLow = value - t * se;
        l.ciHigh = value + t * se;
        if (se <= 0) {
            // Every cell says the same: no spread to test against.
            l.note = tr("no spread between agent-months: not tested");
            continue;
        }
        l.p = 2 * stats::studentTSurvival(std::fabs(value / se), double(g - 1));
        pValues.push_back(*l.p);
        tested << i;
    }
    const std::vector<double> adjusted = stats::holmAdjust(pValues);
    for (int k = 0; k < tested.size(); ++k) {
        AuditorLeniency &l = out[tested[k]];
        l.pHolm = adjusted[size_t(k)];
        if (*l.pHolm < alpha)
            l.verdict = *l.value > 0 ? AuditorLeniency::Verdict::Lenient : AuditorLeniency::Verdict::Severe;
    }
    return out;
}

} // namespace ql
