// Decoding speed of SurrealQt's values, two ways. bench/decode.js runs it beside the official JS
// SDK, each client in its own process so that the peak memory is its own:
//   sdk_decode --file FRAME [--rounds R] [--warmup W]
//       decodes one saved server reply (the CBOR bytes of a WebSocket frame) R times with
//       Values::decodeCbor, after W warm-up rounds (default 1);
//   sdk_decode --url URL --user U --pass P --ns N --db D --table T [--rounds R] [--warmup W]
//       SELECTs the whole table over WebSocket R times (after W warm-ups), end to end.
// Prints one JSON line: the median and best milliseconds, the records decoded, the resident
// memory before the work and the peak (max RSS) in kB.

#include <surrealqt/client/WebSocketConnection.h>
#include <surrealqt/values/Table.h>
#include <surrealqt/values/Values.h>

#include <QtCore/QCborMap>
#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace SurrealQt;
using namespace Qt::StringLiterals;

namespace {

// Peak resident memory of this process so far, in kB.
qint64 maxRssKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// Resident memory now, in kB.
qint64 rssKb()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * (sysconf(_SC_PAGESIZE) / 1024) : 0;
}

struct Timings
{
    std::vector<double> ms;
    qsizetype records = 0;
};

void print(const char *mode, const Timings &timings, qint64 rssBeforeKb, int frameBytes)
{
    std::vector<double> sorted = timings.ms;
    std::sort(sorted.begin(), sorted.end());
    QJsonArray rounds;
    for (double ms : timings.ms)
        rounds.append(ms);
    const QJsonObject line{{u"client"_s, u"surrealqt"_s},
                           {u"mode"_s, QString::fromLatin1(mode)},
                           {u"records"_s, timings.records},
                           {u"frame_bytes"_s, frameBytes},
                           {u"median_ms"_s, sorted[sorted.size() / 2]},
                           {u"best_ms"_s, sorted.front()},
                           {u"rounds_ms"_s, rounds},
                           {u"rss_before_kb"_s, rssBeforeKb},
                           {u"max_rss_kb"_s, maxRssKb()}};
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

// The records in a decoded reply frame {id, result: [...]}, or -1.
qsizetype recordsIn(const QCborValue &frame)
{
    const QCborValue result = frame.toMap().value("result"_L1);
    return result.isArray() ? result.toArray().size() : -1;
}

int decodeFile(const QString &path, int rounds, int warmup)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "sdk_decode: cannot read %s\n", qPrintable(path));
        return 1;
    }
    const QByteArray frame = file.readAll();
    const qint64 rssBefore = rssKb();
    Timings timings;
    for (int round = 0; round < warmup + rounds; ++round) {
        QElapsedTimer clock;
        clock.start();
        QString error;
        const std::optional<QCborValue> decoded = Values::decodeCbor(frame, &error);
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        if (!decoded) {
            std::fprintf(stderr, "sdk_decode: %s\n", qPrintable(error));
            return 1;
        }
        timings.records = recordsIn(*decoded);
        if (round >= warmup)
            timings.ms.push_back(ms);
    }
    print("decode", timings, rssBefore, int(frame.size()));
    return 0;
}

// SELECTs the table `warmup + rounds` times, one after the other, then quits the event loop.
class Selector
{
public:
    Selector(WebSocketConnection *connection, QString table, int rounds, int warmup)
        : m_connection(connection)
        , m_table(std::move(table))
        , m_rounds(rounds)
        , m_warmup(warmup)
    {}

    void start()
    {
        m_rssBefore = rssKb();
        next();
    }

private:
    void next()
    {
        m_clock.start();
        m_connection->select(Table(m_table).toCbor())
            .then(m_connection, [this](const Result<QCborValue> &result) {
                const double ms = double(m_clock.nsecsElapsed()) / 1e6;
                if (!result) {
                    std::fprintf(stderr, "sdk_decode: %s\n", qPrintable(result.error().toString()));
                    QCoreApplication::exit(1);
                    return;
                }
                m_timings.records = result->toArray().size();
                if (m_round++ >= m_warmup)
                    m_timings.ms.push_back(ms);
                if (m_round < m_warmup + m_rounds) {
                    next();
                    return;
                }
                print("select", m_timings, m_rssBefore, 0);
                QCoreApplication::exit(0);
            });
    }

    WebSocketConnection *m_connection;
    QString m_table;
    int m_rounds;
    int m_warmup;
    int m_round = 0;
    qint64 m_rssBefore = 0;
    QElapsedTimer m_clock;
    Timings m_timings;
};

void fail(const RpcError &error)
{
    std::fprintf(stderr, "sdk_decode: %s\n", qPrintable(error.toString()));
    QCoreApplication::exit(1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption fileOption(u"file"_s, u"Decode this saved reply frame"_s, u"path"_s);
    const QCommandLineOption urlOption(u"url"_s, u"Server RPC address"_s, u"url"_s);
    const QCommandLineOption roundsOption(u"rounds"_s, u"Measured rounds"_s, u"n"_s, u"5"_s);
    const QCommandLineOption warmupOption(u"warmup"_s, u"Warm-up rounds"_s, u"n"_s, u"1"_s);
    const QCommandLineOption userOption(u"user"_s, u"Root user"_s, u"user"_s, u"root"_s);
    const QCommandLineOption passOption(u"pass"_s, u"Root password"_s, u"pass"_s, u"root"_s);
    const QCommandLineOption nsOption(u"ns"_s, u"Namespace"_s, u"name"_s, u"bench"_s);
    const QCommandLineOption dbOption(u"db"_s, u"Database"_s, u"name"_s, u"decode"_s);
    const QCommandLineOption tableOption(u"table"_s, u"Table to select"_s, u"name"_s, u"decode"_s);
    parser.addOptions({fileOption,
                       urlOption,
                       roundsOption,
                       warmupOption,
                       userOption,
                       passOption,
                       nsOption,
                       dbOption,
                       tableOption});
    parser.process(app);
    const int rounds = std::max(1, parser.value(roundsOption).toInt());
    const int warmup = std::max(0, parser.value(warmupOption).toInt());

    if (parser.isSet(fileOption))
        return decodeFile(parser.value(fileOption), rounds, warmup);
    if (!parser.isSet(urlOption)) {
        std::fprintf(stderr, "sdk_decode: pass --file or --url\n");
        return 2;
    }

    ConnectionOptions options;
    options.endpoint = QUrl(parser.value(urlOption));
    options.callTimeout = std::chrono::minutes(5);
    auto *connection = new WebSocketConnection(options, &app);
    Selector selector(connection, parser.value(tableOption), rounds, warmup);
    connection->open().then(&app, [&](const Result<bool> &opened) {
        if (!opened)
            return fail(opened.error());
        connection->signin(Credentials::root(parser.value(userOption), parser.value(passOption)))
            .then(&app, [&](const Result<QString> &token) {
                if (!token)
                    return fail(token.error());
                connection->use(parser.value(nsOption), parser.value(dbOption))
                    .then(&app, [&](const Result<QCborValue> &used) {
                        if (!used)
                            return fail(used.error());
                        selector.start();
                    });
            });
    });
    return QCoreApplication::exec();
}
