package io.streamvane.egress.odata;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeException;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.commons.core.edm.primitivetype.EdmPrimitiveTypeFactory;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitor;
import org.apache.olingo.server.api.uri.queryoption.expression.Literal;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.apache.olingo.server.api.uri.queryoption.expression.MethodKind;
import org.apache.olingo.server.api.uri.queryoption.expression.UnaryOperatorKind;

/**
 * Translates a {@code $filter} into a parameterised SQL condition: comparisons (eq, ne, gt, ge, lt, le), and, or,
 * not over properties and literals. Values are bound as parameters, never written into the SQL; property names come
 * from the entity set's own column list. Anything else is answered 501; a tree of more than
 * {@link QueryBounds#MAX_FILTER_NODES} nodes 400, before the recursive translation starts.
 */
final class SqlFilter implements ExpressionVisitor<String> {

    private static final String NULL = "NULL";

    private final ODataEntitySet set;
    private final List<Object> params = new ArrayList<>();

    private SqlFilter(ODataEntitySet set) {
        this.set = set;
    }

    record Condition(String sql, List<Object> params) {
    }

    /** @throws ODataApplicationException 400 for a tree over the node bound or a bad value, 501 for the unsupported */
    static Condition translate(ODataEntitySet set, Expression expression) throws ODataApplicationException {
        QueryBounds.checkFilter(expression);
        SqlFilter visitor = new SqlFilter(set);
        try {
            return new Condition(expression.accept(visitor), List.copyOf(visitor.params));
        } catch (org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitException e) {
            throw new ODataApplicationException("cannot read $filter: " + e.getMessage(),
                    HttpStatusCode.BAD_REQUEST.getStatusCode(), Locale.ROOT);
        }
    }

    @Override
    public String visitBinaryOperator(BinaryOperatorKind op, String left, String right)
            throws ODataApplicationException {
        return switch (op) {
            case AND -> "(" + left + " AND " + right + ")";
            case OR -> "(" + left + " OR " + right + ")";
            case EQ -> NULL.equals(right) ? "(" + left + " IS NULL)" : "(" + left + " = " + right + ")";
            case NE -> NULL.equals(right) ? "(" + left + " IS NOT NULL)" : "(" + left + " <> " + right + ")";
            case GT -> "(" + left + " > " + right + ")";
            case GE -> "(" + left + " >= " + right + ")";
            case LT -> "(" + left + " < " + right + ")";
            case LE -> "(" + left + " <= " + right + ")";
            default -> throw unsupported("operator " + op);
        };
    }

    @Override
    public String visitBinaryOperator(BinaryOperatorKind op, String left, List<String> right)
            throws ODataApplicationException {
        if (op == BinaryOperatorKind.IN) {
            return "(" + left + " IN (" + String.join(", ", right) + "))";
        }
        throw unsupported("operator " + op);
    }

    @Override
    public String visitUnaryOperator(UnaryOperatorKind op, String operand) throws ODataApplicationException {
        if (op == UnaryOperatorKind.NOT) {
            return "(NOT " + operand + ")";
        }
        throw unsupported("operator " + op);
    }

    @Override
    public String visitLiteral(Literal literal) throws ODataApplicationException {
        String text = literal.getText();
        EdmType type = literal.getType();
        if (type == null || "null".equals(text)) {
            return NULL;
        }
        params.add(value(text, type));
        return "?";
    }

    private static Object value(String text, EdmType type) throws ODataApplicationException {
        try {
            EdmPrimitiveType p = (EdmPrimitiveType) type;
            if (p == prim(EdmPrimitiveTypeKind.String)) {
                return p.valueOfString(p.fromUriLiteral(text), null, null, null, null, null, String.class);
            }
            if (p == prim(EdmPrimitiveTypeKind.DateTimeOffset) || p == prim(EdmPrimitiveTypeKind.Date)) {
                return p.valueOfString(text, null, null, 12, null, null, Timestamp.class);
            }
            if (p == prim(EdmPrimitiveTypeKind.Boolean)) {
                return Boolean.valueOf(text);
            }
            if (p == prim(EdmPrimitiveTypeKind.Double) || p == prim(EdmPrimitiveTypeKind.Single)
                    || p == prim(EdmPrimitiveTypeKind.Decimal)) {
                return new BigDecimal(text);
            }
            return Long.valueOf(p.valueOfString(text, null, null, null, null, null, Long.class));
        } catch (EdmPrimitiveTypeException | ClassCastException | NumberFormatException e) {
            throw new ODataApplicationException("unsupported literal " + text,
                    HttpStatusCode.BAD_REQUEST.getStatusCode(), Locale.ROOT);
        }
    }

    private static EdmPrimitiveType prim(EdmPrimitiveTypeKind kind) {
        return EdmPrimitiveTypeFactory.getInstance(kind);
    }

    @Override
    public String visitMember(Member member) throws ODataApplicationException {
        List<UriResource> parts = member.getResourcePath().getUriResourceParts();
        if (parts.size() != 1 || !(parts.get(0) instanceof UriResourcePrimitiveProperty p)) {
            throw unsupported("member " + member);
        }
        String name = p.getProperty().getName();
        ODataColumn column = set.column(name).orElseThrow(() -> unsupported("property " + name));
        if (column.isDerived()) {
            throw unsupported("filtering or sorting on the derived property " + name
                    + " (filter on its additive components instead)");
        }
        return column.sql();
    }

    @Override
    public String visitMethodCall(MethodKind method, List<String> parameters) throws ODataApplicationException {
        throw unsupported("function " + method);
    }

    @Override
    public String visitLambdaExpression(String kind, String variable, Expression expression)
            throws ODataApplicationException {
        throw unsupported("lambda " + kind);
    }

    @Override
    public String visitAlias(String alias) throws ODataApplicationException {
        throw unsupported("alias " + alias);
    }

    @Override
    public String visitTypeLiteral(EdmType type) throws ODataApplicationException {
        throw unsupported("type literal");
    }

    @Override
    public String visitLambdaReference(String variable) throws ODataApplicationException {
        throw unsupported("lambda reference");
    }

    @Override
    public String visitEnum(EdmEnumType type, List<String> values) throws ODataApplicationException {
        throw unsupported("enum");
    }

    static ODataApplicationException unsupported(String what) {
        return new ODataApplicationException("not supported: " + what, HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(),
                Locale.ROOT);
    }
}
