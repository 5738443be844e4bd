/** Optional legacy Power BI push-dataset sink (no new push models after 2027-10-31): batched within the API limits. */
package io.streamvane.egress.powerbi;
