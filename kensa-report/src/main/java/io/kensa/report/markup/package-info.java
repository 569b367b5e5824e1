/** Text made safe for markup (XML, HTML): characters those formats cannot carry are replaced. */
package io.kensa.report.markup;
