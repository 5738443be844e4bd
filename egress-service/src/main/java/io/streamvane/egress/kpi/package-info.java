/** The KPI settings egress applies: the shared ServiceLevelPolicy built from configuration and the store. */
package io.streamvane.egress.kpi;
