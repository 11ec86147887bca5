// The ORM's overhead against the raw SDK, on one running server: fetching N records into typed
// objects (Objects<T>::all) next to the raw SDK call (Connection::query of the same SELECT,
// decoded to CBOR values), rounds alternating; and bulk_create of M records (one INSERT per
// chunk of typed objects) next to raw INSERTs of the same rows. Prints one JSON line.

#include <surrealqt/client/WebSocketConnection.h>
#include <surrealqt/orm/Model.h>
#include <surrealqt/orm/ModelSpec.h>
#include <surrealqt/orm/Objects.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

using namespace SurrealQt;
using namespace Qt::StringLiterals;

namespace {

class Item : public Model
{
    Q_GADGET
    Q_PROPERTY(qint64 n MEMBER n)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(double price MEMBER price)
    Q_PROPERTY(bool active MEMBER active)
    Q_PROPERTY(QStringList tags MEMBER tags)

public:
    qint64 n = 0;
    QString name;
    double price = 0;
    bool active = false;
    QStringList tags;

    static ModelSpec describe() { return ModelSpec(u"item"_s); }
};

// Runs the event loop until the future is done (this program has nothing else to do).
template<typename T>
T await(QFuture<T> future)
{
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    return future.result();
}

[[noreturn]] void fail(const QString &what, const RpcError &error)
{
    std::fprintf(stderr, "orm_fetch: %s: %s\n", qPrintable(what), qPrintable(error.toString()));
    std::exit(1);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

QList<Item> makeItems(qint64 count, qint64 offset)
{
    QList<Item> items;
    items.reserve(count);
    for (qint64 i = 0; i < count; ++i) {
        Item item;
        item.n = offset + i;
        item.name = u"item %1"_s.arg(offset + i);
        item.price = double(i % 1000) / 10.0;
        item.active = i % 2 == 0;
        item.tags = {u"a"_s, u"b"_s};
        items.append(item);
    }
    return items;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption urlOption(u"url"_s, u"Server RPC address"_s, u"url"_s);
    const QCommandLineOption fetchOption(u"fetch"_s, u"Records to fetch"_s, u"n"_s, u"10000"_s);
    const QCommandLineOption bulkOption(u"bulk"_s, u"Records to bulk-create"_s, u"n"_s, u"100000"_s);
    const QCommandLineOption roundsOption(u"rounds"_s, u"Rounds"_s, u"n"_s, u"5"_s);
    const QCommandLineOption dbOption(u"db"_s, u"Database to use"_s, u"name"_s, u"orm"_s);
    parser.addOptions({urlOption, fetchOption, bulkOption, roundsOption, dbOption});
    parser.addHelpOption();
    parser.process(app);
    const qint64 fetchCount = parser.value(fetchOption).toLongLong();
    const qint64 bulkCount = parser.value(bulkOption).toLongLong();
    const int rounds = std::max(1, parser.value(roundsOption).toInt());

    ConnectionOptions options;
    options.endpoint = QUrl(parser.value(urlOption));
    options.callTimeout = std::chrono::minutes(5);
    WebSocketConnection connection(options);
    if (const auto opened = await(connection.open()); !opened)
        fail(u"open"_s, opened.error());
    if (const auto in = await(connection.signin(Credentials::root(u"root"_s, u"root"_s))); !in)
        fail(u"signin"_s, in.error());
    if (const auto used = await(connection.use(u"bench"_s, parser.value(dbOption))); !used)
        fail(u"use"_s, used.error());
    await(connection.query(u"REMOVE TABLE IF EXISTS item; REMOVE TABLE IF EXISTS raw_item; "
                           u"DEFINE TABLE item SCHEMALESS; DEFINE TABLE raw_item SCHEMALESS"_s));

    const auto items = objects<Item>(&connection);
    if (const auto made = await(items.bulkCreate(makeItems(fetchCount, 0))); !made)
        fail(u"fill"_s, made.error());

    // Fetch: raw SDK call vs typed objects, alternating.
    std::vector<double> raw;
    std::vector<double> typed;
    QElapsedTimer clock;
    for (int round = 0; round < rounds; ++round) {
        clock.start();
        const auto response = await(connection.query(u"SELECT * FROM item"_s));
        if (!response)
            fail(u"raw select"_s, response.error());
        const qint64 rawCount = response->statements().last().result().toArray().size();
        raw.push_back(double(clock.nsecsElapsed()) / 1e6);

        clock.start();
        const auto list = await(items.all());
        if (!list)
            fail(u"typed select"_s, list.error());
        typed.push_back(double(clock.nsecsElapsed()) / 1e6);
        if (list->size() != fetchCount || rawCount != fetchCount)
            fail(u"count"_s, RpcError(RpcError::Kind::Internal, u"wrong number of records"_s));
    }

    // bulk_create of typed objects vs raw INSERT statements of the same rows, same chunk size.
    const QList<Item> bulk = makeItems(bulkCount, 1000000);
    clock.start();
    if (const auto made = await(items.bulkCreate(bulk)); !made || made.value() != bulkCount)
        fail(u"bulkCreate"_s, made ? RpcError(RpcError::Kind::Internal, u"count"_s) : made.error());
    const double bulkSeconds = double(clock.nsecsElapsed()) / 1e9;

    clock.start();
    const qsizetype chunk = BulkOptions().chunkSize;
    for (qsizetype start = 0; start < bulk.size(); start += chunk) {
        QCborArray rows;
        for (qsizetype i = start; i < std::min(bulk.size(), start + chunk); ++i) {
            const Item &item = bulk.at(i);
            rows.append(QCborMap{{u"n"_s, item.n},
                                 {u"name"_s, item.name},
                                 {u"price"_s, item.price},
                                 {u"active"_s, item.active},
                                 {u"tags"_s, QCborArray{u"a"_s, u"b"_s}}});
        }
        const auto inserted = await(
            connection.query(u"INSERT INTO raw_item $rows RETURN NONE"_s, {{u"rows"_s, rows}}));
        if (!inserted || !inserted->isOk())
            fail(u"raw insert"_s, inserted ? inserted->firstError() : inserted.error());
    }
    const double rawBulkSeconds = double(clock.nsecsElapsed()) / 1e9;

    const double rawMs = median(raw);
    const double typedMs = median(typed);
    const QJsonObject result{
        {u"fetch_records"_s, fetchCount},
        {u"fetch_raw_ms"_s, rawMs},
        {u"fetch_typed_ms"_s, typedMs},
        {u"fetch_ratio"_s, typedMs / rawMs},
        {u"bulk_records"_s, bulkCount},
        {u"bulk_create_records_per_s"_s, double(bulkCount) / bulkSeconds},
        {u"raw_insert_records_per_s"_s, double(bulkCount) / rawBulkSeconds},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}

#include "orm_fetch.moc"
