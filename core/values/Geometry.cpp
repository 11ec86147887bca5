#include "Geometry.h"

#include "CborTags.h"
#include "SurqlText_p.h"

#include <QtCore/QCborArray>

#include <array>
#include <utility>

namespace SurrealQt {

namespace {

constexpr std::array kTypeNames = {
    std::pair{Geometry::Kind::Point, u"Point"},
    std::pair{Geometry::Kind::LineString, u"LineString"},
    std::pair{Geometry::Kind::Polygon, u"Polygon"},
    std::pair{Geometry::Kind::MultiPoint, u"MultiPoint"},
    std::pair{Geometry::Kind::MultiLineString, u"MultiLineString"},
    std::pair{Geometry::Kind::MultiPolygon, u"MultiPolygon"},
    std::pair{Geometry::Kind::Collection, u"GeometryCollection"},
};

quint64 tagOf(Geometry::Kind kind)
{
    return CborTags::GeometryPoint + quint64(kind);
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

// ---- CBOR -------------------------------------------------------------------------------------

QCborValue pointToCbor(GeoPoint p)
{
    return QCborValue(QCborTag(CborTags::GeometryPoint), QCborArray{p.longitude, p.latitude});
}

QCborValue lineToCbor(const Geometry::Line &line, quint64 tag = CborTags::GeometryLine)
{
    QCborArray array;
    for (const GeoPoint &p : line)
        array.append(pointToCbor(p));
    return QCborValue(QCborTag(tag), array);
}

QCborValue polygonToCbor(const Geometry::Polygon &polygon)
{
    QCborArray array;
    for (const Geometry::Line &ring : polygon)
        array.append(lineToCbor(ring));
    return QCborValue(QCborTag(CborTags::GeometryPolygon), array);
}

// The array inside `tag`, or nullopt.
std::optional<QCborArray> taggedArray(const QCborValue &value, quint64 tag)
{
    if (!value.isTag() || quint64(value.tag()) != tag || !value.taggedValue().isArray())
        return std::nullopt;
    return value.taggedValue().toArray();
}

std::optional<GeoPoint> pointFromCbor(const QCborValue &value, QString *error)
{
    const auto array = taggedArray(value, CborTags::GeometryPoint);
    if (!array || array->size() != 2 || !(array->at(0).isDouble() || array->at(0).isInteger())
        || !(array->at(1).isDouble() || array->at(1).isInteger())) {
        setError(error, QStringLiteral("tag 88 (point) expects an array of 2 numbers [lon, lat]"));
        return std::nullopt;
    }
    return GeoPoint{array->at(0).toDouble(), array->at(1).toDouble()};
}

std::optional<Geometry::Line> pointsFromCbor(const QCborValue &value, quint64 tag, QString *error)
{
    const auto array = taggedArray(value, tag);
    if (!array) {
        setError(error, QStringLiteral("tag %1 (geometry) expects an array of points").arg(tag));
        return std::nullopt;
    }
    Geometry::Line line;
    for (const QCborValue &item : *array) {
        const auto p = pointFromCbor(item, error);
        if (!p)
            return std::nullopt;
        line.append(*p);
    }
    return line;
}

std::optional<QList<Geometry::Line>> linesFromCbor(const QCborValue &value,
                                                   quint64 tag,
                                                   QString *error)
{
    const auto array = taggedArray(value, tag);
    if (!array || (tag == CborTags::GeometryPolygon && array->isEmpty())) {
        setError(error,
                 tag == CborTags::GeometryPolygon
                     ? QStringLiteral("tag 90 (polygon) expects a non-empty array of lines")
                     : QStringLiteral("tag %1 (geometry) expects an array of lines").arg(tag));
        return std::nullopt;
    }
    QList<Geometry::Line> lines;
    for (const QCborValue &item : *array) {
        const auto line = pointsFromCbor(item, CborTags::GeometryLine, error);
        if (!line)
            return std::nullopt;
        lines.append(*line);
    }
    return lines;
}

// ---- GeoJSON ----------------------------------------------------------------------------------

QCborArray pointToJson(GeoPoint p)
{
    return QCborArray{p.longitude, p.latitude};
}

QCborArray lineToJson(const Geometry::Line &line)
{
    QCborArray array;
    for (const GeoPoint &p : line)
        array.append(pointToJson(p));
    return array;
}

QCborArray polygonToJson(const Geometry::Polygon &polygon)
{
    QCborArray array;
    for (const Geometry::Line &ring : polygon)
        array.append(lineToJson(ring));
    return array;
}

std::optional<GeoPoint> pointFromJson(const QCborValue &value)
{
    const QCborArray array = value.toArray();
    if (!value.isArray() || array.size() != 2
        || !(array.at(0).isDouble() || array.at(0).isInteger())
        || !(array.at(1).isDouble() || array.at(1).isInteger()))
        return std::nullopt;
    return GeoPoint{array.at(0).toDouble(), array.at(1).toDouble()};
}

std::optional<Geometry::Line> lineFromJson(const QCborValue &value)
{
    if (!value.isArray())
        return std::nullopt;
    Geometry::Line line;
    for (const QCborValue &item : value.toArray()) {
        const auto p = pointFromJson(item);
        if (!p)
            return std::nullopt;
        line.append(*p);
    }
    return line;
}

std::optional<Geometry::Polygon> polygonFromJson(const QCborValue &value)
{
    if (!value.isArray() || value.toArray().isEmpty())
        return std::nullopt;
    Geometry::Polygon polygon;
    for (const QCborValue &item : value.toArray()) {
        const auto line = lineFromJson(item);
        if (!line)
            return std::nullopt;
        polygon.append(*line);
    }
    return polygon;
}

// ---- SurrealQL --------------------------------------------------------------------------------

QString pointToSurql(GeoPoint p)
{
    return u'[' + SurqlText::formatCoordinate(p.longitude) + u", "
           + SurqlText::formatCoordinate(p.latitude) + u']';
}

template<typename T, typename F>
QString listToSurql(const QList<T> &items, F &&print)
{
    QString out = QStringLiteral("[");
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += u", ";
        out += print(items.at(i));
    }
    out += u']';
    return out;
}

QString lineToSurql(const Geometry::Line &line)
{
    return listToSurql(line, pointToSurql);
}

QString polygonToSurql(const Geometry::Polygon &polygon)
{
    return listToSurql(polygon, lineToSurql);
}

QString geoJsonSurql(const Geometry &g)
{
    QString out = QStringLiteral("{ type: ") + SurqlText::quoteString(g.typeName());
    switch (g.kind()) {
    case Geometry::Kind::Point:
        out += u", coordinates: " + pointToSurql(g.pointValue());
        break;
    case Geometry::Kind::LineString:
    case Geometry::Kind::MultiPoint:
        out += u", coordinates: " + lineToSurql(g.points());
        break;
    case Geometry::Kind::Polygon:
    case Geometry::Kind::MultiLineString:
        out += u", coordinates: " + polygonToSurql(g.lines());
        break;
    case Geometry::Kind::MultiPolygon:
        out += u", coordinates: " + listToSurql(g.polygons(), polygonToSurql);
        break;
    case Geometry::Kind::Collection:
        out += u", geometries: " + listToSurql(g.geometries(), geoJsonSurql);
        break;
    }
    out += u" }";
    return out;
}

} // namespace

Geometry Geometry::point(double longitude, double latitude)
{
    return point(GeoPoint{longitude, latitude});
}

Geometry Geometry::point(GeoPoint point)
{
    Geometry g;
    g.m_points = {point};
    return g;
}

Geometry Geometry::lineString(Line points)
{
    Geometry g;
    g.m_kind = Kind::LineString;
    g.m_points = std::move(points);
    return g;
}

Geometry Geometry::polygon(Polygon rings)
{
    Geometry g;
    g.m_kind = Kind::Polygon;
    g.m_points.clear();
    g.m_lines = std::move(rings);
    return g;
}

Geometry Geometry::multiPoint(QList<GeoPoint> points)
{
    Geometry g;
    g.m_kind = Kind::MultiPoint;
    g.m_points = std::move(points);
    return g;
}

Geometry Geometry::multiLineString(QList<Line> lines)
{
    Geometry g;
    g.m_kind = Kind::MultiLineString;
    g.m_points.clear();
    g.m_lines = std::move(lines);
    return g;
}

Geometry Geometry::multiPolygon(QList<Polygon> polygons)
{
    Geometry g;
    g.m_kind = Kind::MultiPolygon;
    g.m_points.clear();
    g.m_polygons = std::move(polygons);
    return g;
}

Geometry Geometry::collection(QList<Geometry> geometries)
{
    Geometry g;
    g.m_kind = Kind::Collection;
    g.m_points.clear();
    g.m_geometries = std::move(geometries);
    return g;
}

QString Geometry::typeName() const
{
    for (const auto &[kind, name] : kTypeNames) {
        if (kind == m_kind)
            return QString::fromUtf16(name);
    }
    return {};
}

std::optional<Geometry> Geometry::fromCbor(const QCborValue &value, QString *error)
{
    const quint64 tag = value.isTag() ? quint64(value.tag()) : 0;
    switch (tag) {
    case CborTags::GeometryPoint:
        if (const auto p = pointFromCbor(value, error))
            return point(*p);
        return std::nullopt;
    case CborTags::GeometryLine:
        if (auto line = pointsFromCbor(value, tag, error))
            return lineString(std::move(*line));
        return std::nullopt;
    case CborTags::GeometryMultiPoint:
        if (auto points = pointsFromCbor(value, tag, error))
            return multiPoint(std::move(*points));
        return std::nullopt;
    case CborTags::GeometryPolygon:
        if (auto rings = linesFromCbor(value, tag, error))
            return polygon(std::move(*rings));
        return std::nullopt;
    case CborTags::GeometryMultiLine:
        if (auto lines = linesFromCbor(value, tag, error))
            return multiLineString(std::move(*lines));
        return std::nullopt;
    case CborTags::GeometryMultiPolygon:
    case CborTags::GeometryCollection: {
        const auto array = taggedArray(value, tag);
        if (!array) {
            setError(error, QStringLiteral("tag %1 (geometry) expects an array").arg(tag));
            return std::nullopt;
        }
        QList<Polygon> polygons;
        QList<Geometry> geometries;
        for (const QCborValue &item : *array) {
            if (tag == CborTags::GeometryMultiPolygon) {
                auto rings = linesFromCbor(item, CborTags::GeometryPolygon, error);
                if (!rings)
                    return std::nullopt;
                polygons.append(std::move(*rings));
            } else {
                QString itemError;
                auto g = fromCbor(item, &itemError);
                if (!g) {
                    setError(error, QStringLiteral("tag 94 (collection): ") + itemError);
                    return std::nullopt;
                }
                geometries.append(std::move(*g));
            }
        }
        return tag == CborTags::GeometryMultiPolygon ? multiPolygon(std::move(polygons))
                                                     : collection(std::move(geometries));
    }
    default:
        break;
    }
    setError(error, QStringLiteral("expected a geometry (tags 88-94)"));
    return std::nullopt;
}

std::optional<Geometry> Geometry::fromGeoJson(const QCborMap &object, QString *error)
{
    const QString type = object.value(QStringLiteral("type")).toString();
    const QCborValue coordinates = object.value(QStringLiteral("coordinates"));
    std::optional<Geometry> result;
    if (type == u"Point") {
        if (const auto p = pointFromJson(coordinates))
            result = point(*p);
    } else if (type == u"LineString" || type == u"MultiPoint") {
        if (auto line = lineFromJson(coordinates)) {
            result = type == u"LineString" ? lineString(std::move(*line))
                                           : multiPoint(std::move(*line));
        }
    } else if (type == u"Polygon") {
        if (auto rings = polygonFromJson(coordinates))
            result = polygon(std::move(*rings));
    } else if (type == u"MultiLineString") {
        if (coordinates.isArray()) {
            QList<Line> lines;
            bool ok = true;
            for (const QCborValue &item : coordinates.toArray()) {
                const auto line = lineFromJson(item);
                ok = ok && line.has_value();
                if (line)
                    lines.append(*line);
            }
            if (ok)
                result = multiLineString(std::move(lines));
        }
    } else if (type == u"MultiPolygon") {
        if (coordinates.isArray()) {
            QList<Polygon> polygons;
            bool ok = true;
            for (const QCborValue &item : coordinates.toArray()) {
                const auto rings = polygonFromJson(item);
                ok = ok && rings.has_value();
                if (rings)
                    polygons.append(*rings);
            }
            if (ok)
                result = multiPolygon(std::move(polygons));
        }
    } else if (type == u"GeometryCollection") {
        const QCborValue items = object.value(QStringLiteral("geometries"));
        if (items.isArray()) {
            QList<Geometry> geometries;
            bool ok = true;
            for (const QCborValue &item : items.toArray()) {
                // GeoJSON objects, or geometries already (the SurrealQL reader converts the
                // inner objects first).
                const auto g = item.isMap() ? fromGeoJson(item.toMap(), error)
                                            : fromCbor(item, error);
                ok = ok && g.has_value();
                if (g)
                    geometries.append(*g);
            }
            if (ok)
                result = collection(std::move(geometries));
        }
    }
    if (!result)
        setError(error, QStringLiteral("invalid GeoJSON geometry of type \"%1\"").arg(type));
    return result;
}

QString Geometry::toSurql() const
{
    if (m_kind == Kind::Point) {
        const GeoPoint p = pointValue();
        return u'(' + SurqlText::formatCoordinate(p.longitude) + u", "
               + SurqlText::formatCoordinate(p.latitude) + u')';
    }
    return geoJsonSurql(*this);
}

QCborMap Geometry::toGeoJson() const
{
    QCborMap map;
    map.insert(QStringLiteral("type"), typeName());
    switch (m_kind) {
    case Kind::Point:
        map.insert(QStringLiteral("coordinates"), pointToJson(pointValue()));
        break;
    case Kind::LineString:
    case Kind::MultiPoint:
        map.insert(QStringLiteral("coordinates"), lineToJson(m_points));
        break;
    case Kind::Polygon:
    case Kind::MultiLineString:
        map.insert(QStringLiteral("coordinates"), polygonToJson(m_lines));
        break;
    case Kind::MultiPolygon: {
        QCborArray array;
        for (const Polygon &polygon : m_polygons)
            array.append(polygonToJson(polygon));
        map.insert(QStringLiteral("coordinates"), array);
        break;
    }
    case Kind::Collection: {
        QCborArray array;
        for (const Geometry &g : m_geometries)
            array.append(g.toGeoJson());
        map.insert(QStringLiteral("geometries"), array);
        break;
    }
    }
    return map;
}

QCborValue Geometry::toCbor() const
{
    switch (m_kind) {
    case Kind::Point:
        return pointToCbor(pointValue());
    case Kind::LineString:
    case Kind::MultiPoint:
        return lineToCbor(m_points, tagOf(m_kind));
    case Kind::Polygon:
        return polygonToCbor(m_lines);
    case Kind::MultiLineString: {
        QCborArray array;
        for (const Line &line : m_lines)
            array.append(lineToCbor(line));
        return QCborValue(QCborTag(CborTags::GeometryMultiLine), array);
    }
    case Kind::MultiPolygon: {
        QCborArray array;
        for (const Polygon &polygon : m_polygons)
            array.append(polygonToCbor(polygon));
        return QCborValue(QCborTag(CborTags::GeometryMultiPolygon), array);
    }
    case Kind::Collection:
        break;
    }
    QCborArray array;
    for (const Geometry &g : m_geometries)
        array.append(g.toCbor());
    return QCborValue(QCborTag(CborTags::GeometryCollection), array);
}

bool operator==(const Geometry &a, const Geometry &b)
{
    return a.kind() == b.kind() && a.points() == b.points() && a.lines() == b.lines()
           && a.polygons() == b.polygons() && a.geometries() == b.geometries();
}

QDebug operator<<(QDebug debug, const Geometry &value)
{
    const QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "Geometry(" << value.toSurql() << ')';
    return debug;
}

} // namespace SurrealQt
