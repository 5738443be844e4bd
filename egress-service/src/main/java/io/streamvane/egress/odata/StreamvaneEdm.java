package io.streamvane.egress.odata;

import static io.streamvane.egress.odata.ODataColumn.derived;
import static io.streamvane.egress.odata.ODataColumn.of;
import static org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind.Boolean;
import static org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind.Date;
import static org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind.DateTimeOffset;
import static org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind.Double;
import static org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind.Int64;
import static org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind.String;

import io.streamvane.model.kpi.QueueMetric;
import io.streamvane.model.kpi.AgentComponents;
import io.streamvane.model.kpi.AgentMetric;
import io.streamvane.model.kpi.DerivedKpis;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.ServiceLevelSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainer;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainerInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;

/**
 * The OData model: QueueIntervals and AgentIntervals (stored base rows, the REST rows in the same camelCase), Queues
 * and Agents. Derived KPIs come from {@link DerivedKpis} and {@link AgentComponents#occupancy}, never from SQL; QueueIntervals' from the
 * one reader of queue interval rows ({@link QueueIntervalEntity}), the SQL columns here serving {@code $filter} and
 * {@code $orderby}.
 */
final class StreamvaneEdm extends CsdlAbstractEdmProvider {

    static final String NAMESPACE = "Streamvane";
    static final String QUEUE_INTERVALS = "QueueIntervals";
    static final FullQualifiedName CONTAINER = new FullQualifiedName(NAMESPACE, "Container");

    private final List<ODataEntitySet> sets;

    StreamvaneEdm() {
        this.sets = List.of(queueIntervals(), agentIntervals(), agentQueueIntervals(), queues(), agents());
    }

    Optional<ODataEntitySet> set(String name) {
        return sets.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static ODataEntitySet queueIntervals() {
        List<ODataColumn> cols = new ArrayList<>(List.of(of("queueId", "queue_id", String),
                of("mediaType", "media_type", String), of("intervalStart", "interval_start", DateTimeOffset),
                of("intervalEnd", "interval_end", DateTimeOffset)));
        // The metric catalogue: stored components filter and sort on their column, ratios are derived per row.
        for (QueueMetric m : QueueMetric.values()) {
            cols.add(m.stored() ? of(m.field(), m.column(), Int64)
                    : derived(m.field(), m.kind() == QueueMetric.Kind.DERIVED_COUNT ? Int64 : Double));
        }
        cols.addAll(List.of(of("final", "is_final", Boolean), of("revision", "revision", Int64)));
        // The queue's site time zone and the row's local date in it (a BI date table joins on the site's day), and
        // the threshold and target its service level is judged by.
        cols.addAll(List.of(derived("timeZone", String), derived("intervalDate", Date),
                derived("slThresholdSeconds"), derived("slTarget")));
        return new ODataEntitySet(QUEUE_INTERVALS, "QueueInterval", "queue_interval_effective", cols,
                List.of("queueId", "mediaType", "intervalStart"), row -> { });
    }

    private static ODataEntitySet agentIntervals() {
        List<ODataColumn> cols = new ArrayList<>(List.of(of("userId", "user_id", String),
                of("intervalStart", "interval_start", DateTimeOffset),
                of("intervalEnd", "interval_end", DateTimeOffset)));
        for (AgentMetric m : AgentMetric.values()) {
            cols.add(of(m.field(), m.column(), Int64));
        }
        cols.addAll(List.of(derived("ahtSeconds"), derived("occupancy"), derived("utilization"),
                of("final", "is_final", Boolean),
                of("revision", "revision", Int64)));
        return new ODataEntitySet("AgentIntervals", "AgentInterval", "agent_interval", cols,
                List.of("userId", "intervalStart"), row -> {
                    IntervalComponents c = IntervalComponents.builder().handled((Long) row.get("handled"))
                            .handleMs((Long) row.get("handleMs")).build();
                    row.put("ahtSeconds", DerivedKpis.of(c, ServiceLevelSettings.DEFAULTS).ahtSeconds());
                    AgentComponents components = AgentComponents.read(m -> (Long) row.get(m.field()));
                    row.put("occupancy", components.occupancy());
                    row.put("utilization", components.utilization());
                });
    }

    /** An agent's work per queue and media: the catalogue's components that an agent's own events complete. */
    private static ODataEntitySet agentQueueIntervals() {
        List<ODataColumn> cols = new ArrayList<>(List.of(of("userId", "user_id", String),
                of("queueId", "queue_id", String), of("mediaType", "media_type", String),
                of("intervalStart", "interval_start", DateTimeOffset),
                of("intervalEnd", "interval_end", DateTimeOffset)));
        for (QueueMetric m : QueueMetric.agentComponents()) {
            cols.add(of(m.field(), m.column(), Int64));
        }
        cols.addAll(List.of(derived("ahtSeconds"), of("final", "is_final", Boolean),
                of("revision", "revision", Int64)));
        return new ODataEntitySet("AgentQueueIntervals", "AgentQueueInterval", "agent_queue_interval", cols,
                List.of("userId", "queueId", "mediaType", "intervalStart"), row -> {
                    IntervalComponents c = IntervalComponents.builder().handled((Long) row.get("handled"))
                            .handleMs((Long) row.get("handleMs")).build();
                    row.put("ahtSeconds", DerivedKpis.of(c, ServiceLevelSettings.DEFAULTS).ahtSeconds());
                });
    }

    private static ODataEntitySet queues() {
        return new ODataEntitySet("Queues", "Queue", "queue",
                List.of(of("queueId", "queue_id", String), of("name", "name", String),
                        of("divisionId", "division_id", String)),
                List.of("queueId"), row -> { });
    }

    private static ODataEntitySet agents() {
        return new ODataEntitySet("Agents", "Agent", "app_user",
                List.of(of("userId", "user_id", String), of("name", "name", String), of("email", "email", String),
                        of("divisionId", "division_id", String)),
                List.of("userId"), row -> { });
    }

    @Override
    public CsdlEntityType getEntityType(FullQualifiedName name) {
        return sets.stream().filter(s -> s.typeName().equals(name.getName()) && NAMESPACE.equals(name.getNamespace()))
                .findFirst().map(StreamvaneEdm::entityType).orElse(null);
    }

    private static CsdlEntityType entityType(ODataEntitySet set) {
        List<CsdlProperty> properties = set.columns().stream()
                .map(c -> new CsdlProperty().setName(c.name()).setType(c.type().getFullQualifiedName())
                        .setNullable(c.isDerived() || !set.key().contains(c.name()))
                        .setPrecision(c.type() == DateTimeOffset ? 3 : null))
                .toList();
        return new CsdlEntityType().setName(set.typeName()).setProperties(properties)
                .setKey(set.key().stream().map(k -> new CsdlPropertyRef().setName(k)).toList());
    }

    @Override
    public CsdlEntitySet getEntitySet(FullQualifiedName container, String name) {
        if (!CONTAINER.equals(container)) {
            return null;
        }
        return set(name).map(s -> new CsdlEntitySet().setName(s.name())
                .setType(new FullQualifiedName(NAMESPACE, s.typeName()))).orElse(null);
    }

    @Override
    public CsdlEntityContainer getEntityContainer() {
        return new CsdlEntityContainer().setName(CONTAINER.getName())
                .setEntitySets(sets.stream().map(s -> getEntitySet(CONTAINER, s.name())).toList());
    }

    @Override
    public CsdlEntityContainerInfo getEntityContainerInfo(FullQualifiedName name) {
        return name == null || CONTAINER.equals(name) ? new CsdlEntityContainerInfo().setContainerName(CONTAINER) : null;
    }

    @Override
    public List<CsdlSchema> getSchemas() {
        return List.of(new CsdlSchema().setNamespace(NAMESPACE)
                .setEntityTypes(sets.stream().map(StreamvaneEdm::entityType).toList())
                .setEntityContainer(getEntityContainer()));
    }

}
