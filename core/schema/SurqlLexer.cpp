#include "SurqlLexer_p.h"

namespace SurrealQt {

using namespace Qt::Literals::StringLiterals;

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

class Scanner
{
public:
    explicit Scanner(QStringView source)
        : m_src(source)
    {}

    QList<SurqlToken> run()
    {
        QList<SurqlToken> tokens;
        while (true) {
            if (!skipSpaceAndComments()) {
                tokens.append(m_error);
                return tokens;
            }
            SurqlToken token = next();
            const bool stop = token.is(SurqlToken::Type::End) || token.is(SurqlToken::Type::Error);
            tokens.append(std::move(token));
            if (stop)
                return tokens;
        }
    }

private:
    QChar at(qsizetype i) const { return i < m_src.size() ? m_src[i] : QChar(); }

    void advance(qsizetype count = 1)
    {
        for (qsizetype k = 0; k < count && m_pos < m_src.size(); ++k) {
            if (m_src[m_pos] == u'\n') {
                ++m_line;
                m_lineStart = m_pos + 1;
            }
            ++m_pos;
        }
    }

    SurqlToken start(SurqlToken::Type type) const
    {
        SurqlToken t;
        t.type = type;
        t.begin = m_pos;
        t.line = m_line;
        t.column = int(m_pos - m_lineStart) + 1;
        return t;
    }

    SurqlToken finish(SurqlToken t) const
    {
        t.end = m_pos;
        return t;
    }

    SurqlToken error(SurqlToken t, const QString &what) const
    {
        t.type = SurqlToken::Type::Error;
        t.text = what;
        t.end = m_pos;
        return t;
    }

    bool skipSpaceAndComments()
    {
        while (m_pos < m_src.size()) {
            const QChar c = m_src[m_pos];
            if (c.isSpace()) {
                advance();
            } else if ((c == u'-' && at(m_pos + 1) == u'-') || (c == u'/' && at(m_pos + 1) == u'/')
                       || c == u'#') {
                while (m_pos < m_src.size() && m_src[m_pos] != u'\n')
                    advance();
            } else if (c == u'/' && at(m_pos + 1) == u'*') {
                SurqlToken t = start(SurqlToken::Type::Error);
                advance(2);
                while (m_pos < m_src.size() && !(m_src[m_pos] == u'*' && at(m_pos + 1) == u'/'))
                    advance();
                if (m_pos >= m_src.size()) {
                    m_error = error(t, u"unterminated comment"_s);
                    return false;
                }
                advance(2);
            } else {
                return true;
            }
        }
        return true;
    }

    // Reads an escape after a backslash inside a quoted string or identifier.
    void readEscape(QString &out)
    {
        const QChar e = at(m_pos);
        advance();
        switch (e.unicode()) {
        case u'n':
            out += u'\n';
            return;
        case u't':
            out += u'\t';
            return;
        case u'r':
            out += u'\r';
            return;
        case u'0':
            out += QChar(u'\0');
            return;
        case u'b':
            out += u'\b';
            return;
        case u'f':
            out += u'\f';
            return;
        case u'u': {
            QString hex;
            if (at(m_pos) == u'{') {
                advance();
                while (m_pos < m_src.size() && at(m_pos) != u'}' && hex.size() < 8) {
                    hex += at(m_pos);
                    advance();
                }
                if (at(m_pos) == u'}')
                    advance();
            } else {
                for (int k = 0; k < 4 && m_pos < m_src.size(); ++k) {
                    hex += at(m_pos);
                    advance();
                }
            }
            bool ok = false;
            const uint code = hex.toUInt(&ok, 16);
            if (ok && code <= 0x10FFFF) {
                const char32_t ucs4 = code;
                out += QString::fromUcs4(&ucs4, 1);
            }
            return;
        }
        default:
            if (!e.isNull())
                out += e;
        }
    }

    SurqlToken quoted(SurqlToken t, QChar close, const QString &what)
    {
        advance(); // opening quote
        QString text;
        while (m_pos < m_src.size() && m_src[m_pos] != close) {
            if (m_src[m_pos] == u'\\') {
                advance();
                readEscape(text);
            } else {
                text += m_src[m_pos];
                advance();
            }
        }
        if (m_pos >= m_src.size())
            return error(t, u"unterminated "_s + what);
        advance(); // closing quote
        t.text = text;
        return finish(t);
    }

    SurqlToken number(SurqlToken t)
    {
        while (isWordChar(at(m_pos)))
            advance();
        // A fraction: 1.5, but not a range 1..5 or a path 1.field.
        if (at(m_pos) == u'.' && at(m_pos + 1).isDigit()) {
            advance();
            while (isWordChar(at(m_pos)))
                advance();
        }
        // An exponent sign: 1e-3, 1.5E+7.
        const QChar last = m_pos > t.begin ? m_src[m_pos - 1] : QChar();
        if ((last == u'e' || last == u'E') && (at(m_pos) == u'-' || at(m_pos) == u'+')
            && at(m_pos + 1).isDigit()) {
            advance();
            while (isWordChar(at(m_pos)))
                advance();
        }
        t.text = m_src.mid(t.begin, m_pos - t.begin).toString();
        return finish(t);
    }

    SurqlToken next()
    {
        if (m_pos >= m_src.size())
            return finish(start(SurqlToken::Type::End));
        const QChar c = m_src[m_pos];
        if (c == u'\'' || c == u'"')
            return quoted(start(SurqlToken::Type::String), c, u"string"_s);
        if (c == u'`')
            return quoted(start(SurqlToken::Type::QuotedIdent), u'`', u"identifier"_s);
        if (c == u'⟨')
            return quoted(start(SurqlToken::Type::QuotedIdent), u'⟩', u"identifier"_s);
        if (c.isDigit())
            return number(start(SurqlToken::Type::Number));
        if (c == u'$') {
            SurqlToken t = start(SurqlToken::Type::Param);
            advance();
            if (at(m_pos) == u'`' || at(m_pos) == u'⟨') {
                const QChar close = at(m_pos) == u'`' ? QChar(u'`') : QChar(u'⟩');
                SurqlToken inner = quoted(start(SurqlToken::Type::QuotedIdent),
                                          close,
                                          u"identifier"_s);
                if (inner.is(SurqlToken::Type::Error))
                    return inner;
                t.text = inner.text;
                return finish(t);
            }
            const qsizetype nameStart = m_pos;
            while (isWordChar(at(m_pos)))
                advance();
            t.text = m_src.mid(nameStart, m_pos - nameStart).toString();
            if (t.text.isEmpty()) {
                t.type = SurqlToken::Type::Punct;
                t.text = u"$"_s;
            }
            return finish(t);
        }
        if (isWordChar(c)) {
            SurqlToken t = start(SurqlToken::Type::Identifier);
            while (isWordChar(at(m_pos)))
                advance();
            t.text = m_src.mid(t.begin, m_pos - t.begin).toString();
            const QChar q = at(m_pos);
            if (t.text.size() == 1 && (q == u'\'' || q == u'"')
                && QStringView(u"rdusbf").contains(t.text.at(0))) {
                const QChar prefix = t.text.at(0);
                t.type = SurqlToken::Type::String;
                SurqlToken s = quoted(t, q, u"string"_s);
                if (s.is(SurqlToken::Type::String))
                    s.prefix = prefix;
                return s;
            }
            return finish(t);
        }
        SurqlToken t = start(SurqlToken::Type::Punct);
        for (const char16_t *pair : {u"::", u"->", u".."}) {
            if (m_src.mid(m_pos).startsWith(QStringView(pair))) {
                advance(2);
                t.text = QString::fromUtf16(pair);
                return finish(t);
            }
        }
        advance();
        t.text = QString(c);
        return finish(t);
    }

    QStringView m_src;
    qsizetype m_pos = 0;
    qsizetype m_lineStart = 0;
    int m_line = 1;
    SurqlToken m_error;
};

} // namespace

bool SurqlToken::isKeyword(QStringView keyword) const
{
    return type == Type::Identifier && text.compare(keyword, Qt::CaseInsensitive) == 0;
}

QString SurqlToken::describe() const
{
    switch (type) {
    case Type::End:
        return u"end of input"_s;
    case Type::String:
        return u"a string"_s;
    case Type::Error:
        return text;
    case Type::QuotedIdent:
        return u"`"_s + text + u'`';
    case Type::Param:
        return u"$"_s + text;
    default:
        return u"'"_s + text + u'\'';
    }
}

QList<SurqlToken> SurqlLexer::tokenize(QStringView source)
{
    return Scanner(source).run();
}

} // namespace SurrealQt
