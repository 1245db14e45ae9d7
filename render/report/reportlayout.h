// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportdocument.h"

#include <QImage>
#include <QList>
#include <QPair>
#include <QString>
#include <QPageLayout>
#include <QSizeF>

#include <memory>

class QPainter;

namespace ql {

// A report laid out on pages (A4 or Letter, as the document says): a title page, then the sections
// with a running header (organisation, title, period) and page numbers. Coordinates are points
// (1/72 in) of the page. Charts are painted as vector graphics, so a PDF keeps them as paths and
// text. Needs a QApplication (Qt Charts).
class ReportLayout final
{
public:
    explicit ReportLayout(const ReportDocument &document);
    ~ReportLayout();
    ReportLayout(const ReportLayout &) = delete;
    ReportLayout &operator=(const ReportLayout &) = delete;

    int pageCount() const;
    // Where things landed (tests and the contents): each section's title ("3  12-month trends")
    // with its first page (1-based, as printed), the page (1-based) of each chart in document
    // order, and how full a page is: the share of its text area down to its lowest item (0 for
    // the title page).
    QList<QPair<QString, int>> contents() const;
    QList<int> chartPages() const;
    double pageFill(int page) const;
    QSizeF pageSize() const; // points
    QPageLayout pageLayout() const;

    // Paints one page (0-based) with the painter's coordinates in points from the page's top left.
    void paintPage(QPainter *painter, int page) const;
    // A preview of one page, `dpi` pixels per inch, white background.
    QImage pageImage(int page, double dpi = 96) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ql
