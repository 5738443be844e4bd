/** PostgreSQL facilities the services share beyond plain JDBC: waking on LISTEN/NOTIFY. */
package io.streamvane.platform.postgres;
