/** The GitLab container scanning report ({@code --format gitlab}), security report schema 15.x. */
package io.kensa.report.gitlab;
