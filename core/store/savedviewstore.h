// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <optional>

namespace ql {

// A named layout kept in the project (table saved_views): a pivot, a chart, a report setup or a
// filter set, as the spec JSON of formats.md.
struct SavedView
{
    qint64 id = 0;
    QString kind; // pivot, chart, report, filter
    QString name;
    QByteArray specJson;
    QString createdAt;
    QString updatedAt;
};

// The saved views of a project. Each write is one transaction with its change-log entry (entity
// "saved_view", the view's id): created (new value: the spec, the name in the reason), spec_json
// replaced, name changed, or deleted (old value: the spec, so a deleted view can be recovered). Names are unique per
// kind and compared as given (trimmed; an empty name is refused).
class SavedViewStore final
{
public:
    explicit SavedViewStore(QSqlDatabase db);

    // The views of one kind, by name (case-insensitive, then as written).
    QList<SavedView> list(const QString &kind) const;
    std::optional<SavedView> load(qint64 id) const;
    std::optional<SavedView> find(const QString &kind, const QString &name) const;

    // A new view; std::nullopt with *error when the name is empty or taken, or the write failed.
    std::optional<qint64> create(const QString &kind, const QString &name, const QByteArray &specJson, QString *error);
    // Replaces the spec of a view ("save over").
    bool updateSpec(qint64 id, const QByteArray &specJson, QString *error);
    bool rename(qint64 id, const QString &name, QString *error);
    bool remove(qint64 id, QString *error);

private:
    bool write(const std::function<bool(QString *)> &change, QString *error);

    QSqlDatabase m_db;
};

} // namespace ql
