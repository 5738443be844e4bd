package io.streamvane.egress.odata;

import io.streamvane.egress.intervals.QueueIntervals;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.EntityCollection;
import org.apache.olingo.commons.api.data.Property;
import org.apache.olingo.commons.api.data.ValueType;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.EntityCollectionProcessor;
import org.apache.olingo.server.api.serializer.EntityCollectionSerializerOptions;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads an entity set: {@code $filter} and {@code $orderby} (property names only) become SQL (values bound as
 * parameters), {@code $skip} and {@code $top} an offset and limit, {@code $count} a count over the same condition,
 * {@code $select} a narrower response. At most {@code maxPageSize} entities per response; the rest follow through
 * {@code @odata.nextLink}, which repeats the request with {@code $skiptoken} = entities already returned.
 * QueueIntervals are read through the one reader of queue interval rows, so their finality and KPIs are those of every
 * other surface; the other sets straight from their relation.
 */
final class IntervalCollectionProcessor implements EntityCollectionProcessor {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final QueueIntervals intervals;
    private final StreamvaneEdm edm;
    private final int maxPageSize;
    private OData odata;
    private ServiceMetadata metadata;

    IntervalCollectionProcessor(JdbcClient jdbc, JdbcTemplate jdbcTemplate, QueueIntervals intervals,
            StreamvaneEdm edm, int maxPageSize) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.intervals = intervals;
        this.edm = edm;
        this.maxPageSize = maxPageSize;
    }

    @Override
    public void init(OData odata, ServiceMetadata metadata) {
        this.odata = odata;
        this.metadata = metadata;
    }

    @Override
    public void readEntityCollection(ODataRequest request, ODataResponse response, UriInfo uriInfo,
            ContentType format) throws ODataApplicationException, ODataLibraryException {
        List<UriResource> path = uriInfo.getUriResourceParts();
        if (path.size() != 1 || !(path.get(0) instanceof UriResourceEntitySet resource)) {
            throw SqlFilter.unsupported("navigation");
        }
        EdmEntitySet edmSet = resource.getEntitySet();
        ODataEntitySet set = edm.set(edmSet.getName()).orElseThrow(() -> SqlFilter.unsupported(edmSet.getName()));

        String condition = "";
        List<Object> params = new ArrayList<>();
        if (uriInfo.getFilterOption() != null) {
            SqlFilter.Condition c = SqlFilter.translate(set, uriInfo.getFilterOption().getExpression());
            condition = c.sql();
            params.addAll(c.params());
        }
        String where = condition.isEmpty() ? "" : " WHERE " + condition;
        String order = orderBy(set, uriInfo) + set.defaultOrder();
        int skip = nonNegative(uriInfo.getSkipOption() == null ? 0 : uriInfo.getSkipOption().getValue(), "$skip");
        Integer top = uriInfo.getTopOption() == null ? null
                : nonNegative(uriInfo.getTopOption().getValue(), "$top");
        int already = uriInfo.getSkipTokenOption() == null ? 0 : skipToken(uriInfo.getSkipTokenOption().getValue());
        int want = top == null ? maxPageSize : Math.max(0, Math.min(maxPageSize, top - already));

        long offset = (long) skip + already;
        List<Map<String, Object>> rows;
        if (set.name().equals(StreamvaneEdm.QUEUE_INTERVALS)) {
            String filter = condition;
            rows = intervals.query(jdbcTemplate, read -> read.baseRows(filter, params, order, want + 1,
                    offset)).stream().map(QueueIntervalEntity::properties).toList();
        } else {
            String columns = String.join(", ", set.columns().stream().filter(c -> !c.isDerived())
                    .map(c -> c.sql() + " AS \"" + c.name() + "\"").toList());
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(want + 1);
            pageParams.add(offset);
            rows = jdbc.sql("SELECT " + columns + " FROM " + set.from() + where
                            + " ORDER BY " + order + " LIMIT ? OFFSET ?")
                    .params(pageParams)
                    .query((rs, i) -> row(set, rs))
                    .list();
        }
        // A $top already met ends the feed even if the store holds more.
        boolean more = rows.size() > want && (top == null || already + want < top);
        if (rows.size() > want) {
            rows = rows.subList(0, want);
        }

        EntityCollection collection = new EntityCollection();
        for (Map<String, Object> row : rows) {
            Entity e = new Entity();
            for (ODataColumn c : set.columns()) {
                e.addProperty(new Property(null, c.name(), ValueType.PRIMITIVE, row.get(c.name())));
            }
            collection.getEntities().add(e);
        }
        if (uriInfo.getCountOption() != null && uriInfo.getCountOption().getValue()) {
            collection.setCount(jdbc.sql("SELECT count(*) FROM " + set.from() + where).params(params)
                    .query(Integer.class).single());
        }
        if (more) {
            collection.setNext(nextLink(request, already + rows.size()));
        }

        var serializer = odata.createSerializer(format);
        String selectList = odata.createUriHelper().buildContextURLSelectList(edmSet.getEntityType(), null,
                uriInfo.getSelectOption());
        ContextURL context = ContextURL.with().entitySet(edmSet).selectList(selectList).build();
        var options = EntityCollectionSerializerOptions.with()
                .id(request.getRawBaseUri() + "/" + edmSet.getName())
                .contextURL(context)
                .select(uriInfo.getSelectOption())
                .count(uriInfo.getCountOption())
                .build();
        var result = serializer.entityCollection(metadata, edmSet.getEntityType(), collection, options);
        response.setContent(result.getContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }

    private static Map<String, Object> row(ODataEntitySet set, ResultSet rs)
            throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (ODataColumn c : set.columns()) {
            if (c.isDerived()) {
                continue;
            }
            Object v = rs.getObject(c.name());
            if (c.type() == EdmPrimitiveTypeKind.DateTimeOffset && v != null) {
                v = rs.getTimestamp(c.name());
            } else if (c.type() == EdmPrimitiveTypeKind.Int64 && v instanceof Number n) {
                v = n.longValue();
            }
            row.put(c.name(), v);
        }
        set.deriver().derive(row);
        return row;
    }

    private static String orderBy(ODataEntitySet set, UriInfo uriInfo) throws ODataApplicationException {
        if (uriInfo.getOrderByOption() == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (OrderByItem item : uriInfo.getOrderByOption().getOrders()) {
            // Only a property: a literal would become a bound parameter the ORDER BY has no place for.
            if (!(item.getExpression() instanceof Member)) {
                throw new ODataApplicationException("not supported in $orderby: " + item.getExpression()
                        + " (sort by a property name, asc or desc)", HttpStatusCode.BAD_REQUEST.getStatusCode(),
                        Locale.ROOT);
            }
            String column = SqlFilter.translate(set, item.getExpression()).sql();
            b.append(column).append(item.isDescending() ? " DESC" : " ASC").append(", ");
        }
        return b.toString();
    }

    private static int nonNegative(int value, String option) throws ODataApplicationException {
        if (value < 0) {
            throw new ODataApplicationException(option + " must not be negative",
                    HttpStatusCode.BAD_REQUEST.getStatusCode(), Locale.ROOT);
        }
        return value;
    }

    private static int skipToken(String token) throws ODataApplicationException {
        try {
            return nonNegative(Integer.parseInt(token), "$skiptoken");
        } catch (NumberFormatException e) {
            throw new ODataApplicationException("invalid $skiptoken", HttpStatusCode.BAD_REQUEST.getStatusCode(),
                    Locale.ROOT);
        }
    }

    private static URI nextLink(ODataRequest request, int returned) {
        String query = request.getRawQueryPath() == null ? "" : request.getRawQueryPath();
        List<String> kept = new ArrayList<>();
        for (String part : query.split("&")) {
            if (!part.isEmpty() && !part.startsWith("$skiptoken=") && !part.startsWith("%24skiptoken=")) {
                kept.add(part);
            }
        }
        kept.add("$skiptoken=" + returned);
        return URI.create(request.getRawBaseUri() + request.getRawODataPath() + "?" + String.join("&", kept));
    }

}
