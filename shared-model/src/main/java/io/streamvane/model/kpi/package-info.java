/**
 * The KPI definitions of SPEC §2 as pure functions: bucketing, additive interval components, what each event
 * contributes, agent segments and their moves, derived KPIs, service-level policy, agent status time, roll-up,
 * finality and the wallboard's alert levels; every module calls these instead of restating a formula.
 */
package io.streamvane.model.kpi;
