/** The one-command demo: the built-in contact-center simulator feeding this app, and a fake Genesys API beside it. */
package io.streamvane.standalone.demo;
