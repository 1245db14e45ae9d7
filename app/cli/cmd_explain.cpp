// SPDX-License-Identifier: GPL-3.0-or-later
// qualitylens-cli explain: how one audit's score was computed (cli.md "explain --format json").
#include "clicontext.h"

#include "scoring/explanationjson.h"
#include "scoring/storedexplanation.h"
#include "store/auditstore.h"
#include "store/project.h"

#include <QJsonDocument>

namespace ql::cli {

int runExplain(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "qualitylens-cli explain PROJECT --audit ID [--source S] [--format text|json]\n"
        "How that audit's score was computed: each rated criterion with its value, normalised score c, weight, "
        "effective weight and the points it contributed or lost; the N/A ones; each section; and the rule "
        "(critical failure, section failure, threshold) that decided the result. ID is the audit's id as "
        "imported, in source S (default: default). The audit is re-scored from its answers under its own "
        "scorecard version; the project is only read."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("the .qlens project"));
    const QCommandLineOption audit(QStringLiteral("audit"), QStringLiteral("the audit's id as imported"),
                                   QStringLiteral("ID"));
    const QCommandLineOption source(QStringLiteral("source"), QStringLiteral("the import source (default: default)"),
                                    QStringLiteral("S"), QStringLiteral("default"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("text (default) or json"),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    parser.addOptions({audit, source, format});
    if (const int rc = parseOrExit(parser, args, 1, 1); rc >= 0)
        return rc;
    if (!parser.isSet(audit) || parser.value(audit).isEmpty())
        return usageError(parser, QStringLiteral("--audit is required"));
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("text") && fmt != QLatin1String("json"))
        return usageError(parser, QStringLiteral("--format takes text or json, not '%1'").arg(fmt));

    ProjectError error;
    const auto project = Project::open(parser.positionalArguments().at(0), Project::Access::ReadOnly,
                                       Project::Check::Now, &error);
    if (!project) {
        printError(error.message);
        return exitCodeFor(error);
    }
    const QString key = parser.value(audit);
    const auto id = AuditStore(project->database()).findId(parser.value(source), key);
    if (!id) {
        printError(QStringLiteral("no audit '%1' in source '%2'").arg(key, parser.value(source)));
        return ExitInvalidInput;
    }
    QString problem;
    const auto explained = explainStoredAudit(project->database(), *id, &problem);
    if (!explained) {
        printError(QStringLiteral("audit '%1' cannot be explained: %2").arg(key, problem));
        return ExitOther;
    }
    const Scorecard &card = explained->scorecard.card;
    if (fmt == QLatin1String("json")) {
        const QJsonObject json = ExplanationJson::toJson(explained->explanation, key, card.name, card.version);
        printOut(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)));
    } else {
        printOut(ExplanationJson::toText(explained->explanation, key, card.name, card.version));
    }
    if (!explained->matchesStored())
        printError(QStringLiteral("warning: the stored score of audit '%1' differs from its answers re-scored; "
                                  "the explanation is of the answers")
                       .arg(key));
    return ExitOk;
}

} // namespace ql::cli
