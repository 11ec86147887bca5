#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborMap>
#include <QtCore/QCborValue>
#include <QtCore/QDebug>
#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QPointF>
#include <QtCore/QString>

#include <optional>

namespace SurrealQt {

// A longitude/latitude pair, compared exactly (QPointF compares fuzzily).
struct GeoPoint
{
    double longitude = 0;
    double latitude = 0;

    QPointF toPointF() const { return {longitude, latitude}; }
    static GeoPoint fromPointF(QPointF point) { return {point.x(), point.y()}; }
    friend bool operator==(const GeoPoint &, const GeoPoint &) = default;
};

// A SurrealDB geometry: one of the seven GeoJSON kinds. SurrealQL prints a point as (lon, lat)
// and the others as GeoJSON objects; JSON is GeoJSON. On the wire: tags 88-94, every nested
// point, line and polygon carrying its own tag (a line is 89([88([x, y]), ...])).
class SURREALQT_CORE_EXPORT Geometry
{
public:
    enum class Kind {
        Point,
        LineString,
        Polygon,
        MultiPoint,
        MultiLineString,
        MultiPolygon,
        Collection,
    };

    using Line = QList<GeoPoint>;
    using Polygon = QList<Line>; // exterior ring, then interior rings

    Geometry() = default; // the point (0, 0)

    static Geometry point(double longitude, double latitude);
    static Geometry point(GeoPoint point);
    static Geometry lineString(Line points);
    static Geometry polygon(Polygon rings);
    static Geometry multiPoint(QList<GeoPoint> points);
    static Geometry multiLineString(QList<Line> lines);
    static Geometry multiPolygon(QList<Polygon> polygons);
    static Geometry collection(QList<Geometry> geometries);

    static std::optional<Geometry> fromCbor(const QCborValue &value, QString *error = nullptr);
    // {type: "Point", coordinates: [1, 2]} and the like ("GeometryCollection" with "geometries").
    static std::optional<Geometry> fromGeoJson(const QCborMap &object, QString *error = nullptr);

    Kind kind() const { return m_kind; }
    // The GeoJSON type name: Point, LineString, ..., GeometryCollection.
    QString typeName() const;

    // Point: the point (the first of points()).
    GeoPoint pointValue() const { return m_points.value(0); }
    // LineString, MultiPoint (and Point: one point).
    const QList<GeoPoint> &points() const { return m_points; }
    // Polygon: its rings; MultiLineString: its lines.
    const QList<Line> &lines() const { return m_lines; }
    // MultiPolygon.
    const QList<Polygon> &polygons() const { return m_polygons; }
    // Collection.
    const QList<Geometry> &geometries() const { return m_geometries; }

    // (lon, lat) for a point, a GeoJSON object for the others.
    QString toSurql() const;
    // GeoJSON: {type, coordinates} or {type: "GeometryCollection", geometries}.
    QCborMap toGeoJson() const;
    QCborValue toCbor() const;

private:
    Kind m_kind = Kind::Point;
    QList<GeoPoint> m_points{GeoPoint{}};
    QList<Line> m_lines;
    QList<Polygon> m_polygons;
    QList<Geometry> m_geometries;
};

// Exact comparison of kind and coordinates.
SURREALQT_CORE_EXPORT bool operator==(const Geometry &a, const Geometry &b);
SURREALQT_CORE_EXPORT QDebug operator<<(QDebug debug, const Geometry &value);

} // namespace SurrealQt

Q_DECLARE_METATYPE(SurrealQt::Geometry)
