#include "SqlCommand.h"

#include "ResultPrinter.h"
#include <surrealqt/migrations/ConnectionArguments.h>

#include <surrealqt/client/WebSocketConnection.h>
#include <surrealqt/values/Values.h>

#include <QCoro/QCoroFuture>
#include <QCoro/QCoroTask>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QTextStream>

#include <cstdio>

namespace SurrealQt::Cli {

namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

struct SqlRequest
{
    QString surql;
    QCborMap vars;
    OutputFormat format = OutputFormat::Json;
};

int fail(const QString &message, int status = kFailed)
{
    QTextStream(stderr) << "surrealqt sql: " << message << '\n';
    return status;
}

// `name=JSON`: the value is parsed as JSON (a bare word that is not JSON stays a string) and
// bound as $name; it never becomes part of the SurrealQL text.
std::optional<QString> parseVariable(const QString &assignment, QCborMap &vars)
{
    const qsizetype equals = assignment.indexOf(QLatin1Char('='));
    const QString name = assignment.left(equals);
    if (equals <= 0)
        return QStringLiteral("--var wants name=JSON, got '%1'").arg(assignment);
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (!identifier.match(name).hasMatch())
        return QStringLiteral("'%1' is not a valid parameter name").arg(name);
    const QByteArray text = assignment.mid(equals + 1).toUtf8();
    QJsonParseError error;
    const QJsonDocument wrapped = QJsonDocument::fromJson("[" + text + "]", &error);
    if (error.error != QJsonParseError::NoError || wrapped.array().size() != 1) {
        vars.insert(name, QString::fromUtf8(text));
        return std::nullopt;
    }
    QString why;
    const std::optional<QCborValue> value = Values::fromJson(wrapped.array().at(0),
                                                             ValueKind::Any,
                                                             &why);
    if (!value)
        return QStringLiteral("--var %1: %2").arg(name, why);
    vars.insert(name, *value);
    return std::nullopt;
}

QCoro::Task<int> execute(ConnectionArguments connection, SqlRequest request)
{
    WebSocketConnection socket(connection.options());
    const Result<bool> opened = co_await socket.open();
    if (!opened)
        co_return fail(opened.error().message());
    if (connection.credentials().level() != Credentials::Level::Anonymous) {
        const Result<QString> token = co_await socket.signin(connection.credentials());
        if (!token)
            co_return fail(QStringLiteral("cannot sign in: %1").arg(token.error().message()));
    }
    if (!connection.ns().isEmpty()) {
        const Result<QCborValue> used = co_await socket.use(connection.ns(), connection.db());
        if (!used)
            co_return fail(used.error().message());
    }
    const Result<QueryResponse> response = co_await socket.query(request.surql, request.vars);
    if (!response)
        co_return fail(response.error().message());
    QTextStream out(stdout);
    printResponse(out, response.value(), request.format);
    out.flush();
    if (const RpcError error = response->firstError(); error.isError())
        co_return fail(error.message());
    co_return kOk;
}

} // namespace

int runSqlCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runs SurrealQL and prints every statement's result. The query comes from "
                       "the QUERY argument, from -f FILE, or from standard input."));
    parser.addHelpOption();
    ConnectionArguments connection;
    connection.addTo(parser);
    const QCommandLineOption varOption(QStringLiteral("var"),
                                       QStringLiteral("Bind $name to a JSON value (repeatable)."),
                                       QStringLiteral("name=JSON"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          QStringLiteral("Output: json (default), surql or table."),
                                          QStringLiteral("format"),
                                          QStringLiteral("json"));
    const QCommandLineOption fileOption(QStringList{QStringLiteral("f"), QStringLiteral("file")},
                                        QStringLiteral("Read the SurrealQL from this file."),
                                        QStringLiteral("file"));
    parser.addOptions({varOption, formatOption, fileOption});
    parser.addPositionalArgument(QStringLiteral("query"),
                                 QStringLiteral("SurrealQL to run."),
                                 QStringLiteral("[QUERY]"));
    if (!parser.parse(arguments))
        return fail(parser.errorText(), kUsage);
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return kOk;
    }
    if (const auto error = connection.read(parser))
        return fail(*error, kUsage);

    SqlRequest request;
    const QString format = parser.value(formatOption);
    if (format == QLatin1String("json")) {
        request.format = OutputFormat::Json;
    } else if (format == QLatin1String("surql")) {
        request.format = OutputFormat::Surql;
    } else if (format == QLatin1String("table")) {
        request.format = OutputFormat::Table;
    } else {
        return fail(QStringLiteral("unknown --format '%1' (json, surql or table)").arg(format),
                    kUsage);
    }
    for (const QString &assignment : parser.values(varOption)) {
        if (const auto error = parseVariable(assignment, request.vars))
            return fail(*error, kUsage);
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return fail(QStringLiteral("give the query as one argument (quote it)"), kUsage);
    if (parser.isSet(fileOption) && !positional.isEmpty())
        return fail(QStringLiteral("give either QUERY or -f FILE, not both"), kUsage);
    if (parser.isSet(fileOption)) {
        QFile file(parser.value(fileOption));
        if (!file.open(QIODevice::ReadOnly)) {
            return fail(
                QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        }
        request.surql = QString::fromUtf8(file.readAll());
    } else if (!positional.isEmpty()) {
        request.surql = positional.first();
    } else {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read standard input"));
        request.surql = QString::fromUtf8(input.readAll());
    }
    if (request.surql.trimmed().isEmpty())
        return fail(QStringLiteral("no SurrealQL to run"), kUsage);

    return QCoro::waitFor(execute(connection, request));
}

} // namespace SurrealQt::Cli
