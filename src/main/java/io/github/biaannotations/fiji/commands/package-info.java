/**
 * The SciJava commands of {@code Plugins > BioImage Archive}: Export Annotations..., Import Annotations...,
 * Validate Package..., and the push side (Push to Archive..., Archive Account..., Submissions..., Local Archive
 * Server..., with the plugin types the archive client provides). Every parameter is a plain value, so the macro
 * recorder records one line and headless runs need no dialog; each command collects its input, calls one core
 * method and reports, in the log and, with a display, in a dialog.
 */
package io.github.biaannotations.fiji.commands;
