package io.streamvane.simulator.api;

/** Anything a query filter or groupBy can look at; null when the dimension does not apply. */
interface Dimensioned {

    String dimension(String name);
}
