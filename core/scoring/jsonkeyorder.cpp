// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonkeyorder.h"

namespace ql {

namespace {

QString childPath(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

} // namespace

class JsonKeyOrder::Scanner
{
public:
    Scanner(QByteArrayView text, JsonKeyOrder &out) : m_text(text), m_out(out) {}

    void run()
    {
        skipSpace();
        value(QString(), 0);
    }

private:
    // Deeper documents are not scorecards; QJsonDocument refuses them well before this.
    static constexpr int MaxDepth = 512;

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }

    void skipSpace()
    {
        while (!atEnd()) {
            const char ch = m_text.at(m_pos);
            if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r')
                break;
            ++m_pos;
        }
    }

    bool value(const QString &path, int depth)
    {
        if (depth > MaxDepth)
            return false;
        switch (peek()) {
        case '{':
            return object(path, depth);
        case '[':
            return array(path, depth);
        case '"':
            return string(nullptr);
        case '\0':
            return false;
        default:
            // A number, true, false or null: everything up to the next delimiter.
            while (!atEnd()) {
                const char ch = m_text.at(m_pos);
                if (ch == ',' || ch == '}' || ch == ']' || ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r')
                    break;
                ++m_pos;
            }
            return true;
        }
    }

    bool object(const QString &path, int depth)
    {
        ++m_pos; // '{'
        // Collected locally and stored at the end: nested objects insert into the hash meanwhile.
        QStringList keys;
        const auto store = [&](bool ok) {
            m_out.m_keys.insert(path, keys);
            return ok;
        };
        skipSpace();
        if (peek() == '}') {
            ++m_pos;
            return store(true);
        }
        for (;;) {
            skipSpace();
            QString key;
            if (peek() != '"' || !string(&key))
                return store(false);
            if (keys.contains(key) && !m_out.hasDuplicate()) {
                m_out.m_duplicatePath = path;
                m_out.m_duplicateKey = key;
            }
            keys << key;
            skipSpace();
            if (peek() != ':')
                return store(false);
            ++m_pos;
            skipSpace();
            if (!value(childPath(path, key), depth + 1))
                return store(false);
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                return store(true);
            }
            return store(false);
        }
    }

    bool array(const QString &path, int depth)
    {
        ++m_pos; // '['
        skipSpace();
        if (peek() == ']') {
            ++m_pos;
            return true;
        }
        for (int index = 0;; ++index) {
            skipSpace();
            if (!value(path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']'), depth + 1))
                return false;
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                return true;
            }
            return false;
        }
    }

    static int hexValue(char ch)
    {
        if (ch >= '0' && ch <= '9')
            return ch - '0';
        if (ch >= 'a' && ch <= 'f')
            return ch - 'a' + 10;
        if (ch >= 'A' && ch <= 'F')
            return ch - 'A' + 10;
        return -1;
    }

    // Decodes into *out when it is given; values are only skipped.
    bool string(QString *out)
    {
        ++m_pos; // '"'
        qsizetype runStart = m_pos;
        auto flushRun = [&] {
            if (out && m_pos > runStart)
                out->append(QString::fromUtf8(m_text.sliced(runStart, m_pos - runStart)));
        };
        while (!atEnd()) {
            const char ch = m_text.at(m_pos);
            if (ch == '"') {
                flushRun();
                ++m_pos;
                return true;
            }
            if (ch != '\\') {
                ++m_pos;
                continue;
            }
            flushRun();
            if (m_pos + 1 >= m_text.size())
                return false;
            const char esc = m_text.at(m_pos + 1);
            m_pos += 2;
            QChar decoded;
            switch (esc) {
            case 'b':
                decoded = QChar(u'\b');
                break;
            case 'f':
                decoded = QChar(u'\f');
                break;
            case 'n':
                decoded = QChar(u'\n');
                break;
            case 'r':
                decoded = QChar(u'\r');
                break;
            case 't':
                decoded = QChar(u'\t');
                break;
            case 'u': {
                if (m_pos + 4 > m_text.size())
                    return false;
                char16_t unit = 0;
                for (int k = 0; k < 4; ++k) {
                    const int h = hexValue(m_text.at(m_pos + k));
                    if (h < 0)
                        return false;
                    unit = char16_t(unit * 16 + h);
                }
                m_pos += 4;
                // Surrogate halves arrive as two escapes; appended one by one they form the pair.
                decoded = QChar(unit);
                break;
            }
            default: // '"', '\\', '/'
                decoded = QChar(QLatin1Char(esc));
                break;
            }
            if (out)
                out->append(decoded);
            runStart = m_pos;
        }
        return false;
    }

    QByteArrayView m_text;
    JsonKeyOrder &m_out;
    qsizetype m_pos = 0;
};

JsonKeyOrder JsonKeyOrder::scan(QByteArrayView text)
{
    JsonKeyOrder result;
    Scanner(text, result).run();
    return result;
}

} // namespace ql
