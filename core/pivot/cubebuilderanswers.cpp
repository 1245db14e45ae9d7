// SPDX-License-Identifier: GPL-3.0-or-later
// CubeBuilder: the answers source, one fact per criterion answer, read with its audit's dimensions
// through the audits cube (an answer stores only its audit's row, not a copy of its dimensions).
#include "cubebuilder.h"

#include "cubebuilderparts.h"
#include "sqlitescan.h"
#include "store/sqlitehandle.h"

#include <QObject>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>

namespace ql {

using namespace cubebuild;

std::shared_ptr<const Cube> CubeBuilder::buildAnswers(const QSqlDatabase &db, std::shared_ptr<const Cube> audits,
                                                      const Control &control, QString *error)
{
    QString dummy;
    QString &err = error ? *error : dummy;
    err.clear();
    sqlite3 *h = sqliteHandle(db);
    if (!h || !audits) {
        err = QObject::tr("the project's database is not open");
        return nullptr;
    }
    std::shared_ptr<Cube> cube = Access::create(PivotSource::Answers);

    // Criteria of every scorecard version: a criterion is labelled by its key, stable across versions.
    struct Criterion
    {
        std::int32_t key = 0;     // provisional
        std::int32_t section = 0; // provisional
        double passLevel = 0.5;
        std::vector<std::int32_t> outcomes; // answer outcome codes seen for it
    };
    std::vector<Criterion> criteria;
    StringDictionary keys, sections;
    {
        SqliteScan scan(h, "SELECT c.id, c.key, s.name, c.pass_level FROM criteria c "
                           "JOIN scorecard_sections s ON s.id = c.section_id");
        while (scan.next()) {
            const std::int64_t id = scan.integer(0);
            if (id < 0 || id > 10'000'000)
                continue;
            if (std::size_t(id) >= criteria.size())
                criteria.resize(std::size_t(id) + 1);
            Criterion &c = criteria[std::size_t(id)];
            c.key = keys.code(scan.text(1));
            c.section = sections.code(scan.text(2));
            c.passLevel = scan.real(3);
        }
        if (!scan.error().isEmpty()) {
            err = scan.error();
            return nullptr;
        }
    }
    IdCodes causes;
    QStringList causeLabels;
    if (!loadIdDictionary(h, "SELECT id, name FROM root_causes", &causes, &causeLabels, &err))
        return nullptr;

    const IdRows auditRow(audits->factIds());
    std::vector<Cube::AnswerOutcome> outcomes;
    std::map<std::vector<std::int32_t>, std::int32_t> setIds{{{}, 0}};
    std::vector<std::int32_t> cause;
    CodeColumn setColumn;

    const std::int64_t expected = sqliteScalar(h, "SELECT max(id) FROM answers", 0);
    Checkpoint checkpoint(control, 0, 95, expected);
    const std::size_t reserve = std::size_t(std::min<std::int64_t>(expected, 200'000'000));
    cube->m_parentRows.reserve(reserve);
    cube->m_answerOutcomeCodes.reserve(reserve);
    setColumn.reserve(reserve);
    {
        SqliteScan scan(h, "SELECT id, audit_id, criterion_id, value, na, c FROM answers ORDER BY id");
        SqliteScan causeScan(h, "SELECT answer_id, root_cause_id FROM answer_root_causes ORDER BY answer_id");
        bool hasCause = causeScan.next();
        std::int64_t row = 0;
        while (scan.next()) {
            if (checkpoint.tick(++row)) {
                err = QObject::tr("cancelled");
                return nullptr;
            }
            const std::int64_t id = scan.integer(0);
            // Root causes arrive in answer order too: merge them in.
            cause.clear();
            while (hasCause && causeScan.integer(0) < id)
                hasCause = causeScan.next();
            while (hasCause && causeScan.integer(0) == id) {
                cause.push_back(causes.code(causeScan.integer(1), false));
                hasCause = causeScan.next();
            }
            const std::int64_t auditId = scan.integer(1);
            const std::int64_t criterionId = scan.integer(2);
            const std::int32_t audit = auditRow.row(auditId);
            if (audit < 0 || criterionId < 0 || criterionId >= std::int64_t(criteria.size()))
                continue; // not in the audits cube (the project changed under us): leave it out
            Criterion &criterion = criteria[std::size_t(criterionId)];
            const bool na = scan.integer(4) != 0;
            const double value = na ? std::numeric_limits<double>::quiet_NaN() : scan.real(3);
            const double c = na ? std::numeric_limits<double>::quiet_NaN() : scan.real(5);
            std::int32_t code = -1;
            for (std::int32_t o : criterion.outcomes) {
                const Cube::AnswerOutcome &x = outcomes[std::size_t(o)];
                if (x.na == na && std::memcmp(&x.value, &value, sizeof value) == 0 &&
                    std::memcmp(&x.c, &c, sizeof c) == 0) {
                    code = o;
                    break;
                }
            }
            if (code < 0) {
                Cube::AnswerOutcome x;
                x.criterion = criterion.key;
                x.section = criterion.section;
                x.value = value;
                x.c = c;
                x.na = na;
                x.rated = !na && !std::isnan(c);
                x.passesLevel = x.rated && c >= criterion.passLevel;
                code = std::int32_t(outcomes.size());
                outcomes.push_back(x);
                criterion.outcomes.push_back(code);
            }
            std::sort(cause.begin(), cause.end());
            cause.erase(std::unique(cause.begin(), cause.end()), cause.end());
            const auto [it, inserted] = setIds.emplace(cause, std::int32_t(setIds.size()));
            cube->m_parentRows.push_back(audit);
            cube->m_answerOutcomeCodes.push_back(code);
            setColumn.push_back(it->second);
        }
        if (!scan.error().isEmpty() || !causeScan.error().isEmpty()) {
            err = !scan.error().isEmpty() ? scan.error() : causeScan.error();
            return nullptr;
        }
    }
    cube->m_count = cube->m_parentRows.size();
    cube->m_parent = std::move(audits);

    CubeDimension &section = Access::addDimension(cube.get(), QStringLiteral("section"));
    CubeDimension &criterion = Access::addDimension(cube.get(), QStringLiteral("criterion"));
    const std::vector<std::int32_t> sectionCode = sections.finish(&section.labels);
    const std::vector<std::int32_t> keyCode = keys.finish(&criterion.labels);
    for (Cube::AnswerOutcome &x : outcomes) {
        x.criterion = keyCode[std::size_t(x.criterion)];
        x.section = sectionCode[std::size_t(x.section)];
        criterion.map.push_back(x.criterion);
        section.map.push_back(x.section);
    }
    section.column = criterion.column = &cube->m_answerOutcomeCodes;

    CubeDimension &rootCause = Access::addDimension(cube.get(), QStringLiteral("root_cause"));
    rootCause.labels = causeLabels;
    rootCause.multiValued = true;
    std::vector<const std::vector<std::int32_t> *> sets(setIds.size());
    for (const auto &[values, id] : setIds)
        sets[std::size_t(id)] = &values;
    for (const auto *values : sets) {
        rootCause.setOffsets.push_back(std::uint32_t(rootCause.setValues.size()));
        if (values->empty())
            rootCause.setValues.push_back(rootCause.blankCode());
        rootCause.setValues.insert(rootCause.setValues.end(), values->begin(), values->end());
    }
    rootCause.setOffsets.push_back(std::uint32_t(rootCause.setValues.size()));
    CodeColumn *setStorage = Access::addColumn(cube.get());
    *setStorage = std::move(setColumn);
    setStorage->shrink();
    rootCause.column = setStorage;

    cube->m_answerOutcomes = std::move(outcomes);
    cube->m_answerOutcomeCodes.shrink();
    cube->m_parentRows.shrink_to_fit();
    if (control.progress)
        control.progress(100);
    return cube;
}

} // namespace ql
