package io.streamvane.platform.kpi;

/**
 * Declared as a bean by the service whose projection the KPI settings shape (the engine): at start-up it may
 * replace stored settings that differ from its configuration, where every other service refuses to start.
 */
public final class KpiSettingsOwner {
}
