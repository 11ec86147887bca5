#include "console/SurqlTokenizer.h"

#include "console/SurqlWords.h"

#include <algorithm>
#include <cstring>

namespace SurrealQt {

namespace {

// ⟨ and ⟩ in UTF-8.
constexpr char AngleOpen[] = "\xE2\x9F\xA8";
constexpr char AngleClose[] = "\xE2\x9F\xA9";

bool isWordByte(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_'
           || u >= 0x80;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAsciiWordByte(char c)
{
    return isWordByte(c) && static_cast<unsigned char>(c) < 0x80;
}

class Scanner
{
public:
    Scanner(const QByteArray &text, const SurqlTokenizer::Sink &sink)
        : m_text(text)
        , m_size(int(text.size()))
        , m_sink(sink)
    {}

    SurqlTokenizer::State run(SurqlTokenizer::State state);

private:
    char at(int pos) const { return pos < m_size ? m_text.at(pos) : '\0'; }
    bool startsWith(int pos, const char *what) const
    {
        return m_text.mid(pos, qsizetype(qstrlen(what))) == what;
    }
    void push(int end, SurqlTokenizer::Style style)
    {
        if (end > m_pos)
            m_sink(m_pos, end - m_pos, style);
        m_pos = end;
    }
    int wordEnd(int pos) const
    {
        while (pos < m_size && isWordByte(m_text.at(pos)) && !startsWith(pos, AngleOpen))
            ++pos;
        return pos;
    }
    // Returns the end of a closed construct, or -1 when the text ends first.
    int closeQuote(int pos, char quote) const;
    int closeAngle(int pos) const;
    SurqlTokenizer::State continueState(SurqlTokenizer::State state);
    void number();
    void word();
    int recordKeyEnd(int pos) const;

    const QByteArray &m_text;
    int m_size;
    int m_pos = 0;
    const SurqlTokenizer::Sink &m_sink;
    char m_previous = '\0'; // the last non-space byte before the current token
};

int Scanner::closeQuote(int pos, char quote) const
{
    while (pos < m_size) {
        const char c = m_text.at(pos);
        if (c == '\\') {
            pos += 2;
        } else if (c == quote) {
            return pos + 1;
        } else {
            ++pos;
        }
    }
    return -1;
}

int Scanner::closeAngle(int pos) const
{
    while (pos < m_size) {
        if (m_text.at(pos) == '\\') {
            pos += startsWith(pos + 1, AngleClose) ? 4 : 2;
        } else if (startsWith(pos, AngleClose)) {
            return pos + 3;
        } else {
            ++pos;
        }
    }
    return -1;
}

// Finishes a construct left open by the previous line.
SurqlTokenizer::State Scanner::continueState(SurqlTokenizer::State state)
{
    int end = -1;
    SurqlTokenizer::Style style = SurqlTokenizer::String;
    switch (state) {
    case SurqlTokenizer::Normal:
        return state;
    case SurqlTokenizer::InBlockComment: {
        const int close = int(m_text.indexOf("*/"));
        end = close < 0 ? -1 : close + 2;
        style = SurqlTokenizer::Comment;
        break;
    }
    case SurqlTokenizer::InDoubleString:
        end = closeQuote(0, '"');
        break;
    case SurqlTokenizer::InSingleString:
        end = closeQuote(0, '\'');
        break;
    case SurqlTokenizer::InBacktick:
        end = closeQuote(0, '`');
        style = SurqlTokenizer::Identifier;
        break;
    case SurqlTokenizer::InAngle:
        end = closeAngle(0);
        style = SurqlTokenizer::Identifier;
        break;
    }
    push(end < 0 ? m_size : end, style);
    return end < 0 ? state : SurqlTokenizer::Normal;
}

// 42, 1.5, 1e10, 1.5f, 9.99dec, and durations: 1h30m, 100ms, 2µs.
void Scanner::number()
{
    int pos = m_pos;
    while (isDigit(at(pos)))
        ++pos;
    // A unit right after the digits makes a duration, possibly of several parts.
    static const char *const units[] = {"ns", "us", "\xC2\xB5s", "ms", "s", "m", "h", "d", "w", "y"};
    bool duration = false;
    while (true) {
        // The longest unit that ends the token or is followed by the next part (1h30m).
        int matched = 0;
        for (const char *unit : units) {
            const int length = int(qstrlen(unit));
            const char after = at(pos + length);
            if (startsWith(pos, unit) && (!isAsciiWordByte(after) || isDigit(after)))
                matched = std::max(matched, length);
        }
        if (matched == 0)
            break;
        duration = true;
        pos += matched;
        if (!isDigit(at(pos)))
            break;
        while (isDigit(at(pos)))
            ++pos;
    }
    if (duration) {
        push(pos, SurqlTokenizer::Duration);
        return;
    }
    if (at(pos) == '.' && isDigit(at(pos + 1))) {
        pos += 1;
        while (isDigit(at(pos)))
            ++pos;
    }
    if ((at(pos) == 'e' || at(pos) == 'E')
        && (isDigit(at(pos + 1))
            || ((at(pos + 1) == '-' || at(pos + 1) == '+') && isDigit(at(pos + 2))))) {
        pos += 2;
        while (isDigit(at(pos)))
            ++pos;
    }
    if (startsWith(pos, "dec") && !isWordByte(at(pos + 3))) {
        pos += 3;
    } else if (at(pos) == 'f' && !isWordByte(at(pos + 1))) {
        pos += 1;
    }
    push(pos, SurqlTokenizer::Number);
}

// The end of a record id's key after `table:`, or -1 when no key follows.
int Scanner::recordKeyEnd(int pos) const
{
    if (startsWith(pos, AngleOpen)) {
        const int end = closeAngle(pos + 3);
        return end < 0 ? m_size : end;
    }
    if (at(pos) == '`') {
        const int end = closeQuote(pos + 1, '`');
        return end < 0 ? m_size : end;
    }
    if (at(pos) == '-' && isDigit(at(pos + 1)))
        return wordEnd(pos + 1);
    if (isWordByte(at(pos)))
        return wordEnd(pos);
    // person:[...], person:{...}, person:ulid(): the table and the colon.
    if (at(pos) == '[' || at(pos) == '{')
        return pos;
    return -1;
}

void Scanner::word()
{
    int end = wordEnd(m_pos);
    const SurqlWords &words = SurqlWords::instance();
    // string::len, fn::greet, math::pi: a path.
    if (startsWith(end, "::") && isWordByte(at(end + 2))) {
        while (startsWith(end, "::") && isWordByte(at(end + 2)))
            end = wordEnd(end + 2);
        push(end, SurqlTokenizer::Function);
        return;
    }
    // person:tobie, book:⟨the book⟩, reader:1: a record id.
    if (at(end) == ':' && at(end + 1) != ':') {
        const int keyEnd = recordKeyEnd(end + 1);
        if (keyEnd >= 0) {
            push(std::max(keyEnd, end + 1), SurqlTokenizer::RecordId);
            return;
        }
    }
    const QByteArray text = m_text.mid(m_pos, end - m_pos);
    const QString word = QString::fromUtf8(text);
    // A field after a dot (`$before.value`) or before a colon is not a keyword.
    if (m_previous != '.' && at(end) != ':' && words.isKeyword(word)) {
        push(end, SurqlTokenizer::Keyword);
        return;
    }
    int next = end;
    while (at(next) == ' ')
        ++next;
    if (at(next) == '(' && words.isFunction(word)) {
        push(end, SurqlTokenizer::Function);
        return;
    }
    push(end, SurqlTokenizer::Default);
}

SurqlTokenizer::State Scanner::run(SurqlTokenizer::State state)
{
    state = continueState(state);
    if (state != SurqlTokenizer::Normal)
        return state;
    while (m_pos < m_size) {
        const char c = m_text.at(m_pos);
        const char next = at(m_pos + 1);
        const char previous = c;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            int end = m_pos;
            while (end < m_size && std::strchr(" \t\r\n", m_text.at(end)) && m_text.at(end) != '\0')
                ++end;
            push(end, SurqlTokenizer::Default);
            continue;
        }
        if ((c == '-' && next == '-') || (c == '/' && next == '/') || c == '#') {
            const int newline = int(m_text.indexOf('\n', m_pos));
            push(newline < 0 ? m_size : newline, SurqlTokenizer::Comment);
        } else if (c == '/' && next == '*') {
            const int close = int(m_text.indexOf("*/", m_pos + 2));
            push(close < 0 ? m_size : close + 2, SurqlTokenizer::Comment);
            if (close < 0)
                return SurqlTokenizer::InBlockComment;
        } else if (c == '"' || c == '\'' || c == '`'
                   || (c != '\0' && std::strchr("rdubsf", c) && (next == '"' || next == '\''))) {
            const bool prefixed = c != '"' && c != '\'' && c != '`';
            const char quote = prefixed ? next : c;
            const int end = closeQuote(m_pos + (prefixed ? 2 : 1), quote);
            push(end < 0 ? m_size : end,
                 quote == '`' ? SurqlTokenizer::Identifier : SurqlTokenizer::String);
            if (end < 0) {
                return quote == '"'    ? SurqlTokenizer::InDoubleString
                       : quote == '\'' ? SurqlTokenizer::InSingleString
                                       : SurqlTokenizer::InBacktick;
            }
        } else if (startsWith(m_pos, AngleOpen)) {
            const int end = closeAngle(m_pos + 3);
            push(end < 0 ? m_size : end, SurqlTokenizer::Identifier);
            if (end < 0)
                return SurqlTokenizer::InAngle;
        } else if (c == '$') {
            push(wordEnd(m_pos + 1), SurqlTokenizer::Parameter);
        } else if (isDigit(c)) {
            number();
        } else if (isWordByte(c)) {
            word();
        } else {
            push(m_pos + 1, SurqlTokenizer::Operator);
        }
        m_previous = previous;
    }
    return SurqlTokenizer::Normal;
}

} // namespace

SurqlTokenizer::State SurqlTokenizer::tokenize(const QByteArray &text, State state, const Sink &sink)
{
    Scanner scanner(text, sink);
    return scanner.run(state);
}

} // namespace SurrealQt
