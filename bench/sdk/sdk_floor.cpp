// The floor of client CPU on this machine: the benchmark's `CREATE` calls through a blocking
// socket with hand-made CBOR, no event loop and no values built from the replies (each is only
// framed and checked for an error). It uses the same framing and handshake code as SurrealQt's
// ws:// transport. bench/sdk.js runs it beside the real clients: a client that does real work
// cannot use less CPU per call than this. Same options and JSON line as sdk_throughput.

#include <client/websocket/WebSocketFraming_p.h>
#include <client/websocket/WebSocketHandshake_p.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QUrl>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace SurrealQt;
using namespace SurrealQt::WebSocketFraming;
using namespace Qt::StringLiterals;

namespace {

qint64 cpuMicroseconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000 + usage.ru_utime.tv_usec
           + usage.ru_stime.tv_usec;
}

// Just enough CBOR for the requests: heads, text and unsigned integers.
void head(QByteArray &out, int major, quint64 value)
{
    const auto initial = char(major << 5);
    if (value < 24) {
        out += char(initial | char(value));
    } else if (value < 0x100) {
        out += char(initial | 24);
        out += char(value);
    } else if (value < 0x10000) {
        out += char(initial | 25);
        out += char(value >> 8);
        out += char(value);
    } else {
        out += char(initial | 26);
        for (int shift = 24; shift >= 0; shift -= 8)
            out += char(value >> shift);
    }
}

void text(QByteArray &out, QByteArrayView value)
{
    head(out, 3, quint64(value.size()));
    out += value;
}

QByteArray request(quint64 id, QByteArrayView method, const QByteArray &params)
{
    QByteArray out;
    head(out, 5, 3);
    text(out, "id");
    head(out, 0, id);
    text(out, "method");
    text(out, method);
    text(out, "params");
    return out + params;
}

class BlockingSocket
{
public:
    bool open(const QUrl &url)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(quint16(url.port(80)));
        if (m_fd < 0
            || ::inet_pton(AF_INET, url.host().toLatin1().constData(), &address.sin_addr) != 1
            || ::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0)
            return false;
        const int on = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        const WebSocketHandshake handshake(url, "c3VycmVhbHF0IGZsb29yIQ==", u"cbor"_s);
        if (!writeAll(handshake.request()))
            return false;
        for (;;) {
            if (!readSome())
                return false;
            const auto reply = handshake.readReply(m_reader.unread());
            if (reply.status == WebSocketHandshake::Status::Refused)
                return false;
            if (reply.status == WebSocketHandshake::Status::Accepted) {
                m_reader.skip(reply.headerSize);
                return true;
            }
        }
    }

    bool send(const QByteArray &message)
    {
        QByteArray frame;
        appendClientFrame(frame, Opcode::Binary, message, 0x5eed1234);
        return writeAll(frame);
    }

    // The next binary message; empty when the connection failed.
    QByteArray receive()
    {
        for (;;) {
            ServerEvent event = m_reader.next();
            if (event.kind == ServerEvent::Kind::Message)
                return event.payload;
            if (event.kind != ServerEvent::Kind::NeedMore || !readSome())
                return {};
        }
    }

private:
    bool writeAll(const QByteArray &bytes)
    {
        for (qsizetype at = 0; at < bytes.size();) {
            const ssize_t written = ::send(m_fd,
                                           bytes.constData() + at,
                                           std::size_t(bytes.size() - at),
                                           MSG_NOSIGNAL);
            if (written <= 0)
                return false;
            at += written;
        }
        return true;
    }

    bool readSome()
    {
        constexpr qsizetype kChunk = qsizetype(64) * 1024;
        char *at = m_reader.reserve(kChunk);
        const ssize_t got = ::read(m_fd, at, std::size_t(kChunk));
        m_reader.commit(got > 0 ? qsizetype(got) : 0);
        return got > 0;
    }

    int m_fd = -1;
    FrameReader m_reader{qint64(128) * 1024 * 1024};
};

// A reply is an error when its map's second key is "error" ({id, error}).
bool isError(const QByteArray &reply)
{
    return reply.contains("\x65"
                          "error");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption urlOption(u"url"_s,
                                       u"Server RPC address (ws://IPv4:port/rpc)"_s,
                                       u"url"_s);
    const QCommandLineOption opsOption(u"ops"_s, u"Operations per run"_s, u"n"_s, u"5000"_s);
    const QCommandLineOption inFlightOption(u"in-flight"_s, u"Concurrent calls"_s, u"k"_s, u"1"_s);
    const QCommandLineOption warmupOption(u"warmup"_s, u"Warm-up operations"_s, u"n"_s, u"500"_s);
    const QCommandLineOption dbOption(u"db"_s, u"Database to use"_s, u"name"_s, u"floor"_s);
    const QCommandLineOption userOption(u"user"_s, u"Root user"_s, u"user"_s, u"root"_s);
    const QCommandLineOption passOption(u"pass"_s, u"Root password"_s, u"pass"_s, u"root"_s);
    parser.addOptions(
        {urlOption, opsOption, inFlightOption, warmupOption, dbOption, userOption, passOption});
    parser.process(app);
    const int ops = parser.value(opsOption).toInt();
    const int inFlight = std::max(1, parser.value(inFlightOption).toInt());
    const int warmup = parser.value(warmupOption).toInt();

    BlockingSocket socket;
    if (!socket.open(QUrl(parser.value(urlOption)))) {
        std::fprintf(stderr,
                     "sdk_floor: cannot connect to %s\n",
                     qPrintable(parser.value(urlOption)));
        return 1;
    }
    quint64 nextId = 1;
    const auto call = [&](QByteArrayView method, const QByteArray &params) {
        return socket.send(request(nextId++, method, params)) && !isError(socket.receive());
    };
    QByteArray signin;
    head(signin, 4, 1);
    head(signin, 5, 2);
    text(signin, "user");
    text(signin, parser.value(userOption).toUtf8());
    text(signin, "pass");
    text(signin, parser.value(passOption).toUtf8());
    QByteArray use;
    head(use, 4, 2);
    text(use, "bench");
    text(use, parser.value(dbOption).toUtf8());
    QByteArray define;
    head(define, 4, 1);
    text(define, "DEFINE TABLE IF NOT EXISTS item SCHEMALESS");
    if (!call("signin", signin) || !call("use", use) || !call("query", define)) {
        std::fprintf(stderr, "sdk_floor: sign-in or setup failed\n");
        return 1;
    }

    // Keeps `inFlight` requests outstanding: each reply read is answered by the next request.
    const auto create = [&](quint64 n) {
        QByteArray params;
        head(params, 4, 2);
        text(params, "CREATE item SET n = $n, name = $name");
        head(params, 5, 2);
        text(params, "n");
        head(params, 0, n);
        text(params, "name");
        text(params, QByteArray("item " + QByteArray::number(n)));
        return socket.send(request(nextId++, "query", params));
    };
    const auto run = [&](int total, quint64 offset, std::vector<qint64> *latencies) {
        QElapsedTimer clock;
        clock.start();
        std::vector<qint64> sentAt;
        int errors = 0;
        int sent = 0;
        for (; sent < std::min(inFlight, total); ++sent) {
            sentAt.push_back(clock.nsecsElapsed());
            create(offset + quint64(sent));
        }
        for (int done = 0; done < total; ++done) {
            const QByteArray reply = socket.receive();
            if (reply.isEmpty() || isError(reply))
                ++errors;
            if (latencies)
                latencies->push_back(clock.nsecsElapsed() - sentAt[std::size_t(done)]);
            if (sent < total) {
                sentAt.push_back(clock.nsecsElapsed());
                create(offset + quint64(sent++));
            }
        }
        return errors;
    };
    run(warmup, 1000000, nullptr);
    std::vector<qint64> latencies;
    latencies.reserve(std::size_t(ops));
    const qint64 cpuAtStart = cpuMicroseconds();
    QElapsedTimer wall;
    wall.start();
    const int errors = run(ops, 0, &latencies);
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    const qint64 cpuUs = cpuMicroseconds() - cpuAtStart;
    std::sort(latencies.begin(), latencies.end());
    const auto percentile = [&](double fraction) {
        return latencies.empty()
                   ? 0.0
                   : double(latencies[std::min(latencies.size() - 1,
                                               std::size_t(fraction * double(latencies.size())))])
                         / 1000.0;
    };
    const QJsonObject line{{u"client"_s, u"floor"_s},
                           {u"ops"_s, ops},
                           {u"in_flight"_s, inFlight},
                           {u"seconds"_s, seconds},
                           {u"ops_per_s"_s, ops / seconds},
                           {u"p50_us"_s, percentile(0.50)},
                           {u"p99_us"_s, percentile(0.99)},
                           {u"client_cpu_us_per_op"_s, double(cpuUs) / ops},
                           {u"errors"_s, errors}};
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    return errors == 0 ? 0 : 1;
}
