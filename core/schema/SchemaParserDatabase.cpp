// SchemaReader: the database-level definitions (ACCESS, ANALYZER, FUNCTION, PARAM, USER).

#include "SchemaParser_p.h"
#include "SurqlSyntax.h"

namespace SurrealQt {

using namespace Qt::Literals::StringLiterals;

namespace {

std::optional<QString> levelName(const SurqlToken &t)
{
    if (t.isKeyword(u"DATABASE") || t.isKeyword(u"DB"))
        return u"DATABASE"_s;
    if (t.isKeyword(u"NAMESPACE") || t.isKeyword(u"NS"))
        return u"NAMESPACE"_s;
    if (t.isKeyword(u"ROOT"))
        return u"ROOT"_s;
    return std::nullopt;
}

template<typename T>
void put(QList<T> &list, T *existing, T value)
{
    if (existing) {
        *existing = std::move(value);
    } else {
        list.append(std::move(value));
    }
}

} // namespace

void SchemaReader::readAccess(DefineMode mode)
{
    const qsizetype nameToken = m_pos;
    auto name = readName(u"an access name"_s);
    if (!name || !expectKeyword(u"ON"))
        return;
    AccessDef access;
    access.name = *name;
    if (auto level = levelName(peek())) {
        access.level = *level;
        advance();
    } else {
        fail(u"DATABASE, NAMESPACE or ROOT"_s);
        return;
    }
    if (!expectKeyword(u"TYPE"))
        return;
    static const QStringList stops{u"SIGNUP"_s,
                                   u"SIGNIN"_s,
                                   u"WITH"_s,
                                   u"AUTHENTICATE"_s,
                                   u"DURATION"_s,
                                   u"COMMENT"_s};
    if (acceptKeyword(u"RECORD")) {
        access.type = AccessDef::Type::Record;
        while (!failed()) {
            if (acceptKeyword(u"SIGNUP")) {
                access.signup = readExpression(stops);
            } else if (acceptKeyword(u"SIGNIN")) {
                access.signin = readExpression(stops);
            } else if (atKeyword(u"WITH") && atKeyword(u"REFRESH", 1)) {
                advance();
                advance();
                access.withRefresh = true;
            } else if (atKeyword(u"WITH") && atKeyword(u"JWT", 1)) {
                advance();
                advance();
                readJwt(access.jwt);
            } else {
                break;
            }
        }
    } else if (acceptKeyword(u"JWT")) {
        access.type = AccessDef::Type::Jwt;
        readJwt(access.jwt);
    } else if (acceptKeyword(u"BEARER")) {
        access.type = AccessDef::Type::Bearer;
        if (!expectKeyword(u"FOR"))
            return;
        if (acceptKeyword(u"USER")) {
            access.bearerFor = u"USER"_s;
        } else if (acceptKeyword(u"RECORD")) {
            access.bearerFor = u"RECORD"_s;
        } else {
            fail(u"USER or RECORD"_s);
        }
    } else {
        fail(u"RECORD, JWT or BEARER"_s);
    }
    while (!failed()) {
        if (acceptKeyword(u"AUTHENTICATE")) {
            access.authenticate = readExpression(stops);
        } else if (acceptKeyword(u"DURATION")) {
            readAccessDurations(access);
        } else if (acceptKeyword(u"COMMENT")) {
            access.comment = readComment();
        } else {
            break;
        }
    }
    if (failed())
        return;
    if (!peek().isPunct(u";") && !peek().is(SurqlToken::Type::End)) {
        fail(u"AUTHENTICATE, DURATION, COMMENT or ';'"_s);
        return;
    }
    AccessDef *existing = m_schema.access(access.name);
    if (admit(existing, mode, nameToken, u"an access"_s))
        put(m_schema.accesses, existing, access);
}

void SchemaReader::readJwt(AccessDef::Jwt &jwt)
{
    static const QStringList algorithms{u"EDDSA"_s,
                                        u"ES256"_s,
                                        u"ES384"_s,
                                        u"ES512"_s,
                                        u"HS256"_s,
                                        u"HS384"_s,
                                        u"HS512"_s,
                                        u"PS256"_s,
                                        u"PS384"_s,
                                        u"PS512"_s,
                                        u"RS256"_s,
                                        u"RS384"_s,
                                        u"RS512"_s};
    const auto readAlgorithm = [this]() -> QString {
        const QString word = peek().is(SurqlToken::Type::Identifier) ? peek().text.toUpper()
                                                                     : QString();
        if (!algorithms.contains(word)) {
            fail(u"a JWT algorithm (HS256, HS384, HS512, RS256, … EDDSA)"_s);
            return {};
        }
        advance();
        return word;
    };
    if (acceptKeyword(u"ALGORITHM")) {
        jwt.verify = AccessDef::Jwt::Verify::Key;
        jwt.algorithm = readAlgorithm();
        if (!expectKeyword(u"KEY"))
            return;
        jwt.key = readString(u"a key string"_s).value_or(QString());
        jwt.url.clear();
        // A symmetric key also issues tokens.
        if (jwt.algorithm.startsWith(u"HS")) {
            jwt.issuerKey = jwt.key;
        } else {
            jwt.issuerKey.reset();
        }
    } else if (acceptKeyword(u"URL")) {
        jwt.verify = AccessDef::Jwt::Verify::Url;
        jwt.url = readString(u"a URL string"_s).value_or(QString());
        jwt.key.clear();
        jwt.issuerKey.reset();
    } else {
        fail(u"ALGORITHM or URL"_s);
        return;
    }
    if (atKeyword(u"WITH") && atKeyword(u"ISSUER", 1)) {
        advance();
        advance();
        if (acceptKeyword(u"ALGORITHM"))
            readAlgorithm();
        if (!expectKeyword(u"KEY"))
            return;
        jwt.issuerKey = readString(u"a key string"_s).value_or(QString());
    }
}

void SchemaReader::readAccessDurations(AccessDef &access)
{
    do {
        if (!expectKeyword(u"FOR"))
            return;
        QString *target = nullptr;
        if (acceptKeyword(u"GRANT")) {
            target = &access.grantDuration;
        } else if (acceptKeyword(u"TOKEN")) {
            target = &access.tokenDuration;
        } else if (acceptKeyword(u"SESSION")) {
            target = &access.sessionDuration;
        }
        if (!target) {
            fail(u"GRANT, TOKEN or SESSION"_s);
            return;
        }
        if (auto duration = readDuration(true))
            *target = *duration;
    } while (!failed() && acceptPunct(u","));
}

void SchemaReader::readAnalyzer(DefineMode mode)
{
    const qsizetype nameToken = m_pos;
    auto name = readName(u"an analyzer name"_s);
    if (!name)
        return;
    AnalyzerDef analyzer;
    analyzer.name = *name;
    while (!failed()) {
        if (acceptKeyword(u"FUNCTION")) {
            if (!expectKeyword(u"fn") || !expectPunct(u"::"))
                return;
            QStringList parts;
            do {
                parts.append(readName(u"a function name"_s).value_or(QString()));
            } while (!failed() && acceptPunct(u"::"));
            analyzer.function = parts.join(u"::"_s);
        } else if (acceptKeyword(u"TOKENIZERS")) {
            analyzer.tokenizers.clear();
            do {
                analyzer.tokenizers.append(readName(u"a tokenizer (BLANK, CAMEL, CLASS, PUNCT)"_s)
                                               .value_or(QString())
                                               .toUpper());
            } while (!failed() && acceptPunct(u","));
        } else if (acceptKeyword(u"FILTERS")) {
            analyzer.filters.clear();
            do {
                QString filter = readName(u"a filter"_s).value_or(QString()).toUpper();
                if (acceptPunct(u"(")) {
                    QStringList args;
                    while (!failed() && !acceptPunct(u")")) {
                        const SurqlToken &t = peek();
                        if (t.is(SurqlToken::Type::Number)) {
                            args.append(t.text);
                        } else if (t.is(SurqlToken::Type::Identifier)) {
                            args.append(t.text.toUpper());
                        } else if (t.is(SurqlToken::Type::String)) {
                            args.append(SurqlSyntax::quoteString(t.text));
                        } else {
                            fail(u"a filter argument or ')'"_s);
                        }
                        advance();
                        if (!peek().isPunct(u")") && !acceptPunct(u","))
                            fail(u"',' or ')'"_s);
                    }
                    filter += u'(' + args.join(u","_s) + u')';
                }
                analyzer.filters.append(filter);
            } while (!failed() && acceptPunct(u","));
        } else if (acceptKeyword(u"COMMENT")) {
            analyzer.comment = readComment();
        } else {
            break;
        }
    }
    if (failed())
        return;
    if (!peek().isPunct(u";") && !peek().is(SurqlToken::Type::End)) {
        fail(u"FUNCTION, TOKENIZERS, FILTERS, COMMENT or ';'"_s);
        return;
    }
    AnalyzerDef *existing = m_schema.analyzer(analyzer.name);
    if (admit(existing, mode, nameToken, u"an analyzer"_s))
        put(m_schema.analyzers, existing, analyzer);
}

void SchemaReader::readFunction(DefineMode mode)
{
    const qsizetype nameToken = m_pos;
    if (!expectKeyword(u"fn") || !expectPunct(u"::"))
        return;
    FunctionDef function;
    QStringList parts;
    do {
        if (auto part = readName(u"a function name"_s))
            parts.append(*part);
    } while (!failed() && acceptPunct(u"::"));
    function.name = parts.join(u"::"_s);
    if (!expectPunct(u"("))
        return;
    while (!failed() && !acceptPunct(u")")) {
        if (!peek().is(SurqlToken::Type::Param)) {
            fail(u"an argument ($name: type) or ')'"_s);
            return;
        }
        FunctionDef::Argument argument;
        argument.name = peek().text;
        advance();
        if (!expectPunct(u":"))
            return;
        if (auto kind = readKind())
            argument.kind = *kind;
        function.arguments.append(argument);
        if (!peek().isPunct(u")") && !expectPunct(u","))
            return;
    }
    if (acceptPunct(u"->"))
        function.returns = readKind();
    if (!peek().isPunct(u"{")) {
        fail(u"the function body '{ … }'"_s);
        return;
    }
    const qsizetype bodyStart = m_pos;
    int depth = 0;
    do {
        const SurqlToken &t = peek();
        if (t.is(SurqlToken::Type::End) || t.is(SurqlToken::Type::Error)) {
            fail(u"'}' closing the function body"_s);
            return;
        }
        if (t.isPunct(u"(") || t.isPunct(u"[") || t.isPunct(u"{")) {
            ++depth;
        } else if (t.isPunct(u")") || t.isPunct(u"]") || t.isPunct(u"}")) {
            --depth;
        }
        advance();
    } while (depth > 0);
    const qsizetype begin = m_tokens.at(bodyStart).begin;
    function.body = m_source.mid(begin, m_tokens.at(m_pos - 1).end - begin).toString();
    static const QStringList stops{u"COMMENT"_s, u"PERMISSIONS"_s};
    while (!failed()) {
        if (acceptKeyword(u"COMMENT")) {
            function.comment = readComment();
        } else if (acceptKeyword(u"PERMISSIONS")) {
            if (auto permission = readPermission(stops))
                function.permission = *permission;
        } else {
            break;
        }
    }
    if (failed())
        return;
    if (!peek().isPunct(u";") && !peek().is(SurqlToken::Type::End)) {
        fail(u"COMMENT, PERMISSIONS or ';'"_s);
        return;
    }
    FunctionDef *existing = m_schema.function(function.name);
    if (admit(existing, mode, nameToken, u"a function"_s))
        put(m_schema.functions, existing, function);
}

void SchemaReader::readParam(DefineMode mode)
{
    const qsizetype nameToken = m_pos;
    if (!peek().is(SurqlToken::Type::Param)) {
        fail(u"a parameter name ($name)"_s);
        return;
    }
    ParamDef param;
    param.name = peek().text;
    advance();
    static const QStringList stops{u"VALUE"_s, u"COMMENT"_s, u"PERMISSIONS"_s};
    bool hasValue = false;
    while (!failed()) {
        if (acceptKeyword(u"VALUE")) {
            param.value = readExpression(stops).value_or(QString());
            hasValue = true;
        } else if (acceptKeyword(u"COMMENT")) {
            param.comment = readComment();
        } else if (acceptKeyword(u"PERMISSIONS")) {
            if (auto permission = readPermission(stops))
                param.permission = *permission;
        } else {
            break;
        }
    }
    if (failed())
        return;
    if (!peek().isPunct(u";") && !peek().is(SurqlToken::Type::End)) {
        fail(u"VALUE, COMMENT, PERMISSIONS or ';'"_s);
        return;
    }
    if (!hasValue) {
        fail(u"VALUE"_s);
        return;
    }
    ParamDef *existing = m_schema.param(param.name);
    if (admit(existing, mode, nameToken, u"a parameter"_s))
        put(m_schema.params, existing, param);
}

void SchemaReader::readUser(DefineMode mode)
{
    const qsizetype nameToken = m_pos;
    auto name = readName(u"a user name"_s);
    if (!name || !expectKeyword(u"ON"))
        return;
    UserDef user;
    user.name = *name;
    if (auto level = levelName(peek())) {
        user.level = *level;
        advance();
    } else {
        fail(u"DATABASE, NAMESPACE or ROOT"_s);
        return;
    }
    while (!failed()) {
        if (acceptKeyword(u"PASSWORD")) {
            user.password = readString(u"a password string"_s);
            user.passhash.clear();
        } else if (acceptKeyword(u"PASSHASH")) {
            user.passhash = readString(u"a password hash string"_s).value_or(QString());
            user.password.reset();
        } else if (acceptKeyword(u"ROLES")) {
            user.roles.clear();
            do {
                user.roles.append(readName(u"a role"_s).value_or(QString()).toUpper());
            } while (!failed() && acceptPunct(u","));
        } else if (acceptKeyword(u"DURATION")) {
            do {
                if (!expectKeyword(u"FOR"))
                    return;
                QString *target = nullptr;
                if (acceptKeyword(u"TOKEN")) {
                    target = &user.tokenDuration;
                } else if (acceptKeyword(u"SESSION")) {
                    target = &user.sessionDuration;
                }
                if (!target) {
                    fail(u"TOKEN or SESSION"_s);
                    return;
                }
                if (auto duration = readDuration(true))
                    *target = *duration;
            } while (!failed() && acceptPunct(u","));
        } else if (acceptKeyword(u"COMMENT")) {
            user.comment = readComment();
        } else {
            break;
        }
    }
    if (failed())
        return;
    if (!peek().isPunct(u";") && !peek().is(SurqlToken::Type::End)) {
        fail(u"PASSWORD, PASSHASH, ROLES, DURATION, COMMENT or ';'"_s);
        return;
    }
    UserDef *existing = m_schema.user(user.name);
    if (admit(existing, mode, nameToken, u"a user"_s))
        put(m_schema.users, existing, user);
}

} // namespace SurrealQt
