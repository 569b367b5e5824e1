/** The SPDX 2.3 JSON reporter ({@code --format spdx-json}), built with the SPDX Java library and its Jackson store. */
package io.kensa.report.spdx;
