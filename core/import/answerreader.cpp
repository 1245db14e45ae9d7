// SPDX-License-Identifier: GPL-3.0-or-later
#include "answerreader.h"

#include <QObject>

#include <charconv>
#include <cmath>

namespace ql {

bool AnswerReader::parseNumber(QStringView text, QChar decimal, double *out)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty() || t.size() > 64)
        return false;
    char buffer[66];
    qsizetype n = 0;
    for (QChar c : t) {
        const char16_t u = c.unicode();
        if (u == decimal.unicode())
            buffer[n++] = '.';
        else if ((u >= u'0' && u <= u'9') || u == u'-' || u == u'+' || u == u'e' || u == u'E')
            buffer[n++] = char(u);
        else
            return false;
    }
    const char *begin = buffer[0] == '+' ? buffer + 1 : buffer;
    double v = 0;
    const auto [end, ec] = std::from_chars(begin, buffer + n, v);
    if (ec != std::errc() || end != buffer + n || !std::isfinite(v))
        return false;
    *out = v;
    return true;
}

bool AnswerReader::isDefaultNotApplicable(QStringView text)
{
    const QStringView t = text.trimmed();
    return t.compare(u"N/A", Qt::CaseInsensitive) == 0 || t.compare(u"NA", Qt::CaseInsensitive) == 0 || t == u"-";
}

QString AnswerReader::formatNumber(double value)
{
    return QString::number(value, 'g', 15);
}

AnswerReader::Result AnswerReader::read(const Criterion &criterion, QStringView cell, const ValueMap *values,
                                        QChar decimal)
{
    Result r;
    const QStringView t = cell.trimmed();
    if (t.isEmpty())
        return r; // not answered
    const Scale &scale = criterion.scale;
    const auto quoted = [&]() { return t.toString(); };
    const auto notApplicable = [&]() {
        if (!criterion.allowNa)
            r.reason = QObject::tr("value \"%1\" for criterion %2 is N/A, which the criterion does not allow")
                           .arg(quoted(), criterion.key);
        else
            r.input = AnswerInput::notApplicable();
        return r;
    };
    const auto numeric = [&](double v) {
        if (scale.kind == ScaleKind::Options) {
            const QString label = scale.labelOf(v);
            if (label.isEmpty()) {
                r.reason = QObject::tr("value \"%1\" for criterion %2 is not one of its options %3")
                               .arg(quoted(), criterion.key, scale.describe());
                return r;
            }
            r.option = scale.optionIndex(label);
            r.input = AnswerInput::rated(v);
            return r;
        }
        if (std::floor(v) != v) {
            r.reason =
                QObject::tr("value \"%1\" for criterion %2 is not a whole number (its scale %3 takes whole numbers)")
                    .arg(quoted(), criterion.key, scale.describe());
            return r;
        }
        if (!scale.isValidValue(v)) {
            r.reason = QObject::tr("value \"%1\" for criterion %2 is outside its scale %3")
                           .arg(quoted(), criterion.key, scale.describe());
            return r;
        }
        r.input = AnswerInput::rated(v);
        return r;
    };
    const auto label = [&](QStringView text, bool fromMap) {
        if (scale.kind == ScaleKind::Options) {
            const int i = scale.optionIndex(text);
            if (i < 0) {
                r.reason = QObject::tr("value \"%1\" for criterion %2 is not one of its options %3")
                               .arg(quoted(), criterion.key, scale.describe());
                return r;
            }
            r.option = i;
            r.input = AnswerInput::rated(scale.options.at(i).second);
            return r;
        }
        double v = 0;
        // A mapped text on a number scale is read as a number in C notation ("1"), whatever the
        // file's decimal separator.
        if (!parseNumber(text, fromMap ? QChar(u'.') : decimal, &v)) {
            r.reason = QObject::tr("value \"%1\" for criterion %2 is not a number (its scale is %3)")
                           .arg(quoted(), criterion.key, scale.describe());
            return r;
        }
        return numeric(v);
    };

    // On an options scale an option's own label always means that option: one `values` map serves
    // every criterion of a long file, and {"Yes": 1} is meant for the binary ones.
    if (scale.kind == ScaleKind::Options) {
        if (const int i = scale.optionIndex(t); i >= 0) {
            r.option = i;
            r.input = AnswerInput::rated(scale.options.at(i).second);
            return r;
        }
    }
    if (values) {
        if (const ValueMap::Value *mapped = values->find(t)) {
            switch (mapped->kind) {
            case ValueMap::Value::NotApplicable:
                return notApplicable();
            case ValueMap::Value::Number:
                return numeric(mapped->number);
            case ValueMap::Value::Text:
                if (mapped->text.compare(u"na", Qt::CaseInsensitive) == 0)
                    return notApplicable();
                return label(mapped->text, true);
            }
        }
    }
    if (isDefaultNotApplicable(t))
        return notApplicable();
    return label(t, false);
}

} // namespace ql
