#pragma once

// Shared by sdk_throughput and sdk_floor: the process's CPU clock and the one JSON line that
// bench/sdk.js reads from both.

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QString>
#include <QtCore/QUrl>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace SurrealQtBench {

// The options both programs take (bench/sdk.js passes the same to each).
struct RunOptions
{
    QUrl url;
    int ops = 5000;
    int inFlight = 1;
    int warmup = 500;
    QString db;
    QString user;
    QString password;

    static RunOptions parse(const QCoreApplication &app, const QString &defaultDb)
    {
        QCommandLineParser parser;
        parser.addHelpOption();
        const QCommandLineOption url(QStringLiteral("url"),
                                     QStringLiteral("Server RPC address"),
                                     QStringLiteral("url"));
        const QCommandLineOption ops(QStringLiteral("ops"),
                                     QStringLiteral("Operations per run"),
                                     QStringLiteral("n"),
                                     QStringLiteral("5000"));
        const QCommandLineOption inFlight(QStringLiteral("in-flight"),
                                          QStringLiteral("Concurrent calls"),
                                          QStringLiteral("k"),
                                          QStringLiteral("1"));
        const QCommandLineOption warmup(QStringLiteral("warmup"),
                                        QStringLiteral("Warm-up operations"),
                                        QStringLiteral("n"),
                                        QStringLiteral("500"));
        const QCommandLineOption db(QStringLiteral("db"),
                                    QStringLiteral("Database to use"),
                                    QStringLiteral("name"),
                                    defaultDb);
        const QCommandLineOption user(QStringLiteral("user"),
                                      QStringLiteral("Root user"),
                                      QStringLiteral("user"),
                                      QStringLiteral("root"));
        const QCommandLineOption pass(QStringLiteral("pass"),
                                      QStringLiteral("Root password"),
                                      QStringLiteral("pass"),
                                      QStringLiteral("root"));
        parser.addOptions({url, ops, inFlight, warmup, db, user, pass});
        parser.process(app);
        return {QUrl(parser.value(url)),
                parser.value(ops).toInt(),
                std::max(1, parser.value(inFlight).toInt()),
                parser.value(warmup).toInt(),
                parser.value(db),
                parser.value(user),
                parser.value(pass)};
    }
};

// User + system CPU this process has used, in microseconds.
inline qint64 cpuMicroseconds()
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

inline double percentileUs(std::vector<qint64> values, double fraction)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = std::min(values.size() - 1, std::size_t(fraction * double(values.size())));
    return double(values[index]) / 1000.0;
}

// {client, ops, in_flight, seconds, ops_per_s, p50_us, p99_us, client_cpu_us_per_op, errors}
inline void printReport(const QString &client, int ops, int inFlight, const Measurement &m)
{
    const QJsonObject line{{QStringLiteral("client"), client},
                           {QStringLiteral("ops"), ops},
                           {QStringLiteral("in_flight"), inFlight},
                           {QStringLiteral("seconds"), m.seconds},
                           {QStringLiteral("ops_per_s"), ops / m.seconds},
                           {QStringLiteral("p50_us"), percentileUs(m.latenciesNs, 0.50)},
                           {QStringLiteral("p99_us"), percentileUs(m.latenciesNs, 0.99)},
                           {QStringLiteral("client_cpu_us_per_op"), double(m.cpuUs) / ops},
                           {QStringLiteral("errors"), m.errors}};
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

} // namespace SurrealQtBench
