// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/page.h"
#include "report/reportnotesstore.h"
#include "report/reportlayout.h"
#include "reportspagejobs.h"

#include <QMap>

#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace ql {

class EmptyState;
class SentSectionsPanel;

// The Reports page (ui.md: the last page of the sidebar; docs/reportspage.md): pick a template and a
// month, edit the analyst's commentary and action items (kept in the project, each save one
// undoable command on the data stack), see the pages as they will print (rendered off the UI
// thread), export PDF or HTML with agents shown by name, id or pseudonym (privacy.md), and close the
// period (scoring.md "Closing a period") after a confirmation that lists the restatements.
class ReportsPage final : public Page
{
    Q_OBJECT
public:
    explicit ReportsPage(QWidget *parent = nullptr);
    ~ReportsPage() override;

    QString pageId() const override { return QStringLiteral("reports"); }
    QString title() const override;
    QIcon icon() const override;
    void setProject(Project *project) override;
    void refresh() override;
    QString statusText() const override { return m_status; }
    QList<JobRunner *> jobRunners() const override;
    void setDataUndoStack(QUndoStack *stack) override;
    bool editsData() const override { return true; }

    // Asks for the file to write; QFileDialog unless replaced (tests).
    using FileChooser = std::function<QString(const QString &caption, const QString &suggested, const QString &filter)>;
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }
    // Asks to go ahead with a question; QMessageBox unless replaced (tests).
    using Confirmer = std::function<bool(const QString &title, const QString &text, const QString &yes)>;
    void setConfirmer(Confirmer confirmer) { m_confirm = std::move(confirmer); }

    QComboBox *templateBox() const { return m_template; }
    QComboBox *periodBox() const { return m_period; }
    QComboBox *namesBox() const { return m_names; }
    QPlainTextEdit *commentaryEdit() const { return m_commentary; }
    QPlainTextEdit *actionsEdit() const { return m_actions; }
    QPushButton *saveNotesButton() const { return m_saveNotes; }
    QPushButton *exportPdfButton() const { return m_exportPdf; }
    QPushButton *exportHtmlButton() const { return m_exportHtml; }
    QPushButton *closePeriodButton() const { return m_closePeriod; }
    EmptyState *emptyState() const { return m_empty; }
    SentSectionsPanel *sentSections() const { return m_sent; }
    QLabel *periodState() const { return m_periodState; }
    int previewPageCount() const { return int(m_pageLabels.size()); }
    QString previewMessage() const;
    bool isBusy() const;

    // Saves the editors' notes for the report shown, as one undoable command. false when the
    // project refused (the message in the status) or nothing changed.
    bool saveNotes();

Q_SIGNALS:
    void periodsLoaded();
    void previewReady();
    void previewPagePainted(int painted, int pages); // the preview's pages come one per turn of the event loop
    void exportFinished(bool ok, const QString &message);
    void periodCloseFinished(bool ok, const QString &message);

private:
    void loadPeriods();
    void showPeriods(ReportsPageJobs::Periods &&periods);
    void selectionChanged();
    void loadNotes();
    void setNotesEditors(const ReportNotes &notes);
    ReportNotes editorNotes() const;
    void updatePeriodState();
    void preview();
    void showPreview(ReportsPageJobs::Built &&built);
    void paintNextPage(quint64 generation);
    void stopPreviewPaint();
    void exportAs(bool pdf);
    void closePeriod();
    void setStatus(const QString &text);
    void updateEnabled();
    ReportTemplate currentTemplate() const;
    QString currentPeriod() const;
    NameDisplay currentNames() const;

    JobRunner *m_runner;
    Project *m_project = nullptr;
    QUndoStack *m_undo = nullptr;
    FileChooser m_chooseFile;
    Confirmer m_confirm;

    QComboBox *m_template;
    QComboBox *m_period;
    QComboBox *m_names;
    QPushButton *m_exportPdf;
    QPushButton *m_exportHtml;
    QPushButton *m_closePeriod;
    QLabel *m_periodState;
    QPlainTextEdit *m_commentary;
    QPlainTextEdit *m_actions;
    QPushButton *m_saveNotes;
    SentSectionsPanel *m_sent;
    QLabel *m_previewStatus;
    QScrollArea *m_previewScroll;
    QWidget *m_previewBody;
    QVBoxLayout *m_previewLayout;
    QList<QLabel *> m_pageLabels;
    // The preview is painted a page per turn of the event loop (charts paint on the GUI thread
    // only), so a long report never holds the window; a newer preview supersedes the one in paint.
    std::unique_ptr<ReportDocument> m_previewDocument;
    std::unique_ptr<ReportLayout> m_previewPages;
    quint64 m_previewGeneration = 0;
    EmptyState *m_empty;

    ReportsPageJobs::Periods m_periods;
    // The report whose notes the editors hold (saved before another is shown).
    ReportTemplate m_shownTemplate = ReportTemplate::MonthlyQuality;
    QString m_shownPeriod;
    bool m_loadingNotes = false;
    bool m_notesDirty = false;
    QString m_status;
};

} // namespace ql
