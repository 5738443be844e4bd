#!/usr/bin/env python3
"""Generates deploy/grafana/streamvane.json (python3 deploy/grafana/generate-dashboard.py > deploy/grafana/streamvane.json).
Queries only series the services emit: deploy-tests' ObservabilityTest fails on a streamvane_* series missing from
the root README's Metrics table (the list standalone's scrape test checks against a real /actuator/prometheus)."""
import json
DS = {"type": "prometheus", "uid": "${DS_PROMETHEUS}"}
SEL = 'namespace=~"$namespace"'
panels = []
def panel(title, exprs, unit="short", kind="timeseries", w=12, h=8, desc=""):
    pid = len(panels) + 1
    x = 0 if sum(p["gridPos"]["w"] for p in panels) % 24 == 0 else 12
    y = (sum(p["gridPos"]["w"] for p in panels) // 24) * 8
    if w == 24: x = 0
    targets = [{"datasource": DS, "expr": e, "legendFormat": l, "refId": chr(65 + i)} for i, (e, l) in enumerate(exprs)]
    panels.append({"id": pid, "type": kind, "title": title, "description": desc, "datasource": DS,
                   "gridPos": {"h": h, "w": w, "x": x, "y": y},
                   "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
                   "options": {"legend": {"displayMode": "table", "placement": "bottom"}} if kind == "timeseries" else {},
                   "targets": targets})
panel("Ingest rate by outcome", [(f'sum by (outcome) (rate(streamvane_ingress_events_total{{{SEL}}}[$__rate_interval]))', "{{outcome}}")], "ops",
      desc="streamvane.ingress.events: accepted, duplicate, rejected, late (late also counts as accepted)")
panel("Ingest rate by transport", [(f'sum by (transport) (rate(streamvane_ingress_events_total{{{SEL},outcome="accepted"}}[$__rate_interval]))', "{{transport}}")], "ops")
panel("Duplicate ratio", [(f'sum(rate(streamvane_ingress_events_total{{{SEL},outcome="duplicate"}}[$__rate_interval])) / clamp_min(sum(rate(streamvane_ingress_events_total{{{SEL}}}[$__rate_interval])), 1e-9)', "duplicates")], "percentunit")
panel("Rejects by reason", [(f'sum by (reason, transport) (rate(streamvane_ingress_events_total{{{SEL},outcome="rejected"}}[$__rate_interval]))', "{{transport}} {{reason}}")], "ops")
panel("Event lag p50 / p95 / p99 (receive time - event time)", [
    (f'histogram_quantile(0.5, sum by (le) (rate(streamvane_ingress_lag_seconds_bucket{{{SEL}}}[$__rate_interval])))', "p50"),
    (f'histogram_quantile(0.95, sum by (le) (rate(streamvane_ingress_lag_seconds_bucket{{{SEL}}}[$__rate_interval])))', "p95"),
    (f'histogram_quantile(0.99, sum by (le) (rate(streamvane_ingress_lag_seconds_bucket{{{SEL}}}[$__rate_interval])))', "p99")], "s")
panel("Items per ingested body (mean)", [(f'sum by (transport) (rate(streamvane_ingress_batch_size_items_sum{{{SEL}}}[$__rate_interval])) / clamp_min(sum by (transport) (rate(streamvane_ingress_batch_size_items_count{{{SEL}}}[$__rate_interval])), 1e-9)', "{{transport}}")])
panel("Service Bus messages by settlement", [(f'sum by (disposition) (rate(streamvane_ingress_servicebus_messages_total{{{SEL}}}[$__rate_interval]))', "{{disposition}}"),
      (f'sum(rate(streamvane_ingress_servicebus_settlement_failures_total{{{SEL}}}[$__rate_interval]))', "settlement failures"),
      (f'sum(rate(streamvane_ingress_servicebus_processor_errors_total{{{SEL}}}[$__rate_interval]))', "processor errors")], "ops")
panel("Engine inbox backlog", [(f'sum(streamvane_engine_inbox_backlog{{{SEL}}})', "events waiting")], "short",
      desc="Accepted events not yet projected (engine_inbox rows)")
panel("Engine projection latency p50 / p95 / p99 (accepted -> projected)", [
    (f'histogram_quantile({q}, sum by (le) (rate(streamvane_engine_projection_latency_seconds_bucket{{{SEL}}}[$__rate_interval])))', f"p{round(q * 100)}")
    for q in (0.5, 0.95, 0.99)], "s")
panel("Sink backlog by sink", [(f'sum by (sink) (streamvane_sink_backlog{{{SEL}}})', "{{sink}} pending"),
      (f'sum by (sink) (streamvane_sink_cursor_lag{{{SEL}}})', "{{sink}} not taken over"),
      (f'sum by (sink) (streamvane_sink_dead_letters{{{SEL}}})', "{{sink}} dead-lettered")], "short",
      desc="streamvane.sink.backlog (deliveries waiting), streamvane.sink.cursor.lag (change-log rows not yet taken over), streamvane.sink.dead.letters (awaiting an operator)")
panel("Sink delivery failures by sink", [(f'sum by (sink, kind) (rate(streamvane_sink_delivery_failures_total{{{SEL}}}[$__rate_interval]))', "{{sink}} {{kind}}")], "ops",
      desc="streamvane.sink.delivery.failures: retry (will be retried), rejected (refused by the destination), dead_lettered (retries exhausted)")
panel("Genesys API budget used", [(f'max(streamvane_scheduler_genesys_budget_used{{{SEL}}})', "used")], "percentunit", desc="Share of the Genesys API rate budget used (0-1)")
panel("Readiness by service (pods UP)", [(f'sum by (service) (up{{{SEL},service=~".*streamvane.*-metrics"}})', "{{service}}")], "short")
panel("JVM heap used by service", [(f'sum by (application) (jvm_memory_used_bytes{{{SEL},area="heap"}})', "{{application}}")], "bytes")
panel("HTTP 5xx rate by service", [(f'sum by (application) (rate(http_server_requests_seconds_count{{{SEL},status=~"5.."}}[$__rate_interval]))', "{{application}}")], "ops", w=24)
dashboard = {
  "__inputs": [{"name": "DS_PROMETHEUS", "label": "Prometheus", "type": "datasource", "pluginId": "prometheus", "pluginName": "Prometheus"}],
  "title": "Streamvane", "uid": "streamvane-overview", "tags": ["streamvane", "genesys", "kpi"],
  "timezone": "browser", "schemaVersion": 39, "version": 1, "editable": True,
  "time": {"from": "now-6h", "to": "now"}, "refresh": "30s",
  "templating": {"list": [
    {"name": "DS_PROMETHEUS", "type": "datasource", "query": "prometheus", "label": "Prometheus"},
    {"name": "namespace", "type": "query", "datasource": DS, "label": "Namespace",
     "query": {"query": "label_values(streamvane_ingress_events_total, namespace)", "refId": "ns"},
     "definition": "label_values(streamvane_ingress_events_total, namespace)",
     "includeAll": True, "multi": True, "allValue": ".*", "refresh": 2}]},
  "panels": panels,
}
print(json.dumps(dashboard, indent=2))
