// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardpage.h"

#include "common/emptystate.h"
#include "common/icons.h"
#include "common/jobrunner.h"
#include "pivot/cubesnapshotsaver.h"
#include "scorecards/kpiformat.h"
#include "scorecards/kpitile.h"
#include "store/project.h"

#include <QAction>
#include <QCommandLinkButton>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>

namespace ql {

namespace {

const QString Channel = QStringLiteral("dashboard");
const QString TrendsChannel = QStringLiteral("dashboardTrends");
const QString MoversChannel = QStringLiteral("dashboardMovers");

QString monthName(const KpiPeriod &p)
{
    return QLocale().toString(p.from, QStringLiteral("MMMM yyyy"));
}

} // namespace

DashboardPage::DashboardPage(QWidget *parent)
    : Page(parent)
    , m_runner(new JobRunner(this))
    , m_scroll(new QScrollArea(this))
    , m_body(new QWidget(m_scroll))
    , m_headline(new QLabel(m_body))
    , m_moversTitle(new QLabel(m_body))
    , m_disputes(new QCommandLinkButton(m_body))
    , m_nextSession(new QCommandLinkButton(m_body))
    , m_lastSession(new QCommandLinkButton(m_body))
    , m_freshness(new QCommandLinkButton(m_body))
    , m_empty(nullptr)
{
    setObjectName(QStringLiteral("dashboardPage"));
    m_headline->setObjectName(QStringLiteral("dashboardHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::RichText);

    auto *tiles = new QGridLayout;
    const QList<std::tuple<QString, QString, KpiTile::Kind, QStringList, QString>> tileList{
        {QStringLiteral("qa_score"), tr("QA score"), KpiTile::Kind::Level, {QStringLiteral("scorecards")},
         tr("Open the Scorecards page: criteria, audits, ranking and trend")},
        {QStringLiteral("pass_rate"), tr("Pass rate"), KpiTile::Kind::Level, {QStringLiteral("scorecards")},
         tr("Open the Scorecards page: criteria, audits, ranking and trend")},
        {QStringLiteral("critical_rate"), tr("Critical error rate"), KpiTile::Kind::Level, {QStringLiteral("scorecards")},
         tr("Open the Scorecards page: critical errors by family and the audits behind them")},
        {QStringLiteral("csat_pct"), tr("CSAT %"), KpiTile::Kind::Level,
         {QStringLiteral("insights"), QStringLiteral("scorecards")}, tr("Open the page that explains CSAT")},
        {QStringLiteral("audits"), tr("Audits"), KpiTile::Kind::Count, {QStringLiteral("data")},
         tr("Open the Data page: the audits themselves")}};
    for (const auto &[key, label, kind, pages, tip] : tileList) {
        auto *tile = new KpiTile(label, kind, m_body);
        tile->setObjectName(QStringLiteral("tile_") + key);
        tile->setClickable(true, tip);
        tile->setToolTip(tip);
        connect(tile, &KpiTile::clicked, this, [this, pages = pages] { Q_EMIT pageRequested(pages); });
        tiles->addWidget(tile, 0, int(m_tiles.size()));
        m_tiles << qMakePair(key, tile);
    }

    auto *movers = new QGroupBox(tr("Biggest movers"), m_body);
    movers->setObjectName(QStringLiteral("movers"));
    auto *moversLayout = new QVBoxLayout(movers);
    m_moversTitle->setObjectName(QStringLiteral("moversTitle"));
    m_moversTitle->setWordWrap(true);
    moversLayout->addWidget(m_moversTitle);
    for (int i = 0; i < 3; ++i) {
        auto *label = new QLabel(movers);
        label->setObjectName(QStringLiteral("mover%1").arg(i));
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextBrowserInteraction);
        connect(label, &QLabel::linkActivated, this, [this](const QString &link) {
            Q_EMIT pageRequested(link.split(QLatin1Char(',')));
        });
        moversLayout->addWidget(label);
        m_movers << label;
    }

    m_disputes->setObjectName(QStringLiteral("openDisputes"));
    m_disputes->setIcon(Icons::themed(QStringLiteral("dialog-warning"), QStringLiteral("edit-find")));
    connect(m_disputes, &QCommandLinkButton::clicked, this, &DashboardPage::openDisputesRequested);
    m_freshness->setObjectName(QStringLiteral("dataFreshness"));
    m_freshness->setIcon(Icons::themed(QStringLiteral("document-import"), QStringLiteral("document-import")));
    connect(m_freshness, &QCommandLinkButton::clicked, this, [this] { Q_EMIT pageRequested({QStringLiteral("data")}); });
    m_nextSession->setObjectName(QStringLiteral("nextCalibration"));
    m_lastSession->setObjectName(QStringLiteral("lastCalibration"));
    for (QCommandLinkButton *b : {m_nextSession, m_lastSession}) {
        b->setIcon(Icons::themed(QStringLiteral("view-calendar-tasks"), QStringLiteral("dialog-ok-apply")));
        connect(b, &QCommandLinkButton::clicked, this, [this, b] {
            const auto &session = b == m_nextSession ? m_summary.calibration.next : m_summary.calibration.last;
            Q_EMIT calibrationSessionRequested(session ? session->id : 0);
        });
    }
    auto *facts = new QGridLayout;
    facts->addWidget(m_nextSession, 0, 0);
    facts->addWidget(m_lastSession, 0, 1);
    facts->addWidget(m_disputes, 1, 0);
    facts->addWidget(m_freshness, 1, 1);
    facts->setColumnStretch(0, 1);
    facts->setColumnStretch(1, 1);

    auto *body = new QVBoxLayout(m_body);
    body->addWidget(m_headline);
    body->addLayout(tiles);
    body->addWidget(movers);
    body->addLayout(facts);
    body->addStretch(1);
    m_scroll->setWidget(m_body);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    m_empty = new EmptyState(m_scroll);
    m_empty->setObjectName(QStringLiteral("dashboardEmpty"));
    m_empty->setTitle(tr("No audits yet"));
    m_empty->setText(tr("No audits yet — File → Import… or open the demo."));
    auto *import = new QAction(Icons::themed(QStringLiteral("document-import"), QStringLiteral("document-import")),
                               tr("Import…"), this);
    auto *demo = new QAction(Icons::themed(QStringLiteral("qualitylens-demo"), QStringLiteral("qualitylens-demo")),
                             tr("Open the Demo"), this);
    connect(import, &QAction::triggered, this, &Page::importRequested);
    connect(demo, &QAction::triggered, this, &Page::openDemoRequested);
    m_empty->setActions({import, demo});
    m_empty->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);
    m_body->hide();
}

DashboardPage::~DashboardPage()
{
    m_runner->cancelAll();
    m_runner->waitForAll();
}

QString DashboardPage::title() const
{
    return tr("Dashboard");
}

QIcon DashboardPage::icon() const
{
    return Icons::themed(QStringLiteral("user-home"), QStringLiteral("qualitylens"));
}

QList<JobRunner *> DashboardPage::jobRunners() const
{
    return {m_runner};
}

void DashboardPage::setProject(Project *project)
{
    m_runner->setProject(project);
    m_project = project;
    m_summary = {};
    m_status.clear();
    m_body->hide();
    m_empty->hide();
    if (project)
        load();
    Q_EMIT statusTextChanged(m_status);
}

void DashboardPage::refresh()
{
    if (m_project)
        load();
}

QString DashboardPage::statusText() const
{
    return m_status;
}

bool DashboardPage::isLoading() const
{
    return m_runner->isRunning(Channel) || m_runner->isRunning(TrendsChannel) || m_runner->isRunning(MoversChannel);
}

KpiTile *DashboardPage::tile(const QString &kpi) const
{
    for (const auto &[key, tile] : m_tiles)
        if (key == kpi)
            return tile;
    return nullptr;
}

void DashboardPage::load()
{
    m_runner->abandon(TrendsChannel); // stale: a new summary brings its own
    m_runner->abandon(MoversChannel);
    m_runner->start<DashboardSummary>(
        Channel, tr("Computing the dashboard"),
        [today = m_today.isValid() ? m_today : QDate::currentDate()](JobContext &context) {
            context.setProgress(-1);
            return DashboardSummary::compute(context.database(), today, [&context] { return context.isCanceled(); });
        },
        [this](DashboardSummary &&summary) { showSummary(std::move(summary)); });
}

void DashboardPage::loadTrends()
{
    const QList<KpiPeriod> months = m_summary.months;
    struct Trends
    {
        DashboardSummary::Sparklines sparklines;
        DashboardSummary::BuiltCubes built;
        DashboardSummary::Cubes cubes;
    };
    m_runner->start<Trends>(
        TrendsChannel, tr("Reading the trends"),
        [months](JobContext &context) {
            context.setProgress(-1);
            Trends t;
            t.sparklines = DashboardSummary::computeTrends(
                context.database(), months, [&context] { return context.isCanceled(); }, &t.built, &t.cubes);
            return t;
        },
        [this](Trends &&t) {
            m_summary.sparklines = std::move(t.sparklines);
            for (const auto &[key, tile] : m_tiles)
                tile->setSparkline(m_summary.sparklines.value(key));
            loadMovers(std::move(t.cubes), std::move(t.built)); // the same cubes, for the RCA
        });
}

void DashboardPage::loadMovers(DashboardSummary::Cubes cubes, DashboardSummary::BuiltCubes built)
{
    const KpiPeriod month = m_summary.report.period;
    using Movers = std::pair<QList<DashboardSummary::Mover>, DashboardSummary::BuiltCubes>;
    m_runner->start<Movers>(
        MoversChannel, tr("Analysing what changed"),
        [month, cubes = std::move(cubes), built = std::move(built)](JobContext &context) {
            context.setProgress(-1);
            Movers movers;
            movers.second = built;
            movers.first = DashboardSummary::computeMovers(
                context.database(), month, [&context] { return context.isCanceled(); }, &movers.second, cubes);
            return movers;
        },
        [this](Movers &&movers) {
            m_summary.movers = std::move(movers.first);
            showMovers();
            // The cubes built by a scan become the project's snapshots (the next opening reads them).
            CubeSnapshotSaver::save(m_runner, movers.second.cubes, movers.second.stamp);
            Q_EMIT loaded();
        });
}

void DashboardPage::showMovers()
{
    const DashboardSummary &s = m_summary;
    for (int i = 0; i < m_movers.size(); ++i) {
        QLabel *label = m_movers.at(i);
        label->setVisible(i < s.movers.size());
        if (i >= s.movers.size())
            continue;
        const DashboardSummary::Mover &m = s.movers.at(i);
        const QString pages = QStringLiteral("insights,scorecards"); // Insights explains; until it lands, Scorecards
        label->setText(QStringLiteral("<b>%1</b>: %2 <a href=\"%3\">%4</a>")
                           .arg(m.title.toHtmlEscaped(), m.sentence.toHtmlEscaped(), pages, tr("Explain")));
    }
}

void DashboardPage::showCalibration()
{
    const QLocale locale;
    auto state = [](CalibrationState st) {
        switch (st) {
        case CalibrationState::Draft:
            return tr("a draft");
        case CalibrationState::Scoring:
            return tr("being scored");
        case CalibrationState::Review:
            return tr("in review");
        case CalibrationState::Resolved:
            return tr("resolved, not closed yet");
        case CalibrationState::Closed:
            return tr("closed");
        }
        return QString();
    };
    auto people = [&locale](const CalibrationSessionInfo &i) {
        return (i.participants == 1 ? tr("1 participant") : tr("%1 participants").arg(locale.toString(i.participants)))
               + QStringLiteral(", ")
               + (i.items == 1 ? tr("1 conversation") : tr("%1 conversations").arg(locale.toString(i.items)));
    };
    const auto &next = m_summary.calibration.next;
    if (!next) {
        m_nextSession->setText(tr("No calibration session planned"));
        m_nextSession->setDescription(tr("Plan the next one with New Session… on the Calibration page."));
    } else if (next->date >= m_summary.today) {
        m_nextSession->setText(tr("Next calibration: %1").arg(locale.toString(next->date, QLocale::ShortFormat)));
        m_nextSession->setDescription(tr("%1: %2, %3. Open it on the Calibration page.")
                                          .arg(next->title, state(next->state), people(*next)));
    } else {
        m_nextSession->setText(tr("Calibration under way since %1").arg(locale.toString(next->date, QLocale::ShortFormat)));
        m_nextSession->setDescription(tr("%1: %2, %3. Open it on the Calibration page.")
                                          .arg(next->title, state(next->state), people(*next)));
    }
    const auto &last = m_summary.calibration.last;
    if (!last) {
        m_lastSession->setText(tr("No calibration session closed yet"));
        m_lastSession->setDescription(tr("Open the Calibration page."));
    } else {
        m_lastSession->setText(tr("Last calibration: %1").arg(locale.toString(last->date, QLocale::ShortFormat)));
        m_lastSession->setDescription(tr("%1: %2. See its agreement and who is off on the Calibration page.")
                                          .arg(last->title, people(*last)));
    }
}

void DashboardPage::showSummary(DashboardSummary &&summary)
{
    m_summary = std::move(summary);
    const DashboardSummary &s = m_summary;
    m_empty->setVisible(s.isEmpty());
    m_body->setVisible(!s.isEmpty());
    if (s.isEmpty()) {
        m_status = tr("No audits");
        Q_EMIT statusTextChanged(m_status);
        Q_EMIT loaded();
        return;
    }
    const KpiReport &r = s.report;
    const QLocale locale;
    QString headline = tr("<b>%1</b>, the whole project, against target and %2.")
                           .arg(monthName(r.period).toHtmlEscaped(), monthName(r.previousPeriod).toHtmlEscaped());
    if (s.latestMonthPartial)
        headline += QLatin1Char(' ')
                    + tr("The data runs to %1: %2 is not complete yet, so the latest complete month is shown.")
                          .arg(locale.toString(s.latestFact, QLocale::LongFormat).toHtmlEscaped(),
                               monthName(KpiPeriod::month(s.latestFact)).toHtmlEscaped());
    m_headline->setText(headline);

    const QList<std::tuple<QString, const KpiValue *, int>> values{
        {QStringLiteral("qa_score"), &r.qaScore, r.minSampleAudits},
        {QStringLiteral("pass_rate"), &r.passRate, r.minSampleAudits},
        {QStringLiteral("critical_rate"), &r.criticalRate, r.minSampleAudits},
        {QStringLiteral("csat_pct"), &r.csatPct, r.minSampleResponses},
        {QStringLiteral("audits"), &r.audits, r.minSampleAudits}};
    for (const auto &[key, value, minimum] : values) {
        KpiTile *t = tile(key);
        t->setKpi(*value, minimum);
        // The line's place is kept (12 empty months) until the trends are read, so nothing moves.
        t->setSparkline(s.sparklines.value(key, QList<std::optional<double>>(s.months.size())));
    }

    m_moversTitle->setText(tr("What changed from %1 to %2:").arg(monthName(r.previousPeriod), monthName(r.period)));
    for (QLabel *label : std::as_const(m_movers))
        label->hide();
    m_movers.first()->setText(tr("Analysing what changed…"));
    m_movers.first()->show();

    m_disputes->setText(s.openDisputes == 1 ? tr("1 open dispute")
                                            : tr("%1 open disputes").arg(locale.toString(s.openDisputes)));
    m_disputes->setDescription(s.openDisputes > 0 ? tr("Audits whose agents or leads disputed a result, waiting for a "
                                                       "decision. Resolve them on the Scorecards page's Disputes tab.")
                                                  : tr("Nothing waiting for a decision. The Scorecards page's Disputes "
                                                       "tab has the decided ones."));
    showCalibration();
    m_freshness->setText(tr("Data to %1").arg(locale.toString(s.latestFact, QLocale::ShortFormat)));
    m_freshness->setDescription(
        s.lastImport ? tr("Last import %1: %2 (%3). Open the Data page.")
                           .arg(locale.toString(s.lastImport->at.toLocalTime(), QLocale::ShortFormat),
                                s.lastImport->fileName, s.lastImport->kind)
                     : tr("No import recorded. Open the Data page."));

    m_status = tr("%1 · %2 audits").arg(monthName(r.period), locale.toString(qint64(r.audits.value.value_or(0))));
    Q_EMIT statusTextChanged(m_status);
    loadTrends(); // the tiles show now; then the sparklines, then the movers; loaded() when those are in
}

} // namespace ql
