// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportquery.h"

#include "exportsql.h"
#include "tablewriter.h"

#include "scoring/scorecard.h"
#include "store/projectsettings.h"
#include "store/sqlitehandle.h"

#include <QObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringDecoder>

#include <sqlite3.h>

namespace ql {

QString exportSourceName(ExportSource source)
{
    switch (source) {
    case ExportSource::Audits:
        return QStringLiteral("audits");
    case ExportSource::Answers:
        return QStringLiteral("answers");
    case ExportSource::Csat:
        return QStringLiteral("csat");
    case ExportSource::Agents:
        return QStringLiteral("agents");
    }
    return {};
}

std::optional<ExportSource> exportSourceFromName(const QString &name)
{
    for (ExportSource s : {ExportSource::Audits, ExportSource::Answers, ExportSource::Csat, ExportSource::Agents})
        if (exportSourceName(s) == name)
            return s;
    return std::nullopt;
}

namespace {

// One prepared statement on the raw handle, finalized on destruction.
class Statement
{
public:
    explicit Statement(sqlite3 *db) : m_db(db) {}
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool prepare(const SqlFragment &sql, QString *error)
    {
        const QByteArray text = sql.text.toUtf8();
        if (sqlite3_prepare_v2(m_db, text.constData(), int(text.size()), &m_stmt, nullptr) != SQLITE_OK)
            return failed(error);
        for (qsizetype i = 0; i < sql.binds.size(); ++i) {
            const QVariant &v = sql.binds.at(i);
            const int index = int(i) + 1;
            const int rc =
                v.typeId() == QMetaType::QString
                    ? sqlite3_bind_text(m_stmt, index, v.toString().toUtf8().constData(), -1, SQLITE_TRANSIENT)
                    : sqlite3_bind_int64(m_stmt, index, v.toLongLong());
            if (rc != SQLITE_OK)
                return failed(error);
        }
        return true;
    }
    int step() { return sqlite3_step(m_stmt); }
    bool failed(QString *error) const
    {
        *error = QObject::tr("the project could not be read: %1").arg(QString::fromUtf8(sqlite3_errmsg(m_db)));
        return false;
    }
    sqlite3_stmt *get() const { return m_stmt; }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

// Reads the cells of one row into a TableWriter. Text is decoded into one reused buffer, so a row
// costs no allocation.
class RowReader
{
public:
    RowReader(sqlite3_stmt *stmt, TableWriter &out) : m_stmt(stmt), m_out(out)
    {
        for (quint8 mask = 0; mask < 8; ++mask)
            m_families << criticalFamilyNames(mask).join(u';');
    }

    void write(const ExportSql::Column &c)
    {
        using K = ExportSql::CellKind;
        const int i = c.first;
        switch (c.kind) {
        case K::Text:
            text(i);
            return;
        case K::Number:
            number(i);
            return;
        case K::Integer:
            if (isNull(i))
                m_out.addEmpty();
            else
                m_out.addInteger(sqlite3_column_int64(m_stmt, i));
            return;
        case K::JulianDate:
            if (isNull(i))
                m_out.addEmpty();
            else
                m_out.addDate(QDate::fromJulianDay(sqlite3_column_int64(m_stmt, i)));
            return;
        case K::IsoDate:
            isoDate(i);
            return;
        case K::WeekLabel:
        case K::MonthLabel:
            period(i, c.kind == K::WeekLabel);
            return;
        case K::Families:
            m_out.addText(m_families.at(sqlite3_column_int(m_stmt, i) & 7));
            return;
        case K::AnswerValue: // scale_kind, value, option_label, na
            if (sqlite3_column_int(m_stmt, i + 3) != 0)
                m_out.addText(u"N/A");
            else if (!isNull(i + 2) && utf8(i) == "options")
                text(i + 2);
            else
                number(i + 1);
            return;
        case K::CsatScore: // scale, score, score_label
            if (!isNull(i + 2) && utf8(i).startsWith("labels:"))
                text(i + 2);
            else
                number(i + 1);
            return;
        }
    }

private:
    bool isNull(int i) const { return sqlite3_column_type(m_stmt, i) == SQLITE_NULL; }

    QByteArrayView utf8(int i) const
    {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, i));
        return data ? QByteArrayView(data, sqlite3_column_bytes(m_stmt, i)) : QByteArrayView();
    }

    QStringView decode(QByteArrayView bytes)
    {
        if (m_buffer.size() < bytes.size())
            m_buffer.resize(bytes.size() * 2);
        QChar *end = m_decoder.appendToBuffer(m_buffer.data(), bytes);
        return QStringView(m_buffer.constData(), end - m_buffer.constData());
    }

    void text(int i)
    {
        if (isNull(i))
            m_out.addEmpty();
        else
            m_out.addText(decode(utf8(i)));
    }

    void number(int i)
    {
        if (isNull(i))
            m_out.addEmpty();
        else
            m_out.addNumber(sqlite3_column_double(m_stmt, i));
    }

    void isoDate(int i)
    {
        const QByteArrayView t = utf8(i);
        if (t.isEmpty()) {
            m_out.addEmpty();
            return;
        }
        const auto digits = [&t](int from, int n) {
            int v = 0;
            for (int k = from; k < from + n; ++k) {
                if (t[k] < '0' || t[k] > '9')
                    return -1;
                v = v * 10 + (t[k] - '0');
            }
            return v;
        };
        const QDate date =
            t.size() >= 10 && t[4] == '-' && t[7] == '-' ? QDate(digits(0, 4), digits(5, 2), digits(8, 2)) : QDate();
        if (date.isValid())
            m_out.addDate(date);
        else
            m_out.addText(decode(t)); // not a date after all: keep what was stored
    }

    // 202607 -> 2026-W07 or 2026-07, without an allocation.
    void period(int i, bool week)
    {
        if (isNull(i)) {
            m_out.addEmpty();
            return;
        }
        const qint64 key = sqlite3_column_int64(m_stmt, i);
        const qint64 year = key / 100, part = key % 100;
        if (year < 0 || year > 9999 || part < 0) {
            m_out.addText(QString::number(key));
            return;
        }
        QChar label[8];
        int n = 0;
        for (qint64 d = 1000; d > 0; d /= 10)
            label[n++] = QChar(u'0' + int(year / d % 10));
        label[n++] = u'-';
        if (week)
            label[n++] = u'W';
        label[n++] = QChar(u'0' + int(part / 10));
        label[n++] = QChar(u'0' + int(part % 10));
        m_out.addText(QStringView(label, n));
    }

    sqlite3_stmt *m_stmt;
    TableWriter &m_out;
    QStringList m_families;
    QStringDecoder m_decoder{QStringDecoder::Utf8, QStringDecoder::Flag::Stateless};
    QString m_buffer;
};

} // namespace

ExportQuery::ExportQuery(const QSqlDatabase &db, ExportSpec spec) : m_db(db), m_spec(std::move(spec)) {}

ExportQuery::~ExportQuery() = default;

bool ExportQuery::fail(Problem problem, const QString &message)
{
    m_problem = problem;
    m_error = message;
    return false;
}

bool ExportQuery::prepare()
{
    m_sql.reset();
    m_problem = Problem::None;
    m_error.clear();
    if (!sqliteHandle(m_db))
        return fail(Problem::Database, QObject::tr("the project is not open"));

    ExportSql::Inputs in;
    in.spec = m_spec;
    in.today = QDate::currentDate();
    in.interactionPeriods = ProjectSettings(m_db).periodDate() == QLatin1String("interaction_date");
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT id, name FROM custom_dimensions ORDER BY id")))
        return fail(Problem::Database, QObject::tr("the project could not be read: %1").arg(q.lastError().text()));
    while (q.next())
        in.customDimensions << qMakePair(q.value(0).toLongLong(), q.value(1).toString());

    m_sql = ExportSql::build(in, &m_problem, &m_error);
    return m_sql != nullptr;
}

QStringList ExportQuery::header() const
{
    return m_sql ? m_sql->header() : QStringList();
}

QStringList ExportQuery::dimensions() const
{
    return m_sql ? m_sql->dimensions() : QStringList();
}

qint64 ExportQuery::count()
{
    if (!m_sql)
        return -1;
    Statement st(sqliteHandle(m_db));
    if (!st.prepare(m_sql->count(), &m_error) || st.step() != SQLITE_ROW) {
        st.failed(&m_error);
        m_problem = Problem::Database;
        return -1;
    }
    return sqlite3_column_int64(st.get(), 0);
}

bool ExportQuery::run(TableWriter &out, QString *error, const std::function<bool(qint64)> &progress)
{
    if (!m_sql) {
        *error = m_error.isEmpty() ? QObject::tr("the export was not prepared") : m_error;
        return false;
    }
    Statement st(sqliteHandle(m_db));
    if (!st.prepare(m_sql->rows(), error))
        return false;
    if (!out.begin(m_sql->header())) {
        *error = out.errorString();
        return false;
    }
    RowReader reader(st.get(), out);
    const QList<ExportSql::Column> &columns = m_sql->columns();
    qint64 rows = 0;
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) {
        for (const ExportSql::Column &c : columns)
            reader.write(c);
        if (!out.endRow()) {
            *error = out.errorString();
            return false;
        }
        if ((++rows & 0xfff) == 0 && progress && !progress(rows)) {
            *error = QObject::tr("cancelled");
            return false;
        }
    }
    if (rc != SQLITE_DONE)
        return st.failed(error);
    if (progress && !progress(rows)) { // a cancel that came with the last rows still counts
        *error = QObject::tr("cancelled");
        return false;
    }
    return true;
}

} // namespace ql
