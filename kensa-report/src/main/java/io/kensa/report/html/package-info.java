/** The self-contained HTML report ({@code --format html}). */
package io.kensa.report.html;
