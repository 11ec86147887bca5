// Throughput of SurrealQt's WebSocketConnection: N `CREATE item SET n = $n, name = $name`,
// one at a time or K in flight, against a running server. Prints one JSON line per run; the
// driver (compare.js) runs it beside the official JS SDK on the same server.

#include <surrealqt/client/WebSocketConnection.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <cstdio>
#include <functional>
#include <memory>

using namespace SurrealQt;
using namespace Qt::StringLiterals;

namespace {

// Keeps `inFlight` calls going until `total` have completed, then calls done(seconds, errors).
class Runner
{
public:
    Runner(WebSocketConnection *connection, int total, int inFlight, qint64 offset,
           std::function<void(double, int)> done)
        : m_connection(connection)
        , m_total(total)
        , m_inFlight(inFlight)
        , m_offset(offset)
        , m_done(std::move(done))
    {}

    void start()
    {
        m_clock.start();
        for (int i = 0; i < m_inFlight && m_started < m_total; ++i)
            launch();
    }

private:
    void launch()
    {
        const qint64 n = m_offset + m_started++;
        m_connection
            ->query(u"CREATE item SET n = $n, name = $name"_s,
                    QCborMap{{u"n"_s, n}, {u"name"_s, u"item %1"_s.arg(n)}})
            .then(m_connection, [this](const Result<QueryResponse> &result) {
                if (!result || result->firstError().isError())
                    ++m_errors;
                if (++m_finished == m_total) {
                    m_done(double(m_clock.nsecsElapsed()) / 1e9, m_errors);
                    return;
                }
                if (m_started < m_total)
                    launch();
            });
    }

    WebSocketConnection *m_connection;
    int m_total;
    int m_inFlight;
    qint64 m_offset;
    std::function<void(double, int)> m_done;
    QElapsedTimer m_clock;
    int m_started = 0;
    int m_finished = 0;
    int m_errors = 0;
};

void fail(const QString &why)
{
    std::fprintf(stderr, "surrealqt-bench-sdk: %s\n", qPrintable(why));
    QCoreApplication::exit(1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption urlOption(u"url"_s, u"Server RPC address"_s, u"url"_s);
    const QCommandLineOption opsOption(u"ops"_s, u"Operations per run"_s, u"n"_s, u"5000"_s);
    const QCommandLineOption inFlightOption(u"in-flight"_s, u"Concurrent calls"_s, u"k"_s, u"1"_s);
    const QCommandLineOption warmupOption(u"warmup"_s, u"Warm-up operations"_s, u"n"_s, u"500"_s);
    const QCommandLineOption dbOption(u"db"_s, u"Database to use"_s, u"name"_s, u"cpp"_s);
    parser.addOptions({urlOption, opsOption, inFlightOption, warmupOption, dbOption});
    parser.process(app);

    ConnectionOptions options;
    options.endpoint = QUrl(parser.value(urlOption));
    auto *connection = new WebSocketConnection(options, &app);
    const int ops = parser.value(opsOption).toInt();
    const int inFlight = parser.value(inFlightOption).toInt();
    const int warmup = parser.value(warmupOption).toInt();
    std::unique_ptr<Runner> warmupRunner;
    std::unique_ptr<Runner> runner;

    const auto measured = [&] {
        runner = std::make_unique<Runner>(connection, ops, inFlight, 0, [&](double seconds, int errors) {
            QJsonObject line{{u"client"_s, u"surrealqt"_s},
                             {u"ops"_s, ops},
                             {u"inFlight"_s, inFlight},
                             {u"seconds"_s, seconds},
                             {u"opsPerSecond"_s, ops / seconds},
                             {u"errors"_s, errors}};
            std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
            std::fflush(stdout);
            QCoreApplication::exit(errors == 0 ? 0 : 1);
        });
        runner->start();
    };

    connection->open().then(&app, [&](const Result<bool> &opened) {
        if (!opened)
            return fail(opened.error().toString());
        connection->signin(Credentials::root(u"root"_s, u"root"_s)).then(&app, [&](const Result<QString> &token) {
            if (!token)
                return fail(token.error().toString());
            connection->use(u"bench"_s, parser.value(dbOption)).then(&app, [&](const Result<QCborValue> &used) {
                if (!used)
                    return fail(used.error().toString());
                connection->query(u"DEFINE TABLE IF NOT EXISTS item SCHEMALESS"_s).then(&app, [&](const auto &) {
                    warmupRunner = std::make_unique<Runner>(connection, warmup, inFlight, 1000000,
                                                            [&](double, int) { measured(); });
                    warmupRunner->start();
                });
            });
        });
    });
    return QCoreApplication::exec();
}
