/** The one wall clock every Streamvane service reads time from, as a bean a test can replace. */
package io.streamvane.platform.time;
