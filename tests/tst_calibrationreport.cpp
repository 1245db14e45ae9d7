// SPDX-License-Identifier: GPL-3.0-or-later
// The calibration session report: its tables on the hand-computed session of
// tst_calibrationmetrics (every number worked there and repeated here), the XLSX read back from
// the zip (sheet names, text and numbers as numbers), the PDF's document and bytes, and the
// page's Export Report… through its background job.

#include "calibration/calibrationpage.h"
#include "calibration/calibrationreport.h"
#include "calibration/calibrationreportpdf.h"
#include "scorecards/scorecardtablemodel.h"
#include "tst_calibrationfixture.h"

#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QLabel>
#include <QTabWidget>
#include <QTest>
#include <QTextDocument>
#include <QXmlStreamReader>

#include <cmath>

using namespace ql;
using namespace ql::test;

namespace {

QByteArray unzipMember(const QString &zip, const QString &member)
{
    const QString unzip = QStandardPaths::findExecutable(QStringLiteral("unzip"));
    if (unzip.isEmpty())
        qFatal("unzip is needed to read XLSX files back (scripts/setup.sh installs it)");
    QProcess p;
    p.start(unzip, {QStringLiteral("-p"), zip, member});
    p.waitForFinished(60000);
    return p.readAllStandardOutput();
}

// A sheet as text by cell reference: shared strings resolved, numbers as written.
QHash<QString, QString> readSheet(const QString &zip, int sheet)
{
    QStringList shared;
    {
        QXmlStreamReader r(unzipMember(zip, QStringLiteral("xl/sharedStrings.xml")));
        while (!r.atEnd())
            if (r.readNext() == QXmlStreamReader::StartElement && r.name() == u"t")
                shared << r.readElementText();
    }
    QHash<QString, QString> cells;
    QXmlStreamReader r(unzipMember(zip, QStringLiteral("xl/worksheets/sheet%1.xml").arg(sheet)));
    QString ref;
    QString type;
    while (!r.atEnd()) {
        if (r.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (r.name() == u"c") {
            ref = r.attributes().value(QLatin1String("r")).toString();
            type = r.attributes().value(QLatin1String("t")).toString();
        } else if (r.name() == u"v") {
            const QString v = r.readElementText();
            cells.insert(ref, type == QLatin1String("s") ? shared.value(v.toInt()) : v);
        }
    }
    return cells;
}

bool near(const QString &text, double expected)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    return ok && std::fabs(v - expected) < 1e-4;
}

} // namespace

class TestCalibrationReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void tables();
    void cells_data();
    void cells();
    void blindBeforeReview();
    void xlsx();
    void pdf();
    void fromThePage();

private:
    CalibrationReport report();

    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    HandSession m_hand;
};

void TestCalibrationReport::init()
{
    m_project = createProject(m_dir.filePath(QStringLiteral("report-%1.qlproj").arg(QTest::currentTestFunction())));
    QVERIFY(m_project);
    const qint64 card = storeCard(*m_project);
    m_hand = writeHandSession(m_project->database(), card);
    CalibrationReview review(m_project->database());
    // Consensus on T1's Accuracy = 1 with a note, and discussion notes on T2.
    CalibrationAnswer yes = CalibrationAnswer::rated(1);
    yes.comment = QStringLiteral("the refund was correct");
    QVERIFY(!review.setConsensus(m_hand.sessionId, m_hand.items.at(0), 0, yes).isError());
    QVERIFY(!review.setNotes(m_hand.sessionId, m_hand.items.at(1), QStringLiteral("closing N/A: chat ended by customer"))
                 .isError());
}

void TestCalibrationReport::cleanup()
{
    m_project.reset();
}

CalibrationReport TestCalibrationReport::report()
{
    CalibrationError e;
    const auto r = calibrationReport(m_project->database(), m_hand.sessionId, &e);
    if (!r)
        qWarning("%s", qPrintable(e.message));
    return r.value_or(CalibrationReport{});
}

// The expert Cat is the baseline (review, no resolution): Ann 81.25% (−14.58 pts), Ben 75%
// (signed 0: −33.33 and +33.33), Dan nothing compared, ranked last. Ben's 0 on T1's critical
// Accuracy where Cat gave 1 is the one critical mismatch (a false failure).
// Spread SD: T1 raw 100, 87.5, 66.67 → mean 84.72, SD √((15.28² + 2.78² + 18.06²)/2) = 16.84;
// T2 raw 66.67, 50, 100 → mean 72.22, SD √((5.56² + 22.22² + 27.78²)/2) = 25.46 → T2 first.
void TestCalibrationReport::tables()
{
    const CalibrationReport r = report();
    QCOMPARE(r.title, QStringLiteral("Hand-computed"));
    QCOMPARE(r.subtitle, QStringLiteral("2026-03-18 · Calibration QA v1 · lead Lead · review"));
    QVERIFY(r.facts.join(QLatin1Char(' ')).contains(QStringLiteral("Baseline: the expert's answers.")));
    QVERIFY(r.facts.join(QLatin1Char(' ')).contains(QStringLiteral("Session calibration score: 78.1%.")));
    QStringList keys;
    for (const CalibrationReportTable &t : r.tables)
        keys << t.key;
    QCOMPARE(keys, (QStringList{QStringLiteral("participants"), QStringLiteral("mismatches"), QStringLiteral("criteria"),
                                QStringLiteral("spread"), QStringLiteral("consensus"), QStringLiteral("notes")}));
    QCOMPARE(r.table(QStringLiteral("participants"))->rows.size(), 3);
    QCOMPARE(r.table(QStringLiteral("mismatches"))->rows.size(), 1);
    QCOMPARE(r.table(QStringLiteral("criteria"))->rows.size(), 3);
    QCOMPARE(r.table(QStringLiteral("spread"))->rows.size(), 2);
    QCOMPARE(r.table(QStringLiteral("consensus"))->rows.size(), 1);
    QCOMPARE(r.table(QStringLiteral("notes"))->rows.size(), 1);
}

void TestCalibrationReport::cells_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text"); // as the PDF prints it
    QTest::newRow("rank 1 is Ann") << "participants" << 0 << 1 << "Ann";
    // 81.25 at one decimal: a tie, printed however QString::number rounds it (the XLSX test reads 81.25).
    QTest::newRow("Ann's alignment") << "participants" << 0 << 2 << QStringLiteral("%1%").arg(81.25, 0, 'f', 1);
    QTest::newRow("Ann's signed deviation") << "participants" << 0 << 3 << "−14.58";
    QTest::newRow("Ann is severe") << "participants" << 0 << 4 << "severe";
    QTest::newRow("Ann's |deviation|") << "participants" << 0 << 5 << "14.58";
    QTest::newRow("Ann within tolerance") << "participants" << 0 << 6 << "0.0%";
    QTest::newRow("rank 2 is Ben") << "participants" << 1 << 1 << "Ben";
    QTest::newRow("Ben's alignment") << "participants" << 1 << 2 << "75.0%";
    QTest::newRow("Ben's signed deviation") << "participants" << 1 << 3 << "0.00";
    QTest::newRow("Ben on the baseline") << "participants" << 1 << 4 << "on the baseline";
    QTest::newRow("Ben's |deviation|") << "participants" << 1 << 5 << "33.33";
    QTest::newRow("Ben's critical mismatch") << "participants" << 1 << 7 << "1";
    QTest::newRow("Dan last, no alignment") << "participants" << 2 << 2 << "–";
    QTest::newRow("Dan's rank") << "participants" << 2 << 0 << "3";
    QTest::newRow("mismatch: Ben") << "mismatches" << 0 << 0 << "Ben";
    QTest::newRow("mismatch: T1") << "mismatches" << 0 << 2 << "T1";
    QTest::newRow("mismatch: Accuracy") << "mismatches" << 0 << 3 << "Accuracy";
    QTest::newRow("mismatch: false failure") << "mismatches" << 0 << 4 << "failed it where the baseline did not";
    // Spreads: a {1,1,0} 1/3 and {1,1,1} 0 → 16.7%; c {1,1,N/A} 1/3 and {N/A,0,N/A} 1/3 → 33.3%.
    QTest::newRow("Accuracy spread") << "criteria" << 0 << 8 << "16.7%";
    QTest::newRow("Closing spread") << "criteria" << 2 << 8 << "33.3%";
    QTest::newRow("Closing flagged") << "criteria" << 2 << 9 << "⚑ above 20%";
    QTest::newRow("Tone not flagged") << "criteria" << 1 << 9 << "";
    QTest::newRow("two units: not interpreted") << "criteria" << 1 << 5 << "not interpreted: 2 units (10 needed)";
    QTest::newRow("widest first: T2") << "spread" << 0 << 1 << "T2";
    QTest::newRow("T2's SD") << "spread" << 0 << 2 << "25.46";
    QTest::newRow("T2's baseline (Cat)") << "spread" << 0 << 3 << "66.67";
    QTest::newRow("T2's lowest") << "spread" << 0 << 4 << "50.00";
    QTest::newRow("T2's highest") << "spread" << 0 << 5 << "100.00";
    QTest::newRow("then T1") << "spread" << 1 << 1 << "T1";
    QTest::newRow("T1's SD") << "spread" << 1 << 2 << "16.84";
    QTest::newRow("T1's flagged criteria") << "spread" << 1 << 6 << "Accuracy, Tone, Closing";
    QTest::newRow("consensus criterion") << "consensus" << 0 << 2 << "Accuracy";
    QTest::newRow("consensus answer") << "consensus" << 0 << 3 << "1";
    QTest::newRow("consensus: Cat and Ann gave it") << "consensus" << 0 << 4 << "2 of 3";
    QTest::newRow("consensus note") << "consensus" << 0 << 5 << "the refund was correct";
    QTest::newRow("notes: T2") << "notes" << 0 << 1 << "T2";
    QTest::newRow("notes text") << "notes" << 0 << 2 << "closing N/A: chat ended by customer";
}

void TestCalibrationReport::cells()
{
    QFETCH(QString, table);
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, text);
    const CalibrationReport r = report();
    const CalibrationReportTable *t = r.table(table);
    QVERIFY(t);
    QVERIFY(row < t->rows.size());
    const QVariant v = t->rows.at(row).at(column);
    const QString shown = v.typeId() == QMetaType::QString && v.toString().isEmpty()
                              ? QString()
                              : formatCalibrationReportCell(v, t->formats.at(column));
    QCOMPARE(shown, text);
}

void TestCalibrationReport::blindBeforeReview()
{
    // A session still in scoring has no report: the answers are blind.
    auto other = createProject(m_dir.filePath(QStringLiteral("blind.qlproj")));
    const HandSession h = writeHandSession(other->database(), storeCard(*other), CalibrationState::Scoring);
    CalibrationError e;
    QVERIFY(!calibrationReport(other->database(), h.sessionId, &e));
    QCOMPARE(e.kind, CalibrationError::Refused);
    QVERIFY2(e.message.contains(QLatin1String("blind until review")), qPrintable(e.message));
}

void TestCalibrationReport::xlsx()
{
    const QString path = m_dir.filePath(QStringLiteral("report.xlsx"));
    QString error;
    QVERIFY2(writeCalibrationReportXlsx(report(), path, &error), qPrintable(error));
    const QByteArray workbook = unzipMember(path, QStringLiteral("xl/workbook.xml"));
    for (const char *name : {"Summary", "Participants", "Critical mismatches", "Agreement", "Widest spread", "Consensus",
                             "Notes"})
        QVERIFY2(workbook.contains(QByteArray("<sheet name=\"") + name + '"'), name);
    const auto summary = readSheet(path, 1);
    QCOMPARE(summary.value(QStringLiteral("A1")), QStringLiteral("Hand-computed"));
    const auto people = readSheet(path, 2);
    QCOMPARE(people.value(QStringLiteral("B1")), QStringLiteral("Participant"));
    QCOMPARE(people.value(QStringLiteral("B2")), QStringLiteral("Ann"));
    // Numbers as numbers, unrounded: 81.25% alignment, −14.583333 points.
    QVERIFY2(near(people.value(QStringLiteral("C2")), 81.25), qPrintable(people.value(QStringLiteral("C2"))));
    QVERIFY2(near(people.value(QStringLiteral("D2")), -14.583333), qPrintable(people.value(QStringLiteral("D2"))));
    QCOMPARE(people.value(QStringLiteral("B3")), QStringLiteral("Ben"));
    QVERIFY(near(people.value(QStringLiteral("H3")), 1));
    QCOMPARE(people.value(QStringLiteral("B4")), QStringLiteral("Dan"));
    QVERIFY(!people.contains(QStringLiteral("C4"))); // no alignment: an empty cell, not 0
    const auto spread = readSheet(path, 5);
    QCOMPARE(spread.value(QStringLiteral("B2")), QStringLiteral("T2"));
    QVERIFY2(near(spread.value(QStringLiteral("C2")), std::sqrt((std::pow(200.0 / 3 - 650.0 / 9, 2) +
                                                                  std::pow(50 - 650.0 / 9, 2) +
                                                                  std::pow(100 - 650.0 / 9, 2)) /
                                                                 2)),
             qPrintable(spread.value(QStringLiteral("C2"))));
    // No temporary file is left beside it.
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral(".report.xlsx*")}, QDir::Hidden | QDir::Files).size(), 0);
}

void TestCalibrationReport::pdf()
{
    const CalibrationReport r = report();
    const auto doc = CalibrationReportPdf::document(r);
    const QString text = doc->toPlainText();
    for (const QString &expected :
         {QStringLiteral("Calibration session report: Hand-computed"), QStringLiteral("Participants ranked by alignment"),
          QStringLiteral("75.0%"), QStringLiteral("−14.58"), QStringLiteral("failed it where the baseline did not"),
          QStringLiteral("25.46"), QStringLiteral("the refund was correct"),
          QStringLiteral("closing N/A: chat ended by customer")})
        QVERIFY2(text.contains(expected), qPrintable(expected));
    // Two charts, as object characters the chart handler paints.
    QCOMPARE(text.count(QChar::ObjectReplacementCharacter), 2);
    const QByteArray bytes = CalibrationReportPdf::pdf(r, QStringLiteral("A4"));
    QVERIFY(bytes.startsWith("%PDF-"));
    QVERIFY(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") + bytes.count("/Type /Page ") >= 1);
    QVERIFY(bytes.contains("/MediaBox [0 0 595")); // A4: 595 × 842 points
    const QByteArray letter = CalibrationReportPdf::pdf(r, QStringLiteral("Letter"));
    QVERIFY(letter.contains("/MediaBox [0 0 612")); // Letter: 612 × 792 points
}

void TestCalibrationReport::fromThePage()
{
    CalibrationPage page;
    page.setProject(m_project.get());
    QVERIFY(settle(page));
    QVERIFY(page.selectSession(m_hand.sessionId));
    QVERIFY(settle(page));
    QVERIFY(!page.exportReportButton()->isHidden());
    QSignalSpy spy(&page, &CalibrationPage::reportExported);
    const QString path = m_dir.filePath(QStringLiteral("page.xlsx"));
    QVERIFY(page.exportReport(path));
    QVERIFY(spy.wait(60000));
    QCOMPARE(spy.first().at(1).toString(), QString());
    QCOMPARE(readSheet(path, 2).value(QStringLiteral("B2")), QStringLiteral("Ann"));
    const QString pdfPath = m_dir.filePath(QStringLiteral("page.pdf"));
    QVERIFY(page.exportReport(pdfPath));
    QVERIFY(spy.wait(60000));
    QCOMPARE(spy.last().at(1).toString(), QString());
    QFile pdf(pdfPath);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    // A wrong suffix is refused at once, with the reason.
    QVERIFY(!page.exportReport(m_dir.filePath(QStringLiteral("page.docx"))));
    QVERIFY(page.messageLabel()->text().contains(QLatin1String(".pdf or .xlsx")));
}

QTEST_MAIN(TestCalibrationReport)
#include "tst_calibrationreport.moc"
