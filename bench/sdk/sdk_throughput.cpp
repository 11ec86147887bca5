// Throughput of SurrealQt's WebSocketConnection: N `CREATE item SET n = $n, name = $name`,
// one at a time or K in flight, against a running server. Prints one JSON line: ops_per_s,
// p50_us, p99_us and client_cpu_us_per_op. bench/sdk.js runs it beside the official JS SDK on
// the same server.

#include "ThroughputReport.h"

#include <surrealqt/client/WebSocketConnection.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace SurrealQt;
using namespace Qt::StringLiterals;
using namespace SurrealQtBench;

namespace {

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

void fail(const QString &why)
{
    std::fprintf(stderr, "sdk_throughput: %s\n", qPrintable(why));
    QCoreApplication::exit(1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const RunOptions run = RunOptions::parse(app, u"cpp"_s);
    ConnectionOptions options;
    options.endpoint = run.url;
    auto *connection = new WebSocketConnection(options, &app);
    const int ops = run.ops;
    const int inFlight = run.inFlight;
    const int warmup = run.warmup;
    std::unique_ptr<Runner> warmupRunner;
    std::unique_ptr<Runner> runner;

    const auto measured = [&] {
        runner = std::make_unique<Runner>(connection, ops, inFlight, 0, [&](const Measurement &m) {
            printReport(u"surrealqt"_s, ops, inFlight, m);
            QCoreApplication::exit(m.errors == 0 ? 0 : 1);
        });
        runner->start();
    };

    connection->open().then(&app, [&](const Result<bool> &opened) {
        if (!opened)
            return fail(opened.error().toString());
        connection->signin(Credentials::root(run.user, run.password))
            .then(&app, [&](const Result<QString> &token) {
                if (!token)
                    return fail(token.error().toString());
                connection->use(u"bench"_s, run.db).then(&app, [&](const Result<QCborValue> &used) {
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
