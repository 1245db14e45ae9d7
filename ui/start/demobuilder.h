// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/demogenerator.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QProgressDialog;
class QWidget;

namespace ql {

class JobRunner;

// "Open Demo": writes the demo project once, in the background with a progress dialog that can
// cancel, into the user's application-data folder. The file appears only when it is complete (it
// is written under another name and renamed), so a cancelled run leaves nothing behind.
class DemoBuilder final : public QObject
{
    Q_OBJECT
public:
    explicit DemoBuilder(QObject *parent = nullptr);
    ~DemoBuilder() override;

    // AppDataLocation/demo.qlens
    static QString defaultPath();

    void setOptions(const DemoOptions &options) { m_options = options; }
    DemoOptions options() const { return m_options; }
    bool isRunning() const;

    // Starts writing the demo to path; the dialog (if a parent is given) shows progress.
    void build(const QString &path, QWidget *dialogParent);
    void cancel();

Q_SIGNALS:
    void finished(const QString &path);
    void failed(const QString &message);
    void canceled();

private:
    DemoOptions m_options;
    JobRunner *m_runner;
    QPointer<QProgressDialog> m_dialog;
};

} // namespace ql
