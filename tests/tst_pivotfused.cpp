// SPDX-License-Identifier: GPL-3.0-or-later
// The fused pass over the answers (core/pivot/pivotfused.h) against the general one on random
// projects and specs (tst_pivotworld.h: N/A answers, ties, filters to nothing, multi-valued root
// causes that the fused pass leaves to the general one):
// - as one part, it gives exactly the general pass's result (the same additions in the same order);
// - cut into parts, it gives exactly the same result on 1, 2 or 5 threads, and the general pass's
//   to rounding (each part summed on its own, the parts added in order);
// - reading each answer's audit row instead of runs of one audit changes nothing.
// tst_pivotoracle checks all three paths against the brute-force oracle as well.
#include "pivot/cubebuilder.h"
#include "pivot/pivotengine.h"
#include "pivot/pivotfused.h"
#include "pivot/pivotspec.h"
#include "pivot/pivottuning.h"
#include "store/project.h"
#include "tst_pivotworld.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>

using namespace ql;
using namespace pivotworld;

namespace {

struct Setting
{
    bool fused = true;
    std::size_t partFacts = std::size_t(1) << 20;
    int threads = 1;
    std::size_t runFacts = 1; // runs whenever answers come audit by audit (the small worlds have ~3 per audit)
};

void apply(const Setting &s)
{
    pivot::Tuning::fused = s.fused;
    pivot::Tuning::partFacts = s.partFacts;
    pivot::Tuning::threads = s.threads;
    pivot::Tuning::runFacts = s.runFacts;
}

// Empty when a and b are the same pivot; exact: the same bits in every value, or (exact false)
// within 1e-9 relative for values (counts and every n still exact).
QString difference(const PivotResult &a, const PivotResult &b, bool exact)
{
    if (a.factCount() != b.factCount())
        return QStringLiteral("facts %1 and %2").arg(a.factCount()).arg(b.factCount());
    auto labels = [](const QList<PivotHeader> &headers) {
        QList<QStringList> out;
        for (const PivotHeader &h : headers)
            out << h.labels;
        return out;
    };
    if (labels(a.rows()) != labels(b.rows()) || labels(a.columns()) != labels(b.columns()))
        return QStringLiteral("different rows or columns");
    if (a.cellCount() != b.cellCount())
        return QStringLiteral("%1 and %2 cells").arg(a.cellCount()).arg(b.cellCount());
    for (int k = 0; k < a.cellCount(); ++k) {
        if (a.cell(k).row != b.cell(k).row || a.cell(k).column != b.cell(k).column)
            return QStringLiteral("cell %1 at a different place").arg(k);
        for (int m = 0; m < a.measureCount(); ++m) {
            const auto &x = a.cellValue(k, m);
            const auto &y = b.cellValue(k, m);
            if (x.has_value() != y.has_value())
                return QStringLiteral("cell %1, %2: empty in one only").arg(k).arg(a.measures().at(m));
            if (!x)
                continue;
            const bool same = exact ? std::memcmp(&x->value, &y->value, sizeof(double)) == 0
                                    : std::fabs(x->value - y->value) <=
                                          1e-9 * std::max({1.0, std::fabs(x->value), std::fabs(y->value)});
            if (!same || x->n != y->n)
                return QStringLiteral("cell %1, %2: %3 (n %4) and %5 (n %6)")
                    .arg(k)
                    .arg(a.measures().at(m))
                    .arg(x->value, 0, 'g', 17)
                    .arg(x->n)
                    .arg(y->value, 0, 'g', 17)
                    .arg(y->n);
        }
    }
    return {};
}

} // namespace

class TestPivotFused : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { apply({}); }
    void parts_data();
    void parts();
    void randomSpecs();
};

void TestPivotFused::parts_data()
{
    QTest::addColumn<qulonglong>("facts");
    QTest::addColumn<qulonglong>("slots");
    QTest::addColumn<qulonglong>("stateBytes");
    QTest::addColumn<qulonglong>("expected");
    // Defaults: parts of at least 2^20 = 1,048,576 facts, at most 16, their state within 16 MiB.
    QTest::newRow("no facts") << 0ull << 100ull << 16ull << 1ull;
    QTest::newRow("under one part") << 1'048'575ull << 100ull << 16ull << 1ull;
    QTest::newRow("two parts") << 2'097'152ull << 100ull << 16ull << 2ull;
    // The bench's pivot: 12,863,111 / 1,048,576 = 12.27 -> 12 parts; 12 x 1,530 cells x 16 bytes = 294 KB.
    QTest::newRow("bench") << 12'863'111ull << 1'530ull << 16ull << 12ull;
    QTest::newRow("at most 16") << 100'000'000ull << 100ull << 16ull << 16ull;
    // 262,144 cells x 64 bytes = 16 MiB: one part's state is the whole budget.
    QTest::newRow("state budget") << 12'863'111ull << 262'144ull << 64ull << 1ull;
    // 16 MiB / (65,536 x 64 bytes = 4 MiB) = 4 parts.
    QTest::newRow("four fit") << 12'863'111ull << 65'536ull << 64ull << 4ull;
}

void TestPivotFused::parts()
{
    QFETCH(qulonglong, facts);
    QFETCH(qulonglong, slots);
    QFETCH(qulonglong, stateBytes);
    QFETCH(qulonglong, expected);
    QCOMPARE(qulonglong(pivot::fusedParts(facts, slots, stateBytes)), expected);
}

void TestPivotFused::randomSpecs()
{
    Rng r(20261128);
    QTemporaryDir dir;
    const std::uint64_t passesBefore = pivot::fusedPasses();
    int compared = 0, emptySlices = 0, withGeneralMeasures = 0;
    for (int p = 0; p < 8; ++p) {
        const World world = generate(r);
        ProjectError err;
        auto project = Project::create(dir.filePath(QStringLiteral("p%1.qlens").arg(p)), true, &err);
        QVERIFY2(project, qPrintable(err.message));
        QVERIFY(insert(world, project->database()));
        QString error;
        const auto audits = CubeBuilder::buildAudits(project->database(), {}, &error);
        QVERIFY2(audits, qPrintable(error));
        const auto answers = CubeBuilder::buildAnswers(project->database(), audits, {}, &error);
        QVERIFY2(answers, qPrintable(error));
        if (answers->factCount() == 0)
            continue;
        // The world stores answers audit by audit: fewer runs than answers, in audit order.
        const Cube::ParentRuns &runs = answers->parentRuns();
        QVERIFY(runs.parents.size() < answers->factCount());
        QCOMPARE(std::size_t(runs.starts.back()), answers->factCount());
        for (std::size_t k = 0; k < runs.parents.size(); ++k)
            for (std::uint32_t i = runs.starts[k]; i < runs.starts[k + 1]; ++i)
                QCOMPARE(answers->parentRows()[i], runs.parents[k]);
        const QStringList dims = answers->dimensionNames();
        auto labelsOf = [&](const QString &d) {
            const Cube::DimensionRef ref = answers->findDimension(d);
            return ref ? ref.dimension->labels : QStringList();
        };
        for (int k = 0; k < 25; ++k) {
            PivotSpec spec = randomSpec(r, dims, labelsOf, PivotSource::Answers);
            if (r.chance(0.5)) // the shape of the bench's pivot more often than chance gives it
                spec.measures = QStringList{QStringLiteral("compliance"), QStringLiteral("count")} +
                                QStringList{QStringLiteral("criterion_pass_rate"), QStringLiteral("na_rate"),
                                            QStringLiteral("avg(c)"), QStringLiteral("sum(value)"),
                                            QStringLiteral("median(c)")}
                                    .mid(r.below(5), r.below(3));
            if (!spec.validate().isEmpty())
                continue;
            PivotOptions options;
            options.countedSampleTypes =
                r.chance(0.6) ? QStringList{"random", "targeted"} : QStringList{"random", "dispute", "auto"};
            options.fieldsOfKpiAudits = r.chance(0.3);
            const QString context = QString::fromUtf8(spec.toJson());
            auto run = [&](const Setting &s) {
                apply(s);
                QString why;
                auto result = PivotEngine::compute(*answers, spec, options, &why);
                apply({});
                return result;
            };
            const auto general = run({false});
            const auto onePart = run({});
            if (!general) {
                QVERIFY2(!onePart, qPrintable(context));
                continue;
            }
            QVERIFY2(onePart, qPrintable(context));
            QString diff = difference(*general, *onePart, true);
            QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("one part: %1\n%2").arg(diff, context)));
            // Parts of 3 facts (at most 16 of them), on 1, 2 and 5 threads, by runs and by rows.
            // (Parts cut runs or answers, so the two ways are compared each with itself.)
            const auto serial = run({true, 3, 1});
            const auto serialRows = run({true, 3, 1, 1'000'000});
            QVERIFY2(serial && serialRows, qPrintable(context));
            for (const Setting &s : {Setting{true, 3, 2}, Setting{true, 3, 5}, Setting{true, 3, 5, 1'000'000}}) {
                const auto threaded = run(s);
                QVERIFY2(threaded, qPrintable(context));
                diff = difference(s.runFacts == 1 ? *serial : *serialRows, *threaded, true);
                QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("%1 threads: %2\n%3").arg(s.threads).arg(diff, context)));
            }
            diff = difference(*general, *serialRows, false);
            QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("parts by rows: %1\n%2").arg(diff, context)));
            diff = difference(*general, *serial, false);
            QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("parts: %1\n%2").arg(diff, context)));
            const auto byRows = run({true, std::size_t(1) << 20, 1, 1'000'000});
            QVERIFY2(byRows, qPrintable(context));
            diff = difference(*onePart, *byRows, true);
            QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("rows: %1\n%2").arg(diff, context)));
            ++compared;
            emptySlices += general->factCount() == 0;
            for (const QString &m : spec.measures)
                if (m.startsWith(QLatin1String("median")) || m.startsWith(QLatin1String("p")) ||
                    m.startsWith(QLatin1String("stddev")) || m.startsWith(QLatin1String("min")) ||
                    m.startsWith(QLatin1String("max")) || m.startsWith(QLatin1String("count_distinct"))) {
                    ++withGeneralMeasures;
                    break;
                }
        }
    }
    const std::uint64_t fused = pivot::fusedPasses() - passesBefore;
    qInfo("compared %d pivots (%d with no fact, %d with a measure the general pass feeds); %llu fused passes", compared,
          emptySlices, withGeneralMeasures, static_cast<unsigned long long>(fused));
    QVERIFY(compared >= 150);
    QVERIFY(emptySlices > 0 && withGeneralMeasures > 20);
    // Each compared pivot ran the fused pass 6 times when its shape fits (no root cause on an axis or
    // in a filter): most of them.
    QVERIFY(fused >= quint64(compared) * 6 / 2);
}

QTEST_GUILESS_MAIN(TestPivotFused)
#include "tst_pivotfused.moc"
