// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI: qualitylens [PROJECT]
#include "common/icons.h"
#include "mainwindow.h"
#include "resources.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("QualityLens"));
    QApplication::setOrganizationName(QStringLiteral("QualityLens"));
    QApplication::setApplicationVersion(QStringLiteral(QL_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.qualitylens.QualityLens"));
    QApplication::setWindowIcon(ql::Icons::application());
    ql::Resources::loadFonts(); // for charts and reports; the interface keeps the desktop's font

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Customer-support quality analytics, offline."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"), QApplication::translate("main", "The project to open (.qlens)."),
                                 QStringLiteral("[PROJECT]"));
    if (!parser.parse(QApplication::arguments()) || parser.positionalArguments().size() > 1) {
        const QString message = parser.errorText().isEmpty() ? QApplication::translate("main", "Give at most one project.")
                                                              : parser.errorText();
        std::fprintf(stderr, "qualitylens: %s\n", qPrintable(message));
        return 2;
    }
    if (parser.isSet(help)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.isSet(version)) {
        std::printf("qualitylens %s\n", QL_VERSION);
        return 0;
    }

    ql::MainWindow window;
    window.show();
    window.openStartupProject(parser.positionalArguments().value(0));
    return app.exec();
}
