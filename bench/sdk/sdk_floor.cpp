// The floor of client CPU on this machine: the benchmark's `CREATE` calls through a blocking
// socket with hand-made CBOR, no event loop and no values built from the replies (each is only
// framed and checked for an error). It uses the same framing and handshake code as SurrealQt's
// ws:// transport. bench/sdk.js runs it beside the real clients: a client that does real work
// cannot use less CPU per call than this. Like SurrealQt's transport, it sends the follow-ups of
// replies that arrive together in one write. Same options and JSON line as sdk_throughput.

#include "ThroughputReport.h"

#include <client/websocket/WebSocketFraming_p.h>
#include <client/websocket/WebSocketHandshake_p.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QUrl>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

using namespace SurrealQt;
using namespace SurrealQt::WebSocketFraming;
using namespace Qt::StringLiterals;
using namespace SurrealQtBench;

namespace {

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

    // Queues one request; flush() writes every queued one in a single send.
    void queue(const QByteArray &message)
    {
        appendClientFrame(m_out, Opcode::Binary, message, 0x5eed1234);
    }

    bool flush() { return writeAll(std::exchange(m_out, QByteArray())); }

    bool send(const QByteArray &message)
    {
        queue(message);
        return flush();
    }

    // A message already read and buffered, without reading more; empty when there is none.
    QByteArray takeBuffered()
    {
        ServerEvent event = m_reader.next();
        return event.kind == ServerEvent::Kind::Message ? event.payload : QByteArray();
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
    QByteArray m_out;
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
    const RunOptions options = RunOptions::parse(app, u"floor"_s);
    const int ops = options.ops;
    const int inFlight = options.inFlight;
    const int warmup = options.warmup;

    BlockingSocket socket;
    if (!socket.open(options.url)) {
        std::fprintf(stderr,
                     "sdk_floor: cannot connect to %s\n",
                     qPrintable(options.url.toString()));
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
    text(signin, options.user.toUtf8());
    text(signin, "pass");
    text(signin, options.password.toUtf8());
    QByteArray use;
    head(use, 4, 2);
    text(use, "bench");
    text(use, options.db.toUtf8());
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
        socket.queue(request(nextId++, "query", params));
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
        socket.flush();
        // Each wake-up: every reply that arrived together, then their follow-ups in one send.
        for (int done = 0; done < total;) {
            QByteArray reply = socket.receive(); // blocks for at least one
            if (reply.isNull())
                return errors + (total - done); // the connection failed
            while (!reply.isNull() && done < total) {
                if (isError(reply))
                    ++errors;
                if (latencies)
                    latencies->push_back(clock.nsecsElapsed() - sentAt[std::size_t(done)]);
                ++done;
                if (sent < total) {
                    sentAt.push_back(clock.nsecsElapsed());
                    create(offset + quint64(sent++));
                }
                reply = socket.takeBuffered();
            }
            if (!socket.flush())
                return errors + (total - done);
        }
        return errors;
    };
    run(warmup, 1000000, nullptr);
    Measurement measurement;
    measurement.latenciesNs.reserve(std::size_t(ops));
    const qint64 cpuAtStart = cpuMicroseconds();
    QElapsedTimer wall;
    wall.start();
    measurement.errors = run(ops, 0, &measurement.latenciesNs);
    measurement.seconds = double(wall.nsecsElapsed()) / 1e9;
    measurement.cpuUs = cpuMicroseconds() - cpuAtStart;
    printReport(u"floor"_s, ops, inFlight, measurement);
    return measurement.errors == 0 ? 0 : 1;
}
