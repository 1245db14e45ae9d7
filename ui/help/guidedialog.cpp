// SPDX-License-Identifier: GPL-3.0-or-later
#include "guidedialog.h"

#include <QDialogButtonBox>
#include <QImage>
#include <QPushButton>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextImageFormat>
#include <QUrl>
#include <QVBoxLayout>

namespace ql {

GuideDialog::GuideDialog(QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("guideDialog"));
    setWindowTitle(tr("QualityLens User Guide"));
    m_browser->setObjectName(QStringLiteral("guide"));
    m_browser->setAccessibleName(tr("User guide"));
    m_browser->setOpenExternalLinks(true);
    m_browser->setSource(QUrl(QStringLiteral("qrc:/qualitylens/docs/guide.md")), QTextDocument::MarkdownResource);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(860, 760);
}

void GuideDialog::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    fitImages();
}

void GuideDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    fitImages();
}

void GuideDialog::fitImages()
{
    // Markdown cannot size an image: scale screenshots down to the width of the text.
    QTextDocument *document = m_browser->document();
    const qreal width = m_browser->viewport()->width() - 2 * document->documentMargin() - 4;
    if (width < 200) // not laid out yet
        return;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.charFormat().isImageFormat())
                continue;
            QTextImageFormat format = fragment.charFormat().toImageFormat();
            const QImage image = document->resource(QTextDocument::ImageResource, QUrl(format.name())).value<QImage>();
            if (image.isNull())
                continue;
            const qreal shown = std::min<qreal>(width, image.width());
            if (qFuzzyCompare(format.width(), shown))
                continue;
            format.setWidth(shown);
            format.setHeight(shown * image.height() / image.width());
            QTextCursor cursor(document);
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            cursor.setCharFormat(format);
        }
    }
}

} // namespace ql
