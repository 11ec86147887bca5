// Compiling query sets to SurrealQL (Google Benchmark): the time per query, for a simple filter,
// a Q tree with nested lookups and ordering, an aggregate with GROUP BY, and a graph traversal.

#include <surrealqt/orm/QuerySet.h>

#include <benchmark/benchmark.h>

using namespace SurrealQt;
using namespace Qt::StringLiterals;

namespace {

void compile(benchmark::State &state, const QuerySet &set)
{
    for (auto _ : state) {
        auto query = set.toSurql();
        benchmark::DoNotOptimize(query);
    }
}

void simpleFilter(benchmark::State &state)
{
    compile(state, QuerySet(u"person"_s).filter(u"age__gte"_s, 18));
}

void complexQuery(benchmark::State &state)
{
    const Q q = (Q(u"age__gte"_s, 18) & ~Q(u"name__istartswith"_s, u"x"_s))
                | (Q(u"address__city__icontains"_s, u"paris"_s)
                   & Q(u"tags__containsany"_s, QCborArray{u"admin"_s, u"dev"_s}));
    compile(state,
            QuerySet(u"person"_s).filter(q).orderBy({u"-age"_s, u"name"_s}).limit(20).offset(40));
}

void groupedAggregate(benchmark::State &state)
{
    compile(state,
            QuerySet(u"person"_s)
                .filter(u"age__gt"_s, 10)
                .values({u"address.city"_s})
                .annotate(u"people"_s, Aggregate::count())
                .annotate(u"mean_age"_s, Aggregate::avg(u"age"_s)));
}

void graphTraversal(benchmark::State &state)
{
    compile(state,
            QuerySet::traverse(RecordId(u"author"_s, u"tobie"_s),
                               *GraphPath::parse(u"->wrote->book<-wrote<-author"_s))
                .filter(u"name__contains"_s, u"a"_s)
                .orderBy({u"name"_s}));
}

} // namespace

BENCHMARK(simpleFilter);
BENCHMARK(complexQuery);
BENCHMARK(groupedAggregate);
BENCHMARK(graphTraversal);
BENCHMARK_MAIN();
