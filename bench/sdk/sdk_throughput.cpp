// Throughput of SurrealQt's WebSocketConnection: N `CREATE item SET n = $n, name = $name`,
// one at a time or K in flight, against a running server. Prints one JSON line: ops_per_s,
// p50_us, p99_us and client_cpu_us_per_op. bench/sdk.js runs it beside the official JS SDK on
// the same server.

#include <surrealqt/client/WebSocketConnection.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace SurrealQt;
using namespace Qt::StringLiterals;

namespace {

// User + system CPU this process has used, in microseconds.
qint64 cpuMicroseconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000 + usage.ru_utime.tv_usec
           + usage.ru_stime.tv_usec;
}

struct Measurement
{
    double seconds = 0;
    int errors = 0;
    std::vector<qint64> latenciesNs;
    qint64 cpuUs = 0;
};

// Keeps `inFlight` calls going until `total` have completed, then calls done(seconds, errors).
class Runner
{
public:
    Runner(WebSocketConnection *connection,
           int total,
           int inFlight,
           qint64 offset,
           std::function<void(const Measurement &)> done)
        : m_connection(connection)
        , m_total(total)
        , m_inFlight(inFlight)
        , m_offset(offset)
        , m_done(std::move(done))
    {}

    void start()
    {
        m_result.latenciesNs.reserve(std::size_t(m_total));
        m_cpuAtStart = cpuMicroseconds();
        m_clock.start();
        if (m_total == 0) { // e.g. --warmup 0: nothing to wait for
            m_result.cpuUs = 0;
            return m_done(m_result);
        }
        for (int i = 0; i < m_inFlight && m_started < m_total; ++i)
            launch();
    }

private:
    void launch()
    {
        const qint64 n = m_offset + m_started++;
        const qint64 sentAt = m_clock.nsecsElapsed();
        m_connection
            ->query(u"CREATE item SET n = $n, name = $name"_s,
                    QCborMap{{u"n"_s, n}, {u"name"_s, u"item %1"_s.arg(n)}})
            .then(m_connection, [this, sentAt](const Result<QueryResponse> &result) {
                m_result.latenciesNs.push_back(m_clock.nsecsElapsed() - sentAt);
                if (!result || result->firstError().isError())
                    ++m_result.errors;
                if (++m_finished == m_total) {
                    m_result.seconds = double(m_clock.nsecsElapsed()) / 1e9;
                    m_result.cpuUs = cpuMicroseconds() - m_cpuAtStart;
                    m_done(m_result);
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
    std::function<void(const Measurement &)> m_done;
    QElapsedTimer m_clock;
    qint64 m_cpuAtStart = 0;
    int m_started = 0;
    int m_finished = 0;
    Measurement m_result;
};

double percentileUs(std::vector<qint64> values, double fraction)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = std::min(values.size() - 1, std::size_t(fraction * double(values.size())));
    return double(values[index]) / 1000.0;
}

void fail(const QString &why)
{
    std::fprintf(stderr, "sdk_throughput: %s\n", qPrintable(why));
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
    const QCommandLineOption userOption(u"user"_s, u"Root user"_s, u"user"_s, u"root"_s);
    const QCommandLineOption passOption(u"pass"_s, u"Root password"_s, u"pass"_s, u"root"_s);
    parser.addOptions(
        {urlOption, opsOption, inFlightOption, warmupOption, dbOption, userOption, passOption});
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
        runner = std::make_unique<Runner>(connection, ops, inFlight, 0, [&](const Measurement &m) {
            const QJsonObject line{{u"client"_s, u"surrealqt"_s},
                                   {u"ops"_s, ops},
                                   {u"in_flight"_s, inFlight},
                                   {u"seconds"_s, m.seconds},
                                   {u"ops_per_s"_s, ops / m.seconds},
                                   {u"p50_us"_s, percentileUs(m.latenciesNs, 0.50)},
                                   {u"p99_us"_s, percentileUs(m.latenciesNs, 0.99)},
                                   {u"client_cpu_us_per_op"_s, double(m.cpuUs) / ops},
                                   {u"errors"_s, m.errors}};
            std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
            std::fflush(stdout);
            QCoreApplication::exit(m.errors == 0 ? 0 : 1);
        });
        runner->start();
    };

    connection->open().then(&app, [&](const Result<bool> &opened) {
        if (!opened)
            return fail(opened.error().toString());
        connection->signin(Credentials::root(parser.value(userOption), parser.value(passOption)))
            .then(&app, [&](const Result<QString> &token) {
                if (!token)
                    return fail(token.error().toString());
                connection->use(u"bench"_s, parser.value(dbOption))
                    .then(&app, [&](const Result<QCborValue> &used) {
                        if (!used)
                            return fail(used.error().toString());
                        connection->query(u"DEFINE TABLE IF NOT EXISTS item SCHEMALESS"_s)
                            .then(&app, [&](const auto &) {
                                warmupRunner = std::make_unique<Runner>(connection,
                                                                        warmup,
                                                                        inFlight,
                                                                        1000000,
                                                                        [&](const Measurement &) {
                                                                            measured();
                                                                        });
                                warmupRunner->start();
                            });
                    });
            });
    });
    return QCoreApplication::exec();
}
