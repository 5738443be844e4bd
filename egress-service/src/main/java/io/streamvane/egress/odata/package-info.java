/** The OData v4 feed at /odata/ (Apache Olingo) over the interval rows and dimensions, for Power BI's OData.Feed. */
package io.streamvane.egress.odata;
