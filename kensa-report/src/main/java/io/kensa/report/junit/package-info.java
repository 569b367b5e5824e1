/** The JUnit XML reporter ({@code --format junit}) for CI test report views (GitLab, Jenkins). */
package io.kensa.report.junit;
